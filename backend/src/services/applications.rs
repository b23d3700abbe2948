//! Applications: applying, the status moves of both sides, the questionnaire, and the
//! no-ghosting deadline.

use chrono::{DateTime, Duration, Utc};
use diesel::Connection;
use kakehashi_shared::application::{
    Application, ApplicationInput, QuestionnaireInput, Questionnaires, TimelineEntry,
    TransitionInput,
};
use kakehashi_shared::enums::{DeclineReason, Role, Side};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::search::MatchScore;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus, ProjectStatus};
use kakehashi_shared::Page;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor, Party};
use crate::repositories::applications::{
    self as repo, ApplicationContext, ApplicationFilter, NewApplication,
};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::{contracts, from_db_time, projects, talents, to_db_time};
use crate::search::SearchEngine;
use crate::services::notify::{self, Note};
use crate::services::{context, decline};

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

pub fn status_of(ctx: &ApplicationContext) -> Result<ApplicationStatus, ApiError> {
    ApplicationStatus::parse(&ctx.application.status)
        .ok_or_else(|| ApiError::internal("unknown application status"))
}

pub fn to_dto(conn: &mut AnyConnection, ctx: ApplicationContext) -> Result<Application, ApiError> {
    let status = status_of(&ctx)?;
    let draft: ProjectDraft = from_text(&ctx.project_draft)?;
    let timeline = repo::history(conn, ctx.application.id)?
        .into_iter()
        .filter_map(|(s, at)| {
            ApplicationStatus::parse(&s).map(|status| TimelineEntry {
                status,
                at: from_db_time(at),
            })
        })
        .collect();
    let contract_id = contracts::latest(conn, ctx.application.id)?.map(|c| c.id);
    let a = ctx.application;
    Ok(Application {
        id: a.id,
        project_id: a.project_id,
        project_title: ctx.project_title,
        company_id: ctx.company_id,
        company_name: ctx.company_name,
        talent_id: a.talent_id,
        talent_name: ctx.talent_name,
        status,
        proposal: a.proposal,
        screening_questions: draft.screening_questions.unwrap_or_default(),
        screening_answers: from_text(&a.screening_answers)?,
        response_due_at: a.response_due_at.map(from_db_time),
        overdue: a.overdue_flagged_at.is_some() && status == ApplicationStatus::Applied,
        decline_reason: a.decline_reason.as_deref().and_then(DeclineReason::parse),
        decline_message: a.decline_message,
        scout_id: a.scout_id,
        created_at: from_db_time(a.created_at),
        updated_at: from_db_time(a.updated_at),
        timeline,
        match_score: None,
        contract_id,
        referred_by: crate::services::embed::referral_partner(conn, a.referred_by_partner_id)?,
    })
}

/// The application and the caller's part in it (404 for everyone else).
pub fn load(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(ApplicationContext, Party), ApiError> {
    let ctx = repo::find(conn, id)?;
    let hub = context::hub_prefectures(conn, actor)?;
    let party = policy::application_party(
        actor,
        ctx.application.talent_id,
        ctx.company_id,
        &ctx.prefecture_code,
        &hub,
    )?;
    Ok((ctx, party))
}

pub fn audit_entry<'a>(
    actor: &Actor,
    party: Party,
    ctx: &ApplicationContext,
    action: &'a str,
    now: DateTime<Utc>,
) -> AuditEntry<'a> {
    let mut entry =
        AuditEntry::new("application", ctx.application.id, action, now).by(actor.user_id);
    if party.is_staff() {
        entry.on_behalf_of_company_id = Some(ctx.company_id);
    }
    entry
}

