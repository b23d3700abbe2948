use actix_web::{get, post, web, web::Json, HttpResponse};
use kakehashi_shared::application::{Scout, ScoutAnswer, ScoutInput};
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::scouts as service;

/// Invites a discoverable talent to apply (スカウト / 指名), from the company or its coordinator.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    request_body = ScoutInput,
    responses(
        (status = 201, description = "Sent", body = Scout),
        (status = 409, description = "`project_not_published`, `application_exists` or `scout_exists`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No discoverable talent with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/scouts")]
pub async fn send(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ScoutInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let scout = state
        .db
        .write(move |c| service::send(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(scout))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScoutQuery {
    /// The posting whose scouts to list (company side).
    pub project_id: Option<i64>,
}

/// Scouts received (talent) or sent (company side).
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(ScoutQuery, PageQuery),
    responses(
        (status = 200, description = "One page, newest first", body = Page<Scout>),
        (status = 404, description = "`project_id` names no posting the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/scouts")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<ScoutQuery>,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<Scout>>, ApiError> {
    let page = page.request()?;
    let project_id = query.project_id;
    Ok(Json(
        state
            .db
            .run(move |c| service::list(c, &actor, project_id, page))
            .await?,
    ))
}

/// One scout.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Scout id")),
    responses(
        (status = 200, description = "The scout", body = Scout),
        (status = 404, description = "Not a scout of the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/scouts/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Scout>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state.db.run(move |c| service::get(c, &actor, id)).await?,
    ))
}

/// The talent accepts (with a proposal, which becomes an application) or declines.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Scout id")),
    request_body = ScoutAnswer,
    responses(
        (status = 200, description = "Answered; `application_id` is set when accepted", body = Scout),
        (status = 409, description = "Already answered, or the posting stopped taking applications", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/scouts/{id}/answer")]
pub async fn answer(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ScoutAnswer>,
) -> Result<Json<Scout>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        super::write_indexed(&state, move |c| service::answer(c, &actor, id, &body, now)).await?,
    ))
}
