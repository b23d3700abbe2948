//! Engagements after a match: the kickoff plan, monthly work reports the company acknowledges,
//! the 3-month mutual review, renewal into a new contract term, the end, and outcomes.

use chrono::{DateTime, Months, Utc};
use diesel::Connection;
use kakehashi_shared::contract::{Contract, ContractTerms};
use kakehashi_shared::engagement::{
    Acknowledge, Contact, EndInput, Engagement, EngagementStatus, Kickoff, Outcome, OutcomeInput,
    RenewalInput, Review, ReviewInput, WorkReport, WorkReportInput,
};
use kakehashi_shared::enums::{Role, Side};
use kakehashi_shared::Page;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor, CompanyAccess, Party};
use crate::repositories::applications::{self as app_repo, ApplicationContext};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::engagements::{self as repo, EngagementRow, NewReport, ReportRow};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::{contracts, from_db_time, talents, to_db_time};
use crate::services::notify::{self, Note};
use crate::services::{context, contracts as contract_service};

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

/// The engagement, its application and the caller's part in it (404 for everyone else).
pub fn load(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(EngagementRow, ApplicationContext, Party), ApiError> {
    let row = repo::find(conn, id)?;
    let (ctx, party) = crate::services::applications::load(conn, actor, row.application_id)?;
    Ok((row, ctx, party))
}

fn require_active(row: &EngagementRow, action: &str) -> Result<(), ApiError> {
    if row.status == EngagementStatus::Active.as_str() {
        Ok(())
    } else {
        Err(conflict(
            &format!("illegal_transition:{}:{action}", row.status),
            "The engagement has ended.",
        ))
    }
}

fn entry<'a>(
    actor: &Actor,
    party: Party,
    ctx: &ApplicationContext,
    id: i64,
    action: &'a str,
    now: DateTime<Utc>,
) -> AuditEntry<'a> {
    let mut e = AuditEntry::new("engagement", id, action, now).by(actor.user_id);
    if party.is_staff() {
        e.on_behalf_of_company_id = Some(ctx.company_id);
    }
    e
}

fn report_dto(r: ReportRow) -> WorkReport {
    WorkReport {
        id: r.id,
        engagement_id: r.engagement_id,
        report: WorkReportInput {
            month: r.month,
            hours: r.hours,
            summary: r.summary,
            outcomes: r.outcomes,
            next_steps: r.next_steps,
        },
        submitted_at: from_db_time(r.submitted_at),
        acknowledged_at: r.acknowledged_at.map(from_db_time),
        company_comment: r.company_comment,
    }
}

