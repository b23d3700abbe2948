use actix_web::{get, put, web, web::Json};
use kakehashi_shared::talent::{TalentProfile, TalentProfileInput};
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::AuthUser;
use crate::client_addr::ClientIp;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::rate_limit::{self, Bucket};
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
        super::write_indexed(&state, move |c| service::put_own(c, &actor, &body, now)).await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TalentQuery {
    /// Words in the headline, bio, skills and challenges (Japanese or English).
    pub q: Option<String>,
    /// Lives in this prefecture (JIS code).
    pub prefecture: Option<String>,
    /// Lives in, comes from, has lived in, or is a fan of this prefecture.
    pub tie: Option<String>,
    /// Has this skill (code).
    pub skill: Option<String>,
    /// Has taken on this challenge (code).
    pub challenge: Option<String>,
    /// At least this many free hours a month.
    pub hours_min: Option<i32>,
    /// Wishes for at most this fee (yen a month).
    pub fee_max: Option<i64>,
    /// 1–100, default 20.
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Discoverable talent, for companies and coordinators. Contact details are not included.
#[utoipa::path(
    tag = "talent",
    security(("bearer" = [])),
    params(TalentQuery),
    responses(
        (status = 200, description = "One page, best match first", body = Page<TalentProfile>),
        (status = 403, description = "Only companies, coordinators and admins browse talent", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown filter value or `limit` over 100", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: too many searches from this address (120 a minute by default); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/talents")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    ClientIp(client): ClientIp,
    query: web::Query<TalentQuery>,
) -> Result<Json<Page<TalentProfile>>, ApiError> {
    rate_limit::check(&state, Bucket::SearchIp, &rate_limit::ip_key(client)).await?;
    let q = query.into_inner();
    let mut e = kakehashi_shared::FieldErrors::new();
    for (field, value) in [("prefecture", &q.prefecture), ("tie", &q.tie)] {
        if value
            .as_deref()
            .is_some_and(|p| !kakehashi_shared::validation::is_prefecture_code(p))
        {
            e.add(field, "unknown_value", "is not a JIS prefecture code");
        }
    }
    if q.skill
        .as_deref()
        .is_some_and(|s| !state.search.taxonomy.skills.contains(s))
    {
        e.add("skill", "unknown_value", "is not a skill code");
    }
    if q.challenge
        .as_deref()
        .is_some_and(|c| !state.search.taxonomy.challenges.contains(c))
    {
        e.add("challenge", "unknown_value", "is not a challenge code");
    }
    let limit = q.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        e.add("limit", "out_of_range", "must be between 1 and 100");
    }
    e.into_result().map_err(ApiError::Validation)?;
    let offset = match &q.cursor {
        None => 0,
        Some(c) => c.parse::<usize>().map_err(|_| {
            ApiError::field(
                "cursor",
                "invalid_format",
                "is not a cursor from this search",
            )
        })?,
    };
    let search = crate::search::talents::TalentQuery {
        q: q.q,
        prefecture: q.prefecture,
        tie: q.tie,
        skill: q.skill,
        challenge: q.challenge,
        hours_min: q.hours_min,
        fee_max: q.fee_max,
        offset,
        limit: usize::try_from(limit).unwrap_or(20),
    };
    let engine = state.search.clone();
    Ok(Json(
        state
            .db
            .run(move |c| crate::services::search::search_talents(c, &engine, &actor, &search))
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
