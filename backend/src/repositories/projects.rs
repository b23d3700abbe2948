use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{companies, project_versions, projects};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    pub id: i64,
    pub company_id: i64,
    pub status: String,
    pub draft: String,
    pub title: String,
    pub monthly_fee: Option<i64>,
    pub hours_per_month: Option<i32>,
    pub recruitment_opens_at: Option<NaiveDateTime>,
    pub recruitment_closes_at: Option<NaiveDateTime>,
    pub review_comment: Option<String>,
    pub version: i32,
    pub created_by: i64,
    pub published_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A project with the company facts every view and rule needs.
#[derive(Debug, Clone, Queryable)]
pub struct ProjectWithCompany {
    pub project: ProjectRow,
    pub company_name: String,
    pub prefecture_code: String,
    pub industry_code: String,
}

/// The draft and the columns derived from it, written together.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = projects, treat_none_as_null = true)]
pub struct DraftColumns {
    pub draft: String,
    pub title: String,
    pub monthly_fee: Option<i64>,
    pub hours_per_month: Option<i32>,
    pub recruitment_opens_at: Option<NaiveDateTime>,
    pub recruitment_closes_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut AnyConnection,
    company_id: i64,
    created_by: i64,
    cols: &DraftColumns,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(projects::table)
        .values((
            projects::company_id.eq(company_id),
            projects::status.eq("draft"),
            projects::draft.eq(&cols.draft),
            projects::title.eq(&cols.title),
            projects::monthly_fee.eq(cols.monthly_fee),
            projects::hours_per_month.eq(cols.hours_per_month),
            projects::recruitment_opens_at.eq(cols.recruitment_opens_at),
            projects::recruitment_closes_at.eq(cols.recruitment_closes_at),
            projects::version.eq(1),
            projects::created_by.eq(created_by),
            projects::created_at.eq(now),
            projects::updated_at.eq(now),
        ))
        .returning(projects::id)
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<ProjectWithCompany> {
    projects::table
        .inner_join(companies::table)
        .filter(projects::id.eq(id))
        .select((
            ProjectRow::as_select(),
            companies::name,
            companies::prefecture_code,
            companies::industry_code,
        ))
        .first(conn)
}

/// Writes a new draft only if the posting is still in `status` at `version`; false when
/// another request changed it first.
pub fn update_draft(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    version: i32,
    cols: &DraftColumns,
) -> QueryResult<bool> {
    let n = diesel::update(
        projects::table
            .filter(projects::id.eq(id))
            .filter(projects::status.eq(status))
            .filter(projects::version.eq(version)),
    )
    .set(cols)
    .execute(conn)?;
    Ok(n == 1)
}

/// Moves `from` → `to` only if the project is still in `from`; false when another request
/// moved it first.
pub fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    from: &str,
    to: &str,
    review_comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = projects::table
        .filter(projects::id.eq(id))
        .filter(projects::status.eq(from));
    let n = match to {
        "published" => diesel::update(target)
            .set((
                projects::status.eq(to),
                projects::published_at.eq(now),
                projects::updated_at.eq(now),
            ))
            .execute(conn)?,
        "closed" => diesel::update(target)
            .set((
                projects::status.eq(to),
                projects::closed_at.eq(now),
                projects::updated_at.eq(now),
            ))
            .execute(conn)?,
        _ => diesel::update(target)
            .set((
                projects::status.eq(to),
                projects::review_comment.eq(review_comment),
                projects::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}

pub fn bump_version(conn: &mut AnyConnection, id: i64, version: i32) -> QueryResult<()> {
    diesel::update(projects::table.find(id))
        .set(projects::version.eq(version))
        .execute(conn)
        .map(|_| ())
}

pub fn insert_version(
    conn: &mut AnyConnection,
    project_id: i64,
    version: i32,
    draft: &str,
    edited_by: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(project_versions::table)
        .values((
            project_versions::project_id.eq(project_id),
            project_versions::version.eq(version),
            project_versions::draft.eq(draft),
            project_versions::edited_by.eq(edited_by),
            project_versions::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn versions(
    conn: &mut AnyConnection,
    project_id: i64,
) -> QueryResult<Vec<(i32, String, i64, NaiveDateTime)>> {
    project_versions::table
        .filter(project_versions::project_id.eq(project_id))
        .order(project_versions::version.desc())
        .select((
            project_versions::version,
            project_versions::draft,
            project_versions::edited_by,
            project_versions::created_at,
        ))
        .load(conn)
}

/// Filters for listing projects.
#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    /// Only these statuses.
    pub statuses: Vec<String>,
    pub company_id: Option<i64>,
    pub prefectures: Option<Vec<String>>,
}

pub fn list(
    conn: &mut AnyConnection,
    filter: &ProjectFilter,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<ProjectWithCompany>> {
    let mut query = projects::table
        .inner_join(companies::table)
        .select((
            ProjectRow::as_select(),
            companies::name,
            companies::prefecture_code,
            companies::industry_code,
        ))
        .into_boxed();
    if !filter.statuses.is_empty() {
        query = query.filter(projects::status.eq_any(filter.statuses.clone()));
    }
    if let Some(id) = filter.company_id {
        query = query.filter(projects::company_id.eq(id));
    }
    if let Some(codes) = &filter.prefectures {
        query = query.filter(companies::prefecture_code.eq_any(codes.clone()));
    }
    if let Some(id) = before {
        query = query.filter(projects::id.lt(id));
    }
    query.order(projects::id.desc()).limit(limit).load(conn)
}

/// Published projects whose recruitment window has closed.
pub fn expired_published(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
) -> QueryResult<Vec<(i64, i64)>> {
    projects::table
        .filter(projects::status.eq("published"))
        .filter(projects::recruitment_closes_at.le(now))
        .select((projects::id, projects::company_id))
        .load(conn)
}

/// Every published posting with its company facts (to build the search index).
pub fn all_published(conn: &mut AnyConnection) -> QueryResult<Vec<ProjectWithCompany>> {
    projects::table
        .inner_join(companies::table)
        .filter(projects::status.eq("published"))
        .select((
            ProjectRow::as_select(),
            companies::name,
            companies::prefecture_code,
            companies::industry_code,
        ))
        .load(conn)
}

/// The ids of a company's postings.
pub fn ids_of_company(conn: &mut AnyConnection, company_id: i64) -> QueryResult<Vec<i64>> {
    projects::table
        .filter(projects::company_id.eq(company_id))
        .select(projects::id)
        .load(conn)
}

/// Postings by id, in any order.
pub fn find_many(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<Vec<ProjectWithCompany>> {
    projects::table
        .inner_join(companies::table)
        .filter(projects::id.eq_any(ids.to_vec()))
        .select((
            ProjectRow::as_select(),
            companies::name,
            companies::prefecture_code,
            companies::industry_code,
        ))
        .load(conn)
}
