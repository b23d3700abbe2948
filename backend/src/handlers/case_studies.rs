use actix_web::{get, post, put, web, web::Json, HttpResponse};
use kakehashi_shared::case_study::{CaseStudy, CaseStudyText};
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::case_studies as service;

/// Drafts a case study from the engagement's records (parties and the hub).
#[utoipa::path(
    tag = "case studies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    responses(
        (status = 201, description = "The draft", body = CaseStudy),
        (status = 409, description = "`case_study_exists`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/engagements/{id}/case-study")]
pub async fn create(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let study = state
        .db
        .write(move |c| service::create(c, &actor, id, now))
        .await?;
    Ok(HttpResponse::Created().json(study))
}

/// Edits a draft's text; every consent must then be given again.
#[utoipa::path(
    tag = "case studies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Case study id")),
    request_body = CaseStudyText,
    responses(
        (status = 200, description = "The draft", body = CaseStudy),
        (status = 409, description = "Already published", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/case-studies/{id}")]
pub async fn update(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<CaseStudyText>,
) -> Result<Json<CaseStudy>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::update_text(c, &actor, id, &body, now))
            .await?,
    ))
}

/// Records the caller's consent: the talent's, the company's (a member's), or the hub's.
#[utoipa::path(
    tag = "case studies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Case study id")),
    responses((status = 200, description = "Consent recorded", body = CaseStudy))
)]
#[post("/case-studies/{id}/consent")]
pub async fn consent(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<CaseStudy>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::consent(c, &actor, id, now))
            .await?,
    ))
}

/// Publishes once the company, the talent and the coordinator have all consented.
#[utoipa::path(
    tag = "case studies",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Case study id")),
    responses(
        (status = 200, description = "Published", body = CaseStudy),
        (status = 409, description = "`consent_missing`, or already published", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/case-studies/{id}/publish")]
pub async fn publish(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<CaseStudy>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::publish(c, &actor, id, now))
            .await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// JIS prefecture code.
    pub prefecture: Option<String>,
    /// JSIC major group.
    pub industry: Option<String>,
    /// Challenge code.
    pub challenge: Option<String>,
}

/// Published case studies, newest first (public).
#[utoipa::path(
    tag = "case studies",
    params(ListQuery, PageQuery),
    responses(
        (status = 200, description = "One page", body = Page<CaseStudy>),
        (status = 422, description = "An unknown filter value", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/case-studies")]
pub async fn list(
    state: State,
    query: web::Query<ListQuery>,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<CaseStudy>>, ApiError> {
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
    if q.industry
        .as_deref()
        .is_some_and(|i| !kakehashi_shared::auth::is_industry_code(i))
    {
        return Err(ApiError::field(
            "industry",
            "unknown_value",
            "is not a JSIC major group",
        ));
    }
    if q.challenge
        .as_deref()
        .is_some_and(|c| c.is_empty() || !c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    {
        return Err(ApiError::field(
            "challenge",
            "unknown_value",
            "is not a challenge code",
        ));
    }
    let (q, now) = (
        service::ListQuery {
            prefecture: q.prefecture,
            industry: q.industry,
            challenge: q.challenge,
        },
        state.clock.now(),
    );
    Ok(Json(
        state
            .db
            .run(move |c| service::list_published(c, &q, page, now))
            .await?,
    ))
}

/// One case study: public once published; drafts for the parties and the hub.
#[utoipa::path(
    tag = "case studies",
    params(("id" = i64, Path, description = "Case study id")),
    responses(
        (status = 200, description = "The case study", body = CaseStudy),
        (status = 404, description = "No such case study, or a draft the caller may not see", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/case-studies/{id}")]
pub async fn get(
    state: State,
    MaybeAuthUser(actor): MaybeAuthUser,
    id: web::Path<i64>,
) -> Result<Json<CaseStudy>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .run(move |c| service::get(c, actor.as_ref(), id, now))
            .await?,
    ))
}
