//! The one error type of the API, rendered as RFC 9457 `application/problem+json`.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use kakehashi_shared::{ErrorCode, FieldErrors, Problem};

/// Every way a request can fail. Each variant has one status and one stable code; internal
/// causes are logged and never sent to the client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("malformed request: {0}")]
    Malformed(String),
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("payload larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("token expired")]
    TokenExpired,
    #[error("invalid refresh token")]
    InvalidRefreshToken,
    #[error("refresh token reused")]
    RefreshTokenReused,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("email taken")]
    EmailTaken,
    /// A conflict with the resource's state; `code` names it (e.g. an illegal transition).
    #[error("conflict {code}: {detail}")]
    Conflict { code: String, detail: String },
    #[error("database unavailable")]
    DatabaseUnavailable,
    /// Another writer got there first (SQLite); `Db` runs the work again, clients see 503 if it
    /// persists.
    #[error("database busy")]
    DatabaseBusy,
    #[error("internal error: {0}")]
    Internal(String),
    // API keys.
    #[error("invalid API key")]
    InvalidApiKey,
    #[error("API key revoked")]
    ApiKeyRevoked,
    #[error("API key expired")]
    ApiKeyExpired,
    /// The key is valid but lacks the named scope.
    #[error("insufficient scope: {0}")]
    InsufficientScope(&'static str),
    #[error("API key not accepted here")]
    ApiKeyNotAccepted,
    /// Over a rate limit (`limit` says which, for people); retry after this many seconds.
    #[error("rate limited for {retry_after_secs} s: {limit}")]
    RateLimited {
        retry_after_secs: u64,
        limit: &'static str,
    },
    // Rate limits and client addresses.
    /// Too many failed sign-ins for one email, whether or not it has an account.
    #[error("login locked for {retry_after_secs} s")]
    LoginLocked { retry_after_secs: u64 },
    // Faults.
    /// The disk under the database is full (SQLite's SQLITE_FULL, PostgreSQL's disk_full):
    /// the change was not saved, and nothing saved before is harmed.
    #[error("storage full")]
    StorageFull,
}

impl ApiError {
    pub fn internal(cause: impl Into<String>) -> Self {
        Self::Internal(cause.into())
    }

