//! Postings: drafting, review by a coordinator, publication, versions after publication,
//! and closing (by hand, or by itself when the recruitment window ends).

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::enums::Role;
use kakehashi_shared::project::{Project, ProjectDraft, ProjectVersion};
use kakehashi_shared::workflow::{ProjectAction, ProjectStatus};
use kakehashi_shared::{FieldErrors, Page, Validate};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor, CompanyAccess};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::projects::{
    self as repo, DraftColumns, ProjectFilter, ProjectWithCompany,
};
use crate::repositories::{from_db_time, search_changes, to_db_time};
use crate::services::notify::{self, Note};
use crate::services::{codes, context};

pub fn status_of(p: &ProjectWithCompany) -> Result<ProjectStatus, ApiError> {
    ProjectStatus::parse(&p.project.status)
        .ok_or_else(|| ApiError::internal("unknown project status"))
}

pub fn draft_of(p: &ProjectWithCompany) -> Result<ProjectDraft, ApiError> {
    from_text(&p.project.draft)
}

/// The posting as the caller may see it: the coordinator's review comment only for the
/// company and its hub.
pub fn to_dto(p: ProjectWithCompany, show_review: bool) -> Result<Project, ApiError> {
    let status = status_of(&p)?;
    let draft = draft_of(&p)?;
    let row = p.project;
    Ok(Project {
        id: row.id,
        company_id: row.company_id,
        company_name: p.company_name,
        prefecture_code: p.prefecture_code,
        industry_code: p.industry_code,
        status,
        draft,
        review_comment: if show_review {
            row.review_comment
        } else {
            None
        },
        version: row.version,
        published_at: row.published_at.map(from_db_time),
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
    })
}

fn columns(draft: &ProjectDraft, now: DateTime<Utc>) -> Result<DraftColumns, ApiError> {
    Ok(DraftColumns {
        draft: to_text(draft)?,
        title: draft.title.clone().unwrap_or_default(),
        monthly_fee: draft.monthly_fee,
        hours_per_month: draft.hours_per_month,
        recruitment_opens_at: draft.recruitment_opens_at.map(to_db_time),
        recruitment_closes_at: draft.recruitment_closes_at.map(to_db_time),
        updated_at: to_db_time(now),
    })
}

/// Codes in the draft must exist in the taxonomies.
fn check_codes(conn: &mut AnyConnection, draft: &ProjectDraft) -> Result<(), ApiError> {
    let mut e = FieldErrors::new();
    if let Some(list) = &draft.challenges {
        codes::challenges(conn, &mut e, "challenges", list)?;
    }
    if let Some(list) = &draft.required_skills {
        codes::skills(conn, &mut e, "required_skills", list)?;
    }
    if let Some(list) = &draft.preferred_skills {
        codes::skills(conn, &mut e, "preferred_skills", list)?;
    }
    e.into_result().map_err(ApiError::Validation)
}

/// The project and how the caller relates to its company (404 if not at all).
pub fn load_managed(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(ProjectWithCompany, CompanyAccess), ApiError> {
    let p = repo::find(conn, id)?;
    let hub = context::hub_prefectures(conn, actor)?;
    let access = policy::company_access(actor, p.project.company_id, &p.prefecture_code, &hub)?;
    Ok((p, access))
}

fn audit_entry<'a>(
    actor: &Actor,
    access: CompanyAccess,
    p: &ProjectWithCompany,
    action: &'a str,
    now: DateTime<Utc>,
) -> AuditEntry<'a> {
    let mut entry = AuditEntry::new("project", p.project.id, action, now).by(actor.user_id);
    if access.acts_for_company() {
        entry.on_behalf_of_company_id = Some(p.project.company_id);
    }
    entry
}

/// Drafts a posting for the caller's company (members) or for `company_id` (coordinators).
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    company_id: Option<i64>,
    draft: &ProjectDraft,
    now: DateTime<Utc>,
) -> Result<Project, ApiError> {
    let company_id = match (actor.role, actor.company_id, company_id) {
        (Role::CompanyMember, Some(own), None) => own,
        (Role::CompanyMember, Some(own), Some(asked)) if asked == own => own,
        (Role::CompanyMember, _, Some(_)) => return Err(ApiError::NotFound),
        (Role::Coordinator | Role::Admin, _, Some(id)) => id,
        (Role::Coordinator | Role::Admin, _, None) => {
            return Err(ApiError::field(
                "company_id",
                "required",
                "say which company the posting is for",
            ))
        }
        _ => return Err(ApiError::Forbidden),
    };
    conn.transaction(|conn| {
        let (company, access) = crate::services::companies::load_managed(conn, actor, company_id)?;
        check_codes(conn, draft)?;
        let id = repo::insert(
            conn,
            company.id,
            actor.user_id,
            &columns(draft, now)?,
            to_db_time(now),
        )?;
        let p = repo::find(conn, id)?;
        audit::record(
            conn,
            &audit_entry(actor, access, &p, "created", now).to_state("draft"),
        )?;
        search_changes::record(conn, "project", id, to_db_time(now))?;
        to_dto(p, true)
    })
}

