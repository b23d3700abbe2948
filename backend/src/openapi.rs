//! The OpenAPI 3.1 document, collected from the handlers' `#[utoipa::path]` so no path is
//! written twice.

use actix_web::App;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kakehashi API",
        description = "Kakehashi (架け橋) matches regional Japanese companies with urban professionals who work for them on the side. \
Errors are RFC 9457 `application/problem+json` with a stable `code`; lists take `limit` and `cursor` and return `next_cursor`; \
times are RFC 3339 UTC; money is integer yen; prefectures are JIS X 0401 codes (\"03\" = 岩手県). \
Authenticate with `Authorization: Bearer <token>`: a session's access token, or an API key (`kh_…`, made by admins and partner staff \
at `/integrations` or `POST /api/v1/api-keys`) limited to its scopes and to its requests a minute (429 with `Retry-After`). \
Webhook deliveries carry `Kakehashi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the subscription's secret>`; \
refuse a signature older than 5 minutes and de-duplicate by `Kakehashi-Delivery`. \
The integrators' guide, with verification examples in Rust and shell, is `docs/integrators.md` in the repository.",
        license(name = "MIT"),
    ),
    modifiers(&BearerAuth),
    // Listed so integrators see every stable `code` a problem can carry.
    components(schemas(kakehashi_shared::ErrorCode)),
    tags(
        (name = "health", description = "Liveness and database reachability"),
        (name = "auth", description = "Accounts and sessions: short-lived JWT access tokens and rotating refresh tokens"),
        (name = "reference", description = "Taxonomies: prefectures, industries, challenges, skills"),
        // Region facts.
        (name = "regions", description = "Travel time and fare from Tokyo, rent, and programmes, per prefecture"),
        (name = "companies", description = "Company profiles (受入企業) and the coordinators' visit log"),
        (name = "talent", description = "Talent profiles (副業人材)"),
        (name = "projects", description = "Postings (求人票) and their review"),
        (name = "applications", description = "Applications, scouts, messages and interviews"),
        (name = "contracts", description = "Written terms (業務委託契約) accepted by both parties"),
        (name = "engagements", description = "Kickoff, work reports, reviews, renewal, end and outcomes"),
        (name = "case studies", description = "Published stories, with every party's consent"),
        (name = "matching", description = "Recommendations both ways, each with a score and its reasons"),
        (name = "notifications", description = "What needs the caller's attention"),
        // Widget and referrals.
        (name = "widget", description = "The embeddable widget partners put on their sites: its script, its postings (CORS per partner origin) and its counted links"),
        // Statistics (KPIs).
        (name = "stats", description = "Figures (KPIs): the public summary, staff and partner figures, as JSON or CSV for Excel (UTF-8 with BOM)"),
        // Admin screens.
        (name = "admin", description = "Hubs, staff accounts, partners and the email outbox (admins only)"),
        // API keys.
        (name = "api-keys", description = "API keys for integrators: scoped, shown once, revocable, rate-limited per key (partner staff and admins)"),
        // Partners.
        (name = "partners", description = "Regional partner organisations (admins manage them; their staff read their own), allowed widget origins, and the region programmes and subsidies they maintain"),
        // Webhooks.
        (name = "webhooks", description = "Signed event deliveries (HMAC-SHA256, `Kakehashi-Signature`), at least once with retries for 24 hours, their log and manual redelivery (partner staff and admins)"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        // API keys travel in the same header; the server tells them by `kh_`.
                        "Access token from /api/v1/auth/login, /register or /refresh (valid 15 minutes), or an API key (`kh_...`) on the endpoints that name a scope (docs/integrators.md).",
                    ))
                    .build(),
            ),
        );
    }
}

/// The base document (info, tags, security schemes) that the routes are added to.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The complete document, built from the same route table the server uses.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, doc) = App::new()
        .into_utoipa_app()
        .openapi(base())
        .configure(crate::app::api_routes)
        .split_for_parts();
    crate::openapi_common::add(doc)
}

/// The document as committed in `openapi/openapi.json` and served at `/api/openapi.json`.
pub fn document_json() -> Result<String, serde_json::Error> {
    document().to_pretty_json().map(|mut s| {
        s.push('\n');
        s
    })
}
