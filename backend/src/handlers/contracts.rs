use actix_web::{get, post, web, web::Json, HttpResponse};
use kakehashi_shared::contract::{AcceptInput, ChangeRequest, Contract, ContractTerms};
use kakehashi_shared::Problem;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::services::contracts as service;

/// Proposes the written terms for an offered application (the company), or a revised
/// version before both have accepted. Payment later than 60 days after the work is received
/// is refused (`payment_too_late`), as Japan's freelance law requires.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    request_body = ContractTerms,
    responses(
        (status = 201, description = "Proposed; both sides must accept", body = Contract),
        (status = 403, description = "Only the company side proposes terms", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The application is not offered, or the terms are already accepted", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid terms", body = Problem, content_type = "application/problem+json",
         example = json!({"type": "/problems/validation_failed", "title": "The request has invalid fields", "status": 422, "code": "validation_failed", "detail": "1 field is invalid",
                          "errors": [{"field": "payment_days", "code": "payment_too_late", "message": "the freelance law requires payment within 60 days of receiving the work"}]})),
    )
)]
#[post("/applications/{id}/contract")]
pub async fn propose(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ContractTerms>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let contract = state
        .db
        .write(move |c| service::propose(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(contract))
}

/// One contract term with its acceptances.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Contract id")),
    responses(
        (status = 200, description = "The contract", body = Contract),
        (status = 404, description = "Not a contract of the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/contracts/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Contract>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state.db.run(move |c| service::get(c, &actor, id)).await?,
    ))
}

/// The caller's side accepts the version they read. When both have, the engagement starts
/// (or moves to the renewed term) and the company sees the talent's contact details.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Contract id")),
    request_body = AcceptInput,
    responses(
        (status = 200, description = "Accepted by the caller's side", body = Contract),
        (status = 409, description = "`version_changed` (read the new terms first), `already_accepted`, or not proposed (`illegal_transition:<status>:accept`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/contracts/{id}/accept")]
pub async fn accept(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<AcceptInput>,
) -> Result<Json<Contract>, ApiError> {
    let (id, now, version) = (id.into_inner(), state.clock.now(), body.version);
    Ok(Json(
        super::write_indexed(&state, move |c| {
            service::accept(c, &actor, id, version, now)
        })
        .await?,
    ))
}

/// Asks for changes before accepting; acceptances are cleared and the company proposes a
/// new version.
#[utoipa::path(
    tag = "contracts",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Contract id")),
    request_body = ChangeRequest,
    responses(
        (status = 200, description = "Changes requested", body = Contract),
        (status = 409, description = "Not proposed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/contracts/{id}/request-changes")]
pub async fn request_changes(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ChangeRequest>,
) -> Result<Json<Contract>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::request_changes(c, &actor, id, &body.comment, now))
            .await?,
    ))
}
