//! Messages per application, with read markers, and interviews.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{interviews, message_reads, messages, users};
use crate::db::AnyConnection;

pub fn insert_message(
    conn: &mut AnyConnection,
    application_id: i64,
    sender_id: i64,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(messages::table)
        .values((
            messages::application_id.eq(application_id),
            messages::sender_id.eq(sender_id),
            messages::body.eq(body),
            messages::created_at.eq(now),
        ))
        .returning(messages::id)
        .get_result(conn)
}

/// A message with its sender's name.
#[derive(Debug, Clone, Queryable)]
pub struct MessageRow {
    pub id: i64,
    pub sender_id: i64,
    pub sender_name: String,
    pub body: String,
    pub created_at: NaiveDateTime,
}

/// The conversation, oldest first.
pub fn messages(conn: &mut AnyConnection, application_id: i64) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .inner_join(users::table)
        .filter(messages::application_id.eq(application_id))
        .order(messages::id.asc())
        .select((
            messages::id,
            messages::sender_id,
            users::display_name,
            messages::body,
            messages::created_at,
        ))
        .load(conn)
}

pub fn last_read(conn: &mut AnyConnection, application_id: i64, user_id: i64) -> QueryResult<i64> {
    Ok(message_reads::table
        .filter(message_reads::application_id.eq(application_id))
        .filter(message_reads::user_id.eq(user_id))
        .select(message_reads::last_read_message_id)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

pub fn mark_read(
    conn: &mut AnyConnection,
    application_id: i64,
    user_id: i64,
    message_id: i64,
) -> QueryResult<()> {
    let target = message_reads::table
        .filter(message_reads::application_id.eq(application_id))
        .filter(message_reads::user_id.eq(user_id));
    let updated = diesel::update(target.filter(message_reads::last_read_message_id.lt(message_id)))
        .set(message_reads::last_read_message_id.eq(message_id))
        .execute(conn)?;
    if updated == 0 && !diesel::select(diesel::dsl::exists(target)).get_result::<bool>(conn)? {
        diesel::insert_into(message_reads::table)
            .values((
                message_reads::application_id.eq(application_id),
                message_reads::user_id.eq(user_id),
                message_reads::last_read_message_id.eq(message_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = interviews)]
pub struct InterviewRow {
    pub id: i64,
    pub application_id: i64,
    pub proposed_by: String,
    pub slots: String,
    pub duration_minutes: i32,
    pub meeting_url: Option<String>,
    pub confirmed_slot: Option<NaiveDateTime>,
    pub company_notes: Option<String>,
    pub talent_notes: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert_interview(
    conn: &mut AnyConnection,
    application_id: i64,
    proposed_by: &str,
    slots: &str,
    duration_minutes: i32,
    meeting_url: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(interviews::table)
        .values((
            interviews::application_id.eq(application_id),
            interviews::proposed_by.eq(proposed_by),
            interviews::slots.eq(slots),
            interviews::duration_minutes.eq(duration_minutes),
            interviews::meeting_url.eq(meeting_url),
            interviews::created_at.eq(now),
        ))
        .returning(interviews::id)
        .get_result(conn)
}

pub fn find_interview(conn: &mut AnyConnection, id: i64) -> QueryResult<InterviewRow> {
    interviews::table
        .find(id)
        .select(InterviewRow::as_select())
        .first(conn)
}

pub fn interviews(conn: &mut AnyConnection, application_id: i64) -> QueryResult<Vec<InterviewRow>> {
    interviews::table
        .filter(interviews::application_id.eq(application_id))
        .order(interviews::id.asc())
        .select(InterviewRow::as_select())
        .load(conn)
}

pub fn confirm(conn: &mut AnyConnection, id: i64, slot: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        interviews::table
            .filter(interviews::id.eq(id))
            .filter(interviews::confirmed_slot.is_null()),
    )
    .set(interviews::confirmed_slot.eq(slot))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn set_notes(
    conn: &mut AnyConnection,
    id: i64,
    company_side: bool,
    notes: &str,
) -> QueryResult<()> {
    let target = interviews::table.find(id);
    if company_side {
        diesel::update(target)
            .set(interviews::company_notes.eq(notes))
            .execute(conn)?;
    } else {
        diesel::update(target)
            .set(interviews::talent_notes.eq(notes))
            .execute(conn)?;
    }
    Ok(())
}
