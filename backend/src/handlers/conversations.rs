use actix_web::{get, post, put, web, web::Json, HttpResponse};
use kakehashi_shared::application::{
    Interview, InterviewConfirm, InterviewNotes, InterviewProposal, Message, MessageInput,
};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::rate_limit::{self, Bucket};
use crate::services::conversations as service;

/// The conversation of an application, oldest first. Reading marks it read.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    responses(
        (status = 200, description = "Every message, with `read` for the caller", body = Page<Message>),
        (status = 404, description = "Not an application of the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/applications/{id}/messages")]
pub async fn messages(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Page<Message>>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::messages(c, &actor, id))
            .await?,
    ))
}

/// Sends a message; the other side is notified.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    request_body = MessageInput,
    responses(
        (status = 201, description = "Sent", body = Message),
        (status = 404, description = "Not an application of the caller", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: too many messages from this account (120 an hour by default); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/messages")]
pub async fn post_message(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<MessageInput>,
) -> Result<HttpResponse, ApiError> {
    rate_limit::check(&state, Bucket::MessageUser, &actor.user_id.to_string()).await?;
    let (id, now) = (id.into_inner(), state.clock.now());
    let message = state
        .db
        .write(move |c| service::post_message(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(message))
}

/// Proposes 1–5 interview slots; the other side confirms one.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    request_body = InterviewProposal,
    responses(
        (status = 201, description = "Proposed", body = Interview),
        (status = 409, description = "The application is past the interview stage", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No slots, more than 5, or slots in the past", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/interviews")]
pub async fn propose(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<InterviewProposal>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let interview = state
        .db
        .write(move |c| service::propose(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(interview))
}

/// The interviews of an application, with the caller's private notes.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, description = "Every interview", body = Page<Interview>))
)]
#[get("/applications/{id}/interviews")]
pub async fn interviews(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Page<Interview>>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::interviews(c, &actor, id))
            .await?,
    ))
}

/// Confirms one of the proposed slots (the side that did not propose them).
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Interview id")),
    request_body = InterviewConfirm,
    responses(
        (status = 200, description = "Confirmed", body = Interview),
        (status = 403, description = "The proposer cannot confirm their own slots", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already confirmed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not one of the proposed slots", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/interviews/{id}/confirm")]
pub async fn confirm(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<InterviewConfirm>,
) -> Result<Json<Interview>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::confirm(c, &actor, id, &body, now))
            .await?,
    ))
}

/// Saves the caller's private notes on an interview; the other side never sees them.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Interview id")),
    request_body = InterviewNotes,
    responses((status = 200, description = "Saved", body = Interview))
)]
#[put("/interviews/{id}/notes")]
pub async fn notes(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<InterviewNotes>,
) -> Result<Json<Interview>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .write(move |c| service::save_notes(c, &actor, id, &body))
            .await?,
    ))
}
