//! The admin's work: hubs, staff accounts and the partners staff belong to. Creation goes
//! through `accounts` (the same rules and audit entries as the command line); this module
//! adds what the screens need around it: who may call, coordinator counts, paging, and the
//! generated first password.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::admin::{AdminHub, HubInput, HubPatch, StaffCreated, StaffInput};
use kakehashi_shared::auth::{HubSummary, Me};
use kakehashi_shared::enums::Role;
use kakehashi_shared::Page;

use super::accounts::{self, NewStaff, StaffOrganisation};
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::{admin as repo, organisations, reference};

/// Admins only; everyone else signed in gets 403 (these lists hide nothing by id).
fn admins_only(actor: &Actor) -> Result<(), ApiError> {
    policy::require_role(actor, &[Role::Admin])
}

fn with_count(hub: HubSummary, coordinator_hubs: &[Option<i64>]) -> AdminHub {
    let coordinator_count = coordinator_hubs
        .iter()
        .filter(|h| **h == Some(hub.id))
        .count() as i64;
    AdminHub {
        id: hub.id,
        name: hub.name,
        prefecture_codes: hub.prefecture_codes,
        response_deadline_days: hub.response_deadline_days,
        coordinator_count,
    }
}

/// Every hub, oldest first, with its coordinator count.
pub fn list_hubs(conn: &mut AnyConnection, actor: &Actor) -> Result<Vec<AdminHub>, ApiError> {
    admins_only(actor)?;
    let counts = repo::coordinator_hub_ids(conn)?;
    Ok(organisations::list_hubs(conn)?
        .into_iter()
        .map(|h| with_count(h, &counts))
        .collect())
}

fn hub(conn: &mut AnyConnection, id: i64) -> Result<AdminHub, ApiError> {
    let counts = repo::coordinator_hub_ids(conn)?;
    Ok(with_count(organisations::hub_summary(conn, id)?, &counts))
}

pub fn create_hub(
    conn: &mut AnyConnection,
    actor: &Actor,
    input: &HubInput,
    now: DateTime<Utc>,
) -> Result<AdminHub, ApiError> {
    admins_only(actor)?;
    conn.transaction(|conn| {
        let created = accounts::create_hub(
            conn,
            &input.name,
            &input.prefecture_codes,
            input.response_deadline_days,
            now,
        )?;
        repo::attribute_creation(conn, "hub", created.id, "created", actor.user_id)?;
        hub(conn, created.id)
    })
}

/// Changes a hub's name, deadline or prefectures (replaced as a whole).
pub fn update_hub(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    patch: &HubPatch,
    now: DateTime<Utc>,
) -> Result<AdminHub, ApiError> {
    admins_only(actor)?;
    conn.transaction(|conn| {
        if !repo::hub_exists(conn, id)? {
            return Err(ApiError::NotFound);
        }
        if let Some(name) = &patch.name {
            repo::rename_hub(conn, id, name.trim())?;
        }
        if let Some(days) = patch.response_deadline_days {
            repo::set_hub_deadline(conn, id, days)?;
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
            repo::set_hub_prefectures(conn, id, codes)?;
        }
        audit::record(
            conn,
            &AuditEntry::new("hub", id, "updated", now).by(actor.user_id),
        )?;
        hub(conn, id)
    })
}

/// Staff accounts, newest first.
pub fn list_staff(
    conn: &mut AnyConnection,
    actor: &Actor,
    page: PageRequest,
) -> Result<Page<Me>, ApiError> {
    admins_only(actor)?;
    let rows = repo::staff_page(conn, page.before, page.fetch())?;
    page.page(rows, |r| r.id, |r| accounts::me(conn, r))
}

/// Opens a staff account with a generated password, returned once and stored only hashed.
pub fn create_staff(
    conn: &mut AnyConnection,
    actor: &Actor,
    input: &StaffInput,
    now: DateTime<Utc>,
) -> Result<StaffCreated, ApiError> {
    admins_only(actor)?;
    let organisation = match (input.hub_id, input.partner_id) {
        (Some(id), _) => {
            if !repo::hub_exists(conn, id)? {
                return Err(ApiError::field("hub_id", "unknown_value", "no such hub"));
            }
            StaffOrganisation::Hub(id)
        }
        (None, Some(id)) => {
            if !repo::partner_exists(conn, id)? {
                return Err(ApiError::field(
                    "partner_id",
                    "unknown_value",
                    "no such partner",
                ));
            }
            StaffOrganisation::Partner(id)
        }
        (None, None) => StaffOrganisation::None,
    };
    let password = crate::seed::demo::generate_password();
    let staff = NewStaff {
        email: input.email.clone(),
        password: password.clone(),
        display_name: input.display_name.clone(),
        role: input.role,
        organisation,
    };
    let account = conn.transaction(|conn| {
        let account = accounts::create_staff(conn, &staff, now)?;
        repo::attribute_creation(conn, "user", account.id, "staff_created", actor.user_id)?;
        Ok::<_, ApiError>(account)
    })?;
    Ok(StaffCreated { account, password })
}
