use actix_web::{post, web::Json, HttpResponse};
use kakehashi_shared::auth::{LoginRequest, RefreshRequest, RegisterRequest, TokenResponse};
use kakehashi_shared::Problem;

use super::State;
use crate::client_addr::ClientIp;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::rate_limit::{self, Bucket};
use crate::services::auth as service;

/// Opens a talent account, or a company member account together with its company, and
/// signs it in. Staff accounts (coordinator, partner, admin) are made by admins.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created and signed in", body = TokenResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The email is already registered (`email_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. an unknown prefecture code", body = Problem, content_type = "application/problem+json",
         example = json!({"type": "/problems/validation_failed", "title": "The request has invalid fields", "status": 422,
                          "detail": "1 field is invalid", "code": "validation_failed",
                          "errors": [{"field": "company.prefecture_code", "code": "unknown_value", "message": "must be a JIS X 0401 prefecture code from \"01\" to \"47\""}]})),
        (status = 429, description = "`rate_limited`: too many registrations from this address (10 an hour by default); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database (or the shared rate-limit store) is unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: State,
    ClientIp(client): ClientIp,
    ValidJson(body): ValidJson<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    rate_limit::check(&state, Bucket::RegisterIp, &rate_limit::ip_key(client)).await?;
    let session = service::register(&state, body).await?;
    Ok(HttpResponse::Created().json(session))
}

/// Signs in with email and password. A wrong password and an unknown email get the same
/// answer, and after the same number of failures the same lockout.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Email or password is incorrect (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`login_locked`: too many failed sign-ins for this email (10 in 15 minutes by default; the same for an email without an account); or `rate_limited`: too many attempts from this address. See `Retry-After`", body = Problem, content_type = "application/problem+json",
         example = json!({"type": "/problems/login_locked", "title": "Too many failed sign-ins", "status": 429,
                          "detail": "Sign-in for this email is paused after repeated failures. Retry in 90 s.", "code": "login_locked"})),
        (status = 503, description = "The database (or the shared rate-limit store) is unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: State,
    ClientIp(client): ClientIp,
    ValidJson(body): ValidJson<LoginRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    Ok(Json(
        service::login(&state, client, &body.email, &body.password).await?,
    ))
}

/// Exchanges a refresh token for a new access and refresh token. Each refresh token works
/// once: presenting a used one signs out every session of that sign-in.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens; the presented refresh token no longer works", body = TokenResponse),
        (status = 401, description = "Unknown, expired or revoked token (`invalid_refresh_token`), or a reused one (`refresh_token_reused`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: State,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    Ok(Json(service::refresh(&state, &body.refresh_token).await?))
}

/// Signs out: revokes the refresh token and every rotation of it. Access tokens already
/// issued stay valid until they expire (at most 15 minutes).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "Unknown refresh token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: State,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    service::logout(&state, &body.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}