/// A talent applies to a published project whose recruitment window is open.
pub fn apply(
    conn: &mut AnyConnection,
    actor: &Actor,
    project_id: i64,
    input: &ApplicationInput,
    scout_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Application, ApiError> {
    if actor.role != Role::Talent {
        return Err(ApiError::Forbidden);
    }
    conn.transaction(|conn| {
        let project = projects::find(conn, project_id)?;
        if project.project.status != ProjectStatus::Published.as_str() {
            return Err(
                if project.project.status == ProjectStatus::Closed.as_str() {
                    conflict(
                        "recruitment_closed",
                        "This posting no longer takes applications.",
                    )
                } else {
                    ApiError::NotFound
                },
            );
        }
        let draft: ProjectDraft = from_text(&project.project.draft)?;
        if draft.recruitment_opens_at.is_some_and(|o| o > now) {
            return Err(conflict(
                "recruitment_not_open",
                "Applications open later; see recruitment_opens_at.",
            ));
        }
        if draft.recruitment_closes_at.is_none_or(|c| c <= now) {
            return Err(conflict(
                "recruitment_closed",
                "The recruitment window has closed.",
            ));
        }
        let questions = draft.screening_questions.unwrap_or_default();
        if input.screening_answers.len() != questions.len() {
            return Err(ApiError::field(
                "screening_answers",
                "invalid_format",
                format!(
                    "answer each of the {} screening questions, in order",
                    questions.len()
                ),
            ));
        }
        if talents::find(conn, actor.user_id)?.is_none() {
            return Err(conflict(
                "profile_required",
                "Fill in your talent profile before applying.",
            ));
        }
        if repo::open_exists(conn, project_id, actor.user_id)? {
            return Err(conflict(
                "application_exists",
                "You already have an open application to this posting.",
            ));
        }
        let days = context::response_deadline_days(conn, &project.prefecture_code)?;
        let id = repo::insert(
            conn,
            &NewApplication {
                project_id,
                talent_id: actor.user_id,
                proposal: input.proposal.trim(),
                screening_answers: &to_text(&input.screening_answers)?,
                scout_id,
                response_due_at: to_db_time(now + Duration::days(days)),
                now: to_db_time(now),
            },
        )
        .map_err(|e| match e {
            // Two requests at once: the partial unique index lets one through.
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => conflict(
                "application_exists",
                "You already have an open application to this posting.",
            ),
            other => other.into(),
        })?;
        audit::record(
            conn,
            &AuditEntry::new("application", id, "apply", now)
                .by(actor.user_id)
                .to_state("applied"),
        )?;
        // Widget and referrals: the link the talent followed to this posting, else the
        // partner that referred the talent's registration.
        let referral = match crate::services::embed::referral(conn, input.referral_code.as_deref())?
        {
            Some(partner) => Some(partner),
            None => crate::repositories::users::find(conn, actor.user_id)?.referred_by_partner_id,
        };
        if let Some(partner) = referral {
            crate::repositories::widget::set_application_referral(conn, id, partner)?;
        }
        // The company's responsiveness counts the applications it receives.
        crate::repositories::search_changes::record(
            conn,
            "company",
            project.project.company_id,
            to_db_time(now),
        )?;
        notify::company(
            conn,
            project.project.company_id,
            &Note {
                kind: "application.created",
                title: "新しい応募が届きました",
                body: &format!(
                    "「{}」に応募がありました。{}日以内にお返事をお願いします。",
                    project.project.title, days
                ),
                link: format!("/applications/{id}"),
            },
            now,
        )?;
        let ctx = repo::find(conn, id)?;
        // Webhooks.
        crate::services::webhooks::application_created(conn, &ctx, now)?;
        to_dto(conn, ctx)
    })
}

pub fn get(conn: &mut AnyConnection, actor: &Actor, id: i64) -> Result<Application, ApiError> {
    let (ctx, _) = load(conn, actor, id)?;
    to_dto(conn, ctx).map(|a| seen_by(actor, a))
}

/// Which partner referred an applicant is the hub's and the partner's business, and the
/// talent's own; the company does not see it.
fn seen_by(actor: &Actor, mut a: Application) -> Application {
    if actor.role == Role::CompanyMember {
        a.referred_by = None;
    }
    a
}

#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub project_id: Option<i64>,
    pub status: Option<ApplicationStatus>,
    pub overdue: bool,
}

