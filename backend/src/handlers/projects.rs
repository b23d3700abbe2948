use actix_web::{get, patch, post, web, web::Json, HttpResponse};
use kakehashi_shared::project::{Project, ProjectDraft, ProjectVersion, ReviewComment};
use kakehashi_shared::workflow::{ProjectAction, ProjectStatus};
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::projects as service;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateQuery {
    /// The company the posting is for (coordinators and admins; members post for their own).
    pub company_id: Option<i64>,
}

/// Drafts a posting. Any subset of fields may be given; submitting needs them all.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(CreateQuery),
    request_body = ProjectDraft,
    responses(
        (status = 201, description = "The draft", body = Project),
        (status = 404, description = "Not a company the caller manages", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. more than 200 hours a month or a fee out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects")]
pub async fn create(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<CreateQuery>,
    ValidJson(body): ValidJson<ProjectDraft>,
) -> Result<HttpResponse, ApiError> {
    let (company_id, now) = (query.company_id, state.clock.now());
    let project = state
        .db
        .run(move |c| service::create(c, &actor, company_id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(project))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Anyone sees `published`; the company and its hub see every status of their postings.
    pub status: Option<ProjectStatus>,
    /// JIS prefecture code of the company.
    pub prefecture: Option<String>,
    pub company_id: Option<i64>,
    /// `true`: the postings the caller manages, in every status.
    #[serde(default)]
    pub mine: bool,
}

/// Postings, newest first: the published catalogue, or with `mine=true` (or a non-published
/// `status`) the caller's own and their hub's postings in every status.
#[utoipa::path(
    tag = "projects",
    params(ListQuery, PageQuery),
    responses(
        (status = 200, description = "One page", body = Page<Project>),
        (status = 422, description = "Unknown prefecture or limit over 100", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects")]
pub async fn list(
    state: State,
    MaybeAuthUser(actor): MaybeAuthUser,
    query: web::Query<ListQuery>,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<Project>>, ApiError> {
    let page = page.request()?;
    let q = query.into_inner();
    if q.prefecture
        .as_deref()
        .is_some_and(|p| !kakehashi_shared::validation::is_prefecture_code(p))
    {
        return Err(ApiError::field(
            "prefecture",
            "unknown_value",
            "is not a JIS prefecture code",
        ));
    }
    let q = service::ListQuery {
        status: q.status,
        prefecture: q.prefecture,
        company_id: q.company_id,
        mine: q.mine,
    };
    Ok(Json(
        state
            .db
            .run(move |c| service::list(c, actor.as_ref(), &q, page))
            .await?,
    ))
}

/// One posting: public once published; drafts only for the company and its hub.
#[utoipa::path(
    tag = "projects",
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "The posting", body = Project),
        (status = 404, description = "No such posting, or not visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects/{id}")]
pub async fn get(
    state: State,
    MaybeAuthUser(actor): MaybeAuthUser,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::get(c, actor.as_ref(), id))
            .await?,
    ))
}

/// Changes the fields present. After publication each edit keeps the previous version.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    request_body = ProjectDraft,
    responses(
        (status = 200, description = "The posting", body = Project),
        (status = 409, description = "In review (`project_in_review`) or closed (`project_closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/projects/{id}")]
pub async fn update(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ProjectDraft>,
) -> Result<Json<Project>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .run(move |c| service::update(c, &actor, id, &body, now))
            .await?,
    ))
}

async fn transition(
    state: State,
    actor: crate::policy::Actor,
    id: i64,
    action: ProjectAction,
    comment: Option<String>,
) -> Result<Json<Project>, ApiError> {
    let now = state.clock.now();
    Ok(Json(
        state
            .db
            .run(move |c| service::transition(c, &actor, id, action, comment.as_deref(), now))
            .await?,
    ))
}

/// Sends a complete draft to the hub's coordinators for review.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "In review", body = Project),
        (status = 409, description = "Not a draft (`illegal_transition:<status>:submit`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Incomplete: `errors` lists the missing fields; or the window closes in the past", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/submit")]
pub async fn submit(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    transition(state, actor, id.into_inner(), ProjectAction::Submit, None).await
}

/// Publishes a posting in review (coordinators of the company's hub, admins).
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "Published", body = Project),
        (status = 403, description = "Companies cannot approve their own postings", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in review", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/approve")]
pub async fn approve(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    transition(state, actor, id.into_inner(), ProjectAction::Approve, None).await
}

/// Sends a posting in review back to the company with the coordinator's comments.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    request_body = ReviewComment,
    responses(
        (status = 200, description = "Changes requested", body = Project),
        (status = 403, description = "Only the hub reviews", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in review", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/request-changes")]
pub async fn request_changes(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ReviewComment>,
) -> Result<Json<Project>, ApiError> {
    transition(
        state,
        actor,
        id.into_inner(),
        ProjectAction::RequestChanges,
        Some(body.comment),
    )
    .await
}

/// Closes a posting: no more applications.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "Closed", body = Project),
        (status = 409, description = "Already closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/close")]
pub async fn close(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    transition(state, actor, id.into_inner(), ProjectAction::Close, None).await
}

/// Earlier versions of a published posting, newest first.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "Every earlier version", body = Page<ProjectVersion>),
        (status = 404, description = "Not a posting the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects/{id}/versions")]
pub async fn versions(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Page<ProjectVersion>>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::versions(c, &actor, id))
            .await?,
    ))
}
