//! The committed OpenAPI document is what the server serves, and covers this paths.

use crate::util::{Backend, TestApp};

fn committed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn the_committed_document_is_fresh() {
    let generated = kakehashi::openapi::document_json().unwrap();
    assert!(
        committed() == generated,
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

#[actix_web::test]
async fn the_server_serves_the_committed_document() {
    let app = TestApp::start(Backend::Sqlite).await;
    let served = app
        .http
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let served: serde_json::Value = serde_json::from_str(&served).unwrap();
    let generated: serde_json::Value =
        serde_json::from_str(&kakehashi::openapi::document_json().unwrap()).unwrap();
    assert_eq!(served, generated);
    app.stop().await;
}

#[test]
fn the_document_is_openapi_3_1_with_bearer_auth_and_every_path() {
    let doc: serde_json::Value =
        serde_json::from_str(&kakehashi::openapi::document_json().unwrap()).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    for path in [
        "/api/health",
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/me",
        "/api/v1/prefectures",
        "/api/v1/industries",
        "/api/v1/challenges",
        "/api/v1/skills",
    ] {
        let item = &doc["paths"][path];
        assert!(item.is_object(), "{path} is not documented");
        for (_, op) in item.as_object().unwrap() {
            assert!(
                op["summary"].is_string() || op["description"].is_string(),
                "{path} has no description"
            );
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{path} has no responses"
            );
        }
    }
    assert_eq!(
        doc["paths"]["/api/v1/me"]["get"]["security"][0]["bearer"],
        serde_json::json!([])
    );
}