fn to_dto(
    conn: &mut AnyConnection,
    row: EngagementRow,
    ctx: ApplicationContext,
    show_contact: bool,
) -> Result<Engagement, ApiError> {
    let talent_id = ctx.application.talent_id;
    // There is an engagement only after both accepted a contract: the company may now reach
    // the talent directly. Coordinators do not get the talent's contact details.
    let talent_contact = if show_contact {
        talents::find(conn, talent_id)?.map(|(t, _, email)| Contact {
            email,
            phone: t.phone,
        })
    } else {
        None
    };
    let reports = repo::reports(conn, row.id)?
        .into_iter()
        .map(report_dto)
        .collect();
    let reviews = repo::reviews(conn, row.id)?
        .into_iter()
        .map(|(id, side, term_number, answers, at)| {
            Ok(Review {
                id,
                engagement_id: row.id,
                side: Side::parse(&side).ok_or_else(|| ApiError::internal("unknown side"))?,
                term_number,
                answers: from_text(&answers)?,
                created_at: from_db_time(at),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let outcomes = repo::outcomes(conn, row.id)?
        .into_iter()
        .map(|(id, body, recorded_by, at)| {
            Ok(Outcome {
                id,
                outcome: from_text(&body)?,
                recorded_by,
                created_at: from_db_time(at),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let current = contracts::find_term(conn, row.application_id, row.term_number)?
        .ok_or_else(|| ApiError::internal("engagement without its contract"))?;
    Ok(Engagement {
        id: row.id,
        application_id: row.application_id,
        project_id: ctx.application.project_id,
        project_title: ctx.project_title,
        company_id: ctx.company_id,
        company_name: ctx.company_name,
        talent_id,
        talent_name: ctx.talent_name,
        status: EngagementStatus::parse(&row.status)
            .ok_or_else(|| ApiError::internal("unknown engagement status"))?,
        started_on: row.started_on,
        term_number: row.term_number,
        current_contract_id: current.id,
        kickoff: row.kickoff.as_deref().map(from_text).transpose()?,
        talent_contact,
        reports,
        reviews,
        outcomes,
        ended_at: row.ended_at.map(from_db_time),
        ended_by: row.ended_by.as_deref().and_then(Side::parse),
        end_reason: row.end_reason,
        case_study_id: crate::repositories::case_studies::for_engagement(conn, row.id)?,
    })
}

/// Who sees the talent's email and phone: the talent, the engaged company, admins.
fn shows_contact(party: Party) -> bool {
    !matches!(party, Party::Company(CompanyAccess::Coordinator))
}

pub fn get(conn: &mut AnyConnection, actor: &Actor, id: i64) -> Result<Engagement, ApiError> {
    let (row, ctx, party) = load(conn, actor, id)?;
    to_dto(conn, row, ctx, shows_contact(party))
}

pub fn list(
    conn: &mut AnyConnection,
    actor: &Actor,
    page: PageRequest,
) -> Result<Page<Engagement>, ApiError> {
    let rows = match actor.role {
        Role::Talent => repo::list(
            conn,
            Some(actor.user_id),
            None,
            None,
            page.before,
            page.fetch(),
        )?,
        Role::CompanyMember => repo::list(
            conn,
            None,
            Some(actor.company_id.unwrap_or(-1)),
            None,
            page.before,
            page.fetch(),
        )?,
        Role::Coordinator => {
            let hub = context::hub_prefectures(conn, actor)?;
            repo::list(conn, None, None, Some(&hub), page.before, page.fetch())?
        }
        Role::Admin => repo::list(conn, None, None, None, page.before, page.fetch())?,
        Role::Partner => return Err(ApiError::Forbidden),
    };
    // Coordinators list their hub's engagements without the talent's contact details.
    let show = matches!(actor.role, Role::Talent | Role::CompanyMember | Role::Admin);
    page.page(
        rows,
        |r| r.id,
        |row| {
            let ctx = app_repo::find(conn, row.application_id)?;
            to_dto(conn, row, ctx, show)
        },
    )
}

pub fn save_kickoff(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    kickoff: &Kickoff,
    now: DateTime<Utc>,
) -> Result<Engagement, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load(conn, actor, id)?;
        require_active(&row, "kickoff")?;
        repo::set_kickoff(conn, id, &to_text(kickoff)?)?;
        audit::record(conn, &entry(actor, party, &ctx, id, "kickoff", now))?;
        get(conn, actor, id)
    })
}

pub fn submit_report(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &WorkReportInput,
    now: DateTime<Utc>,
) -> Result<WorkReport, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load(conn, actor, id)?;
        policy::talent_side(party)?;
        require_active(&row, "report")?;
        let report_id = repo::insert_report(
            conn,
            &NewReport {
                engagement_id: id,
                month: &input.month,
                hours: input.hours,
                summary: input.summary.trim(),
                outcomes: input.outcomes.trim(),
                next_steps: input.next_steps.trim(),
                now: to_db_time(now),
            },
        )
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => conflict("report_exists", "This month has already been reported."),
            other => other.into(),
        })?;
        audit::record(
            conn,
            &AuditEntry::new("work_report", report_id, "submitted", now).by(actor.user_id),
        )?;
        // Webhooks.
        crate::services::webhooks::engagement_report_submitted(
            conn,
            &ctx,
            id,
            report_id,
            &input.month,
            input.hours,
            now,
        )?;
        notify::company(
            conn,
            ctx.company_id,
            &Note {
                kind: "engagement.report_submitted",
                title: "稼働報告が届きました",
                body: &format!("{}の稼働報告（{}時間）", input.month, input.hours),
                link: format!("/engagements/{id}"),
            },
            now,
        )?;
        Ok(report_dto(repo::report(conn, report_id)?))
    })
}

