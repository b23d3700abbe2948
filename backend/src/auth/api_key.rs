//! API keys: how they are made and stored, the `ApiCaller` extractor that accepts a session
//! token or a key, and the per-key rate limit.

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use chrono::Duration;
use kakehashi_shared::api_key::{ApiScope, KEY_PREFIX};
use kakehashi_shared::enums::Role;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::extractor::bearer_token;
use crate::error::ApiError;
use crate::policy::Actor;
use crate::repositories::{api_keys as repo, from_db_time};
use crate::state::AppState;

/// Hex digits of the key shown in lists after `kh_`.
const DISPLAY_DIGITS: usize = 8;

/// `last_used_at` is written when it is at least this old, so a busy key costs one write a
/// minute rather than one per request.
const LAST_USED_GRANULARITY_SECS: i64 = 60;

/// A new key (`kh_` + 64 hex digits: 256 bits from the OS), its display prefix and its stored
/// hash.
pub fn generate() -> (String, String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let key = format!("{KEY_PREFIX}{}", hex::encode(bytes));
    let prefix = key
        .chars()
        .take(KEY_PREFIX.len() + DISPLAY_DIGITS)
        .collect();
    let hash = digest(&key);
    (key, prefix, hash)
}

/// The stored form of a key. A fast hash (SHA-256) is right here, unlike for passwords: a key
/// has 256 random bits, so there is nothing to guess from the hash however fast it can be
/// computed, and a fast hash lets every request be checked with one indexed lookup.
pub fn digest(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// What a request made with an API key may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyGrant {
    pub key_id: i64,
    pub scopes: Vec<ApiScope>,
}

/// The caller of an endpoint that integrators may reach: a session token (the role rules
/// apply as usual) or an API key (the scopes apply too, and the key acts as the account that
/// created it).
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub actor: Actor,
    /// Set when the request came with an API key.
    pub key: Option<KeyGrant>,
}

impl ApiCaller {
    /// The actor, if the caller may use `scope`: a session always (its role is checked by the
    /// service), a key only when it was granted the scope (403 `insufficient_scope`).
    pub fn require(self, scope: ApiScope) -> Result<Actor, ApiError> {
        match &self.key {
            Some(grant) if !grant.scopes.contains(&scope) => {
                Err(ApiError::InsufficientScope(scope.as_str()))
            }
            _ => Ok(self.actor),
        }
    }
}

impl FromRequest for ApiCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { resolve(&req).await })
    }
}

/// For public endpoints that integrators read with a key: no `Authorization` header is an
/// anonymous visitor; a header must hold a valid session token or a valid key (a bad one is
/// still a 401, never silently public).
#[derive(Debug, Clone)]
pub struct MaybeApiCaller(pub Option<ApiCaller>);

impl MaybeApiCaller {
    /// The actor the endpoint should see: a session's actor, or nobody for a key that has the
    /// scope. A key reads what the public reads (published records), whoever created it, so a
    /// `projects:read` key handed to a partner's web site never shows an admin's view.
    pub fn require_public(self, scope: ApiScope) -> Result<Option<Actor>, ApiError> {
        match self.0 {
            None => Ok(None),
            Some(caller) if caller.key.is_some() => caller.require(scope).map(|_| None),
            Some(caller) => Ok(Some(caller.actor)),
        }
    }
}

impl FromRequest for MaybeApiCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            if req
                .headers()
                .get(actix_web::http::header::AUTHORIZATION)
                .is_none()
            {
                return Ok(MaybeApiCaller(None));
            }
            resolve(&req).await.map(|c| MaybeApiCaller(Some(c)))
        })
    }
}

async fn resolve(req: &HttpRequest) -> Result<ApiCaller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("app state missing"))?
        .clone();
    let token = bearer_token(req)?;
    let now = state.clock.now();
    if !token.starts_with(KEY_PREFIX) {
        let actor = state.jwt.verify(token, now.timestamp())?;
        return Ok(ApiCaller { actor, key: None });
    }
    let hash = digest(token);
    let found = state
        .db
        .run(move |c| Ok(repo::find_by_hash(c, &hash)?))
        .await?;
    let (key, owner) = found.ok_or(ApiError::InvalidApiKey)?;
    if key.revoked_at.is_some() {
        return Err(ApiError::ApiKeyRevoked);
    }
    if key.expires_at.is_some_and(|at| from_db_time(at) <= now) {
        return Err(ApiError::ApiKeyExpired);
    }
    // Only admins and partner staff create keys; an account that has since become something
    // else no longer lends its keys any power.
    let role = Role::parse(&owner.role).ok_or(ApiError::InvalidApiKey)?;
    if !matches!(role, Role::Admin | Role::Partner) {
        return Err(ApiError::InvalidApiKey);
    }
    // Rate limits and client addresses: in the shared store, so a key gets its limit once
    // across all instances, not once per instance.
    let per_minute = u32::try_from(key.rate_limit_per_minute).unwrap_or(0).max(1);
    state
        .rate_limits
        .check(
            crate::rate_limit::Bucket::ApiKey,
            &key.id.to_string(),
            crate::rate_limit::Limit::new(per_minute, 60),
            now,
        )
        .await?;
    let stale = key.last_used_at.is_none_or(|at| {
        now.signed_duration_since(from_db_time(at)) >= Duration::seconds(LAST_USED_GRANULARITY_SECS)
    });
    if stale {
        let id = key.id;
        // A failure to record the time must not fail the request the key was valid for.
        if let Err(e) = state
            .db
            .write(move |c| Ok(repo::touch(c, id, now, LAST_USED_GRANULARITY_SECS)?))
            .await
        {
            tracing::warn!(error = %e, key_id = id, "could not record the key's last use");
        }
    }
    let scopes = repo::parse_scopes(&key.scopes);
    Ok(ApiCaller {
        actor: Actor {
            user_id: owner.id,
            role,
            company_id: None,
            hub_id: None,
            // The key belongs to the partner it was made for, whatever the account does later.
            partner_id: key.partner_id,
        },
        key: Some(KeyGrant {
            key_id: key.id,
            scopes,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_prefixed_random_and_stored_hashed() {
        let (key, prefix, hash) = generate();
        let (other, _, _) = generate();
        assert!(key.starts_with("kh_"));
        assert_eq!(key.len(), 3 + 64);
        assert_ne!(key, other);
        assert_eq!(prefix, key[..11]);
        assert_eq!(hash, digest(&key));
        assert_ne!(hash, key);
    }
}
