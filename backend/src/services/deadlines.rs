//! Time-driven rules, run every minute by each instance (idempotent, so several instances
//! may run them at once): recruitment windows close by themselves, and no application waits
//! in silence: past the response deadline it is flagged to the hub, and at twice the deadline
//! it is declined with a courteous message.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::enums::DeclineReason;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::applications as repo;
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::{from_db_time, to_db_time};
use crate::services::notify::{self, Note};
use crate::services::{decline, projects};

/// What one run changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sweep {
    pub projects_closed: usize,
    pub applications_flagged: usize,
    pub applications_declined: usize,
}

pub fn run(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<Sweep, ApiError> {
    let projects_closed = projects::close_expired(conn, now)?;
    let applications_flagged = flag_overdue(conn, now)?;
    let applications_declined = decline_unanswered(conn, now)?;
    Ok(Sweep {
        projects_closed,
        applications_flagged,
        applications_declined,
    })
}

fn flag_overdue(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<usize, ApiError> {
    conn.transaction(|conn| {
        let mut flagged = 0;
        for ctx in repo::overdue_unflagged(conn, to_db_time(now))? {
            if !repo::flag_overdue(conn, ctx.application.id, to_db_time(now))? {
                continue;
            }
            flagged += 1;
            // A missed deadline lowers the company's responsiveness in matching.
            crate::repositories::search_changes::record(
                conn,
                "company",
                ctx.company_id,
                to_db_time(now),
            )?;
            audit::record(
                conn,
                &AuditEntry::new("application", ctx.application.id, "flag_overdue", now),
            )?;
            let link = format!("/applications/{}", ctx.application.id);
            let body = format!(
                "{}「{}」への{}さんの応募に、回答期限を過ぎても返事がありません。",
                ctx.company_name, ctx.project_title, ctx.talent_name
            );
            notify::hub(
                conn,
                &ctx.prefecture_code,
                &Note {
                    kind: "application.overdue",
                    title: "回答期限を過ぎた応募があります",
                    body: &body,
                    link: link.clone(),
                },
                now,
            )?;
            notify::company(
                conn,
                ctx.company_id,
                &Note {
                    kind: "application.overdue",
                    title: "応募へのお返事が期限を過ぎています",
                    body: &format!("「{}」への応募にお返事をお願いします。", ctx.project_title),
                    link,
                },
                now,
            )?;
        }
        Ok(flagged)
    })
}

fn decline_unanswered(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<usize, ApiError> {
    conn.transaction(|conn| {
        let mut declined = 0;
        for ctx in repo::waiting(conn)? {
            let a = &ctx.application;
            let Some(due) = a.response_due_at.map(from_db_time) else {
                continue;
            };
            // Twice the deadline, counted from the application.
            let limit = due + (due - from_db_time(a.created_at));
            if limit > now || !repo::set_status(conn, a.id, "applied", "declined", to_db_time(now))?
            {
                continue;
            }
            let message = decline::message(&ctx.project_title, DeclineReason::NoResponse, None);
            repo::set_decline(conn, a.id, DeclineReason::NoResponse.as_str(), &message)?;
            audit::record(
                conn,
                &AuditEntry::new("application", a.id, "decline", now).moved("applied", "declined"),
            )?;
            // Webhooks.
            crate::services::webhooks::application_status_changed(
                conn, &ctx, "applied", "declined", now,
            )?;
            let link = format!("/applications/{}", a.id);
            notify::users(
                conn,
                &[a.talent_id],
                &Note {
                    kind: "application.declined",
                    title: "応募の結果のお知らせ",
                    body: &message,
                    link: link.clone(),
                },
                now,
            )?;
            notify::hub(
                conn,
                &ctx.prefecture_code,
                &Note {
                    kind: "application.auto_declined",
                    title: "期限切れの応募を自動で終了しました",
                    body: &ctx.project_title,
                    link,
                },
                now,
            )?;
            declined += 1;
        }
        Ok(declined)
    })
}
