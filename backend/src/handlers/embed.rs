//! The embeddable widget: its script (`/widget.js`), its data (`/embed/projects`, readable
//! cross-origin only by the partner's own origins) and its links (`/embed/click`, counted,
//! then on to the posting with the partner's referral). Outside `/api/v1` because partners
//! paste these addresses into their sites, where they must stay put whatever the API version.

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{get, options, web, HttpRequest, HttpResponse, ResponseError};
use kakehashi_shared::embed::{EmbedProjects, WidgetFigures};
use kakehashi_shared::Problem;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::services::embed::{self as service, ClickQuery, EmbedQuery, FiguresQuery};

/// The widget, compiled in: one file, no framework (see docs/partners.md).
pub const WIDGET_JS: &str = include_str!("../../static/widget.js");

/// The script's entity tag: a hash of the text compiled in, so it changes with each release
/// that changes the script.
fn widget_etag() -> &'static str {
    static TAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TAG.get_or_init(|| {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(WIDGET_JS.as_bytes());
        format!("\"{}\"", hex::encode(&digest[..8]))
    })
}

/// How long browsers and proxies may keep the script: an hour, so a fix reaches every
/// partner's page within the hour while a page view rarely fetches it again.
const WIDGET_CACHE: &str = "public, max-age=3600";

/// The request's `Origin`, as the browser sent it.
fn origin(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Grants the origin when it is one of the partner's, and says the answer depends on it.
fn with_cors(mut res: HttpResponse, granted: Option<&str>) -> HttpResponse {
    let headers = res.headers_mut();
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(value) = granted.and_then(|o| HeaderValue::from_str(o).ok()) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("x-request-id"),
        );
    }
    res
}

fn query<T: serde::de::DeserializeOwned>(req: &HttpRequest) -> Result<T, ApiError> {
    web::Query::<T>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| ApiError::field("query", "invalid_value", e.to_string()))
}

/// The partner and whether this page's origin may read its data.
async fn partner_and_grant(
    state: &State,
    code: String,
    origin: Option<String>,
) -> Result<(i64, String, Option<String>), ApiError> {
    state
        .db
        .run(move |c| {
            let (id, name) = service::partner(c, &code)?;
            let granted = service::origin_allowed(c, id, origin.as_deref())?;
            Ok((id, name, origin.clone().filter(|_| granted)))
        })
        .await
}

/// The postings a partner's widget shows: the region's open postings, newest first, with
/// links that carry the partner's referral. Pages on the partner's allowed origins may read
/// the answer from a browser (`Access-Control-Allow-Origin` echoes their `Origin`, with
/// `Vary: Origin`); any other page gets no grant, so its browser withholds the answer. Each
/// answer granted to a partner's page counts one view for the partner, the UTC day and the
/// prefecture shown.
#[utoipa::path(
    tag = "widget",
    params(EmbedQuery),
    responses(
        (status = 200, description = "The postings, newest first", body = EmbedProjects,
         headers(("Access-Control-Allow-Origin" = String, description = "The page's origin, when it is one of the partner's"))),
        (status = 404, description = "No partner has this code", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`partner` missing or malformed, an unknown `prefecture`, `limit` outside 1–20, or `lang` not ja/en", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/embed/projects")]
pub async fn projects(state: State, req: HttpRequest) -> HttpResponse {
    let origin = origin(&req);
    let mut granted = None;
    let result = async {
        let q: EmbedQuery = query(&req)?;
        let code = service::partner_code(q.partner.as_deref())?;
        // Checked before the database and reported after it, so a refusal still carries the
        // partner's grant and the partner's page can read why.
        let checked = service::params(&q);
        let now = state.clock.now();
        let counted = checked.as_ref().ok().map(|p| p.prefecture.clone());
        let (partner_name, grant) = {
            let code = code.clone();
            // One trip to the database: the partner, the grant, and the view it makes.
            state
                .db
                .run(move |c| {
                    let (id, name) = service::partner(c, &code)?;
                    let granted = service::origin_allowed(c, id, origin.as_deref())?;
                    if let (true, Some(prefecture)) = (granted, counted.as_ref()) {
                        // A view that cannot be counted is still served: the partner's
                        // visitors matter more than one number (the failure is logged).
                        if let Err(e) = service::count(c, id, prefecture.as_deref(), 1, 0, now) {
                            tracing::warn!(error = %e, partner_id = id, "widget view not counted");
                        }
                    }
                    Ok((name, origin.clone().filter(|_| granted)))
                })
                .await?
        };
        granted = grant;
        let params = checked?;
        // Every page showing the widget asks the same question: answer from the cache until
        // the index changes (or 10 s pass), unless the cache is turned off.
        let key = params.cache_key(&code);
        let (generation, at) = (state.search.generation(), now.timestamp());
        let cached = state.config.search_cache;
        if let Some(body) = cached
            .then(|| state.search.pages.get(&key, generation, at))
            .flatten()
        {
            return Ok(body);
        }
        let engine = state.search.clone();
        let page = state
            .db
            .run(move |c| service::list(c, &engine, &code, partner_name.clone(), &params, now))
            .await?;
        let body =
            Bytes::from(serde_json::to_vec(&page).map_err(|e| ApiError::internal(e.to_string()))?);
        if cached {
            state.search.pages.put(key, generation, at, body.clone());
        }
        Ok::<_, ApiError>(body)
    }
    .await;
    let res = match result {
        Ok(body) => HttpResponse::Ok()
            .content_type("application/json")
            // Each page view asks again, so views are counted; the server side is cached.
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(body),
        Err(e) => e.error_response(),
    };
    with_cors(res, granted.as_deref())
}

