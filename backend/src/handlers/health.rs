use actix_web::{get, web::Json};
use kakehashi_shared::health::Health;
use kakehashi_shared::Problem;

use super::State;
use crate::error::ApiError;

/// Whether this instance and its database are up. Load balancers poll it.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "The server and its database answer", body = Health,
         example = json!({"status": "ok", "database": "sqlite", "version": "0.1.0"})),
        (status = 503, description = "The database is unreachable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/health")]
pub async fn health(state: State) -> Result<Json<Health>, ApiError> {
    state
        .db
        .run(|conn| {
            use diesel::connection::SimpleConnection;
            conn.batch_execute("SELECT 1").map_err(|e| {
                tracing::warn!(error = %e, "health check query failed");
                ApiError::DatabaseUnavailable
            })
        })
        .await?;
    Ok(Json(Health {
        status: "ok".to_owned(),
        database: state.db.kind(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    }))
}
