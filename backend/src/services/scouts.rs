//! Scouts and nominations (スカウト / 指名): a company or coordinator invites a talent to a
//! project; the talent accepts (which becomes an application) or declines.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::application::{Scout, ScoutAnswer, ScoutInput, ScoutStatus};
use kakehashi_shared::enums::Role;
use kakehashi_shared::workflow::ProjectStatus;
use kakehashi_shared::Page;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::Actor;
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::scouts::{self as repo, ScoutRow};
use crate::repositories::{applications, from_db_time, talents, to_db_time};
use crate::services::notify::{self, Note};
use crate::services::{applications as application_service, projects};

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

fn to_dto((row, title): (ScoutRow, String)) -> Result<Scout, ApiError> {
    Ok(Scout {
        id: row.id,
        project_id: row.project_id,
        project_title: title,
        talent_id: row.talent_id,
        sent_by: row.sent_by,
        message: row.message,
        status: ScoutStatus::parse(&row.status)
            .ok_or_else(|| ApiError::internal("unknown scout status"))?,
        application_id: row.application_id,
        created_at: from_db_time(row.created_at),
    })
}

pub fn send(
    conn: &mut AnyConnection,
    actor: &Actor,
    project_id: i64,
    input: &ScoutInput,
    now: DateTime<Utc>,
) -> Result<Scout, ApiError> {
    conn.transaction(|conn| {
        let (project, access) = projects::load_managed(conn, actor, project_id)?;
        if project.project.status != ProjectStatus::Published.as_str() {
            return Err(conflict(
                "project_not_published",
                "Only a published posting can be sent as a scout.",
            ));
        }
        // Talent who are not discoverable cannot be found, so cannot be scouted either.
        match talents::find(conn, input.talent_id)? {
            Some((row, _, _)) if row.discoverable => {}
            _ => {
                return Err(ApiError::field(
                    "talent_id",
                    "unknown_value",
                    "no discoverable talent with this id",
                ))
            }
        }
        if applications::open_exists(conn, project_id, input.talent_id)? {
            return Err(conflict(
                "application_exists",
                "This talent already has an open application to the posting.",
            ));
        }
        if repo::pending_exists(conn, project_id, input.talent_id)? {
            return Err(conflict(
                "scout_exists",
                "A scout for this posting is already waiting for the talent's answer.",
            ));
        }
        let id = repo::insert(
            conn,
            project_id,
            input.talent_id,
            actor.user_id,
            input.message.trim(),
            to_db_time(now),
        )?;
        let mut entry = AuditEntry::new("scout", id, "sent", now)
            .by(actor.user_id)
            .to_state("pending");
        if access.acts_for_company() {
            entry.on_behalf_of_company_id = Some(project.project.company_id);
        }
        audit::record(conn, &entry)?;
        notify::users(
            conn,
            &[input.talent_id],
            &Note {
                kind: "scout.received",
                title: "スカウトが届きました",
                body: &format!(
                    "{}から「{}」へのお誘いです。\n\n{}",
                    project.company_name,
                    project.project.title,
                    input.message.trim()
                ),
                link: format!("/scouts/{id}"),
            },
            now,
        )?;
        to_dto(repo::find(conn, id)?)
    })
}

/// Scouts received (talent) or sent for one project (company side, `project_id` required).
pub fn list(
    conn: &mut AnyConnection,
    actor: &Actor,
    project_id: Option<i64>,
    page: PageRequest,
) -> Result<Page<Scout>, ApiError> {
    let rows = match (actor.role, project_id) {
        (Role::Talent, _) => repo::list(
            conn,
            Some(actor.user_id),
            None,
            project_id,
            page.before,
            page.fetch(),
        )?,
        (Role::CompanyMember, None) => {
            let company = actor.company_id.unwrap_or(-1);
            repo::list(conn, None, Some(company), None, page.before, page.fetch())?
        }
        (_, Some(id)) => {
            let (project, _) = projects::load_managed(conn, actor, id)?;
            repo::list(
                conn,
                None,
                Some(project.project.company_id),
                Some(id),
                page.before,
                page.fetch(),
            )?
        }
        (_, None) => {
            return Err(ApiError::field(
                "project_id",
                "required",
                "say which posting's scouts to list",
            ))
        }
    };
    page.page(rows, |(s, _)| s.id, to_dto)
}

pub fn get(conn: &mut AnyConnection, actor: &Actor, id: i64) -> Result<Scout, ApiError> {
    let found = repo::find(conn, id)?;
    if actor.role == Role::Talent && found.0.talent_id != actor.user_id {
        return Err(ApiError::NotFound);
    }
    if actor.role != Role::Talent {
        projects::load_managed(conn, actor, found.0.project_id)?;
    }
    to_dto(found)
}

/// The talent's answer. Accepting applies with the given proposal.
pub fn answer(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    answer: &ScoutAnswer,
    now: DateTime<Utc>,
) -> Result<Scout, ApiError> {
    conn.transaction(|conn| {
        let (scout, title) = repo::find(conn, id)?;
        if actor.role != Role::Talent || scout.talent_id != actor.user_id {
            return Err(ApiError::NotFound);
        }
        if scout.status != ScoutStatus::Pending.as_str() {
            return Err(conflict(
                &format!("illegal_transition:{}:answer", scout.status),
                "This scout has already been answered.",
            ));
        }
        let project = crate::repositories::projects::find(conn, scout.project_id)?;
        let (status, application_id) = match (&answer.application, answer.accept) {
            (Some(input), true) => {
                let application = application_service::apply(
                    conn,
                    actor,
                    scout.project_id,
                    input,
                    Some(id),
                    now,
                )?;
                (ScoutStatus::Accepted, Some(application.id))
            }
            _ => (ScoutStatus::Declined, None),
        };
        if !repo::answer(conn, id, status.as_str(), application_id, to_db_time(now))? {
            return Err(conflict(
                "concurrent_update",
                "The scout changed meanwhile; reload it.",
            ));
        }
        // How the talent answers scouts counts in matching.
        crate::repositories::search_changes::record(
            conn,
            "talent",
            scout.talent_id,
            to_db_time(now),
        )?;
        audit::record(
            conn,
            &AuditEntry::new("scout", id, "answer", now)
                .by(actor.user_id)
                .moved("pending", status.as_str()),
        )?;
        if status == ScoutStatus::Declined {
            notify::company(
                conn,
                project.project.company_id,
                &Note {
                    kind: "scout.declined",
                    title: "スカウトへのお返事がありました（辞退）",
                    body: &title,
                    link: format!("/projects/{}", scout.project_id),
                },
                now,
            )?;
        }
        to_dto(repo::find(conn, id)?)
    })
}
