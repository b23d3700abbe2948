//! Talent profiles. Contact details stay hidden from companies until a contract is accepted.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::enums::{AgeBand, EmployerType, Role};
use kakehashi_shared::talent::{TalentProfile, TalentProfileInput};
use kakehashi_shared::{FieldErrors, Page};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::talents::{self as repo, TalentRow};
use crate::repositories::{from_db_time, to_db_time};
use crate::services::{codes, context};

fn to_input(row: &TalentRow) -> Result<TalentProfileInput, ApiError> {
    Ok(TalentProfileInput {
        headline: row.headline.clone(),
        bio: row.bio.clone(),
        skills: from_text(&row.skills)?,
        challenges: from_text(&row.challenges)?,
        residence_prefecture_code: row.residence_prefecture_code.clone(),
        residence_country: row.residence_country.clone(),
        ties: from_text(&row.ties)?,
        age_band: AgeBand::parse(&row.age_band)
            .ok_or_else(|| ApiError::internal("bad age band"))?,
        employer_type: EmployerType::parse(&row.employer_type)
            .ok_or_else(|| ApiError::internal("bad employer type"))?,
        available_hours_per_month: row.available_hours_per_month,
        onsite_days_per_month: row.onsite_days_per_month,
        desired_monthly_fee: row.desired_monthly_fee,
        remote_only: row.remote_only,
        contract_types: from_text(&row.contract_types)?,
        motivations: from_text(&row.motivations)?,
        discoverable: row.discoverable,
        has_liability_insurance: row.has_liability_insurance,
        has_side_job_permission: row.has_side_job_permission,
        phone: row.phone.clone(),
    })
}

/// The profile as `actor` may see it: contact details only when `show_contact`.
pub(crate) fn to_dto(
    row: TalentRow,
    name: String,
    email: String,
    show_contact: bool,
) -> Result<TalentProfile, ApiError> {
    let mut profile = to_input(&row)?;
    if !show_contact {
        profile.phone = None;
    }
    Ok(TalentProfile {
        id: row.user_id,
        display_name: name,
        profile,
        email: show_contact.then_some(email),
        updated_at: from_db_time(row.updated_at),
    })
}

pub fn get_own(conn: &mut AnyConnection, actor: &Actor) -> Result<TalentProfile, ApiError> {
    policy::require_role(actor, &[Role::Talent])?;
    let (row, name, email) = repo::find(conn, actor.user_id)?.ok_or(ApiError::NotFound)?;
    to_dto(row, name, email, true)
}

pub fn put_own(
    conn: &mut AnyConnection,
    actor: &Actor,
    input: &TalentProfileInput,
    now: DateTime<Utc>,
) -> Result<TalentProfile, ApiError> {
    if actor.role != Role::Talent {
        return Err(ApiError::Forbidden);
    }
    conn.transaction(|conn| {
        let mut e = FieldErrors::new();
        let skill_codes: Vec<String> = input.skills.iter().map(|s| s.code.clone()).collect();
        codes::skills(conn, &mut e, "skills", &skill_codes)?;
        codes::challenges(conn, &mut e, "challenges", &input.challenges)?;
        if let Some(code) = &input.residence_prefecture_code {
            codes::prefecture(conn, &mut e, "residence_prefecture_code", code)?;
        }
        e.into_result().map_err(ApiError::Validation)?;
        let existed = repo::find(conn, actor.user_id)?.is_some();
        // Two first saves racing on PostgreSQL both find no row and both insert; the loser's
        // unique violation means "another writer got there first", so `Db::run` runs this
        // again and it updates the row the winner made.
        repo::save(conn, &row(actor.user_id, input, to_db_time(now))?).map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => ApiError::DatabaseBusy,
            other => other.into(),
        })?;
        crate::repositories::search_changes::record(
            conn,
            "talent",
            actor.user_id,
            to_db_time(now),
        )?;
        let action = if existed { "updated" } else { "created" };
        audit::record(
            conn,
            &AuditEntry::new("talent_profile", actor.user_id, action, now).by(actor.user_id),
        )?;
        get_own(conn, actor)
    })
}

/// Whether `actor` may see this talent's contact details.
fn may_see_contact(
    conn: &mut AnyConnection,
    actor: &Actor,
    talent_id: i64,
) -> Result<bool, ApiError> {
    Ok(match actor.role {
        Role::Admin => true,
        Role::Talent => actor.user_id == talent_id,
        Role::CompanyMember => match actor.company_id {
            Some(company) => repo::engaged_with_company(conn, talent_id, company)?,
            None => false,
        },
        Role::Coordinator | Role::Partner => false,
    })
}

/// A talent profile for companies and coordinators: discoverable talent, or talent who applied
/// to them. Everyone else gets 404.
pub fn get(
    conn: &mut AnyConnection,
    actor: &Actor,
    talent_id: i64,
) -> Result<TalentProfile, ApiError> {
    let (row, name, email) = repo::find(conn, talent_id)?.ok_or(ApiError::NotFound)?;
    let visible = match actor.role {
        Role::Admin => true,
        Role::Talent => actor.user_id == talent_id,
        Role::CompanyMember => {
            row.discoverable
                || actor
                    .company_id
                    .map(|c| repo::applied_to_company(conn, talent_id, c))
                    .transpose()?
                    .unwrap_or(false)
        }
        Role::Coordinator => {
            let hub = context::hub_prefectures(conn, actor)?;
            row.discoverable || repo::applied_in_prefectures(conn, talent_id, &hub)?
        }
        Role::Partner => false,
    };
    if !visible {
        return Err(ApiError::NotFound);
    }
    let contact = may_see_contact(conn, actor, talent_id)?;
    to_dto(row, name, email, contact)
}

pub fn list(
    conn: &mut AnyConnection,
    actor: &Actor,
    prefecture: Option<&str>,
    page: PageRequest,
) -> Result<Page<TalentProfile>, ApiError> {
    policy::require_role(actor, &[Role::CompanyMember, Role::Coordinator])?;
    let rows = repo::list_discoverable(conn, prefecture, page.before, page.fetch())?;
    let admin = actor.is_admin();
    page.page(
        rows,
        |(r, _, _)| r.user_id,
        |(row, name, email)| to_dto(row, name, email, admin),
    )
}

/// The stored row of a talent's profile as entered (the one place that maps the form onto
/// the table, for the service and for loaders of prepared data).
pub fn row(
    user_id: i64,
    input: &TalentProfileInput,
    updated_at: chrono::NaiveDateTime,
) -> Result<TalentRow, ApiError> {
    Ok(TalentRow {
        user_id,
        headline: input.headline.trim().to_owned(),
        bio: input.bio.clone(),
        skills: to_text(&input.skills)?,
        challenges: to_text(&input.challenges)?,
        residence_prefecture_code: input.residence_prefecture_code.clone(),
        residence_country: input.residence_country.clone(),
        ties: to_text(&input.ties)?,
        age_band: input.age_band.as_str().to_owned(),
        employer_type: input.employer_type.as_str().to_owned(),
        available_hours_per_month: input.available_hours_per_month,
        onsite_days_per_month: input.onsite_days_per_month,
        desired_monthly_fee: input.desired_monthly_fee,
        remote_only: input.remote_only,
        contract_types: to_text(&input.contract_types)?,
        motivations: to_text(&input.motivations)?,
        discoverable: input.discoverable,
        has_liability_insurance: input.has_liability_insurance,
        has_side_job_permission: input.has_side_job_permission,
        phone: input.phone.clone().filter(|p| !p.trim().is_empty()),
        updated_at,
    })
}