/// A published (or closed) posting is public; others only for the company and its hub.
pub fn get(conn: &mut AnyConnection, actor: Option<&Actor>, id: i64) -> Result<Project, ApiError> {
    let p = repo::find(conn, id)?;
    let managed = match actor {
        Some(actor) => {
            let hub = context::hub_prefectures(conn, actor)?;
            policy::company_access(actor, p.project.company_id, &p.prefecture_code, &hub).is_ok()
        }
        None => false,
    };
    let public = matches!(
        status_of(&p)?,
        ProjectStatus::Published | ProjectStatus::Closed
    );
    if !public && !managed {
        return Err(ApiError::NotFound);
    }
    to_dto(p, managed)
}

pub fn update(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    patch: &ProjectDraft,
    now: DateTime<Utc>,
) -> Result<Project, ApiError> {
    conn.transaction(|conn| {
        let (p, access) = load_managed(conn, actor, id)?;
        let status = status_of(&p)?;
        let before = draft_of(&p)?;
        let mut draft = before.clone();
        draft.merge(patch.clone());
        draft.validate().map_err(ApiError::Validation)?;
        check_codes(conn, &draft)?;
        match status {
            ProjectStatus::Draft | ProjectStatus::ChangesRequested => {}
            // During review the coordinator may edit; the company waits for the outcome.
            ProjectStatus::InReview if access.acts_for_company() => {}
            ProjectStatus::InReview => {
                return Err(ApiError::Conflict {
                    code: "project_in_review".into(),
                    detail:
                        "The posting is being reviewed by a coordinator; edit it after the review."
                            .into(),
                })
            }
            ProjectStatus::Published => {
                // Applicants answered these questions: changing them would pair old answers
                // with new questions.
                if draft.screening_questions != before.screening_questions
                    && crate::repositories::applications::any_for_project(conn, id)?
                {
                    return Err(ApiError::Conflict {
                        code: "screening_questions_frozen".into(),
                        detail:
                            "People have applied: the screening questions can no longer change."
                                .into(),
                    });
                }
                let missing = draft.missing();
                if !missing.is_empty() {
                    return Err(ApiError::Validation(missing));
                }
                // Keep what was published before this edit, for the coordinator.
                repo::insert_version(
                    conn,
                    id,
                    p.project.version,
                    &p.project.draft,
                    actor.user_id,
                    to_db_time(now),
                )?;
                repo::bump_version(conn, id, p.project.version + 1)?;
            }
            ProjectStatus::Closed => {
                return Err(ApiError::Conflict {
                    code: "project_closed".into(),
                    detail: "A closed posting cannot be edited.".into(),
                })
            }
        }
        let version = p.project.version + i32::from(status == ProjectStatus::Published);
        if !repo::update_draft(conn, id, status.as_str(), version, &columns(&draft, now)?)? {
            return Err(ApiError::Conflict {
                code: "concurrent_update".into(),
                detail: "The posting changed meanwhile; reload it.".into(),
            });
        }
        audit::record(conn, &audit_entry(actor, access, &p, "updated", now))?;
        search_changes::record(conn, "project", id, to_db_time(now))?;
        to_dto(repo::find(conn, id)?, true)
    })
}

fn illegal(e: kakehashi_shared::workflow::IllegalTransition) -> ApiError {
    ApiError::Conflict {
        code: e.code(),
        detail: format!(
            "A posting that is {} cannot be moved with {}.",
            e.from, e.action
        ),
    }
}

/// A posting can only go out with every field filled and a window that is still open.
fn ready_to_publish(draft: &ProjectDraft, now: DateTime<Utc>) -> Result<(), ApiError> {
    let mut missing = draft.missing();
    if draft.recruitment_closes_at.is_some_and(|c| c <= now) {
        missing.add(
            "recruitment_closes_at",
            "out_of_range",
            "must be in the future",
        );
    }
    missing.into_result().map_err(ApiError::Validation)
}

