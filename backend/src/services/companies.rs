//! Company profiles and the coordinators' visit log.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::company::{Company, CompanyCreate, CompanyPatch, Visit, VisitInput};
use kakehashi_shared::enums::{RevenueBand, Role};
use kakehashi_shared::{FieldErrors, Page};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::companies::{
    self as repo, CompanyProfileChanges, CompanyRow, NewCompanyRow, NewVisitRow, VisitRow,
};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::{from_db_time, organisations, to_db_time};
use crate::services::{codes, context};

/// The company with the partner that referred it, named.
fn full(conn: &mut AnyConnection, row: CompanyRow) -> Result<Company, ApiError> {
    let mut company = to_dto(row)?;
    company.referred_by =
        crate::services::embed::referral_partner(conn, company.referred_by_partner_id)?;
    Ok(company)
}

pub fn to_dto(row: CompanyRow) -> Result<Company, ApiError> {
    Ok(Company {
        id: row.id,
        name: row.name,
        industry_code: row.industry_code,
        prefecture_code: row.prefecture_code,
        municipality: row.municipality,
        employees: row.employees,
        revenue_band: row.revenue_band.as_deref().and_then(RevenueBand::parse),
        website: row.website,
        vision: row.vision,
        ceo_message: row.ceo_message,
        challenges: from_text(&row.challenges)?,
        referred_by_partner_id: row.referred_by_partner_id,
        // Named by `full`, which has a connection.
        referred_by: None,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
    })
}

/// Loads a company the actor may manage (404 otherwise) and how they relate to it.
pub fn load_managed(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(CompanyRow, policy::CompanyAccess), ApiError> {
    let row = repo::find(conn, id)?;
    let hub = context::hub_prefectures(conn, actor)?;
    let access = policy::company_access(actor, row.id, &row.prefecture_code, &hub)?;
    Ok((row, access))
}

/// A coordinator creates a company in their hub's prefectures (or an admin anywhere).
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    input: &CompanyCreate,
    now: DateTime<Utc>,
) -> Result<Company, ApiError> {
    policy::require_role(actor, &[Role::Coordinator])?;
    conn.transaction(|conn| {
        let hub = context::hub_prefectures(conn, actor)?;
        if !actor.is_admin() && !hub.contains(&input.prefecture_code) {
            return Err(ApiError::field(
                "prefecture_code",
                "not_allowed",
                "is outside your hub's prefectures",
            ));
        }
        let mut e = FieldErrors::new();
        codes::industry(conn, &mut e, "industry_code", &input.industry_code)?;
        codes::prefecture(conn, &mut e, "prefecture_code", &input.prefecture_code)?;
        codes::challenges(conn, &mut e, "challenges", &input.challenges)?;
        let partner = match &input.referral_code {
            Some(code) => {
                let id = organisations::partner_id_by_referral(conn, code)?;
                if id.is_none() {
                    e.add(
                        "referral_code",
                        "unknown_value",
                        "no partner has this referral code",
                    );
                }
                id
            }
            None => None,
        };
        e.into_result().map_err(ApiError::Validation)?;
        let id = repo::insert(
            conn,
            &NewCompanyRow {
                name: input.name.trim(),
                industry_code: &input.industry_code,
                prefecture_code: &input.prefecture_code,
                municipality: input.municipality.trim(),
                referred_by_partner_id: partner,
                created_at: to_db_time(now),
                updated_at: to_db_time(now),
            },
        )?;
        let changes = CompanyProfileChanges {
            name: input.name.trim().to_owned(),
            industry_code: input.industry_code.clone(),
            municipality: input.municipality.trim().to_owned(),
            employees: input.employees,
            revenue_band: input.revenue_band.map(|b| b.as_str().to_owned()),
            website: input.website.clone().filter(|w| !w.is_empty()),
            vision: input.vision.clone(),
            ceo_message: input.ceo_message.clone(),
            challenges: to_text(&input.challenges)?,
            updated_at: to_db_time(now),
        };
        repo::update_profile(conn, id, &changes)?;
        let mut entry = AuditEntry::new("company", id, "created", now).by(actor.user_id);
        entry.on_behalf_of_company_id = Some(id);
        audit::record(conn, &entry)?;
        let row = repo::find(conn, id)?;
        full(conn, row)
    })
}

pub fn get(conn: &mut AnyConnection, actor: &Actor, id: i64) -> Result<Company, ApiError> {
    let (row, _) = load_managed(conn, actor, id)?;
    full(conn, row)
}

pub fn list(
    conn: &mut AnyConnection,
    actor: &Actor,
    page: PageRequest,
) -> Result<Page<Company>, ApiError> {
    let rows = match actor.role {
        Role::Admin => repo::list(conn, None, page.before, page.fetch())?,
        Role::Coordinator => {
            let hub = context::hub_prefectures(conn, actor)?;
            repo::list(conn, Some(&hub), page.before, page.fetch())?
        }
        Role::CompanyMember => match actor.company_id {
            Some(id) if page.before.is_none_or(|b| id < b) => vec![repo::find(conn, id)?],
            _ => Vec::new(),
        },
        Role::Talent | Role::Partner => return Err(ApiError::Forbidden),
    };
    page.page(rows, |r| r.id, |r| full(conn, r))
}

