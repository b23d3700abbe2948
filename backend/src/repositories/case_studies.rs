use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::case_studies;
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = case_studies)]
pub struct CaseStudyRow {
    pub id: i64,
    pub engagement_id: i64,
    pub status: String,
    pub text: String,
    pub prefecture_code: String,
    pub industry_code: String,
    pub challenges: String,
    pub company_consent_at: Option<NaiveDateTime>,
    pub talent_consent_at: Option<NaiveDateTime>,
    pub coordinator_consent_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut AnyConnection,
    engagement_id: i64,
    text: &str,
    prefecture: &str,
    industry: &str,
    challenges: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(case_studies::table)
        .values((
            case_studies::engagement_id.eq(engagement_id),
            case_studies::status.eq("draft"),
            case_studies::text.eq(text),
            case_studies::prefecture_code.eq(prefecture),
            case_studies::industry_code.eq(industry),
            case_studies::challenges.eq(challenges),
            case_studies::created_at.eq(now),
        ))
        .returning(case_studies::id)
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<CaseStudyRow> {
    case_studies::table
        .find(id)
        .select(CaseStudyRow::as_select())
        .first(conn)
}

/// New text: every consent must be given again for what will be published.
pub fn set_text(conn: &mut AnyConnection, id: i64, text: &str) -> QueryResult<()> {
    diesel::update(case_studies::table.find(id))
        .set((
            case_studies::text.eq(text),
            case_studies::company_consent_at.eq(None::<NaiveDateTime>),
            case_studies::talent_consent_at.eq(None::<NaiveDateTime>),
            case_studies::coordinator_consent_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn consent(
    conn: &mut AnyConnection,
    id: i64,
    party: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let target = case_studies::table.find(id);
    match party {
        "company" => diesel::update(target)
            .set(case_studies::company_consent_at.eq(now))
            .execute(conn)?,
        "talent" => diesel::update(target)
            .set(case_studies::talent_consent_at.eq(now))
            .execute(conn)?,
        _ => diesel::update(target)
            .set(case_studies::coordinator_consent_at.eq(now))
            .execute(conn)?,
    };
    Ok(())
}

pub fn publish(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    // Consents are checked in the same statement, so an edit that cleared them wins.
    let n = diesel::update(
        case_studies::table
            .filter(case_studies::id.eq(id))
            .filter(case_studies::status.eq("draft"))
            .filter(case_studies::company_consent_at.is_not_null())
            .filter(case_studies::talent_consent_at.is_not_null())
            .filter(case_studies::coordinator_consent_at.is_not_null()),
    )
    .set((
        case_studies::status.eq("published"),
        case_studies::published_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Published case studies, newest first, filtered.
pub fn published(
    conn: &mut AnyConnection,
    prefecture: Option<&str>,
    industry: Option<&str>,
    challenge: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<CaseStudyRow>> {
    let mut query = case_studies::table
        .filter(case_studies::status.eq("published"))
        .select(CaseStudyRow::as_select())
        .into_boxed();
    if let Some(code) = prefecture {
        query = query.filter(case_studies::prefecture_code.eq(code.to_owned()));
    }
    if let Some(code) = industry {
        query = query.filter(case_studies::industry_code.eq(code.to_owned()));
    }
    if let Some(code) = challenge {
        // Challenges are a JSON list of codes: match the quoted code.
        query = query.filter(case_studies::challenges.like(format!("%\"{code}\"%")));
    }
    if let Some(id) = before {
        query = query.filter(case_studies::id.lt(id));
    }
    query.order(case_studies::id.desc()).limit(limit).load(conn)
}

pub fn for_engagement(conn: &mut AnyConnection, engagement_id: i64) -> QueryResult<Option<i64>> {
    case_studies::table
        .filter(case_studies::engagement_id.eq(engagement_id))
        .select(case_studies::id)
        .first(conn)
        .optional()
}
