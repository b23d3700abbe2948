use actix_web::{get, put, web, web::Json};
use kakehashi_shared::talent::{TalentProfile, TalentProfileInput};
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::talents as service;

/// The caller's own talent profile.
#[utoipa::path(
    tag = "talent",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile, with contact details", body = TalentProfile),
        (status = 404, description = "No profile yet: create it with PUT", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only talent have a talent profile", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/talents/me")]
pub async fn get_own(
    state: State,
    AuthUser(actor): AuthUser,
) -> Result<Json<TalentProfile>, ApiError> {
    Ok(Json(
        state.db.run(move |c| service::get_own(c, &actor)).await?,
    ))
}

/// Creates or replaces the caller's talent profile.
#[utoipa::path(
    tag = "talent",
    security(("bearer" = [])),
    request_body = TalentProfileInput,
    responses(
        (status = 200, description = "The saved profile", body = TalentProfile),
        (status = 403, description = "Only talent have a talent profile", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. more than 200 hours a month or an unknown skill", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/talents/me")]
pub async fn put_own(
    state: State,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<TalentProfileInput>,
) -> Result<Json<TalentProfile>, ApiError> {
    let now = state.clock.now();
    Ok(Json(
        state
            .db
            .run(move |c| service::put_own(c, &actor, &body, now))
            .await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TalentQuery {
    /// Only talent living in this prefecture (JIS code).
    pub prefecture: Option<String>,
}

/// Discoverable talent, for companies and coordinators. Contact details are not included.
#[utoipa::path(
    tag = "talent",
    security(("bearer" = [])),
    params(TalentQuery, PageQuery),
    responses(
        (status = 200, description = "One page, newest first", body = Page<TalentProfile>),
        (status = 403, description = "Only companies, coordinators and admins browse talent", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/talents")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    filter: web::Query<TalentQuery>,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<TalentProfile>>, ApiError> {
    let page = page.request()?;
    let prefecture = filter.into_inner().prefecture;
    if prefecture
        .as_deref()
        .is_some_and(|p| !kakehashi_shared::validation::is_prefecture_code(p))
    {
        return Err(ApiError::field(
            "prefecture",
            "unknown_value",
            "is not a JIS prefecture code",
        ));
    }
    Ok(Json(
        state
            .db
            .run(move |c| service::list(c, &actor, prefecture.as_deref(), page))
            .await?,
    ))
}

/// One talent: discoverable, or one who applied to the caller. Email and phone appear only
/// once the talent and the caller's company have accepted a contract.
#[utoipa::path(
    tag = "talent",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The talent's user id")),
    responses(
        (status = 200, description = "The profile", body = TalentProfile),
        (status = 404, description = "No such talent, or not visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/talents/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<TalentProfile>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state.db.run(move |c| service::get(c, &actor, id)).await?,
    ))
}