pub fn acknowledge_report(
    conn: &mut AnyConnection,
    actor: &Actor,
    report_id: i64,
    input: &Acknowledge,
    now: DateTime<Utc>,
) -> Result<WorkReport, ApiError> {
    conn.transaction(|conn| {
        let report = repo::report(conn, report_id)?;
        let (_, ctx, party) = load(conn, actor, report.engagement_id)?;
        policy::company_side(party)?;
        if !repo::acknowledge(
            conn,
            report_id,
            actor.user_id,
            input.comment.as_deref(),
            to_db_time(now),
        )? {
            return Err(conflict(
                "already_acknowledged",
                "This report has already been acknowledged.",
            ));
        }
        let mut e =
            AuditEntry::new("work_report", report_id, "acknowledged", now).by(actor.user_id);
        if party.is_staff() {
            e.on_behalf_of_company_id = Some(ctx.company_id);
        }
        audit::record(conn, &e)?;
        notify::users(
            conn,
            &[ctx.application.talent_id],
            &Note {
                kind: "engagement.report_acknowledged",
                title: "稼働報告が確認されました",
                body: input.comment.as_deref().unwrap_or(&report.month),
                link: format!("/engagements/{}", report.engagement_id),
            },
            now,
        )?;
        Ok(report_dto(repo::report(conn, report_id)?))
    })
}

/// One side's answers to the review of the current term.
pub fn submit_review(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &ReviewInput,
    now: DateTime<Utc>,
) -> Result<Review, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load(conn, actor, id)?;
        require_active(&row, "review")?;
        let side = party.side();
        let review_id = repo::insert_review(
            conn,
            id,
            side.as_str(),
            row.term_number,
            &to_text(input)?,
            input.satisfaction,
            to_db_time(now),
        )
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => conflict("review_exists", "Your side has already reviewed this term."),
            other => other.into(),
        })?;
        audit::record(conn, &entry(actor, party, &ctx, id, "review", now))?;
        let note = Note {
            kind: "engagement.review_submitted",
            title: "振り返りの回答が届きました",
            body: &ctx.project_title,
            link: format!("/engagements/{id}"),
        };
        notify::other_party(
            conn,
            side,
            ctx.application.talent_id,
            ctx.company_id,
            &note,
            now,
        )?;
        Ok(Review {
            id: review_id,
            engagement_id: id,
            side,
            term_number: row.term_number,
            answers: input.clone(),
            created_at: from_db_time(to_db_time(now)),
        })
    })
}

