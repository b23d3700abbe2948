//! The OpenAPI document documents what the extractors answer (`openapi_common.rs`), and its
//! response schemas can be satisfied. `make contract` fuzzes the whole API against the document;
//! these pin the rules it relies on.

use serde_json::Value;

use crate::on_both_backends;
use crate::util::{Backend, TestApp};

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

fn document() -> Value {
    serde_json::from_str(&kakehashi::openapi::document_json().unwrap()).unwrap()
}

fn documents_problem(op: &Value, status: &str) -> bool {
    op["responses"][status]["content"]["application/problem+json"].is_object()
}

#[test]
fn every_operation_documents_its_extractors_answers() {
    let doc = document();
    let mut missing = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS {
            let op = &item[method];
            if op.is_null() {
                continue;
            }
            let secured = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let mut expected = vec!["503"];
            if method != "get" {
                expected.push("507");
            }
            if secured {
                expected.extend(["401", "403"]);
            }
            if op["requestBody"].is_object() {
                expected.extend(["400", "413", "415", "422"]);
            }
            if params.iter().any(|p| p["in"] == "path") {
                expected.extend(["400", "404"]);
            }
            if params.iter().any(|p| p["in"] == "query") {
                expected.push("422");
            }
            for status in expected {
                if !documents_problem(op, status) {
                    missing.push(format!("{method} {path} {status}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:?}");
}

#[test]
fn no_response_schema_is_closed_by_a_flattened_input() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let closed = |name: &str| schemas[name]["additionalProperties"] == Value::Bool(false);
    fn all_of_refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(members)) = map.get("allOf") {
                    for m in members {
                        if let Some(r) = m["$ref"].as_str() {
                            out.push(r.trim_start_matches("#/components/schemas/").to_owned());
                        }
                    }
                }
                map.values().for_each(|v| all_of_refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| all_of_refs(v, out)),
            _ => {}
        }
    }
    let mut refs = Vec::new();
    all_of_refs(&doc, &mut refs);
    assert!(refs.contains(&"WorkReportInputFields".to_owned()));
    let bad: Vec<_> = refs.iter().filter(|r| closed(r)).collect();
    assert!(
        bad.is_empty(),
        "allOf members that refuse the response's own fields: {bad:?}"
    );
    // Requests stay closed: a body may not carry fields it may not set.
    assert!(closed("WorkReportInput"));
    assert_eq!(
        doc["paths"]["/api/v1/engagements/{id}/reports"]["post"]["requestBody"]["content"]
            ["application/json"]["schema"]["$ref"],
        "#/components/schemas/WorkReportInput"
    );
}

/// The extractors' real answers carry the statuses the document promises for the operation.
async fn extractor_answers_are_documented(backend: Backend) {
    let app = TestApp::start(backend).await;
    let talent = app.register_talent("contract@example.jp").await;
    let bearer = format!("Bearer {}", talent.access_token);
    let doc = document();
    let cases = [
        (
            "get",
            "/api/v1/engagements/{id}",
            app.http.get(app.url("/api/v1/engagements/abc")),
            400,
        ),
        (
            "get",
            "/api/v1/engagements/{id}",
            app.http.get(app.url("/api/v1/engagements/987654")),
            404,
        ),
        (
            "put",
            "/api/v1/talents/me",
            app.http
                .put(app.url("/api/v1/talents/me"))
                .header("content-type", "text/plain")
                .body("{}"),
            415,
        ),
        (
            "put",
            "/api/v1/talents/me",
            app.http
                .put(app.url("/api/v1/talents/me"))
                .header("content-type", "application/json")
                .body("{not json"),
            400,
        ),
        (
            "get",
            "/api/v1/scouts",
            app.http.get(app.url("/api/v1/scouts?limit=many")),
            422,
        ),
    ];
    for (method, path, request, expected) in cases {
        let res = request
            .header("authorization", &bearer)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), expected, "{method} {path}");
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json"));
        let op = &doc["paths"][path][method];
        assert!(
            documents_problem(op, &expected.to_string()),
            "{method} {path} does not document {expected}"
        );
    }
    // No token at all on a secured operation.
    let res = app
        .http
        .get(app.url("/api/v1/scouts"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    assert!(documents_problem(
        &doc["paths"]["/api/v1/scouts"]["get"],
        "401"
    ));
    app.stop().await;
}

on_both_backends!(extractor_answers_are_documented);
