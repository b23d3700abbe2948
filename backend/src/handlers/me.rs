use actix_web::{get, web::Json};
use kakehashi_shared::auth::Me;
use kakehashi_shared::Problem;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::services::accounts;

/// The signed-in user, their role and the organisation they act for.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "No valid access token (`unauthenticated`, `token_expired`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn me(state: State, AuthUser(actor): AuthUser) -> Result<Json<Me>, ApiError> {
    Ok(Json(
        state
            .db
            .run(move |conn| accounts::load_me(conn, &actor))
            .await?,
    ))
}