/// After both reviews agree to renew, the company proposes the next term's contract, which
/// both sides accept like the first.
pub fn renew(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &RenewalInput,
    now: DateTime<Utc>,
) -> Result<Contract, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load(conn, actor, id)?;
        policy::company_side(party)?;
        require_active(&row, "renew")?;
        let reviews: Vec<(Side, ReviewInput)> = repo::reviews(conn, id)?
            .into_iter()
            .filter(|r| r.2 == row.term_number)
            .map(|(_, side, _, answers, _)| {
                Ok((
                    Side::parse(&side).ok_or_else(|| ApiError::internal("unknown side"))?,
                    from_text(&answers)?,
                ))
            })
            .collect::<Result<_, ApiError>>()?;
        let agreed = |side: Side| reviews.iter().any(|(s, r)| *s == side && r.renew);
        let answered = |side: Side| reviews.iter().any(|(s, _)| *s == side);
        if !answered(Side::Company) || !answered(Side::Talent) {
            return Err(conflict(
                "reviews_missing",
                "Both sides answer the review before renewing.",
            ));
        }
        if !agreed(Side::Company) || !agreed(Side::Talent) {
            return Err(conflict(
                "renewal_not_agreed",
                "Both sides must want to renew.",
            ));
        }
        if contracts::find_term(conn, row.application_id, row.term_number + 1)?.is_some() {
            return Err(conflict(
                "renewal_exists",
                "The next term has already been proposed.",
            ));
        }
        let current = contracts::find_term(conn, row.application_id, row.term_number)?
            .ok_or_else(|| ApiError::internal("engagement without its contract"))?;
        let mut terms: ContractTerms = from_text(&current.terms)?;
        terms.start_date = terms
            .start_date
            .checked_add_months(Months::new(u32::try_from(terms.term_months).unwrap_or(0)))
            .ok_or_else(|| {
                ApiError::field(
                    "term_months",
                    "out_of_range",
                    "the next term would start too late",
                )
            })?;
        terms.monthly_fee = input.monthly_fee;
        terms.monthly_hours = input.monthly_hours;
        terms.term_months = input.term_months;
        // The next term has no trial period.
        terms.trial_days = None;
        kakehashi_shared::Validate::validate(&terms).map_err(ApiError::Validation)?;
        let text = to_text(&terms)?;
        let contract_id = contracts::insert(
            conn,
            row.application_id,
            Some(id),
            row.term_number + 1,
            &text,
            to_db_time(now),
        )?;
        contracts::insert_version(conn, contract_id, 1, &text, actor.user_id, to_db_time(now))?;
        audit::record(
            conn,
            &entry(actor, party, &ctx, id, "renewal_proposed", now),
        )?;
        notify::users(
            conn,
            &[ctx.application.talent_id],
            &Note {
                kind: "contract.proposed",
                title: "更新後の契約条件が届きました",
                body: &ctx.project_title,
                link: format!("/contracts/{contract_id}"),
            },
            now,
        )?;
        contract_service::to_dto(contracts::find(conn, contract_id)?)
    })
}

/// Ends the engagement (the company, or the talent).
pub fn end(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &EndInput,
    now: DateTime<Utc>,
) -> Result<Engagement, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load(conn, actor, id)?;
        require_active(&row, "end")?;
        if !repo::end(
            conn,
            id,
            party.side().as_str(),
            input.reason.trim(),
            to_db_time(now),
        )? {
            return Err(conflict(
                "illegal_transition:ended:end",
                "The engagement has ended.",
            ));
        }
        crate::repositories::search_changes::record(
            conn,
            "talent",
            ctx.application.talent_id,
            to_db_time(now),
        )?;
        audit::record(
            conn,
            &entry(actor, party, &ctx, id, "end", now).moved("active", "ended"),
        )?;
        // Webhooks.
        crate::services::webhooks::engagement_ended(conn, &ctx, id, party.side().as_str(), now)?;
        let note = Note {
            kind: "engagement.ended",
            title: "稼働が終了しました",
            body: input.reason.trim(),
            link: format!("/engagements/{id}"),
        };
        notify::other_party(
            conn,
            party.side(),
            ctx.application.talent_id,
            ctx.company_id,
            &note,
            now,
        )?;
        get(conn, actor, id)
    })
}

pub fn add_outcome(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &OutcomeInput,
    now: DateTime<Utc>,
) -> Result<Outcome, ApiError> {
    conn.transaction(|conn| {
        let (_, ctx, party) = load(conn, actor, id)?;
        let outcome_id = repo::insert_outcome(
            conn,
            id,
            input.kind.as_str(),
            &to_text(input)?,
            actor.user_id,
            to_db_time(now),
        )?;
        audit::record(conn, &entry(actor, party, &ctx, id, "outcome", now))?;
        Ok(Outcome {
            id: outcome_id,
            outcome: input.clone(),
            recorded_by: actor.user_id,
            created_at: from_db_time(to_db_time(now)),
        })
    })
}
