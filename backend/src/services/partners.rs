//! Partners as organisations: admins create and edit them; a partner's staff read their own
//! record, change the sites allowed to embed the widget, and maintain the programmes and
//! subsidies of the prefectures the partner covers.
//!
//! Who may do what:
//! - admins: every partner and programme;
//! - partner staff: their own partner only (another partner's records answer 404), its
//!   origins but not its name, kind, prefectures or referral code;
//! - a programme's prefecture must be one its partner covers, for admins too (422
//!   `prefecture_code: not_allowed`): the region page lists a programme under the partner's
//!   name, so the partner must speak for that prefecture.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::enums::{PartnerKind, Role};
use kakehashi_shared::partner::{
    referral_path, OriginsInput, Partner, PartnerInput, PartnerPatch, PartnerProgramme,
    ProgrammeInput, ProgrammePatch,
};
use kakehashi_shared::region::Programme;
use kakehashi_shared::validation::FieldErrors;

use super::accounts;
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::{self, Actor};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::partners::{self as repo, NewProgramme, ProgrammeChange, ProgrammeRow};
use crate::repositories::{admin as admin_repo, from_db_time, reference, to_db_time};

/// The partner in full, or 404.
pub fn detail(conn: &mut AnyConnection, id: i64) -> Result<Partner, ApiError> {
    let row = repo::find(conn, id)?.ok_or(ApiError::NotFound)?;
    let (referred_companies, referred_talents) = repo::referred_counts(conn, id)?;
    Ok(Partner {
        id: row.id,
        name: row.name,
        kind: PartnerKind::parse(&row.kind)
            .ok_or_else(|| ApiError::internal(format!("partner {id} has unknown kind")))?,
        prefecture_codes: repo::prefectures(conn, id)?,
        origins: repo::origins(conn, id)?,
        referral_link: referral_path(&row.referral_code),
        referral_code: row.referral_code,
        referred_companies,
        referred_talents,
        staff_count: repo::staff_count(conn, id)?,
        created_at: from_db_time(row.created_at),
    })
}

/// Every partner, oldest first (admins).
pub fn list(conn: &mut AnyConnection, actor: &Actor) -> Result<Vec<Partner>, ApiError> {
    policy::require_role(actor, &[Role::Admin])?;
    repo::ids(conn)?
        .into_iter()
        .map(|id| detail(conn, id))
        .collect()
}

/// Creates a partner (admins), through the same function as the command line.
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    input: &PartnerInput,
    now: DateTime<Utc>,
) -> Result<Partner, ApiError> {
    policy::require_role(actor, &[Role::Admin])?;
    conn.transaction(|conn| {
        let created = accounts::create_partner(
            conn,
            &input.name,
            input.kind,
            input.referral_code.as_deref(),
            &input.prefecture_codes,
            &input.origins,
            now,
        )?;
        admin_repo::attribute_creation(conn, "partner", created.id, "created", actor.user_id)?;
        detail(conn, created.id)
    })
}

fn set_origins(conn: &mut AnyConnection, id: i64, origins: &[String]) -> Result<(), ApiError> {
    let mut e = FieldErrors::new();
    let origins = accounts::normalized_origins(&mut e, origins);
    e.into_result().map_err(ApiError::Validation)?;
    Ok(repo::set_origins(conn, id, &origins)?)
}

/// Renames a partner, replaces its prefectures or origins (admins).
pub fn update(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    patch: &PartnerPatch,
    now: DateTime<Utc>,
) -> Result<Partner, ApiError> {
    policy::require_role(actor, &[Role::Admin])?;
    conn.transaction(|conn| {
        repo::find(conn, id)?.ok_or(ApiError::NotFound)?;
        if let Some(name) = &patch.name {
            repo::rename(conn, id, name.trim())?;
        }
        if let Some(codes) = &patch.prefecture_codes {
            for code in codes {
                if !reference::prefecture_exists(conn, code)? {
                    return Err(ApiError::field(
                        "prefecture_codes",
                        "unknown_value",
                        format!("{code} is not a JIS prefecture code"),
                    ));
                }
            }
            repo::set_prefectures(conn, id, codes)?;
        }
        if let Some(origins) = &patch.origins {
            set_origins(conn, id, origins)?;
        }
        audit::record(
            conn,
            &AuditEntry::new("partner", id, "updated", now).by(actor.user_id),
        )?;
        detail(conn, id)
    })
}

/// The partner's own record (its staff and admins; anyone else 404).
pub fn own(conn: &mut AnyConnection, actor: &Actor, id: i64) -> Result<Partner, ApiError> {
    policy::partner_member(actor, id)?;
    detail(conn, id)
}

