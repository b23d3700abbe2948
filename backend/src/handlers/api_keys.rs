//! API keys for integrators: create (the key is shown once), list, revoke. For partner staff
//! (their partner's keys) and admins (every key). These endpoints take a session, never a key,
//! so a leaked key cannot mint others.

use actix_web::{delete, get, post, web, web::Json, HttpResponse};
use kakehashi_shared::api_key::{ApiKey, ApiKeyCreated, ApiKeyInput};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::api_keys as service;

/// Creates an API key. The key is in this answer only: the server keeps its SHA-256.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    request_body = ApiKeyInput,
    responses(
        (status = 201, description = "Created; `key` is shown this once", body = ApiKeyCreated),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partner staff and admins only; `api_key_not_accepted` when called with a key", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty name, no or repeated scopes, a scope partner keys cannot have (`projects:write`: `not_allowed`), an expiry in the past, or a limit out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api-keys")]
pub async fn create(
    state: State,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<ApiKeyInput>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let created = state
        .db
        .write(move |c| service::create(c, &actor, &body, now))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("cache-control", "no-store"))
        .json(created))
}

/// The caller's organisation's keys, newest first, revoked ones included: partner staff see
/// their partner's, admins every key (with its partner).
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "One page", body = Page<ApiKey>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partner staff and admins only", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api-keys")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<PageQuery>,
) -> Result<Json<Page<ApiKey>>, ApiError> {
    let page = query.request()?;
    Ok(Json(
        state
            .db
            .run(move |c| service::list(c, &actor, page))
            .await?,
    ))
}

/// Revokes a key at once (requests with it answer 401 `api_key_revoked`). Revoking a revoked
/// key answers the same, so a retried call is safe.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Key id")),
    responses(
        (status = 200, description = "The key, revoked", body = ApiKey),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Partner staff and admins only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key, or another organisation's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api-keys/{id}")]
pub async fn revoke(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<ApiKey>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::revoke(c, &actor, id, now))
            .await?,
    ))
}
