//! Messages between the parties of an application (the coordinator reads and writes too), and
//! interviews: one side proposes 1–5 slots, the other confirms one; private notes per side.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::application::{
    Interview, InterviewConfirm, InterviewNotes, InterviewProposal, Message, MessageInput,
};
use kakehashi_shared::enums::Side;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus};
use kakehashi_shared::{FieldErrors, Page};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::{Actor, Party};
use crate::repositories::applications::{self as app_repo, ApplicationContext};
use crate::repositories::audit;
use crate::repositories::conversations::{self as repo, InterviewRow};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::{from_db_time, to_db_time};
use crate::services::applications::{audit_entry, load, status_of};
use crate::services::notify::{self, Note};

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

/// Tells the other side of an application.
fn notify_other(
    conn: &mut AnyConnection,
    ctx: &ApplicationContext,
    from: Side,
    note: &Note<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    notify::other_party(
        conn,
        from,
        ctx.application.talent_id,
        ctx.company_id,
        note,
        now,
    )
}

/// The conversation, oldest first; reading it marks it read for the caller.
pub fn messages(
    conn: &mut AnyConnection,
    actor: &Actor,
    application_id: i64,
) -> Result<Page<Message>, ApiError> {
    conn.transaction(|conn| {
        load(conn, actor, application_id)?;
        let last_read = repo::last_read(conn, application_id, actor.user_id)?;
        let rows = repo::messages(conn, application_id)?;
        if let Some(newest) = rows.last() {
            repo::mark_read(conn, application_id, actor.user_id, newest.id)?;
        }
        let items = rows
            .into_iter()
            .map(|m| message_dto(m, application_id, actor.user_id, last_read))
            .collect();
        Ok(Page::complete(items))
    })
}

pub fn post_message(
    conn: &mut AnyConnection,
    actor: &Actor,
    application_id: i64,
    input: &MessageInput,
    now: DateTime<Utc>,
) -> Result<Message, ApiError> {
    conn.transaction(|conn| {
        let (ctx, party) = load(conn, actor, application_id)?;
        let id = repo::insert_message(
            conn,
            application_id,
            actor.user_id,
            input.body.trim(),
            to_db_time(now),
        )?;
        repo::mark_read(conn, application_id, actor.user_id, id)?;
        notify_other(
            conn,
            &ctx,
            party.side(),
            &Note {
                kind: "message.created",
                title: "新しいメッセージが届きました",
                body: &ctx.project_title,
                // Straight to the conversation, for every role.
                link: format!("/applications/{application_id}/messages"),
            },
            now,
        )?;
        let row = repo::messages(conn, application_id)?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(ApiError::NotFound)?;
        Ok(message_dto(row, application_id, actor.user_id, id))
    })
}

fn message_dto(m: repo::MessageRow, application_id: i64, reader: i64, last_read: i64) -> Message {
    Message {
        id: m.id,
        application_id,
        sender_id: m.sender_id,
        sender_name: m.sender_name,
        body: m.body,
        created_at: from_db_time(m.created_at),
        // One's own messages count as read.
        read: m.sender_id == reader || m.id <= last_read,
    }
}

fn interview_dto(row: InterviewRow, side: Side) -> Result<Interview, ApiError> {
    Ok(Interview {
        id: row.id,
        application_id: row.application_id,
        proposed_by: Side::parse(&row.proposed_by)
            .ok_or_else(|| ApiError::internal("unknown side"))?,
        slots: from_text(&row.slots)?,
        duration_minutes: row.duration_minutes,
        meeting_url: row.meeting_url,
        confirmed_slot: row.confirmed_slot.map(from_db_time),
        my_notes: match side {
            Side::Company => row.company_notes,
            Side::Talent => row.talent_notes,
        },
        created_at: from_db_time(row.created_at),
    })
}

