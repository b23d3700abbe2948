//! `AuthUser`: the signed-in caller, from `Authorization: Bearer <access token>`.

use std::future::{ready, Ready};

use actix_web::{dev::Payload, http::header, web, FromRequest, HttpRequest};

use crate::error::ApiError;
use crate::policy::Actor;
use crate::state::AppState;

/// Handlers that take this argument require a valid access token (401 otherwise).
#[derive(Debug, Clone)]
pub struct AuthUser(pub Actor);

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req).map(AuthUser))
    }
}

fn authenticate(req: &HttpRequest) -> Result<Actor, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("app state missing"))?;
    let token = bearer_token(req)?;
    // API keys reach only the endpoints that take `ApiCaller` and name a scope; everything
    // else needs a person's session, so a leaked key cannot act as its creator everywhere.
    if token.starts_with(kakehashi_shared::api_key::KEY_PREFIX) {
        return Err(ApiError::ApiKeyNotAccepted);
    }
    state.jwt.verify(token, state.clock.now().timestamp())
}

/// The token of `Authorization: Bearer <token>` (a session token or an API key).
pub(crate) fn bearer_token(req: &HttpRequest) -> Result<&str, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or(ApiError::Unauthenticated(
            "Send an access token: Authorization: Bearer <token>.",
        ))?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::Unauthenticated("The Authorization header is not readable."))?;
    value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(ApiError::Unauthenticated(
            "Use the Bearer scheme: Authorization: Bearer <token>.",
        ))
}

/// For endpoints open to everyone that show more to signed-in callers: no `Authorization`
/// header means anonymous, but a header with a bad token is still a 401 (not silently public).
#[derive(Debug, Clone)]
pub struct MaybeAuthUser(pub Option<Actor>);

impl FromRequest for MaybeAuthUser {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if req.headers().get(header::AUTHORIZATION).is_none() {
            return ready(Ok(MaybeAuthUser(None)));
        }
        ready(authenticate(req).map(|a| MaybeAuthUser(Some(a))))
    }
}