pub fn patch(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    patch: &CompanyPatch,
    now: DateTime<Utc>,
) -> Result<Company, ApiError> {
    conn.transaction(|conn| {
        let (row, access) = load_managed(conn, actor, id)?;
        let mut e = FieldErrors::new();
        if let Some(code) = &patch.industry_code {
            codes::industry(conn, &mut e, "industry_code", code)?;
        }
        if let Some(list) = &patch.challenges {
            codes::challenges(conn, &mut e, "challenges", list)?;
        }
        e.into_result().map_err(ApiError::Validation)?;
        let current = to_dto(row)?;
        let changes = CompanyProfileChanges {
            name: patch
                .name
                .as_deref()
                .map_or(current.name, |n| n.trim().to_owned()),
            industry_code: patch.industry_code.clone().unwrap_or(current.industry_code),
            municipality: patch
                .municipality
                .as_deref()
                .map_or(current.municipality, |m| m.trim().to_owned()),
            employees: patch.employees.or(current.employees),
            revenue_band: patch
                .revenue_band
                .or(current.revenue_band)
                .map(|b| b.as_str().to_owned()),
            website: match &patch.website {
                Some(w) if w.is_empty() => None,
                Some(w) => Some(w.clone()),
                None => current.website,
            },
            vision: patch.vision.clone().unwrap_or(current.vision),
            ceo_message: patch.ceo_message.clone().unwrap_or(current.ceo_message),
            challenges: to_text(patch.challenges.as_ref().unwrap_or(&current.challenges))?,
            updated_at: to_db_time(now),
        };
        repo::update_profile(conn, id, &changes)?;
        // The company's name and industry are part of its postings' search text and facets.
        crate::repositories::search_changes::record(conn, "company", id, to_db_time(now))?;
        let mut entry = AuditEntry::new("company", id, "updated", now).by(actor.user_id);
        if access.acts_for_company() {
            entry.on_behalf_of_company_id = Some(id);
        }
        audit::record(conn, &entry)?;
        let row = repo::find(conn, id)?;
        full(conn, row)
    })
}

fn visit_dto(row: VisitRow) -> Result<Visit, ApiError> {
    Ok(Visit {
        id: row.id,
        company_id: row.company_id,
        coordinator_id: row.coordinator_id,
        coordinator_name: row.coordinator_name,
        visited_on: row.visited_on,
        notes: row.notes,
        diagnosed_challenges: from_text(&row.diagnosed_challenges)?,
        next_action: row.next_action,
        next_visit_on: row.next_visit_on,
        created_at: from_db_time(row.created_at),
    })
}

fn require_hub_staff(
    conn: &mut AnyConnection,
    actor: &Actor,
    company_id: i64,
) -> Result<(), ApiError> {
    let (_, access) = load_managed(conn, actor, company_id)?;
    match access {
        // The visit log is the coordinators' CRM: companies do not see it.
        policy::CompanyAccess::Member => Err(ApiError::Forbidden),
        _ => Ok(()),
    }
}

pub fn add_visit(
    conn: &mut AnyConnection,
    actor: &Actor,
    company_id: i64,
    input: &VisitInput,
    now: DateTime<Utc>,
) -> Result<Visit, ApiError> {
    conn.transaction(|conn| {
        require_hub_staff(conn, actor, company_id)?;
        let mut e = FieldErrors::new();
        codes::challenges(
            conn,
            &mut e,
            "diagnosed_challenges",
            &input.diagnosed_challenges,
        )?;
        e.into_result().map_err(ApiError::Validation)?;
        let id = repo::insert_visit(
            conn,
            &NewVisitRow {
                company_id,
                coordinator_id: actor.user_id,
                visited_on: input.visited_on,
                notes: input.notes.clone(),
                diagnosed_challenges: to_text(&input.diagnosed_challenges)?,
                next_action: input.next_action.clone(),
                next_visit_on: input.next_visit_on,
                created_at: to_db_time(now),
            },
        )?;
        audit::record(
            conn,
            &AuditEntry::new("company_visit", id, "created", now).by(actor.user_id),
        )?;
        let visit = repo::visits(conn, company_id)?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or(ApiError::NotFound)?;
        visit_dto(visit)
    })
}

pub fn visits(
    conn: &mut AnyConnection,
    actor: &Actor,
    company_id: i64,
) -> Result<Page<Visit>, ApiError> {
    require_hub_staff(conn, actor, company_id)?;
    let items = repo::visits(conn, company_id)?
        .into_iter()
        .map(visit_dto)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page::complete(items))
}
