//! The actix application: routes, middleware, OpenAPI and static files. The server and the
//! tests build it with the same function.

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::{from_fn, Compress, ErrorHandlers};
use actix_web::{web, App, Error, HttpMessage};
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{scope, AppExt};

use crate::error::ApiError;
use crate::handlers;
use crate::state::AppState;
use crate::static_files;

/// Every documented API route. `openapi::document` reads the same table.
pub fn api_routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::health::health);
    // Widget and referrals: outside /api/v1, since partners paste these addresses into their
    // sites; CORS per partner (see api_cors).
    cfg.service(handlers::embed::widget_js)
        .service(handlers::embed::projects)
        .service(handlers::embed::preflight)
        .service(handlers::embed::click);
    cfg.service(
        scope::scope("/api/v1")
            .service(handlers::auth::register)
            .service(handlers::auth::login)
            .service(handlers::auth::refresh)
            .service(handlers::auth::logout)
            .service(handlers::me::me)
            .service(handlers::reference::prefectures)
            .service(handlers::reference::industries)
            .service(handlers::reference::challenges)
            .service(handlers::reference::skills)
            // Region facts.
            .service(handlers::regions::region)
            .service(handlers::companies::create)
            .service(handlers::companies::list)
            .service(handlers::companies::get)
            .service(handlers::companies::update)
            .service(handlers::companies::add_visit)
            .service(handlers::companies::visits)
            .service(handlers::talents::get_own)
            .service(handlers::talents::put_own)
            .service(handlers::talents::list)
            .service(handlers::talents::get)
            .service(handlers::projects::create)
            .service(handlers::projects::list)
            .service(handlers::projects::get)
            .service(handlers::projects::update)
            .service(handlers::projects::submit)
            .service(handlers::projects::approve)
            .service(handlers::projects::request_changes)
            .service(handlers::projects::close)
            .service(handlers::projects::versions)
            .service(handlers::applications::apply)
            .service(handlers::applications::list)
            .service(handlers::applications::get)
            .service(handlers::applications::transition)
            .service(handlers::applications::questionnaire)
            .service(handlers::applications::save_questionnaire)
            .service(handlers::conversations::messages)
            .service(handlers::conversations::post_message)
            .service(handlers::conversations::propose)
            .service(handlers::conversations::interviews)
            .service(handlers::conversations::confirm)
            .service(handlers::conversations::notes)
            .service(handlers::scouts::send)
            .service(handlers::scouts::list)
            .service(handlers::scouts::get)
            .service(handlers::scouts::answer)
            .service(handlers::contracts::propose)
            .service(handlers::contracts::get)
            .service(handlers::contracts::accept)
            .service(handlers::contracts::request_changes)
            .service(handlers::engagements::list)
            .service(handlers::engagements::get)
            .service(handlers::engagements::kickoff)
            .service(handlers::engagements::report)
            .service(handlers::engagements::acknowledge)
            .service(handlers::engagements::review)
            .service(handlers::engagements::renew)
            .service(handlers::engagements::end)
            .service(handlers::engagements::outcome)
            .service(handlers::case_studies::create)
            .service(handlers::case_studies::update)
            .service(handlers::case_studies::consent)
            .service(handlers::case_studies::publish)
            .service(handlers::case_studies::list)
            .service(handlers::case_studies::get)
            .service(handlers::recommendations::projects)
            .service(handlers::recommendations::talents)
            .service(handlers::notifications::list)
            .service(handlers::notifications::read)
            // Admin screens.
            .service(handlers::admin::outbox)
            .service(handlers::admin::hubs)
            .service(handlers::admin::create_hub)
            .service(handlers::admin::update_hub)
            .service(handlers::admin::staff)
            .service(handlers::admin::create_staff)
            .service(handlers::admin::partners)
            // Partners: organisations, origins, programmes.
            .service(handlers::partners::create)
            .service(handlers::partners::update)
            .service(handlers::partners::get)
            .service(handlers::partners::update_origins)
            .service(handlers::partners::programmes)
            .service(handlers::partners::create_programme)
            .service(handlers::partners::update_programme)
            .service(handlers::partners::delete_programme)
            // Statistics (KPIs).
            .service(handlers::stats::summary)
            .service(handlers::stats::staff)
            .service(handlers::stats::partner)
            // Widget and referrals: the partner's views and clicks.
            .service(handlers::embed::figures)
            // API keys.
            .service(handlers::api_keys::create)
            .service(handlers::api_keys::list)
            .service(handlers::api_keys::revoke)
            // Webhooks.
            .service(handlers::webhooks::create)
            .service(handlers::webhooks::list)
            .service(handlers::webhooks::remove)
            .service(handlers::webhooks::deliveries)
            .service(handlers::webhooks::redeliver)
            // Privacy (APPI).
            .service(handlers::privacy::export)
            .service(handlers::privacy::delete_account)
            .service(handlers::privacy::consents)
            .service(handlers::privacy::withdraw_consent),
    );
}