/// The CORS preflight for `/embed/projects`. The widget's own request is a simple GET that
/// needs none; this answers browsers and tools that ask anyway, with the same grant.
#[utoipa::path(
    tag = "widget",
    params(EmbedQuery),
    responses(
        (status = 204, description = "Granted (`Access-Control-Allow-Origin` set) when the `Origin` is one of the partner's; otherwise no grant"),
        (status = 404, description = "No partner has this code", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`partner` missing or malformed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[options("/embed/projects")]
pub async fn preflight(state: State, req: HttpRequest) -> HttpResponse {
    let result = async {
        let q: EmbedQuery = query(&req)?;
        let code = service::partner_code(q.partner.as_deref())?;
        let (_, _, granted) = partner_and_grant(&state, code, origin(&req)).await?;
        Ok::<_, ApiError>(granted)
    }
    .await;
    match result {
        Ok(Some(origin)) => with_cors(
            HttpResponse::NoContent()
                .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET"))
                .insert_header((header::ACCESS_CONTROL_MAX_AGE, "600"))
                .finish(),
            Some(&origin),
        ),
        Ok(None) => with_cors(HttpResponse::NoContent().finish(), None),
        Err(e) => with_cors(e.error_response(), None),
    }
}

/// A widget link: counts a click for the partner, the UTC day and the prefecture the widget
/// showed, then sends the browser to the posting's page with the partner's referral
/// (`/projects/{id}?ref=CODE`), where the app keeps the code for 30 days. Only a published
/// posting of a known partner is a destination, so this is never an open redirect.
#[utoipa::path(
    tag = "widget",
    params(ClickQuery),
    responses(
        (status = 302, description = "To `/projects/{project}?ref={partner}`",
         headers(("Location" = String, description = "The posting's page with the referral"))),
        (status = 404, description = "No partner has this code, or no published posting has this id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`partner` or `project` missing or malformed, or an unknown `prefecture`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/embed/click")]
pub async fn click(state: State, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let q: ClickQuery = query(&req)?;
    let now = state.clock.now();
    let location = state.db.write(move |c| service::click(c, &q, now)).await?;
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}

/// The widget script partners embed with one tag:
/// `<script src="https://HOST/widget.js" data-partner="CODE" data-prefecture="03"
/// data-limit="5" data-lang="ja"></script>`. Plain JavaScript in a Shadow DOM, well under
/// 15 KB compressed.
#[utoipa::path(
    tag = "widget",
    responses(
        (status = 200, description = "The script, with an `ETag`", content_type = "text/javascript", body = String),
        (status = 304, description = "`If-None-Match` names the current script"),
    )
)]
#[get("/widget.js")]
pub async fn widget_js(req: HttpRequest) -> HttpResponse {
    // After the hour, a browser asks again with the tag it has; the same script is a 304.
    let etag = widget_etag();
    let unchanged = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut res = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, WIDGET_CACHE));
    if unchanged {
        return res.finish();
    }
    res.content_type("text/javascript; charset=utf-8")
        // Loaded by pages on other origins: say so for browsers that isolate by default.
        .insert_header(("cross-origin-resource-policy", "cross-origin"))
        .body(WIDGET_JS)
}

/// The partner's widget views and clicks per UTC day and prefecture shown, with totals: its
/// own staff and admins. A view is an answer granted to one of the partner's sites; a click
/// is a widget link followed to a published posting.
#[utoipa::path(
    tag = "widget",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id"), FiguresQuery),
    responses(
        (status = 200, description = "Views and clicks, oldest day first", body = WidgetFigures),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner, or not the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`to` before `from`, or a date that does not parse (`query`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partners/{id}/widget")]
pub async fn figures(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    q: web::Query<FiguresQuery>,
) -> Result<web::Json<WidgetFigures>, ApiError> {
    let (id, q) = (id.into_inner(), q.into_inner());
    Ok(web::Json(
        state
            .db
            .run(move |c| service::figures(c, &actor, id, &q))
            .await?,
    ))
}
