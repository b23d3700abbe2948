use actix_web::web::{Bytes, Json};
use actix_web::{get, patch, post, web, HttpResponse};
use kakehashi_shared::enums::ContractType;
use kakehashi_shared::project::{Project, ProjectDraft, ProjectVersion, ReviewComment};
use kakehashi_shared::search::ProjectSearchPage;
use kakehashi_shared::workflow::{ProjectAction, ProjectStatus};
use kakehashi_shared::FieldErrors;
use kakehashi_shared::{Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

use super::State;
use crate::auth::{ApiCaller, AuthUser, MaybeApiCaller};
use crate::client_addr::ClientIp;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::rate_limit::{self, Bucket};
use crate::search::projects::{ProjectQuery, ProjectSort};
use crate::services::projects as service;
use crate::services::search as search_service;
use kakehashi_shared::api_key::ApiScope;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateQuery {
    /// The company the posting is for (coordinators and admins; members post for their own).
    pub company_id: Option<i64>,
}

/// Drafts a posting. Any subset of fields may be given; submitting needs them all.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(CreateQuery),
    request_body = ProjectDraft,
    responses(
        (status = 201, description = "The draft", body = Project),
        (status = 401, description = "A bad session token, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`insufficient_scope`: an API key without `projects:write`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a company the caller manages", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. more than 200 hours a month or a fee out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects")]
pub async fn create(
    state: State,
    caller: ApiCaller,
    query: web::Query<CreateQuery>,
    ValidJson(body): ValidJson<ProjectDraft>,
) -> Result<HttpResponse, ApiError> {
    // API keys: projects:write.
    let actor = caller.require(ApiScope::ProjectsWrite)?;
    let (company_id, now) = (query.company_id, state.clock.now());
    let project = super::write_indexed(&state, move |c| {
        service::create(c, &actor, company_id, &body, now)
    })
    .await?;
    Ok(HttpResponse::Created().json(project))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Words to find in the title, background, tasks, skills and company name (Japanese or
    /// English; ＥＣ finds EC). Cut at 200 characters; quotes, colons and operators are text.
    pub q: Option<String>,
    /// JIS prefecture code of the company.
    pub prefecture: Option<String>,
    /// Region: hokkaido, tohoku, kanto, chubu, kinki, chugoku, shikoku, kyushu_okinawa.
    pub region: Option<String>,
    /// A challenge code (`ec`) or challenge group (`sales`).
    pub challenge: Option<String>,
    /// JSIC major group.
    pub industry: Option<String>,
    pub contract_type: Option<ContractType>,
    pub remote: Option<bool>,
    /// Yen a month.
    pub fee_min: Option<i64>,
    pub fee_max: Option<i64>,
    /// At most this many hours a month.
    pub hours_max: Option<i32>,
    /// relevance (default), newest, fee, deadline.
    pub sort: Option<ProjectSort>,
    /// Company side: only non-published postings in this status (with `mine`).
    pub status: Option<ProjectStatus>,
    pub company_id: Option<i64>,
    /// `true`: the postings the caller manages, in every status (no facets).
    #[serde(default)]
    pub mine: bool,
    /// 1–100, default 20.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The catalogue of open postings, searched and faceted; or with `mine=true` (or a
/// non-published `status`) the caller's own and their hub's postings in every status.
#[utoipa::path(
    tag = "projects",
    params(ListQuery),
    responses(
        (status = 200, description = "One page, with facet counts over all matches", body = ProjectSearchPage),
        (status = 401, description = "A bad session token, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`insufficient_scope`: an API key without `projects:read`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute, or (without a key) too many searches from this address (120 a minute by default); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown filter value, a reversed fee range, or `limit` over 100", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects")]
pub async fn list(
    state: State,
    caller: MaybeApiCaller,
    ClientIp(client): ClientIp,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    // Rate limits: a key has its own limit (checked when it was read); everyone else is
    // limited per address.
    if caller.0.as_ref().is_none_or(|c| c.key.is_none()) {
        rate_limit::check(&state, Bucket::SearchIp, &rate_limit::ip_key(client)).await?;
    }
    // API keys: projects:read (a key sees what the public sees).
    let actor = caller.require_public(ApiScope::ProjectsRead)?;
    let q = query.into_inner();
    let mut e = FieldErrors::new();
    if q.prefecture
        .as_deref()
        .is_some_and(|p| !kakehashi_shared::validation::is_prefecture_code(p))
    {
        e.add(
            "prefecture",
            "unknown_value",
            "is not a JIS prefecture code",
        );
    }
    if q.region
        .as_deref()
        .is_some_and(|r| !state.search.taxonomy.regions.contains(r))
    {
        e.add("region", "unknown_value", "is not a region");
    }
    if q.industry
        .as_deref()
        .is_some_and(|i| !kakehashi_shared::auth::is_industry_code(i))
    {
        e.add("industry", "unknown_value", "is not a JSIC major group");
    }
    if let Some(c) = q.challenge.as_deref() {
        let tax = &state.search.taxonomy;
        let known = tax.challenges.contains(c) || tax.groups.contains(c);
        if !known {
            e.add(
                "challenge",
                "unknown_value",
                "is not a challenge or challenge group",
            );
        }
    }
    if q.fee_min.is_some_and(|f| f < 0) || q.fee_max.is_some_and(|f| f < 0) {
        e.add("fee_min", "out_of_range", "fees are not negative");
    }
    if let (Some(lo), Some(hi)) = (q.fee_min, q.fee_max) {
        if lo > hi {
            e.add("fee_max", "out_of_range", "must not be below fee_min");
        }
    }
    if q.hours_max.is_some_and(|h| !(1..=200).contains(&h)) {
        e.add("hours_max", "out_of_range", "must be between 1 and 200");
    }
    let limit = q.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        e.add("limit", "out_of_range", "must be between 1 and 100");
    }
    e.into_result().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    if q.mine || q.status.is_some_and(|s| s != ProjectStatus::Published) {
        let page = PageQuery {
            limit: q.limit,
            cursor: q.cursor,
        }
        .request()?;
        let lq = service::ListQuery {
            status: q.status,
            prefecture: q.prefecture,
            company_id: q.company_id,
            mine: q.mine,
        };
        let found = state
            .db
            .run(move |c| service::list(c, actor.as_ref(), &lq, page))
            .await?;
        return Ok(HttpResponse::Ok().json(ProjectSearchPage {
            items: found.items,
            next_cursor: found.next_cursor,
            total: None,
            facets: None,
        }));
    }
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
    let search = ProjectQuery {
        q: q.q,
        prefecture: q.prefecture,
        region: q.region,
        challenge: q.challenge,
        industry: q.industry,
        contract_type: q.contract_type,
        remote: q.remote,
        fee_min: q.fee_min,
        fee_max: q.fee_max,
        hours_max: q.hours_max,
        sort: q.sort.unwrap_or_default(),
        offset,
        limit: usize::try_from(limit).unwrap_or(20),
    };
    // Public answers are the same for everyone: a repeated search is served from the cache.
    let key = format!("{search:?}");
    let (generation, at) = (state.search.generation(), now.timestamp());
    let cached = state.config.search_cache;
    if let Some(body) = cached
        .then(|| state.search.pages.get(&key, generation, at))
        .flatten()
    {
        return Ok(json_body(body));
    }
    let engine = state.search.clone();
    let page = state
        .db
        .run(move |c| search_service::search_projects(c, &engine, &search, now))
        .await?;
    let body =
        Bytes::from(serde_json::to_vec(&page).map_err(|e| ApiError::internal(e.to_string()))?);
    if cached {
        state.search.pages.put(key, generation, at, body.clone());
    }
    Ok(json_body(body))
}

fn json_body(body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body)
}

/// One posting: public once published; drafts only for the company and its hub.
#[utoipa::path(
    tag = "projects",
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "The posting", body = Project),
        (status = 401, description = "A bad session token, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`insufficient_scope`: an API key without `projects:read`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such posting, or not visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects/{id}")]
pub async fn get(
    state: State,
    caller: MaybeApiCaller,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    // API keys: projects:read (a key sees what the public sees).
    let actor = caller.require_public(ApiScope::ProjectsRead)?;
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::get(c, actor.as_ref(), id))
            .await?,
    ))
}

