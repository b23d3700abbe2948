//! The facts behind the `responsiveness` factor of a match: how talent answer scouts, and how
//! companies answer applications within their response deadline.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{applications, projects, scouts};
use crate::db::AnyConnection;

/// (talent id, sent at, answered at) of every answered scout, or of one talent's.
pub fn scouts(
    conn: &mut AnyConnection,
    talent_id: Option<i64>,
) -> QueryResult<Vec<(i64, NaiveDateTime, Option<NaiveDateTime>)>> {
    let mut query = scouts::table
        .filter(scouts::answered_at.is_not_null())
        .select((scouts::talent_id, scouts::created_at, scouts::answered_at))
        .into_boxed();
    if let Some(id) = talent_id {
        query = query.filter(scouts::talent_id.eq(id));
    }
    query.load(conn)
}

/// (company id, flagged overdue) of every application a company received, or one company's.
pub fn applications(
    conn: &mut AnyConnection,
    company_id: Option<i64>,
) -> QueryResult<Vec<(i64, bool)>> {
    let mut query = applications::table
        .inner_join(projects::table)
        .select((
            projects::company_id,
            applications::overdue_flagged_at.is_not_null(),
        ))
        .into_boxed();
    if let Some(id) = company_id {
        query = query.filter(projects::company_id.eq(id));
    }
    query.load(conn)
}
