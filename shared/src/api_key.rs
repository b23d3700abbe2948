//! API keys for integrators: what a key may do (scopes), how it is shown, and what creating one
//! takes. The key itself (`kh_` and 64 hex digits) is returned once, by the creation call.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;
use crate::validation::{FieldErrors, Validate};

/// Every key starts with this, so a key and a session token (a JWT) are never confused.
pub const KEY_PREFIX: &str = "kh_";
/// A key's name has at most this many characters.
pub const NAME_MAX: usize = 100;
/// Requests a minute a key may make unless its creator chose fewer.
pub const DEFAULT_RATE_LIMIT: i32 = 600;
/// The highest limit partner staff may give a key.
pub const PARTNER_RATE_LIMIT_MAX: i32 = 600;
/// The highest limit an admin may give a key.
pub const ADMIN_RATE_LIMIT_MAX: i32 = 6000;

/// What a key may do. Session tokens are not scoped (the role rules apply); a key is also
/// bound by the role of the account that created it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiScope {
    /// Read published projects (`GET /projects`, `GET /projects/{id}`).
    #[serde(rename = "projects:read")]
    ProjectsRead,
    /// Draft, edit and submit projects. Admins' keys only: partner staff cannot draft projects.
    #[serde(rename = "projects:write")]
    ProjectsWrite,
    /// Read statistics (`GET /stats`, `GET /partners/{id}/stats`).
    #[serde(rename = "stats:read")]
    StatsRead,
    /// Create, list and delete webhooks and read their deliveries.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}
wire_enum!(ApiScope {
    ProjectsRead => "projects:read",
    ProjectsWrite => "projects:write",
    StatsRead => "stats:read",
    WebhooksManage => "webhooks:manage",
});

impl ApiScope {
    /// Whether partner staff may grant this scope (admins may grant every scope).
    pub fn partner_may_grant(self) -> bool {
        !matches!(self, ApiScope::ProjectsWrite)
    }
}

/// A key as listed: never the key itself, only its first characters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKey {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub id: i64,
    /// What the key is for, chosen by its creator.
    #[cfg_attr(feature = "openapi", schema(example = "県庁ポータル連携"))]
    pub name: String,
    /// `kh_` and the key's first 8 hex digits, to tell keys apart.
    #[cfg_attr(feature = "openapi", schema(example = "kh_3f9a01bc"))]
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    /// The partner the key belongs to; absent for admins' keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<i64>,
    /// Requests a minute before the API answers 429.
    #[cfg_attr(feature = "openapi", schema(example = 600))]
    pub rate_limit_per_minute: i32,
    pub created_at: DateTime<Utc>,
    /// After this the key answers 401 `api_key_expired`; absent: it does not expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
    /// When the key was last used, to the minute (written at most once a minute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<DateTime<Utc>>,
    /// When the key was revoked; a revoked key answers 401 `api_key_revoked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApiKeyInput {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "県庁ポータル連携", max_length = 100)
    )]
    pub name: String,
    /// At least one. Partner staff may not grant `projects:write` (422 `not_allowed`).
    #[cfg_attr(feature = "openapi", schema(example = json!(["projects:read", "stats:read"])))]
    pub scopes: Vec<ApiScope>,
    /// When the key stops working; must be in the future. Absent: never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
    /// Requests a minute, 1–600 for partner staff and 1–6000 for admins (default 600).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(example = 600, minimum = 1, maximum = 6000)
    )]
    pub rate_limit_per_minute: Option<i32>,
}

impl Validate for ApiKeyInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, 1, NAME_MAX);
        if self.scopes.is_empty() {
            e.add("scopes", "required", "grant at least one scope");
        } else if self
            .scopes
            .iter()
            .enumerate()
            .any(|(i, s)| self.scopes[..i].contains(s))
        {
            e.add("scopes", "duplicate", "a scope is named twice");
        }
        if let Some(limit) = self.rate_limit_per_minute {
            e.range(
                "rate_limit_per_minute",
                limit,
                1,
                ADMIN_RATE_LIMIT_MAX,
                "between 1 and 6000 requests a minute",
            );
        }
        e.into_result()
    }
}

/// The answer to creating a key: the key itself, shown this once and never again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyCreated {
    /// Send it as `Authorization: Bearer <key>`. Only its SHA-256 is stored: keep it safe.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "kh_3f9a01bc5d7e4f2a9b8c6d1e0f3a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c")
    )]
    pub key: String,
    pub api_key: ApiKey,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_with_their_wire_names() {
        for scope in ApiScope::ALL {
            let json = serde_json::to_string(scope).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", scope.as_str()));
            assert_eq!(ApiScope::parse(scope.as_str()), Some(*scope));
        }
    }

    #[test]
    fn input_needs_a_name_and_distinct_scopes() {
        let input = ApiKeyInput {
            name: String::new(),
            scopes: vec![ApiScope::StatsRead, ApiScope::StatsRead],
            expires_at: None,
            rate_limit_per_minute: Some(0),
        };
        let errors = input.validate().err().unwrap_or_default();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "scopes", "rate_limit_per_minute"]);
    }
}