/// The caller's applications: a talent's own, a company's received, a hub's, or all (admins).
pub fn list(
    conn: &mut AnyConnection,
    actor: &Actor,
    q: &ListQuery,
    page: PageRequest,
) -> Result<Page<Application>, ApiError> {
    let mut filter = ApplicationFilter {
        project_id: q.project_id,
        status: q.status.map(|s| s.as_str().to_owned()),
        overdue_only: q.overdue,
        ..Default::default()
    };
    match actor.role {
        Role::Talent => filter.talent_id = Some(actor.user_id),
        Role::CompanyMember => filter.company_id = Some(actor.company_id.unwrap_or(-1)),
        Role::Coordinator => filter.prefectures = Some(context::hub_prefectures(conn, actor)?),
        Role::Admin => {}
        Role::Partner => return Err(ApiError::Forbidden),
    }
    let rows = repo::list(conn, &filter, page.before, page.fetch())?;
    page.page(
        rows,
        |c| c.application.id,
        |c| to_dto(conn, c).map(|a| seen_by(actor, a)),
    )
}

/// Moves an application: the company shortlists, interviews, offers or declines; the talent
/// withdraws. Declines carry a reason and a courteous message.
pub fn transition(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &TransitionInput,
    now: DateTime<Utc>,
) -> Result<Application, ApiError> {
    conn.transaction(|conn| {
        let (ctx, party) = load(conn, actor, id)?;
        match input.action {
            ApplicationAction::Withdraw => policy::talent_side(party)?,
            _ => {
                policy::company_side(party)?;
            }
        }
        let from = status_of(&ctx)?;
        let to = from.apply(input.action).map_err(|e| {
            conflict(
                &e.code(),
                &format!(
                    "An application that is {} cannot be moved with {}.",
                    e.from, e.action
                ),
            )
        })?;
        if !repo::set_status(conn, id, from.as_str(), to.as_str(), to_db_time(now))? {
            return Err(conflict(
                "concurrent_update",
                "The application changed meanwhile; reload it.",
            ));
        }
        audit::record(
            conn,
            &audit_entry(actor, party, &ctx, input.action.as_str(), now)
                .moved(from.as_str(), to.as_str()),
        )?;
        let link = format!("/applications/{id}");
        match input.action {
            ApplicationAction::Decline => {
                let reason = input.reason.unwrap_or(DeclineReason::Other);
                let message =
                    decline::message(&ctx.project_title, reason, input.message.as_deref());
                repo::set_decline(conn, id, reason.as_str(), &message)?;
                notify::users(
                    conn,
                    &[ctx.application.talent_id],
                    &Note {
                        kind: "application.declined",
                        title: "応募の結果のお知らせ",
                        body: &message,
                        link,
                    },
                    now,
                )?;
            }
            ApplicationAction::Withdraw => notify::company(
                conn,
                ctx.company_id,
                &Note {
                    kind: "application.withdrawn",
                    title: "応募が取り下げられました",
                    body: &ctx.project_title,
                    link,
                },
                now,
            )?,
            ApplicationAction::Offer => notify::users(
                conn,
                &[ctx.application.talent_id],
                &Note {
                    kind: "application.offered",
                    title: "オファーが届きました",
                    body: &format!(
                        "「{}」の企業からオファーが届きました。契約条件の提示をお待ちください。",
                        ctx.project_title
                    ),
                    link,
                },
                now,
            )?,
            _ => notify::users(
                conn,
                &[ctx.application.talent_id],
                &Note {
                    kind: "application.status_changed",
                    title: "応募の状況が更新されました",
                    body: &ctx.project_title,
                    link,
                },
                now,
            )?,
        }
        // Webhooks.
        crate::services::webhooks::application_status_changed(
            conn,
            &ctx,
            from.as_str(),
            to.as_str(),
            now,
        )?;
        let ctx = repo::find(conn, id)?;
        to_dto(conn, ctx).map(|a| seen_by(actor, a))
    })
}

