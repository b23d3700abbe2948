//! Webhooks: subscriptions, their delivery log and manual redelivery. Admins manage the
//! platform's subscriptions (which receive every event) and see partners' ones; partner staff
//! manage their partner's (events in the prefectures it covers). Anyone else gets 403, and a
//! subscription or delivery of another partner answers 404. Integrators may call them with an
//! API key that has the scope `webhooks:manage` (the key acts as the account that made it).

use actix_web::{delete, get, post, web, web::Json, HttpResponse};
use kakehashi_shared::webhook::{Webhook, WebhookCreated, WebhookDelivery, WebhookInput};
use kakehashi_shared::{Page, Problem};

use kakehashi_shared::api_key::ApiScope;

use super::State;
use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::webhooks as service;

/// Subscribes a URL to event types. The target must be `https://` and resolve to public
/// addresses only (unless the server allows private targets); it is checked again at every
/// delivery. The signing secret is in this answer only.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    request_body = WebhookInput,
    responses(
        (status = 201, description = "Created; `secret` is shown this once", body = WebhookCreated),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins and partner staff only; `insufficient_scope`: an API key without `webhooks:manage`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad fields. On `url`: `required`, `too_long`, `invalid_format`, `insecure_scheme` (http:// not allowed), `unresolvable` (the name has no address), `private_address` (loopback, private, link-local, CGNAT, documentation or other non-public address); on `events`: `required`, `duplicate`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/webhooks")]
pub async fn create(
    state: State,
    caller: ApiCaller,
    ValidJson(body): ValidJson<WebhookInput>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(ApiScope::WebhooksManage)?;
    let now = state.clock.now();
    let created = service::create(
        &state.db,
        actor,
        body,
        state.config.webhook_allow_private,
        now,
    )
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The caller's active subscriptions, oldest first (admins: every partner's too). Secrets are
/// never listed.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every active subscription (one page)", body = Page<Webhook>),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins and partner staff only; `insufficient_scope`: an API key without `webhooks:manage`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/webhooks")]
pub async fn list(state: State, caller: ApiCaller) -> Result<Json<Page<Webhook>>, ApiError> {
    let actor = caller.require(ApiScope::WebhooksManage)?;
    let items = state.db.run(move |c| service::list(c, &actor)).await?;
    Ok(Json(Page::complete(items)))
}

/// Deletes a subscription: nothing more is sent to it, deliveries still waiting included.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Subscription id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins and partner staff only; `insufficient_scope`: an API key without `webhooks:manage`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription, already deleted, or another partner's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/webhooks/{id}")]
pub async fn remove(
    state: State,
    caller: ApiCaller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(ApiScope::WebhooksManage)?;
    let (id, now) = (id.into_inner(), state.clock.now());
    state
        .db
        .write(move |c| service::delete(c, &actor, id, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The delivery log of a subscription, newest first: each event sent (or waiting), its state,
/// the exact body, and every attempt with the receiver's status code or the error and how
/// long it took.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Subscription id"), PageQuery),
    responses(
        (status = 200, description = "One page of deliveries", body = Page<WebhookDelivery>),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins and partner staff only; `insufficient_scope`: an API key without `webhooks:manage`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription, deleted, or another partner's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn deliveries(
    state: State,
    caller: ApiCaller,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<WebhookDelivery>>, ApiError> {
    let actor = caller.require(ApiScope::WebhooksManage)?;
    let (id, page) = (id.into_inner(), page.request()?);
    Ok(Json(
        state
            .db
            .run(move |c| service::deliveries(c, &actor, id, page))
            .await?,
    ))
}

/// Sends a delivery's event again: a new delivery of the same envelope (same event id, so a
/// receiver that de-duplicates can tell) is queued for the same subscription, due at once,
/// with a fresh 24-hour retry window. Works for delivered, pending and given-up deliveries.
/// The path names the delivery alone because delivery ids are unique across subscriptions.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Delivery id")),
    responses(
        (status = 202, description = "Queued; the new delivery", body = WebhookDelivery),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins and partner staff only; `insufficient_scope`: an API key without `webhooks:manage`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery, its subscription deleted, or another partner's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/webhook-deliveries/{id}/redeliver")]
pub async fn redeliver(
    state: State,
    caller: ApiCaller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(ApiScope::WebhooksManage)?;
    let (id, now) = (id.into_inner(), state.clock.now());
    let delivery = state
        .db
        .write(move |c| service::redeliver(c, &actor, id, now))
        .await?;
    Ok(HttpResponse::Accepted().json(delivery))
}
