use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{projects, scouts};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = scouts)]
pub struct ScoutRow {
    pub id: i64,
    pub project_id: i64,
    pub talent_id: i64,
    pub sent_by: i64,
    pub message: String,
    pub status: String,
    pub application_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut AnyConnection,
    project_id: i64,
    talent_id: i64,
    sent_by: i64,
    message: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(scouts::table)
        .values((
            scouts::project_id.eq(project_id),
            scouts::talent_id.eq(talent_id),
            scouts::sent_by.eq(sent_by),
            scouts::message.eq(message),
            scouts::status.eq("pending"),
            scouts::created_at.eq(now),
        ))
        .returning(scouts::id)
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<(ScoutRow, String)> {
    scouts::table
        .inner_join(projects::table)
        .filter(scouts::id.eq(id))
        .select((ScoutRow::as_select(), projects::title))
        .first(conn)
}

pub fn pending_exists(
    conn: &mut AnyConnection,
    project_id: i64,
    talent_id: i64,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        scouts::table
            .filter(scouts::project_id.eq(project_id))
            .filter(scouts::talent_id.eq(talent_id))
            .filter(scouts::status.eq("pending")),
    ))
    .get_result(conn)
}

pub fn answer(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    application_id: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        scouts::table
            .filter(scouts::id.eq(id))
            .filter(scouts::status.eq("pending")),
    )
    .set((
        scouts::status.eq(status),
        scouts::application_id.eq(application_id),
        scouts::answered_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Scouts received by a talent, or sent for a company's projects.
pub fn list(
    conn: &mut AnyConnection,
    talent_id: Option<i64>,
    company_id: Option<i64>,
    project_id: Option<i64>,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<(ScoutRow, String)>> {
    let mut query = scouts::table
        .inner_join(projects::table)
        .select((ScoutRow::as_select(), projects::title))
        .into_boxed();
    if let Some(id) = talent_id {
        query = query.filter(scouts::talent_id.eq(id));
    }
    if let Some(id) = company_id {
        query = query.filter(projects::company_id.eq(id));
    }
    if let Some(id) = project_id {
        query = query.filter(scouts::project_id.eq(id));
    }
    if let Some(id) = before {
        query = query.filter(scouts::id.lt(id));
    }
    query.order(scouts::id.desc()).limit(limit).load(conn)
}
