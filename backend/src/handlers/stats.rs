//! Figures (KPIs): the public summary, the staff figures and a partner's figures, as JSON or
//! as CSV for Excel (`?format=csv`). Who sees which scope is decided in `services::stats`.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use kakehashi_shared::stats::Stats;
use kakehashi_shared::Problem;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::State;
use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::services::stats::{self as service, Filters};
use kakehashi_shared::api_key::ApiScope;

/// How the figures are sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Json,
    /// UTF-8 with a byte-order mark, one row per figure: section code, section, item code,
    /// item, value (empty when withheld or not computable).
    Csv,
}

/// The language of the CSV headers and labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day included (`YYYY-MM-DD`, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2026-04-01")]
    pub from: Option<NaiveDate>,
    /// Last day included; not before `from`.
    #[param(value_type = Option<String>, format = Date, example = "2027-03-31")]
    pub to: Option<NaiveDate>,
    /// JIS prefecture code (companies there; talent living in or tied to it).
    pub prefecture: Option<String>,
    /// Partner id: records attributed to that partner (see docs/DEVELOPERS.md, "Figures").
    pub partner: Option<i64>,
    /// Hub id: the hub's prefectures.
    pub hub: Option<i64>,
    /// `json` (default) or `csv`.
    pub format: Option<Format>,
    /// Language of the CSV headers and labels: `ja` (default) or `en`.
    pub lang: Option<Lang>,
    /// CSV only: the sections to include, comma-separated (`funnel,terms`); all by default.
    /// The scope rows always come first.
    pub section: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnerStatsQuery {
    /// First day included (`YYYY-MM-DD`, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2026-04-01")]
    pub from: Option<NaiveDate>,
    /// Last day included; not before `from`.
    #[param(value_type = Option<String>, format = Date, example = "2027-03-31")]
    pub to: Option<NaiveDate>,
    /// JIS prefecture code.
    pub prefecture: Option<String>,
    /// Hub id: the hub's prefectures.
    pub hub: Option<i64>,
    /// `json` (default) or `csv`.
    pub format: Option<Format>,
    /// Language of the CSV headers and labels: `ja` (default) or `en`.
    pub lang: Option<Lang>,
    /// CSV only: the sections to include, comma-separated (`funnel,terms`); all by default.
    /// The scope rows always come first.
    pub section: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// JIS prefecture code; all of Japan without it.
    pub prefecture: Option<String>,
    /// A calendar year (2000–2100); all time without it.
    #[param(example = 2026)]
    pub year: Option<i32>,
    /// `json` (default) or `csv`.
    pub format: Option<Format>,
    /// Language of the CSV headers and labels: `ja` (default) or `en`.
    pub lang: Option<Lang>,
    /// CSV only: the sections to include, comma-separated (`funnel,terms`); all by default.
    /// The scope rows always come first.
    pub section: Option<String>,
}

/// How the figures were asked for.
struct Output {
    format: Option<Format>,
    lang: Option<Lang>,
    section: Option<String>,
}

fn answer(
    stats: Stats,
    out: Output,
    name: &str,
    now: DateTime<Utc>,
) -> Result<HttpResponse, ApiError> {
    match out.format.unwrap_or_default() {
        Format::Json => Ok(HttpResponse::Ok().json(stats)),
        Format::Csv => {
            let sections = service::sections(out.section.as_deref())?;
            let body = service::to_csv(&stats, out.lang == Some(Lang::En), sections.as_deref())?;
            let filename = format!("kakehashi-{name}-{}.csv", now.format("%Y%m%d"));
            Ok(HttpResponse::Ok()
                .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ))
                .body(body))
        }
    }
}

/// Headline figures and distributions for everyone (「データで見る架け橋」): all of Japan or
/// one prefecture, one year or all time. No personal data: distribution buckets of 1 or 2
/// records and averages over fewer than 3 are withheld (`null`, an empty CSV cell). Each
/// answer is kept for a minute (`generated_at` says when it was counted).
#[utoipa::path(
    tag = "stats",
    params(SummaryQuery),
    responses(
        (status = 200, description = "The figures (JSON), or with `format=csv` a CSV file (UTF-8 with BOM) as an attachment", content(
            (Stats = "application/json"),
            (String = "text/csv"),
        )),
        (status = 422, description = "Unknown prefecture (`prefecture`: `unknown_value`), a year out of range (`year`), or a bad `format`/`lang` (`query`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/stats/summary")]
