//! API keys: who may create, list and revoke them, and which scopes each may grant.
//!
//! Partner staff manage their partner's keys and admins every key (the operator revokes a
//! leaked partner key). A key acts as the account that created it, bound by its scopes; keys
//! cannot manage keys (these endpoints take a session only).

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::api_key::{
    ApiKey, ApiKeyCreated, ApiKeyInput, DEFAULT_RATE_LIMIT, PARTNER_RATE_LIMIT_MAX,
};
use kakehashi_shared::Page;

use crate::auth::api_key;
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{self, Actor};
use crate::repositories::api_keys::{self as repo, KeyRow, NewKey};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::{from_db_time, to_db_time};

fn to_dto(row: KeyRow) -> ApiKey {
    ApiKey {
        id: row.id,
        scopes: repo::parse_scopes(&row.scopes),
        name: row.name,
        prefix: row.prefix,
        partner_id: row.partner_id,
        rate_limit_per_minute: row.rate_limit_per_minute,
        created_at: from_db_time(row.created_at),
        expires_at: row.expires_at.map(from_db_time),
        last_used_at: row.last_used_at.map(from_db_time),
        revoked_at: row.revoked_at.map(from_db_time),
    }
}

/// Creates a key for the caller's organisation and returns it, the only time it is shown.
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    input: &ApiKeyInput,
    now: DateTime<Utc>,
) -> Result<ApiKeyCreated, ApiError> {
    let partner_id = policy::api_key_owner(actor)?;
    let mut errors = kakehashi_shared::FieldErrors::new();
    if partner_id.is_some() {
        // Partner staff cannot draft projects, so their keys cannot either.
        if let Some(scope) = input.scopes.iter().find(|s| !s.partner_may_grant()) {
            errors.add(
                "scopes",
                "not_allowed",
                format!("partner keys cannot have {scope}; it is for admins' keys"),
            );
        }
        if input
            .rate_limit_per_minute
            .is_some_and(|l| l > PARTNER_RATE_LIMIT_MAX)
        {
            errors.add(
                "rate_limit_per_minute",
                "out_of_range",
                "partner keys allow at most 600 requests a minute",
            );
        }
    }
    if input.expires_at.is_some_and(|at| at <= now) {
        errors.add("expires_at", "out_of_range", "must be in the future");
    }
    errors.into_result().map_err(ApiError::Validation)?;

    let (key, prefix, hash) = api_key::generate();
    let name = input.name.trim();
    conn.transaction(|conn| {
        let id = repo::insert(
            conn,
            &NewKey {
                user_id: actor.user_id,
                partner_id,
                name,
                prefix: &prefix,
                key_hash: &hash,
                scopes: repo::scopes_text(&input.scopes),
                rate_limit_per_minute: input.rate_limit_per_minute.unwrap_or(DEFAULT_RATE_LIMIT),
                created_at: to_db_time(now),
                expires_at: input.expires_at.map(to_db_time),
            },
        )?;
        audit::record(
            conn,
            &AuditEntry::new("api_key", id, "created", now).by(actor.user_id),
        )?;
        Ok(ApiKeyCreated {
            key,
            api_key: to_dto(repo::find(conn, id)?),
        })
    })
}

/// The caller's organisation's keys (every key for admins), newest first, revoked ones too.
pub fn list(
    conn: &mut AnyConnection,
    actor: &Actor,
    page: PageRequest,
) -> Result<Page<ApiKey>, ApiError> {
    let partner_id = policy::api_key_owner(actor)?;
    let rows = repo::page(conn, partner_id, page.before, page.fetch())?;
    page.page(rows, |r| r.id, |r| Ok(to_dto(r)))
}

/// Revokes a key; revoking a revoked key changes nothing and answers the same.
pub fn revoke(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<ApiKey, ApiError> {
    policy::api_key_owner(actor)?;
    conn.transaction(|conn| {
        let row = repo::find(conn, id)?;
        policy::can_manage_api_key(actor, row.partner_id)?;
        if repo::revoke(conn, id, actor.user_id, now)? == 1 {
            audit::record(
                conn,
                &AuditEntry::new("api_key", id, "revoked", now).by(actor.user_id),
            )?;
        }
        Ok(to_dto(repo::find(conn, id)?))
    })
}