pub fn propose(
    conn: &mut AnyConnection,
    actor: &Actor,
    application_id: i64,
    input: &InterviewProposal,
    now: DateTime<Utc>,
) -> Result<Interview, ApiError> {
    conn.transaction(|conn| {
        let (ctx, party) = load(conn, actor, application_id)?;
        let status = status_of(&ctx)?;
        if !matches!(
            status,
            ApplicationStatus::Applied
                | ApplicationStatus::Shortlisted
                | ApplicationStatus::Interviewing
        ) {
            return Err(conflict(
                &format!("illegal_transition:{}:propose_interview", status.as_str()),
                "Interviews are arranged before an offer.",
            ));
        }
        let mut e = FieldErrors::new();
        for (i, slot) in input.slots.iter().enumerate() {
            if *slot <= now {
                e.add(
                    &format!("slots[{i}]"),
                    "out_of_range",
                    "must be in the future",
                );
            }
        }
        e.into_result().map_err(ApiError::Validation)?;
        let side = party.side();
        let id = repo::insert_interview(
            conn,
            application_id,
            side.as_str(),
            &to_text(&input.slots)?,
            input.duration_minutes,
            input.meeting_url.as_deref(),
            to_db_time(now),
        )?;
        audit::record(
            conn,
            &audit_entry(actor, party, &ctx, "propose_interview", now),
        )?;
        notify_other(
            conn,
            &ctx,
            side,
            &Note {
                kind: "interview.proposed",
                title: "面談の候補日時が届きました",
                body: &ctx.project_title,
                link: format!("/applications/{application_id}"),
            },
            now,
        )?;
        interview_dto(repo::find_interview(conn, id)?, side)
    })
}

fn load_interview(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(InterviewRow, ApplicationContext, Party), ApiError> {
    let row = repo::find_interview(conn, id)?;
    let (ctx, party) = load(conn, actor, row.application_id)?;
    Ok((row, ctx, party))
}

/// The other side confirms one of the proposed slots; the application moves to interviewing.
pub fn confirm(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &InterviewConfirm,
    now: DateTime<Utc>,
) -> Result<Interview, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load_interview(conn, actor, id)?;
        let side = party.side();
        if row.proposed_by == side.as_str() {
            return Err(ApiError::Forbidden);
        }
        let status = status_of(&ctx)?;
        if !status.is_open() {
            return Err(conflict(
                &format!("illegal_transition:{}:confirm_interview", status.as_str()),
                "The application is no longer open.",
            ));
        }
        let slots: Vec<DateTime<Utc>> = from_text(&row.slots)?;
        if !slots.contains(&input.slot) {
            return Err(ApiError::field(
                "slot",
                "unknown_value",
                "must be one of the proposed slots",
            ));
        }
        if !repo::confirm(conn, id, to_db_time(input.slot))? {
            return Err(conflict(
                "interview_already_confirmed",
                "A slot has already been confirmed.",
            ));
        }
        if matches!(
            status,
            ApplicationStatus::Applied | ApplicationStatus::Shortlisted
        ) {
            let to = status
                .apply(ApplicationAction::Interview)
                .map_err(|e| conflict(&e.code(), "cannot interview"))?;
            if !app_repo::set_status(
                conn,
                ctx.application.id,
                status.as_str(),
                to.as_str(),
                to_db_time(now),
            )? {
                return Err(conflict(
                    "concurrent_update",
                    "The application changed meanwhile; reload it.",
                ));
            }
            audit::record(
                conn,
                &audit_entry(actor, party, &ctx, "interview", now)
                    .moved(status.as_str(), to.as_str()),
            )?;
        }
        audit::record(
            conn,
            &audit_entry(actor, party, &ctx, "confirm_interview", now),
        )?;
        notify_other(
            conn,
            &ctx,
            side,
            &Note {
                kind: "interview.confirmed",
                title: "面談の日時が確定しました",
                body: &ctx.project_title,
                link: format!("/applications/{}", ctx.application.id),
            },
            now,
        )?;
        interview_dto(repo::find_interview(conn, id)?, side)
    })
}

pub fn save_notes(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &InterviewNotes,
) -> Result<Interview, ApiError> {
    let (_, _, party) = load_interview(conn, actor, id)?;
    let side = party.side();
    repo::set_notes(conn, id, side == Side::Company, &input.notes)?;
    interview_dto(repo::find_interview(conn, id)?, side)
}

pub fn interviews(
    conn: &mut AnyConnection,
    actor: &Actor,
    application_id: i64,
) -> Result<Page<Interview>, ApiError> {
    let (_, party) = load(conn, actor, application_id)?;
    let items = repo::interviews(conn, application_id)?
        .into_iter()
        .map(|r| interview_dto(r, party.side()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page::complete(items))
}
