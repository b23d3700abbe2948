use actix_web::{get, patch, post, web, web::Json, HttpResponse};
use kakehashi_shared::company::{Company, CompanyCreate, CompanyPatch, Visit, VisitInput};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::companies as service;

/// Creates a company for one that has no account yet (coordinators, in their hub's prefectures).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    request_body = CompanyCreate,
    responses(
        (status = 201, description = "Created", body = Company),
        (status = 403, description = "Only coordinators and admins create companies", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a prefecture outside the hub", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies")]
pub async fn create(
    state: State,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<CompanyCreate>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let company = state
        .db
        .write(move |c| service::create(c, &actor, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(company))
}

/// Companies the caller manages: their own (members), their hub's (coordinators), all (admins).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "One page, newest first", body = Page<Company>),
        (status = 403, description = "Talent and partners see no company list", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<PageQuery>,
) -> Result<Json<Page<Company>>, ApiError> {
    let page = query.request()?;
    Ok(Json(
        state
            .db
            .run(move |c| service::list(c, &actor, page))
            .await?,
    ))
}

/// One company's profile.
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Company id")),
    responses(
        (status = 200, description = "The company", body = Company),
        (status = 404, description = "No such company, or not one the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Company>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state.db.run(move |c| service::get(c, &actor, id)).await?,
    ))
}

/// Changes a company's profile (members, or a coordinator acting for the company).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Company id")),
    request_body = CompanyPatch,
    responses(
        (status = 200, description = "The updated company", body = Company),
        (status = 404, description = "Not a company the caller manages", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/companies/{id}")]
pub async fn update(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<CompanyPatch>,
) -> Result<Json<Company>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        super::write_indexed(&state, move |c| service::patch(c, &actor, id, &body, now)).await?,
    ))
}

/// Logs a coordinator's visit or consultation, with the challenges diagnosed.
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Company id")),
    request_body = VisitInput,
    responses(
        (status = 201, description = "Logged", body = Visit),
        (status = 403, description = "Company members do not write the visit log", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a company of the caller's hub", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies/{id}/visits")]
pub async fn add_visit(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<VisitInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let visit = state
        .db
        .write(move |c| service::add_visit(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(visit))
}

/// The visit log of a company, latest first (coordinators and admins).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Company id")),
    responses(
        (status = 200, description = "Every visit", body = Page<Visit>),
        (status = 403, description = "Company members do not see the visit log", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/visits")]
pub async fn visits(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Page<Visit>>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::visits(c, &actor, id))
            .await?,
    ))
}
