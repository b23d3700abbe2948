//! The built Yew app at `/` (with SPA fallback so deep links work) and the vendored Swagger UI
//! at `/api/docs` (no CDN: deployments can be offline).

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::body::MessageBody;
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpResponse};

use crate::error::ApiError;

pub mod precompressed;

const SWAGGER_INDEX: &str = include_str!("../static/swagger/index.html");
const SWAGGER_INIT: &str = include_str!("../static/swagger/init.js");
const SWAGGER_BUNDLE: &str = include_str!("../static/swagger/swagger-ui-bundle.js");
const SWAGGER_CSS: &str = include_str!("../static/swagger/swagger-ui.css");

/// Swagger UI and the OpenAPI document.
pub fn docs(cfg: &mut web::ServiceConfig, openapi_json: String) {
    let openapi_json = web::Data::new(openapi_json);
    cfg.app_data(openapi_json)
        .route("/api/openapi.json", web::get().to(openapi))
        .route(
            "/api/docs",
            web::get().to(|| async {
                HttpResponse::PermanentRedirect()
                    .insert_header((header::LOCATION, "/api/docs/"))
                    .finish()
            }),
        )
        .route(
            "/api/docs/",
            web::get().to(|| asset("text/html; charset=utf-8", SWAGGER_INDEX)),
        )
        .route(
            "/api/docs/init.js",
            web::get().to(|| asset("text/javascript; charset=utf-8", SWAGGER_INIT)),
        )
        .route(
            "/api/docs/swagger-ui-bundle.js",
            web::get().to(|| asset("text/javascript; charset=utf-8", SWAGGER_BUNDLE)),
        )
        .route(
            "/api/docs/swagger-ui.css",
            web::get().to(|| asset("text/css; charset=utf-8", SWAGGER_CSS)),
        );
}

async fn openapi(doc: web::Data<String>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(doc.get_ref().clone())
}

async fn asset(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

/// Unknown paths under `/api` are API errors, never the app's HTML.
pub async fn api_not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}

/// actix answers an unmatched route or method with an empty 404 or 405 of its own; under
/// `/api` those become problems like every other error.
pub fn problem_for_routing_errors<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if is_problem || !res.request().path().starts_with("/api") {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let error = if res.status() == StatusCode::METHOD_NOT_ALLOWED {
        ApiError::MethodNotAllowed
    } else {
        ApiError::NotFound
    };
    let (req, _) = res.into_parts();
    let res = ServiceResponse::new(req, HttpResponse::from_error(error)).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}

/// The Yew app from `dir`; any other GET path answers `index.html` so the router can take it.
pub fn spa(cfg: &mut web::ServiceConfig, dir: &Path) {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(dir = %dir.display(), "the app is not built; `make build` builds it");
        cfg.route(
            "/{tail:.*}",
            web::get().to(|| async {
                HttpResponse::ServiceUnavailable()
                    .content_type("text/plain; charset=utf-8")
                    .body("Kakehashi's app is not built yet: run `make build` (or `make run`).\n")
            }),
        );
        return;
    }
    let assets = dir.to_path_buf();
    cfg.route(
        precompressed::ROUTE,
        web::get().to(move |req: actix_web::HttpRequest| precompressed::serve(req, assets.clone())),
    );
    cfg.service(
        Files::new("/", dir)
            .index_file("index.html")
            .use_etag(true)
            .default_handler(fn_service(move |req: ServiceRequest| {
                let index: PathBuf = index.clone();
                async move { spa_fallback(req, index).await }
            })),
    );
}

async fn spa_fallback(
    req: ServiceRequest,
    index: PathBuf,
) -> Result<ServiceResponse, actix_web::Error> {
    let (req, _) = req.into_parts();
    if req.path().starts_with("/api/") || req.method() != actix_web::http::Method::GET {
        let response = HttpResponse::from_error(ApiError::NotFound);
        return Ok(ServiceResponse::new(req, response));
    }
    let file = NamedFile::open_async(&index).await?;
    // index.html names the current build's files, so browsers must revalidate it.
    let mut response = file.into_response(&req);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-cache"),
    );
    Ok(ServiceResponse::new(req, response))
}
