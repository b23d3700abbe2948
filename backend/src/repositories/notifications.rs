use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{email_outbox, hub_prefectures, notifications, users};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: &str,
    title: &str,
    body: &str,
    link: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::kind.eq(kind),
            notifications::title.eq(title),
            notifications::body.eq(body),
            notifications::link.eq(link),
            notifications::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn queue_email(
    conn: &mut AnyConnection,
    to: &str,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::to_email.eq(to),
            email_outbox::subject.eq(subject),
            email_outbox::body.eq(body),
            email_outbox::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn emails(conn: &mut AnyConnection, user_ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    users::table
        .filter(users::id.eq_any(user_ids.to_vec()))
        .select((users::id, users::email))
        .load(conn)
}

/// Coordinators of every hub that covers `prefecture`.
pub fn coordinators_for(conn: &mut AnyConnection, prefecture: &str) -> QueryResult<Vec<i64>> {
    users::table
        .inner_join(hub_prefectures::table.on(hub_prefectures::hub_id.nullable().eq(users::hub_id)))
        .filter(hub_prefectures::prefecture_code.eq(prefecture))
        .select(users::id)
        .distinct()
        .load(conn)
}

pub fn list(
    conn: &mut AnyConnection,
    user_id: i64,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<NotificationRow>> {
    let mut query = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .select(NotificationRow::as_select())
        .into_boxed();
    if let Some(id) = before {
        query = query.filter(notifications::id.lt(id));
    }
    query
        .order(notifications::id.desc())
        .limit(limit)
        .load(conn)
}

/// Marks one of the user's notifications read (keeping the first read time); false when it
/// is not theirs.
pub fn mark_read(
    conn: &mut AnyConnection,
    user_id: i64,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let mine = notifications::table
        .filter(notifications::id.eq(id))
        .filter(notifications::user_id.eq(user_id));
    if !diesel::select(diesel::dsl::exists(mine)).get_result::<bool>(conn)? {
        return Ok(false);
    }
    diesel::update(mine.filter(notifications::read_at.is_null()))
        .set(notifications::read_at.eq(now))
        .execute(conn)?;
    Ok(true)
}

pub fn unsent_emails(
    conn: &mut AnyConnection,
    limit: i64,
) -> QueryResult<Vec<(i64, String, String, String)>> {
    email_outbox::table
        .filter(email_outbox::sent_at.is_null())
        .order(email_outbox::id.asc())
        .limit(limit)
        .select((
            email_outbox::id,
            email_outbox::to_email,
            email_outbox::subject,
            email_outbox::body,
        ))
        .load(conn)
}