    /// One invalid field, for rules that need the database (an unknown prefecture).
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, code, message);
        Self::Validation(errors)
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Malformed(_) => ErrorCode::MalformedRequest,
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            Self::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            Self::Unauthenticated(_) => ErrorCode::Unauthenticated,
            Self::InvalidCredentials => ErrorCode::InvalidCredentials,
            Self::TokenExpired => ErrorCode::TokenExpired,
            Self::InvalidRefreshToken => ErrorCode::InvalidRefreshToken,
            Self::RefreshTokenReused => ErrorCode::RefreshTokenReused,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::NotFound => ErrorCode::NotFound,
            Self::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            Self::EmailTaken => ErrorCode::EmailTaken,
            Self::Conflict { .. } => ErrorCode::Conflict,
            Self::DatabaseUnavailable | Self::DatabaseBusy => ErrorCode::DatabaseUnavailable,
            Self::Internal(_) => ErrorCode::Internal,
            // API keys.
            Self::InvalidApiKey => ErrorCode::InvalidApiKey,
            Self::ApiKeyRevoked => ErrorCode::ApiKeyRevoked,
            Self::ApiKeyExpired => ErrorCode::ApiKeyExpired,
            Self::InsufficientScope(_) => ErrorCode::InsufficientScope,
            Self::ApiKeyNotAccepted => ErrorCode::ApiKeyNotAccepted,
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            // Rate limits and client addresses.
            Self::LoginLocked { .. } => ErrorCode::LoginLocked,
            // Faults.
            Self::StorageFull => ErrorCode::StorageFull,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "The request could not be read",
            Self::Validation(_) => "The request has invalid fields",
            Self::PayloadTooLarge { .. } => "The request body is too large",
            Self::UnsupportedMediaType => "The request body must be JSON",
            Self::Unauthenticated(_) => "Sign-in required",
            Self::InvalidCredentials => "Email or password is incorrect",
            Self::TokenExpired => "The access token has expired",
            Self::InvalidRefreshToken => "The session has ended",
            Self::RefreshTokenReused => "The session was revoked",
            Self::Forbidden => "Not allowed",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed => "Method not allowed",
            Self::EmailTaken => "This email is already registered",
            Self::Conflict { .. } => "The request conflicts with the current state",
            Self::DatabaseUnavailable | Self::DatabaseBusy => {
                "The service is temporarily unavailable"
            }
            Self::Internal(_) => "Internal server error",
            // API keys.
            Self::InvalidApiKey => "The API key is not valid",
            Self::ApiKeyRevoked => "The API key has been revoked",
            Self::ApiKeyExpired => "The API key has expired",
            Self::InsufficientScope(_) => "The API key lacks the scope this needs",
            Self::ApiKeyNotAccepted => "This endpoint does not accept API keys",
            Self::RateLimited { .. } => "Too many requests",
            // Rate limits and client addresses.
            Self::LoginLocked { .. } => "Too many failed sign-ins",
            // Faults.
            Self::StorageFull => "The server's storage is full",
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            Self::Malformed(d) => Some(d.clone()),
            Self::Validation(errors) => Some(match errors.0.len() {
                1 => "1 field is invalid".to_owned(),
                n => format!("{n} fields are invalid"),
            }),
            Self::PayloadTooLarge { limit } => Some(format!("The limit is {limit} bytes.")),
            Self::Unauthenticated(d) => Some((*d).to_owned()),
            Self::TokenExpired => Some("Refresh the session and retry.".to_owned()),
            Self::InvalidRefreshToken => Some("Sign in again.".to_owned()),
            Self::RefreshTokenReused => Some(
                "This refresh token was already used, so every session started from the same \
                 sign-in has been signed out. Sign in again."
                    .to_owned(),
            ),
            Self::Conflict { detail, .. } => Some(detail.clone()),
            Self::DatabaseUnavailable | Self::DatabaseBusy => {
                Some("Please retry in a few seconds.".to_owned())
            }
            // API keys.
            Self::InsufficientScope(scope) => Some(format!(
                "Create a key with the scope {scope}, or use a key that has it."
            )),
            Self::ApiKeyNotAccepted => Some(
                "Send a session access token (sign in) for this endpoint; API keys reach only \
                 the endpoints that name a scope."
                    .to_owned(),
            ),
            Self::RateLimited {
                retry_after_secs,
                limit,
            } => Some(format!("Too many {limit}. Retry in {retry_after_secs} s.")),
            // Rate limits and client addresses. The same words for every email, so the answer
            // says nothing about whether an account exists.
            Self::LoginLocked { retry_after_secs } => Some(format!(
                "Sign-in for this email is paused after repeated failures. Retry in \
                 {retry_after_secs} s."
            )),
            // Faults.
            Self::StorageFull => Some(
                "The server has run out of disk space, so this change was not saved; what was \
                 saved before is intact. Retry once the operators have freed space."
                    .to_owned(),
            ),
            _ => None,
        }
    }

    /// The problem document sent to the client.
    pub fn to_problem(&self) -> Problem {
        let code = match self {
            Self::Conflict { code, .. } => code.clone(),
            other => other.code().as_str().to_owned(),
        };
        Problem {
            problem_type: format!("/problems/{}", self.code().as_str()),
            title: self.title().to_owned(),
            status: self.status_code().as_u16(),
            detail: self.detail(),
            code,
            errors: match self {
                Self::Validation(errors) => errors.0.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Malformed(_) => StatusCode::BAD_REQUEST,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unauthenticated(_)
            | Self::InvalidCredentials
            | Self::TokenExpired
            | Self::InvalidRefreshToken
            | Self::RefreshTokenReused => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::EmailTaken | Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::DatabaseUnavailable | Self::DatabaseBusy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            // API keys.
            Self::InvalidApiKey | Self::ApiKeyRevoked | Self::ApiKeyExpired => {
                StatusCode::UNAUTHORIZED
            }
            Self::InsufficientScope(_) | Self::ApiKeyNotAccepted => StatusCode::FORBIDDEN,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            // Rate limits and client addresses.
            Self::LoginLocked { .. } => StatusCode::TOO_MANY_REQUESTS,
            // Faults.
            Self::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(%cause, "internal error");
        }
        // Faults: the one thing an operator must act on.
        if let Self::StorageFull = self {
            tracing::error!(
                "the disk under the database is full: free space; writes fail until then"
            );
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if matches!(
            self,
            Self::Unauthenticated(_)
                | Self::TokenExpired
                | Self::InvalidCredentials
                | Self::InvalidApiKey
                | Self::ApiKeyRevoked
                | Self::ApiKeyExpired
        ) {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        if matches!(self, Self::DatabaseUnavailable | Self::DatabaseBusy) {
            response.insert_header((header::RETRY_AFTER, "5"));
        }
        // API keys.
        if let Self::RateLimited {
            retry_after_secs, ..
        }
        | Self::LoginLocked { retry_after_secs } = self
        {
            response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        response.json(self.to_problem())
    }
}

impl From<DieselError> for ApiError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => Self::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                // The constraint name is internal; services map the cases users can cause
                // (a taken email) to their own codes before this fallback.
                tracing::info!(constraint = info.message(), "unique violation");
                Self::Conflict {
                    code: ErrorCode::Conflict.as_str().to_owned(),
                    detail: "A record with the same key already exists.".to_owned(),
                }
            }
            DieselError::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => Self::DatabaseUnavailable,
            DieselError::DatabaseError(_, info) if is_busy(info.message()) => Self::DatabaseBusy,
            // Faults.
            DieselError::DatabaseError(_, info) if is_disk_full(info.message()) => {
                Self::StorageFull
            }
            other => Self::Internal(format!("database error: {other}")),
        }
    }
}

/// SQLite's "database is locked" / "database table is locked" (SQLITE_BUSY, SQLITE_LOCKED).
fn is_busy(message: &str) -> bool {
    message.contains("database is locked")
        || message.contains("is locked")
        || message.contains("SQLITE_BUSY")
}

// Faults.
/// SQLite's SQLITE_FULL ("database or disk is full") and PostgreSQL's disk_full (53100),
/// whose message carries the system's "No space left on device".
fn is_disk_full(message: &str) -> bool {
    message.contains("database or disk is full") || message.contains("No space left on device")
}
