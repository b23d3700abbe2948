//! Contracts: written terms for an offer, versioned until both sides accept; then the
//! engagement starts and the company sees the talent's contact details. Renewals are new
//! terms of the same application.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::contract::{Acceptance, Contract, ContractStatus, ContractTerms};
use kakehashi_shared::enums::Side;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::{self, Actor, Party};
use crate::repositories::applications::{self as app_repo, ApplicationContext};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::contracts::{self as repo, ContractRow};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::{engagements, from_db_time, to_db_time};
use crate::services::applications::{load, status_of};
use crate::services::notify::{self, Note};

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

pub fn to_dto(row: ContractRow) -> Result<Contract, ApiError> {
    let acceptance = |by: Option<i64>, at: Option<chrono::NaiveDateTime>| match (by, at) {
        (Some(user_id), Some(at)) => Some(Acceptance {
            user_id,
            at: from_db_time(at),
        }),
        _ => None,
    };
    Ok(Contract {
        id: row.id,
        application_id: row.application_id,
        engagement_id: row.engagement_id,
        term_number: row.term_number,
        version: row.version,
        status: ContractStatus::parse(&row.status)
            .ok_or_else(|| ApiError::internal("unknown contract status"))?,
        terms: from_text(&row.terms)?,
        company_acceptance: acceptance(row.company_accepted_by, row.company_accepted_at),
        talent_acceptance: acceptance(row.talent_accepted_by, row.talent_accepted_at),
        change_request: row.change_request,
        created_at: from_db_time(row.created_at),
    })
}

fn entry<'a>(
    actor: &Actor,
    party: Party,
    ctx: &ApplicationContext,
    contract_id: i64,
    action: &'a str,
    now: DateTime<Utc>,
) -> AuditEntry<'a> {
    let mut e = AuditEntry::new("contract", contract_id, action, now).by(actor.user_id);
    if party.is_staff() {
        e.on_behalf_of_company_id = Some(ctx.company_id);
    }
    e
}

/// The company proposes (or revises) the terms of the first term for an offered application.
pub fn propose(
    conn: &mut AnyConnection,
    actor: &Actor,
    application_id: i64,
    terms: &ContractTerms,
    now: DateTime<Utc>,
) -> Result<Contract, ApiError> {
    conn.transaction(|conn| {
        let (ctx, party) = load(conn, actor, application_id)?;
        policy::company_side(party)?;
        let status = status_of(&ctx)?;
        // The first term is proposed for an offer; later terms come from `/renewals` and may
        // be revised here until both accept.
        let pending = match status {
            ApplicationStatus::Offered => repo::find_term(conn, application_id, 1)?,
            ApplicationStatus::Contracted => repo::latest(conn, application_id)?.filter(|c| c.status != ContractStatus::Accepted.as_str()),
            _ => None,
        };
        if status != ApplicationStatus::Offered && pending.is_none() {
            return Err(conflict(
                &format!("illegal_transition:{}:propose_contract", status.as_str()),
                "Terms are proposed for an offered application, or revised while a renewal waits for acceptance.",
            ));
        }
        let text = to_text(terms)?;
        let id = match pending {
            None => {
                let id = repo::insert(conn, application_id, None, 1, &text, to_db_time(now))?;
                repo::insert_version(conn, id, 1, &text, actor.user_id, to_db_time(now))?;
                audit::record(conn, &entry(actor, party, &ctx, id, "propose", now).to_state("proposed"))?;
                id
            }
            Some(existing) if existing.status != ContractStatus::Accepted.as_str() => {
                let version = existing.version + 1;
                repo::revise(conn, existing.id, version, &text)?;
                repo::insert_version(conn, existing.id, version, &text, actor.user_id, to_db_time(now))?;
                audit::record(conn, &entry(actor, party, &ctx, existing.id, "revise", now).to_state("proposed"))?;
                existing.id
            }
            Some(_) => return Err(conflict("illegal_transition:accepted:propose_contract", "These terms were accepted by both sides.")),
        };
        notify::users(
            conn,
            &[ctx.application.talent_id],
            &Note { kind: "contract.proposed", title: "契約条件が届きました", body: &format!("「{}」の契約条件をご確認ください。", ctx.project_title), link: format!("/contracts/{id}") },
            now,
        )?;
        to_dto(repo::find(conn, id)?)
    })
}

