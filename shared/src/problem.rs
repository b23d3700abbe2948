//! RFC 9457 problem details, the body of every error the API returns.

use serde::{Deserialize, Serialize};

/// Stable machine-readable error codes. Clients branch on these, never on `title` or `detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON, or a parameter cannot be parsed.
    MalformedRequest,
    /// The request was understood but some fields are invalid; see `errors`.
    ValidationFailed,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// No credentials, or credentials that are not valid.
    Unauthenticated,
    /// Email and password do not match an account (same answer for an unknown email).
    InvalidCredentials,
    /// The access token has expired: refresh it.
    TokenExpired,
    /// The refresh token is unknown, expired or revoked.
    InvalidRefreshToken,
    /// A refresh token was used twice; the whole session family has been revoked.
    RefreshTokenReused,
    /// Signed in, but not allowed to do this.
    Forbidden,
    /// No such resource, or not visible to the caller.
    NotFound,
    /// The HTTP method is not supported on this path.
    MethodNotAllowed,
    /// An account with this email already exists.
    EmailTaken,
    /// The request conflicts with the current state of the resource.
    Conflict,
    /// The database cannot be reached; try again shortly.
    DatabaseUnavailable,
    /// An unexpected error on the server; it has been logged with the request id.
    Internal,
    // API keys.
    /// The `kh_` key is not known (mistyped, or never issued).
    InvalidApiKey,
    /// The API key was revoked.
    ApiKeyRevoked,
    /// The API key has passed its expiry.
    ApiKeyExpired,
    /// The API key lacks the scope this endpoint needs.
    InsufficientScope,
    /// This endpoint takes a session token, not an API key.
    ApiKeyNotAccepted,
    /// Too many requests (an API key's, or from one address or account); retry after
    /// `Retry-After` seconds.
    RateLimited,
    // Rate limits and client addresses.
    /// Too many failed sign-ins for this email (known or not); retry after `Retry-After`.
    LoginLocked,
    // Faults.
    /// The server's disk is full: the change was not saved (what was saved before is intact).
    StorageFull,
}

impl ErrorCode {
    /// The code as it appears in `Problem::code`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MalformedRequest => "malformed_request",
            Self::ValidationFailed => "validation_failed",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::TokenExpired => "token_expired",
            Self::InvalidRefreshToken => "invalid_refresh_token",
            Self::RefreshTokenReused => "refresh_token_reused",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::EmailTaken => "email_taken",
            Self::Conflict => "conflict",
            Self::DatabaseUnavailable => "database_unavailable",
            Self::Internal => "internal",
            // API keys.
            Self::InvalidApiKey => "invalid_api_key",
            Self::ApiKeyRevoked => "api_key_revoked",
            Self::ApiKeyExpired => "api_key_expired",
            Self::InsufficientScope => "insufficient_scope",
            Self::ApiKeyNotAccepted => "api_key_not_accepted",
            Self::RateLimited => "rate_limited",
            // Rate limits and client addresses.
            Self::LoginLocked => "login_locked",
            // Faults.
            Self::StorageFull => "storage_full",
        }
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// Path of the field in the request, dotted for nested objects (`company.prefecture_code`).
    #[cfg_attr(feature = "openapi", schema(example = "email"))]
    pub field: String,
    /// Stable code of the rule that failed (`required`, `too_short`, `too_long`,
    /// `invalid_format`, `out_of_range`, `unknown_value`, `invalid_type`).
    #[cfg_attr(feature = "openapi", schema(example = "invalid_format"))]
    pub code: String,
    /// An English explanation for developers; apps translate `code` for people.
    #[cfg_attr(feature = "openapi", schema(example = "must be an email address"))]
    pub message: String,
}

/// An error response (`application/problem+json`, RFC 9457).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// URI reference naming the problem type; relative to the API host.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "/problems/validation_failed"))]
    pub problem_type: String,
    /// Short human-readable summary of the problem type.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "The request has invalid fields")
    )]
    pub title: String,
    /// The HTTP status code.
    #[cfg_attr(feature = "openapi", schema(example = 422))]
    pub status: u16,
    /// What went wrong in this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "2 fields are invalid"))]
    pub detail: Option<String>,
    /// Stable machine-readable code; see `ErrorCode`.
    #[cfg_attr(feature = "openapi", schema(example = "validation_failed"))]
    pub code: String,
    /// Per-field errors, for `validation_failed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    /// The field errors for one field, for forms that show errors next to fields.
    pub fn errors_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }

    /// Whether this problem has the given code.
    pub fn is(&self, code: ErrorCode) -> bool {
        self.code == code.as_str()
    }
}
