use actix_web::{get, post, put, web, web::Json, HttpResponse};
use kakehashi_shared::application::{
    Application, ApplicationInput, QuestionnaireInput, Questionnaires, TransitionInput,
};
use kakehashi_shared::workflow::ApplicationStatus;
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::rate_limit::{self, Bucket};
use crate::services::applications as service;

/// Applies to a published posting with a proposal and the screening answers. The company
/// must answer within the hub's response deadline (14 days by default).
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    request_body = ApplicationInput,
    responses(
        (status = 201, description = "Applied", body = Application),
        (status = 403, description = "Only talent apply", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`application_exists`, `recruitment_closed`, `recruitment_not_open` or `profile_required`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid proposal, or answers that do not match the questions", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: too many applications from this account (30 an hour by default); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/applications")]
pub async fn apply(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ApplicationInput>,
) -> Result<HttpResponse, ApiError> {
    rate_limit::check(&state, Bucket::ApplyUser, &actor.user_id.to_string()).await?;
    let (id, now) = (id.into_inner(), state.clock.now());
    let application = super::write_indexed(&state, move |c| {
        service::apply(c, &actor, id, &body, None, now)
    })
    .await?;
    Ok(HttpResponse::Created().json(application))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    pub project_id: Option<i64>,
    pub status: Option<ApplicationStatus>,
    /// Only applications past their response deadline without an answer.
    #[serde(default)]
    pub overdue: bool,
}

/// The caller's applications: a talent's own, a company's received, a hub's (coordinators).
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(ListQuery, PageQuery),
    responses(
        (status = 200, description = "One page, newest first", body = Page<Application>),
        (status = 403, description = "Partners see figures, not applications", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/applications")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<ListQuery>,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<Application>>, ApiError> {
    let page = page.request()?;
    let q = query.into_inner();
    let q = service::ListQuery {
        project_id: q.project_id,
        status: q.status,
        overdue: q.overdue,
    };
    let (role, now) = (actor.role, state.clock.now().timestamp());
    let mut found = state
        .db
        .run(move |c| service::list(c, &actor, &q, page))
        .await?;
    service::with_matches(&state.search, role, &mut found.items, now);
    Ok(Json(found))
}

/// One application with its status timeline.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    responses(
        (status = 200, description = "The application", body = Application),
        (status = 404, description = "Not an application of the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/applications/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Application>, ApiError> {
    let id = id.into_inner();
    let (role, now) = (actor.role, state.clock.now().timestamp());
    let mut found = state.db.run(move |c| service::get(c, &actor, id)).await?;
    service::with_matches(&state.search, role, std::slice::from_mut(&mut found), now);
    Ok(Json(found))
}

/// Moves an application: `shortlist`, `interview`, `offer`, `decline` (company, with a
/// reason) or `withdraw` (talent). An illegal move answers 409 naming it.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    request_body = TransitionInput,
    responses(
        (status = 200, description = "Moved", body = Application),
        (status = 403, description = "The other side's move", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`illegal_transition:<status>:<action>`", body = Problem, content_type = "application/problem+json",
         example = json!({"type": "/problems/conflict", "title": "The request conflicts with the current state", "status": 409, "code": "illegal_transition:declined:offer", "detail": "An application that is declined cannot be moved with offer."})),
        (status = 422, description = "A decline without a reason", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/transitions")]
pub async fn transition(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<TransitionInput>,
) -> Result<Json<Application>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::transition(c, &actor, id, &body, now))
            .await?,
    ))
}

/// Both sides' pre-interview questionnaires; the other side's answers appear once the caller
/// has given their own.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, description = "The questionnaires", body = Questionnaires))
)]
#[get("/applications/{id}/questionnaire")]
pub async fn questionnaire(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Questionnaires>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::questionnaires(c, &actor, id))
            .await?,
    ))
}

/// Saves the caller's side of the pre-interview questionnaire.
#[utoipa::path(
    tag = "applications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    request_body = QuestionnaireInput,
    responses(
        (status = 200, description = "Saved", body = Questionnaires),
        (status = 409, description = "The application is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/applications/{id}/questionnaire")]
pub async fn save_questionnaire(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<QuestionnaireInput>,
) -> Result<Json<Questionnaires>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::save_questionnaire(c, &actor, id, &body, now))
            .await?,
    ))
}