pub fn transition(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    action: ProjectAction,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Project, ApiError> {
    conn.transaction(|conn| {
        let (p, access) = load_managed(conn, actor, id)?;
        let from = status_of(&p)?;
        let to = from.apply(action).map_err(illegal)?;
        let draft = draft_of(&p)?;
        let link = format!("/projects/{id}");
        match action {
            ProjectAction::Submit => ready_to_publish(&draft, now)?,
            ProjectAction::Approve | ProjectAction::RequestChanges => {
                // Reviewing is the hub's job, not the company's own.
                if access == CompanyAccess::Member {
                    return Err(ApiError::Forbidden);
                }
                if action == ProjectAction::Approve {
                    ready_to_publish(&draft, now)?;
                }
            }
            ProjectAction::Close => {}
        }
        if !repo::set_status(
            conn,
            id,
            from.as_str(),
            to.as_str(),
            comment,
            to_db_time(now),
        )? {
            return Err(ApiError::Conflict {
                code: "concurrent_update".into(),
                detail: "The posting changed meanwhile; reload it.".into(),
            });
        }
        audit::record(
            conn,
            &audit_entry(actor, access, &p, action.as_str(), now).moved(from.as_str(), to.as_str()),
        )?;
        search_changes::record(conn, "project", id, to_db_time(now))?;
        let title = draft.title.as_deref().unwrap_or_default();
        match action {
            ProjectAction::Submit => notify::hub(
                conn,
                &p.prefecture_code,
                &Note {
                    kind: "project.submitted",
                    title: "求人票の確認依頼が届きました",
                    body: title,
                    link,
                },
                now,
            )?,
            ProjectAction::Approve => notify::company(
                conn,
                p.project.company_id,
                &Note {
                    kind: "project.published",
                    title: "求人票が公開されました",
                    body: title,
                    link,
                },
                now,
            )?,
            ProjectAction::RequestChanges => notify::company(
                conn,
                p.project.company_id,
                &Note {
                    kind: "project.changes_requested",
                    title: "コーディネーターから求人票の修正依頼があります",
                    body: comment.unwrap_or_default(),
                    link,
                },
                now,
            )?,
            ProjectAction::Close => {
                crate::services::applications::decline_waiting(conn, id, title, now)?;
            }
        }
        // Webhooks: in this transaction, so the event exists exactly when the posting is public.
        let published = repo::find(conn, id)?;
        if action == ProjectAction::Approve {
            crate::services::webhooks::project_published(conn, &published, now)?;
        }
        to_dto(published, true)
    })
}

/// Which projects a list shows the caller.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub status: Option<ProjectStatus>,
    pub prefecture: Option<String>,
    pub company_id: Option<i64>,
    /// The postings the caller manages, in every status (company members and coordinators).
    pub mine: bool,
}

/// The published catalogue for everyone; with `mine` or a non-published `status`, the
/// postings the caller manages (their company's, their hub's, or all for admins).
pub fn list(
    conn: &mut AnyConnection,
    actor: Option<&Actor>,
    q: &ListQuery,
    page: PageRequest,
) -> Result<Page<Project>, ApiError> {
    let managed = q.mine || q.status.is_some_and(|s| s != ProjectStatus::Published);
    let mut filter = ProjectFilter {
        statuses: q
            .status
            .map(|s| vec![s.as_str().to_owned()])
            .unwrap_or_default(),
        company_id: q.company_id,
        prefectures: q.prefecture.clone().map(|p| vec![p]),
    };
    if !managed {
        filter.statuses = vec![ProjectStatus::Published.as_str().to_owned()];
    } else {
        let actor = actor.ok_or(ApiError::Unauthenticated("Sign in to list your postings."))?;
        match actor.role {
            Role::CompanyMember => {
                let own = actor.company_id.unwrap_or(-1);
                // Asking for another company's postings finds none: the list is the caller's.
                filter.company_id = Some(if q.company_id.is_none_or(|c| c == own) {
                    own
                } else {
                    -1
                });
            }
            Role::Coordinator => {
                let hub = context::hub_prefectures(conn, actor)?;
                filter.prefectures = Some(
                    hub.into_iter()
                        .filter(|p| q.prefecture.as_ref().is_none_or(|asked| asked == p))
                        .collect(),
                );
            }
            Role::Admin => {}
            Role::Talent | Role::Partner => return Err(ApiError::Forbidden),
        }
    }
    let rows = repo::list(conn, &filter, page.before, page.fetch())?;
    page.page(rows, |p| p.project.id, |p| to_dto(p, managed))
}

pub fn versions(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<Page<ProjectVersion>, ApiError> {
    load_managed(conn, actor, id)?;
    let items = repo::versions(conn, id)?
        .into_iter()
        .map(|(version, draft, edited_by, at)| {
            Ok(ProjectVersion {
                version,
                edited_by,
                created_at: from_db_time(at),
                draft: from_text(&draft)?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Page::complete(items))
}

/// Closes postings whose recruitment window has ended. Safe to run on every instance.
pub fn close_expired(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<usize, ApiError> {
    conn.transaction(|conn| {
        let expired = repo::expired_published(conn, to_db_time(now))?;
        let mut closed = 0;
        for (id, _) in expired {
            if repo::set_status(conn, id, "published", "closed", None, to_db_time(now))? {
                audit::record(
                    conn,
                    &AuditEntry::new("project", id, "close", now).moved("published", "closed"),
                )?;
                search_changes::record(conn, "project", id, to_db_time(now))?;
                closed += 1;
            }
        }
        Ok(closed)
    })
}
