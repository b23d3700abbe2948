use actix_web::{get, web::Json};
use kakehashi_shared::reference::{Challenge, Industry, Prefecture, Skill};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::error::ApiError;
use crate::services::reference as service;

/// The 47 prefectures with their JIS X 0401 codes and regions, in code order.
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "Every prefecture (one page)", body = Page<Prefecture>),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/prefectures")]
pub async fn prefectures(state: State) -> Result<Json<Page<Prefecture>>, ApiError> {
    Ok(Json(Page::complete(service::prefectures(&state.db).await?)))
}

/// JSIC major industry groups (A–T).
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "Every industry group (one page)", body = Page<Industry>),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/industries")]
pub async fn industries(state: State) -> Result<Json<Page<Industry>>, ApiError> {
    Ok(Json(Page::complete(service::industries(&state.db).await?)))
}

/// The business-challenge taxonomy (経営課題), grouped.
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "Every challenge (one page)", body = Page<Challenge>),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/challenges")]
pub async fn challenges(state: State) -> Result<Json<Page<Challenge>>, ApiError> {
    Ok(Json(Page::complete(service::challenges(&state.db).await?)))
}

/// The skills taxonomy, grouped, with Japanese and English names.
#[utoipa::path(
    tag = "reference",
    responses(
        (status = 200, description = "Every skill (one page)", body = Page<Skill>),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/skills")]
pub async fn skills(state: State) -> Result<Json<Page<Skill>>, ApiError> {
    Ok(Json(Page::complete(service::skills(&state.db).await?)))
}
