//! Notifications for every event that needs someone's action: in the app, and by email through
//! the outbox (written in the same transaction, sent later, so sending never blocks or fails
//! a request).

use chrono::{DateTime, Utc};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::{companies, notifications as repo, to_db_time};

/// One event to tell people about. Texts are Japanese, the product's first language; the app
/// translates by `kind` when English is chosen.
pub struct Note<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub link: String,
}

pub fn users(
    conn: &mut AnyConnection,
    user_ids: &[i64],
    note: &Note<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let at = to_db_time(now);
    for (user_id, email) in repo::emails(conn, user_ids)? {
        repo::insert(
            conn, user_id, note.kind, note.title, note.body, &note.link, at,
        )?;
        let body = format!("{}\n\n{}\n\n架け橋: {}", note.title, note.body, note.link);
        repo::queue_email(
            conn,
            &email,
            &format!("【架け橋】{}", note.title),
            &body,
            at,
        )?;
    }
    Ok(())
}

pub fn company(
    conn: &mut AnyConnection,
    company_id: i64,
    note: &Note<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let members = companies::member_ids(conn, company_id)?;
    users(conn, &members, note, now)
}

/// Tells the coordinators of the hubs covering `prefecture`.
pub fn hub(
    conn: &mut AnyConnection,
    prefecture: &str,
    note: &Note<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let coordinators = repo::coordinators_for(conn, prefecture)?;
    users(conn, &coordinators, note, now)
}

/// Tells one party of an application: the talent, or every member of the company.
pub fn party(
    conn: &mut AnyConnection,
    to: kakehashi_shared::enums::Side,
    talent_id: i64,
    company_id: i64,
    note: &Note<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    match to {
        kakehashi_shared::enums::Side::Talent => users(conn, &[talent_id], note, now),
        kakehashi_shared::enums::Side::Company => company(conn, company_id, note, now),
    }
}

/// Tells the other party than the one that acted.
pub fn other_party(
    conn: &mut AnyConnection,
    from: kakehashi_shared::enums::Side,
    talent_id: i64,
    company_id: i64,
    note: &Note<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    use kakehashi_shared::enums::Side;
    let to = if from == Side::Talent {
        Side::Company
    } else {
        Side::Talent
    };
    party(conn, to, talent_id, company_id, note, now)
}

/// One page of a person's notifications, newest first, as the API shows them (the list
/// endpoint and the personal-data export read them the same way).
pub fn page_for(
    conn: &mut AnyConnection,
    user_id: i64,
    page: &crate::pagination::PageRequest,
) -> Result<kakehashi_shared::Page<kakehashi_shared::notification::Notification>, ApiError> {
    use crate::repositories::from_db_time;
    let rows = repo::list(conn, user_id, page.before, page.fetch())?;
    page.page(
        rows,
        |r| r.id,
        |r| {
            Ok(kakehashi_shared::notification::Notification {
                id: r.id,
                kind: r.kind,
                title: r.title,
                body: r.body,
                link: r.link,
                created_at: from_db_time(r.created_at),
                read_at: r.read_at.map(from_db_time),
            })
        },
    )
}