/// Saves the caller's side of the pre-interview questionnaire.
pub fn save_questionnaire(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &QuestionnaireInput,
    now: DateTime<Utc>,
) -> Result<Questionnaires, ApiError> {
    conn.transaction(|conn| {
        let (ctx, party) = load(conn, actor, id)?;
        if !status_of(&ctx)?.is_open() {
            return Err(conflict(
                "application_closed",
                "The application is no longer open.",
            ));
        }
        repo::save_questionnaire(
            conn,
            id,
            party.side().as_str(),
            &to_text(input)?,
            to_db_time(now),
        )?;
        questionnaires_for(conn, id, party.side())
    })
}

/// Both questionnaires; the other side's answers only once the caller has given their own.
pub fn questionnaires(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<Questionnaires, ApiError> {
    let (_, party) = load(conn, actor, id)?;
    questionnaires_for(conn, id, party.side())
}

fn questionnaires_for(
    conn: &mut AnyConnection,
    id: i64,
    side: Side,
) -> Result<Questionnaires, ApiError> {
    let mut q = Questionnaires {
        company: None,
        talent: None,
    };
    for (s, answers) in repo::questionnaires(conn, id)? {
        let answers: QuestionnaireInput = from_text(&answers)?;
        match Side::parse(&s) {
            Some(Side::Company) => q.company = Some(answers),
            Some(Side::Talent) => q.talent = Some(answers),
            None => {}
        }
    }
    let answered = match side {
        Side::Company => q.company.is_some(),
        Side::Talent => q.talent.is_some(),
    };
    if !answered {
        q.company = q.company.filter(|_| side == Side::Company);
        q.talent = q.talent.filter(|_| side == Side::Talent);
    }
    Ok(q)
}

/// When a company closes a posting by hand, applications nobody has acted on yet (applied,
/// shortlisted) get a courteous decline at once rather than waiting for the deadline.
/// Interviews and offers in progress go on.
pub fn decline_waiting(
    conn: &mut AnyConnection,
    project_id: i64,
    title: &str,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let mut declined = 0;
    for a in repo::open_for_project(conn, project_id)? {
        let Some(from) = ApplicationStatus::parse(&a.status) else {
            continue;
        };
        if !matches!(
            from,
            ApplicationStatus::Applied | ApplicationStatus::Shortlisted
        ) {
            continue;
        }
        if !repo::set_status(
            conn,
            a.id,
            from.as_str(),
            ApplicationStatus::Declined.as_str(),
            to_db_time(now),
        )? {
            continue;
        }
        let message = decline::message(title, DeclineReason::ProjectClosed, None);
        repo::set_decline(conn, a.id, DeclineReason::ProjectClosed.as_str(), &message)?;
        audit::record(
            conn,
            &AuditEntry::new("application", a.id, "decline", now)
                .moved(from.as_str(), ApplicationStatus::Declined.as_str()),
        )?;
        // Webhooks.
        let ctx = repo::find(conn, a.id)?;
        crate::services::webhooks::application_status_changed(
            conn,
            &ctx,
            from.as_str(),
            ApplicationStatus::Declined.as_str(),
            now,
        )?;
        notify::users(
            conn,
            &[a.talent_id],
            &Note {
                kind: "application.declined",
                title: "応募の結果のお知らせ",
                body: &message,
                link: format!("/applications/{}", a.id),
            },
            now,
        )?;
        declined += 1;
    }
    Ok(declined)
}

/// Adds the match to each application the company side reads: the same score and reasons as
/// its recommendations, so an applicant and a recommended talent are judged alike. A talent
/// never sees a score of themself.
pub fn with_matches(engine: &SearchEngine, role: Role, items: &mut [Application], now: i64) {
    if role == Role::Talent {
        return;
    }
    for a in items {
        a.match_score = engine
            .score_pair(a.project_id, a.talent_id, now)
            .map(|(score, reasons)| MatchScore { score, reasons });
    }
}