pub async fn summary(
    state: State,
    query: web::Query<SummaryQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let now = state.clock.now();
    let (prefecture, year) = (q.prefecture.clone(), q.year);
    let key = (
        format!("{:?}", state.config.database_url),
        prefecture.clone(),
        year,
    );
    let stats = match service::kept_summary(&key) {
        Some(stats) => stats,
        None => {
            let stats = state
                .db
                .run(move |c| service::public_summary(c, prefecture.clone(), year, now))
                .await?;
            service::keep_summary(key, &stats);
            stats
        }
    };
    answer(
        stats,
        Output {
            format: q.format,
            lang: q.lang,
            section: q.section,
        },
        "summary",
        now,
    )
}

/// The figures for staff, filtered by period, prefecture, partner and hub. Admins see
/// everything; a coordinator's figures are held to their hub's prefectures (another `hub` is
/// 404); partner staff's to their partner's records (another `partner` is 404).
#[utoipa::path(
    tag = "stats",
    security(("bearer" = [])),
    params(StatsQuery),
    responses(
        (status = 200, description = "The figures (JSON), or with `format=csv` a CSV file (UTF-8 with BOM) as an attachment", content(
            (Stats = "application/json"),
            (String = "text/csv"),
        )),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff (talent and company members), or `insufficient_scope`: an API key without `stats:read`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Another hub's or another partner's figures", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown `prefecture`, `partner` or `hub`, `to` before `from`, a prefecture outside the hub (`prefecture`: `not_allowed`), or a value that does not parse (`query`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/stats")]
pub async fn staff(
    state: State,
    caller: ApiCaller,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    // API keys: stats:read (the key acts as the staff member who made it).
    let actor = caller.require(ApiScope::StatsRead)?;
    let q = query.into_inner();
    let now = state.clock.now();
    let filters = Filters {
        from: q.from,
        to: q.to,
        prefecture: q.prefecture.clone(),
        partner: q.partner,
        hub: q.hub,
    };
    let stats = state
        .db
        .run(move |c| service::staff_stats(c, &actor, filters.clone(), now))
        .await?;
    answer(
        stats,
        Output {
            format: q.format,
            lang: q.lang,
            section: q.section,
        },
        "stats",
        now,
    )
}

/// One partner's figures: the records attributed to it (companies and talent it referred,
/// and applications it referred or to companies it referred, with everything that followed).
/// That partner's staff and admins; anyone else gets 404, as for an unknown partner.
#[utoipa::path(
    tag = "stats",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Partner id"), PartnerStatsQuery),
    responses(
        (status = 200, description = "The figures (JSON), or with `format=csv` a CSV file (UTF-8 with BOM) as an attachment", content(
            (Stats = "application/json"),
            (String = "text/csv"),
        )),
        (status = 401, description = "Not signed in, or an unknown (`invalid_api_key`), revoked (`api_key_revoked`) or expired (`api_key_expired`) API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`insufficient_scope`: an API key without `stats:read`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such partner, or not the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown `prefecture` or `hub`, `to` before `from`, or a value that does not parse (`query`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: the API key is over its requests a minute; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partners/{id}/stats")]
pub async fn partner(
    state: State,
    caller: ApiCaller,
    id: web::Path<i64>,
    query: web::Query<PartnerStatsQuery>,
) -> Result<HttpResponse, ApiError> {
    // API keys: stats:read (the key acts as the staff member who made it).
    let actor = caller.require(ApiScope::StatsRead)?;
    let q = query.into_inner();
    let (id, now) = (id.into_inner(), state.clock.now());
    let filters = Filters {
        from: q.from,
        to: q.to,
        prefecture: q.prefecture.clone(),
        partner: None,
        hub: q.hub,
    };
    let stats = state
        .db
        .run(move |c| service::partner_stats(c, &actor, id, filters.clone(), now))
        .await?;
    answer(
        stats,
        Output {
            format: q.format,
            lang: q.lang,
            section: q.section,
        },
        &format!("partner-{id}"),
        now,
    )
}
