//! Region facts for a talent weighing a posting: travel from Tokyo, rent, programmes.

use actix_web::{get, web, web::Json};
use kakehashi_shared::region::Region;
use kakehashi_shared::Problem;

use super::State;
use crate::error::ApiError;
use crate::services::regions as service;

/// Travel time and fare from Tokyo and rent in the prefecture's cities, and the programmes
/// and subsidies partners covering the prefecture maintain for people who work there (title,
/// amount, eligibility, link and the partner's name; oldest first).
/// A prefecture without figures (Tokyo itself, or one not covered yet) has no `cities`.
#[utoipa::path(
    tag = "regions",
    params(("prefecture" = String, Path, description = "Two-digit JIS X 0401 prefecture code", example = "03")),
    responses(
        (status = 200, description = "The prefecture and its cities' figures", body = Region),
        (status = 404, description = "Two digits that name no prefecture (e.g. \"99\")", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a two-digit code (`prefecture`: `invalid_format`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/regions/{prefecture}")]
pub async fn region(state: State, prefecture: web::Path<String>) -> Result<Json<Region>, ApiError> {
    Ok(Json(
        service::region(&state.db, prefecture.into_inner()).await?,
    ))
}