fn load_contract(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(ContractRow, ApplicationContext, Party), ApiError> {
    let row = repo::find(conn, id)?;
    let (ctx, party) = load(conn, actor, row.application_id)?;
    Ok((row, ctx, party))
}

pub fn get(conn: &mut AnyConnection, actor: &Actor, id: i64) -> Result<Contract, ApiError> {
    let (row, _, _) = load_contract(conn, actor, id)?;
    to_dto(row)
}

/// One side accepts the current version. When both have, the terms hold: the first term
/// starts the engagement; a renewal moves the engagement to the new term.
pub fn accept(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    version: i32,
    now: DateTime<Utc>,
) -> Result<Contract, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load_contract(conn, actor, id)?;
        if row.status != ContractStatus::Proposed.as_str() {
            return Err(conflict(
                &format!("illegal_transition:{}:accept", row.status),
                "Only proposed terms can be accepted.",
            ));
        }
        if row.version != version {
            return Err(conflict(
                "version_changed",
                "The terms changed since you read them; read the new version before accepting.",
            ));
        }
        if let Some(engagement) = row.engagement_id {
            if engagements::find(conn, engagement)?.status != "active" {
                return Err(conflict(
                    "illegal_transition:ended:accept",
                    "The engagement has ended.",
                ));
            }
        }
        let company = party.side() == Side::Company;
        if !repo::accept(conn, id, version, company, actor.user_id, to_db_time(now))? {
            return Err(conflict(
                "already_accepted",
                "Your side has already accepted this version.",
            ));
        }
        audit::record(conn, &entry(actor, party, &ctx, id, "accept", now))?;
        let row = repo::find(conn, id)?;
        if row.company_accepted_at.is_none() || row.talent_accepted_at.is_none() {
            let other = if company { Side::Talent } else { Side::Company };
            let note = Note {
                kind: "contract.accepted_by_one",
                title: "契約条件が承諾されました。あなたの承諾をお待ちしています",
                body: &ctx.project_title,
                link: format!("/contracts/{id}"),
            };
            notify::party(
                conn,
                other,
                ctx.application.talent_id,
                ctx.company_id,
                &note,
                now,
            )?;
            return to_dto(row);
        }
        let terms: ContractTerms = from_text(&row.terms)?;
        let engagement_id = match row.engagement_id {
            Some(engagement) => {
                engagements::set_term(conn, engagement, row.term_number)?;
                engagement
            }
            None => {
                let engagement = engagements::insert(
                    conn,
                    ctx.application.id,
                    terms.start_date,
                    to_db_time(now),
                )?;
                let from = status_of(&ctx)?;
                let to = from
                    .apply(ApplicationAction::Contract)
                    .map_err(|e| conflict(&e.code(), "The application is not offered."))?;
                // The talent may have withdrawn meanwhile: then nothing of this is kept.
                if !app_repo::set_status(
                    conn,
                    ctx.application.id,
                    from.as_str(),
                    to.as_str(),
                    to_db_time(now),
                )? {
                    return Err(conflict(
                        "concurrent_update",
                        "The application changed meanwhile; reload it.",
                    ));
                }
                let mut e = AuditEntry::new("application", ctx.application.id, "contract", now)
                    .by(actor.user_id);
                if party.is_staff() {
                    e.on_behalf_of_company_id = Some(ctx.company_id);
                }
                e.from_state = Some(from.as_str());
                e.to_state = Some(to.as_str());
                audit::record(conn, &e)?;
                audit::record(
                    conn,
                    &AuditEntry::new("engagement", engagement, "started", now)
                        .by(actor.user_id)
                        .to_state("active"),
                )?;
                // Webhooks.
                crate::services::webhooks::application_status_changed(
                    conn,
                    &ctx,
                    from.as_str(),
                    to.as_str(),
                    now,
                )?;
                engagement
            }
        };
        repo::set_status(
            conn,
            id,
            ContractStatus::Accepted.as_str(),
            Some(engagement_id),
            None,
        )?;
        // The talent's committed hours changed: recommendations must see it.
        crate::repositories::search_changes::record(
            conn,
            "talent",
            ctx.application.talent_id,
            to_db_time(now),
        )?;
        audit::record(
            conn,
            &entry(actor, party, &ctx, id, "accepted_by_both", now).moved("proposed", "accepted"),
        )?;
        // Webhooks: the engagement starts (or its next term does) with this acceptance.
        crate::services::webhooks::contract_accepted(
            conn,
            &ctx,
            &row,
            engagement_id,
            terms.start_date,
            now,
        )?;
        let note = Note {
            kind: "contract.accepted",
            title: "契約が成立しました",
            body: &format!(
                "「{}」の契約が双方の承諾で成立しました。キックオフの準備を始めましょう。",
                ctx.project_title
            ),
            link: format!("/engagements/{engagement_id}"),
        };
        notify::users(conn, &[ctx.application.talent_id], &note, now)?;
        notify::company(conn, ctx.company_id, &note, now)?;
        to_dto(repo::find(conn, id)?)
    })
}

/// Either side asks for changes before accepting; the company then proposes a new version.
pub fn request_changes(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<Contract, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, party) = load_contract(conn, actor, id)?;
        if row.status != ContractStatus::Proposed.as_str() {
            return Err(conflict(
                &format!("illegal_transition:{}:request_changes", row.status),
                "Only proposed terms can be changed.",
            ));
        }
        repo::clear_acceptances(conn, id)?;
        repo::set_status(
            conn,
            id,
            ContractStatus::ChangesRequested.as_str(),
            row.engagement_id,
            Some(comment),
        )?;
        audit::record(
            conn,
            &entry(actor, party, &ctx, id, "request_changes", now)
                .moved("proposed", "changes_requested"),
        )?;
        let note = Note {
            kind: "contract.changes_requested",
            title: "契約条件の変更依頼があります",
            body: comment,
            link: format!("/contracts/{id}"),
        };
        notify::other_party(
            conn,
            party.side(),
            ctx.application.talent_id,
            ctx.company_id,
            &note,
            now,
        )?;
        to_dto(repo::find(conn, id)?)
    })
}
