//! Partners as organisations: admins create and edit them; a partner's staff read their own
//! record, change the origins allowed to embed the widget, and maintain the region programmes
//! and subsidies of the prefectures the partner covers. Another partner's records answer 404.

use actix_web::{delete, get, patch, post, web, web::Json, HttpResponse};
use kakehashi_shared::partner::{
    OriginsInput, Partner, PartnerInput, PartnerPatch, PartnerProgramme, ProgrammeInput,
    ProgrammePatch,
};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::services::partners as service;

/// Creates a partner organisation. Without `referral_code`, one is generated (`p-` and eight
/// letters and digits). Origins are stored lower-case without the default port.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    request_body = PartnerInput,
    responses(
        (status = 201, description = "Created", body = Partner),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty name, unknown prefecture, an origin that is not `http(s)://host[:port]` (`origins[i]`: `invalid_format`), or a referral code that is malformed or taken (`referral_code`: `invalid_format` or `duplicate`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/partners")]
pub async fn create(
    state: State,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<PartnerInput>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let partner = state
        .db
        .write(move |c| service::create(c, &actor, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(partner))
}

/// Renames a partner or replaces its prefectures or origins. The kind and the referral code
/// do not change: links already printed and embedded carry the code.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id")),
    request_body = PartnerPatch,
    responses(
        (status = 200, description = "The updated partner", body = Partner),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/partners/{id}")]
pub async fn update(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<PartnerPatch>,
) -> Result<Json<Partner>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::update(c, &actor, id, &body, now))
            .await?,
    ))
}

/// The partner's own record: organisation, prefectures, origins, referral code and link, and
/// how many companies and talent it referred. Its staff and admins only.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id")),
    responses(
        (status = 200, description = "The partner", body = Partner),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner, or not the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partners/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Partner>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state.db.run(move |c| service::own(c, &actor, id)).await?,
    ))
}

/// Replaces the origins allowed to embed the widget, so the partner's staff can put it on a
/// new site without asking an admin. Only origins: the rest is the admin's.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id")),
    request_body = OriginsInput,
    responses(
        (status = 200, description = "The updated partner", body = Partner),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner, or not the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An origin that is not `http(s)://host[:port]` (`origins[i]`: `invalid_format`) or more than 20", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/partners/{id}")]
pub async fn update_origins(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<OriginsInput>,
) -> Result<Json<Partner>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::update_origins(c, &actor, id, &body, now))
            .await?,
    ))
}

/// The partner's programmes and subsidies, oldest first (its staff and admins).
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id")),
    responses(
        (status = 200, description = "Every programme (one page)", body = Page<PartnerProgramme>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner, or not the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partners/{id}/programmes")]
pub async fn programmes(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Page<PartnerProgramme>>, ApiError> {
    let id = id.into_inner();
    let items = state
        .db
        .run(move |c| service::programmes(c, &actor, id))
        .await?;
    Ok(Json(Page::complete(items)))
}

/// Adds a programme or subsidy for a prefecture the partner covers; the region page of that
/// prefecture lists it under the partner's name.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id")),
    request_body = ProgrammeInput,
    responses(
        (status = 201, description = "Created", body = PartnerProgramme),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner, or not the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; a prefecture the partner does not cover is `prefecture_code`: `not_allowed`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/partners/{id}/programmes")]
pub async fn create_programme(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ProgrammeInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let created = state
        .db
        .write(move |c| service::create_programme(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Changes a programme; absent fields stay as they are.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Programme id")),
    request_body = ProgrammePatch,
    responses(
        (status = 200, description = "The updated programme", body = PartnerProgramme),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such programme, or another partner's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; a prefecture the partner does not cover is `prefecture_code`: `not_allowed`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/programmes/{id}")]
pub async fn update_programme(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ProgrammePatch>,
) -> Result<Json<PartnerProgramme>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::update_programme(c, &actor, id, &body, now))
            .await?,
    ))
}

/// Removes a programme; the region page stops listing it at once.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Programme id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such programme, or another partner's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/programmes/{id}")]
pub async fn delete_programme(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    state
        .db
        .write(move |c| service::delete_programme(c, &actor, id, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
