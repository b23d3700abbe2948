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
        // Privacy (APPI): a deleted account is told nothing (its address is a placeholder).
        .filter(
            users::id.ne_all(
                crate::db::schema::account_deletions::table
                    .select(crate::db::schema::account_deletions::user_id),
            ),
        )
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

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_outbox)]
pub struct EmailRow {
    pub id: i64,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub attempts: i32,
    pub last_error: Option<String>,
}

/// Unsent email that has not failed too often, oldest first.
pub fn unsent_emails(
    conn: &mut AnyConnection,
    max_attempts: i32,
    limit: i64,
) -> QueryResult<Vec<EmailRow>> {
    email_outbox::table
        .filter(email_outbox::sent_at.is_null())
        .filter(email_outbox::attempts.lt(max_attempts))
        .order(email_outbox::id.asc())
        .limit(limit)
        .select(EmailRow::as_select())
        .load(conn)
}

/// Claims one email for a send attempt; false when another instance claimed it first.
pub fn claim_email(conn: &mut AnyConnection, id: i64, attempts: i32) -> QueryResult<bool> {
    let n = diesel::update(
        email_outbox::table
            .filter(email_outbox::id.eq(id))
            .filter(email_outbox::sent_at.is_null())
            .filter(email_outbox::attempts.eq(attempts)),
    )
    .set(email_outbox::attempts.eq(attempts + 1))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn email_sent(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(email_outbox::table.find(id))
        .set(email_outbox::sent_at.eq(now))
        .execute(conn)
        .map(|_| ())
}

pub fn email_failed(conn: &mut AnyConnection, id: i64, error: &str) -> QueryResult<()> {
    diesel::update(email_outbox::table.find(id))
        .set(email_outbox::last_error.eq(error))
        .execute(conn)
        .map(|_| ())
}

/// The outbox, newest first, for admins.
pub fn outbox(
    conn: &mut AnyConnection,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<EmailRow>> {
    let mut query = email_outbox::table
        .select(EmailRow::as_select())
        .into_boxed();
    if let Some(id) = before {
        query = query.filter(email_outbox::id.lt(id));
    }
    query.order(email_outbox::id.desc()).limit(limit).load(conn)
}
