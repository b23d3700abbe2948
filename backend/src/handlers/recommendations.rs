use actix_web::{get, web, web::Json};
use kakehashi_shared::search::{RecommendedProject, RecommendedTalent};
use kakehashi_shared::Problem;
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::services::search as service;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LimitQuery {
    /// How many, 1–100 (default 20).
    pub limit: Option<i64>,
}

fn limit(q: &LimitQuery) -> Result<usize, ApiError> {
    let n = q.limit.unwrap_or(20);
    if !(1..=100).contains(&n) {
        return Err(ApiError::field(
            "limit",
            "out_of_range",
            "must be between 1 and 100",
        ));
    }
    Ok(usize::try_from(n).unwrap_or(20))
}

/// Open postings for the calling talent, best first, each with its score (0–100) and the
/// reasons behind it. Postings already applied to are left out.
#[utoipa::path(
    tag = "matching",
    security(("bearer" = [])),
    params(LimitQuery),
    responses(
        (status = 200, description = "Recommendations with reasons", body = Vec<RecommendedProject>),
        (status = 403, description = "Only talent get project recommendations", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`profile_required`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/recommended-projects")]
pub async fn projects(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<LimitQuery>,
) -> Result<Json<Vec<RecommendedProject>>, ApiError> {
    let (n, now, engine) = (limit(&query)?, state.clock.now(), state.search.clone());
    Ok(Json(
        state
            .db
            .run(move |c| service::recommended_projects(c, &engine, &actor, n, now))
            .await?,
    ))
}

/// Discoverable talent with free hours for a posting the caller manages, best first, each
/// with its score (0–100) and reasons. Talent who applied are on the applicants board
/// instead. Scout one with `POST /api/v1/projects/{id}/scouts`.
#[utoipa::path(
    tag = "matching",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id"), LimitQuery),
    responses(
        (status = 200, description = "Recommendations with reasons", body = Vec<RecommendedTalent>),
        (status = 404, description = "Not a posting the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects/{id}/recommended-talents")]
pub async fn talents(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    query: web::Query<LimitQuery>,
) -> Result<Json<Vec<RecommendedTalent>>, ApiError> {
    let (id, n, now, engine) = (
        id.into_inner(),
        limit(&query)?,
        state.clock.now(),
        state.search.clone(),
    );
    Ok(Json(
        state
            .db
            .run(move |c| service::recommended_talents(c, &engine, &actor, id, n, now))
            .await?,
    ))
}