/// Changes the fields present. After publication each edit keeps the previous version.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    request_body = ProjectDraft,
    responses(
        (status = 200, description = "The posting", body = Project),
        (status = 401, description = "A bad session token, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`insufficient_scope`: an API key without `projects:write`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "In review (`project_in_review`) or closed (`project_closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/projects/{id}")]
pub async fn update(
    state: State,
    caller: ApiCaller,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ProjectDraft>,
) -> Result<Json<Project>, ApiError> {
    // API keys: projects:write.
    let actor = caller.require(ApiScope::ProjectsWrite)?;
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        super::write_indexed(&state, move |c| service::update(c, &actor, id, &body, now)).await?,
    ))
}

async fn transition(
    state: State,
    actor: crate::policy::Actor,
    id: i64,
    action: ProjectAction,
    comment: Option<String>,
) -> Result<Json<Project>, ApiError> {
    let now = state.clock.now();
    Ok(Json(
        super::write_indexed(&state, move |c| {
            service::transition(c, &actor, id, action, comment.as_deref(), now)
        })
        .await?,
    ))
}

/// Sends a complete draft to the hub's coordinators for review.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "In review", body = Project),
        (status = 401, description = "A bad session token, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`insufficient_scope`: an API key without `projects:write`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft (`illegal_transition:<status>:submit`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Incomplete: `errors` lists the missing fields; or the window closes in the past", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/submit")]
pub async fn submit(
    state: State,
    caller: ApiCaller,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    // API keys: projects:write.
    let actor = caller.require(ApiScope::ProjectsWrite)?;
    transition(state, actor, id.into_inner(), ProjectAction::Submit, None).await
}

/// Publishes a posting in review (coordinators of the company's hub, admins).
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "Published", body = Project),
        (status = 403, description = "Companies cannot approve their own postings", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in review", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/approve")]
pub async fn approve(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    transition(state, actor, id.into_inner(), ProjectAction::Approve, None).await
}

/// Sends a posting in review back to the company with the coordinator's comments.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    request_body = ReviewComment,
    responses(
        (status = 200, description = "Changes requested", body = Project),
        (status = 403, description = "Only the hub reviews", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in review", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/request-changes")]
pub async fn request_changes(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ReviewComment>,
) -> Result<Json<Project>, ApiError> {
    transition(
        state,
        actor,
        id.into_inner(),
        ProjectAction::RequestChanges,
        Some(body.comment),
    )
    .await
}

/// Closes a posting: no more applications.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "Closed", body = Project),
        (status = 409, description = "Already closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/projects/{id}/close")]
pub async fn close(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Project>, ApiError> {
    transition(state, actor, id.into_inner(), ProjectAction::Close, None).await
}

/// Earlier versions of a published posting, newest first.
#[utoipa::path(
    tag = "projects",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Project id")),
    responses(
        (status = 200, description = "Every earlier version", body = Page<ProjectVersion>),
        (status = 404, description = "Not a posting the caller manages", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/projects/{id}/versions")]
pub async fn versions(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Page<ProjectVersion>>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state
            .db
            .run(move |c| service::versions(c, &actor, id))
            .await?,
    ))
}
