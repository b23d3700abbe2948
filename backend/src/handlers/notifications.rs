use actix_web::{get, post, web, web::Json, HttpResponse};
use kakehashi_shared::notification::Notification;
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::pagination::PageQuery;
use crate::repositories::{notifications as repo, to_db_time};

/// The caller's notifications, newest first.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "One page", body = Page<Notification>))
)]
#[get("/notifications")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<Notification>>, ApiError> {
    let page = page.request()?;
    let items = state
        .db
        .run(move |c| crate::services::notify::page_for(c, actor.user_id, &page))
        .await?;
    Ok(Json(items))
}

/// Marks one of the caller's notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Notification id")),
    responses(
        (status = 204, description = "Read"),
        (status = 404, description = "Not the caller's notification", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/notifications/{id}/read")]
pub async fn read(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), to_db_time(state.clock.now()));
    let found = state
        .db
        .write(move |c| Ok(repo::mark_read(c, actor.user_id, id, now)?))
        .await?;
    if found {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::NotFound)
    }
}