/// Replaces the origins allowed to embed the widget (the partner's staff and admins), so a
/// partner can put the widget on a new site without asking an admin.
pub fn update_origins(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    input: &OriginsInput,
    now: DateTime<Utc>,
) -> Result<Partner, ApiError> {
    policy::partner_member(actor, id)?;
    conn.transaction(|conn| {
        repo::find(conn, id)?.ok_or(ApiError::NotFound)?;
        set_origins(conn, id, &input.origins)?;
        audit::record(
            conn,
            &AuditEntry::new("partner", id, "origins_updated", now).by(actor.user_id),
        )?;
        detail(conn, id)
    })
}

fn programme_dto(row: ProgrammeRow) -> PartnerProgramme {
    PartnerProgramme {
        id: row.id,
        partner_id: row.partner_id,
        prefecture_code: row.prefecture_code,
        title: row.title,
        amount: row.amount,
        eligibility: row.eligibility,
        url: row.url,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
    }
}

/// 422 unless the partner covers the prefecture.
fn require_coverage(conn: &mut AnyConnection, partner_id: i64, code: &str) -> Result<(), ApiError> {
    if repo::prefectures(conn, partner_id)?
        .iter()
        .any(|c| c == code)
    {
        Ok(())
    } else {
        Err(ApiError::field(
            "prefecture_code",
            "not_allowed",
            format!("the partner does not cover prefecture {code}"),
        ))
    }
}

/// The partner's programmes, oldest first.
pub fn programmes(
    conn: &mut AnyConnection,
    actor: &Actor,
    partner_id: i64,
) -> Result<Vec<PartnerProgramme>, ApiError> {
    policy::partner_member(actor, partner_id)?;
    repo::find(conn, partner_id)?.ok_or(ApiError::NotFound)?;
    Ok(repo::programmes_of(conn, partner_id)?
        .into_iter()
        .map(programme_dto)
        .collect())
}

pub fn create_programme(
    conn: &mut AnyConnection,
    actor: &Actor,
    partner_id: i64,
    input: &ProgrammeInput,
    now: DateTime<Utc>,
) -> Result<PartnerProgramme, ApiError> {
    policy::partner_member(actor, partner_id)?;
    conn.transaction(|conn| {
        repo::find(conn, partner_id)?.ok_or(ApiError::NotFound)?;
        require_coverage(conn, partner_id, &input.prefecture_code)?;
        let id = repo::insert_programme(
            conn,
            &NewProgramme {
                partner_id,
                prefecture_code: &input.prefecture_code,
                title: input.title.trim(),
                amount: input.amount.trim(),
                eligibility: input.eligibility.trim(),
                url: input.url.trim(),
            },
            to_db_time(now),
        )?;
        audit::record(
            conn,
            &AuditEntry::new("region_programme", id, "created", now).by(actor.user_id),
        )?;
        let row = repo::programme(conn, id)?.ok_or(ApiError::NotFound)?;
        Ok(programme_dto(row))
    })
}

/// Loads a programme the actor may manage; anyone else's is 404.
fn managed_programme(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<ProgrammeRow, ApiError> {
    let row = repo::programme(conn, id)?.ok_or(ApiError::NotFound)?;
    policy::partner_member(actor, row.partner_id)?;
    Ok(row)
}

pub fn update_programme(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    patch: &ProgrammePatch,
    now: DateTime<Utc>,
) -> Result<PartnerProgramme, ApiError> {
    conn.transaction(|conn| {
        let row = managed_programme(conn, actor, id)?;
        if let Some(code) = &patch.prefecture_code {
            require_coverage(conn, row.partner_id, code)?;
        }
        repo::update_programme(
            conn,
            id,
            &ProgrammeChange {
                prefecture_code: patch.prefecture_code.as_deref(),
                title: patch.title.as_deref().map(str::trim),
                amount: patch.amount.as_deref().map(str::trim),
                eligibility: patch.eligibility.as_deref().map(str::trim),
                url: patch.url.as_deref().map(str::trim),
                updated_at: to_db_time(now),
            },
        )?;
        audit::record(
            conn,
            &AuditEntry::new("region_programme", id, "updated", now).by(actor.user_id),
        )?;
        let row = repo::programme(conn, id)?.ok_or(ApiError::NotFound)?;
        Ok(programme_dto(row))
    })
}

pub fn delete_programme(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    conn.transaction(|conn| {
        managed_programme(conn, actor, id)?;
        repo::delete_programme(conn, id)?;
        audit::record(
            conn,
            &AuditEntry::new("region_programme", id, "deleted", now).by(actor.user_id),
        )?;
        Ok(())
    })
}

/// The programmes of a prefecture for its region page, with their partner's name.
pub fn for_region(conn: &mut AnyConnection, code: &str) -> Result<Vec<Programme>, ApiError> {
    Ok(repo::programmes_in(conn, code)?
        .into_iter()
        .map(|(row, provider)| Programme {
            id: row.id,
            title: row.title,
            amount: row.amount,
            eligibility: row.eligibility,
            url: row.url,
            provider,
        })
        .collect())
}