fn cors(origins: &[String]) -> Cors {
    // With no origins configured, no cross-origin request is granted (CORS off).
    origins.iter().fold(
        Cors::default()
            .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
            .allowed_headers(["authorization", "content-type"])
            .expose_headers(["x-request-id", "retry-after"])
            .max_age(3600),
        |cors, origin| cors.allowed_origin(origin),
    )
}

/// Parsing failures of query strings and paths are problems too, not actix's plain text.
fn extractor_errors(cfg: &mut web::ServiceConfig) {
    // A query string always parses; a value that does not fit (an unknown status, a number
    // that is not one) is a validation problem like a bad body field.
    cfg.app_data(
        web::QueryConfig::default().error_handler(|err, _| {
            ApiError::field("query", "invalid_value", err.to_string()).into()
        }),
    )
    .app_data(web::PathConfig::default().error_handler(|err, _| {
        ApiError::Malformed(format!("invalid path parameter: {err}")).into()
    }))
    .app_data(
        web::JsonConfig::default()
            .error_handler(|err, _| ApiError::Malformed(format!("invalid JSON: {err}")).into()),
    );
}

pub fn build_app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let static_dir = state.config.static_dir.clone();
    let cors = cors(&state.config.cors_origins);
    let (app, doc) = App::new()
        .into_utoipa_app()
        .openapi(crate::openapi::base())
        .app_data(state)
        .configure(api_routes)
        .split_for_parts();
    let doc = crate::openapi_common::add(doc);
    let openapi_json = match doc.to_pretty_json() {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot serialise the OpenAPI document");
            String::from("{}")
        }
    };
    app.configure(extractor_errors)
        .configure(|cfg| static_files::docs(cfg, openapi_json))
        .service(web::scope("/api").default_service(web::to(static_files::api_not_found)))
        .configure(|cfg| static_files::spa(cfg, &static_dir))
        .default_service(web::to(static_files::api_not_found))
        .wrap(
            ErrorHandlers::new()
                .handler(
                    StatusCode::NOT_FOUND,
                    static_files::problem_for_routing_errors,
                )
                .handler(
                    StatusCode::METHOD_NOT_ALLOWED,
                    static_files::problem_for_routing_errors,
                ),
        )
        .wrap(Compress::default())
        // Widget and referrals: the app-wide policy, except on the widget's paths.
        .wrap(crate::api_cors::ApiCors(cors))
        // Security headers: CSP, frame-ancestors and HSTS by path (the widget's excepted).
        .wrap(from_fn(crate::security_headers::apply))
        .wrap_fn(|req, srv| {
            use actix_web::dev::Service;
            let request_id = req.extensions().get::<RequestId>().map(|id| id.to_string());
            let call = srv.call(req);
            async move {
                let mut res = call.await?;
                if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                    res.headers_mut()
                        .insert(HeaderName::from_static("x-request-id"), id);
                }
                Ok(res)
            }
        })
        .wrap(TracingLogger::default())
}
