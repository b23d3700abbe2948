use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{
    applications, companies, engagements, outcomes, projects, reviews, work_reports,
};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = engagements)]
pub struct EngagementRow {
    pub id: i64,
    pub application_id: i64,
    pub status: String,
    pub started_on: NaiveDate,
    pub term_number: i32,
    pub kickoff: Option<String>,
    pub ended_at: Option<NaiveDateTime>,
    pub ended_by: Option<String>,
    pub end_reason: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut AnyConnection,
    application_id: i64,
    started_on: NaiveDate,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(engagements::table)
        .values((
            engagements::application_id.eq(application_id),
            engagements::status.eq("active"),
            engagements::started_on.eq(started_on),
            engagements::term_number.eq(1),
            engagements::created_at.eq(now),
        ))
        .returning(engagements::id)
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<EngagementRow> {
    engagements::table
        .find(id)
        .select(EngagementRow::as_select())
        .first(conn)
}

pub fn set_term(conn: &mut AnyConnection, id: i64, term: i32) -> QueryResult<()> {
    diesel::update(engagements::table.find(id))
        .set(engagements::term_number.eq(term))
        .execute(conn)
        .map(|_| ())
}

pub fn set_kickoff(conn: &mut AnyConnection, id: i64, kickoff: &str) -> QueryResult<()> {
    diesel::update(engagements::table.find(id))
        .set(engagements::kickoff.eq(kickoff))
        .execute(conn)
        .map(|_| ())
}

pub fn end(
    conn: &mut AnyConnection,
    id: i64,
    side: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        engagements::table
            .filter(engagements::id.eq(id))
            .filter(engagements::status.eq("active")),
    )
    .set((
        engagements::status.eq("ended"),
        engagements::ended_at.eq(now),
        engagements::ended_by.eq(side),
        engagements::end_reason.eq(reason),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Engagements by talent, company or prefectures, newest first.
pub fn list(
    conn: &mut AnyConnection,
    talent_id: Option<i64>,
    company_id: Option<i64>,
    prefectures: Option<&[String]>,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<EngagementRow>> {
    let mut query = engagements::table
        .inner_join(applications::table.inner_join(projects::table.inner_join(companies::table)))
        .select(EngagementRow::as_select())
        .into_boxed();
    if let Some(id) = talent_id {
        query = query.filter(applications::talent_id.eq(id));
    }
    if let Some(id) = company_id {
        query = query.filter(companies::id.eq(id));
    }
    if let Some(codes) = prefectures {
        query = query.filter(companies::prefecture_code.eq_any(codes.to_vec()));
    }
    if let Some(id) = before {
        query = query.filter(engagements::id.lt(id));
    }
    query.order(engagements::id.desc()).limit(limit).load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = work_reports)]
pub struct ReportRow {
    pub id: i64,
    pub engagement_id: i64,
    pub month: String,
    pub hours: i32,
    pub summary: String,
    pub outcomes: String,
    pub next_steps: String,
    pub submitted_at: NaiveDateTime,
    pub acknowledged_at: Option<NaiveDateTime>,
    pub acknowledged_by: Option<i64>,
    pub company_comment: Option<String>,
}

pub struct NewReport<'a> {
    pub engagement_id: i64,
    pub month: &'a str,
    pub hours: i32,
    pub summary: &'a str,
    pub outcomes: &'a str,
    pub next_steps: &'a str,
    pub now: NaiveDateTime,
}

pub fn insert_report(conn: &mut AnyConnection, r: &NewReport<'_>) -> QueryResult<i64> {
    diesel::insert_into(work_reports::table)
        .values((
            work_reports::engagement_id.eq(r.engagement_id),
            work_reports::month.eq(r.month),
            work_reports::hours.eq(r.hours),
            work_reports::summary.eq(r.summary),
            work_reports::outcomes.eq(r.outcomes),
            work_reports::next_steps.eq(r.next_steps),
            work_reports::submitted_at.eq(r.now),
        ))
        .returning(work_reports::id)
        .get_result(conn)
}

pub fn report(conn: &mut AnyConnection, id: i64) -> QueryResult<ReportRow> {
    work_reports::table
        .find(id)
        .select(ReportRow::as_select())
        .first(conn)
}

pub fn reports(conn: &mut AnyConnection, engagement_id: i64) -> QueryResult<Vec<ReportRow>> {
    work_reports::table
        .filter(work_reports::engagement_id.eq(engagement_id))
        .order(work_reports::month.asc())
        .select(ReportRow::as_select())
        .load(conn)
}

pub fn acknowledge(
    conn: &mut AnyConnection,
    id: i64,
    user_id: i64,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        work_reports::table
            .filter(work_reports::id.eq(id))
            .filter(work_reports::acknowledged_at.is_null()),
    )
    .set((
        work_reports::acknowledged_at.eq(now),
        work_reports::acknowledged_by.eq(user_id),
        work_reports::company_comment.eq(comment),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// (id, side, term, answers JSON, created_at)
pub type ReviewRow = (i64, String, i32, String, NaiveDateTime);

pub fn insert_review(
    conn: &mut AnyConnection,
    engagement_id: i64,
    side: &str,
    term: i32,
    answers: &str,
    satisfaction: i32,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(reviews::table)
        .values((
            reviews::engagement_id.eq(engagement_id),
            reviews::side.eq(side),
            reviews::term_number.eq(term),
            reviews::answers.eq(answers),
            reviews::satisfaction.eq(satisfaction),
            reviews::created_at.eq(now),
        ))
        .returning(reviews::id)
        .get_result(conn)
}

pub fn reviews(conn: &mut AnyConnection, engagement_id: i64) -> QueryResult<Vec<ReviewRow>> {
    reviews::table
        .filter(reviews::engagement_id.eq(engagement_id))
        .order(reviews::id.asc())
        .select((
            reviews::id,
            reviews::side,
            reviews::term_number,
            reviews::answers,
            reviews::created_at,
        ))
        .load(conn)
}

/// (id, body JSON, recorded_by, created_at)
pub type OutcomeRow = (i64, String, i64, NaiveDateTime);

pub fn insert_outcome(
    conn: &mut AnyConnection,
    engagement_id: i64,
    kind: &str,
    body: &str,
    recorded_by: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(outcomes::table)
        .values((
            outcomes::engagement_id.eq(engagement_id),
            outcomes::kind.eq(kind),
            outcomes::body.eq(body),
            outcomes::recorded_by.eq(recorded_by),
            outcomes::created_at.eq(now),
        ))
        .returning(outcomes::id)
        .get_result(conn)
}

pub fn outcomes(conn: &mut AnyConnection, engagement_id: i64) -> QueryResult<Vec<OutcomeRow>> {
    outcomes::table
        .filter(outcomes::engagement_id.eq(engagement_id))
        .order(outcomes::id.asc())
        .select((
            outcomes::id,
            outcomes::body,
            outcomes::recorded_by,
            outcomes::created_at,
        ))
        .load(conn)
}
