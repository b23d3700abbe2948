//! Bad input gets a clear problem+json with the right status, and nothing is written.

use jsonwebtoken::{EncodingKey, Header};
use kakehashi::auth::Claims;
use kakehashi_shared::enums::Role;
use kakehashi_shared::Problem;
use serde_json::json;

use crate::on_both_backends;
use crate::util::{Backend, TestApp, JWT_SECRET};

async fn problem(res: reqwest::Response) -> (u16, Problem) {
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, "application/problem+json", "status {status}");
    let body: Problem = res.json().await.expect("problem body");
    assert_eq!(body.status, status);
    (status, body)
}

fn fields(p: &Problem) -> Vec<(&str, &str)> {
    p.errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_str()))
        .collect()
}

fn talent_json() -> serde_json::Value {
    json!({"account_type": "talent", "email": "a@example.jp", "password": "0123456789ab", "display_name": "A"})
}

async fn registration_rejects_bad_bodies_and_writes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let path = "/api/v1/auth/register";

    let (status, p) = problem(app.post_raw(path, "application/json", "{\"email\": ").await).await;
    assert_eq!((status, p.code.as_str()), (400, "malformed_request"));

    let (status, p) = problem(
        app.post_raw(path, "text/plain", talent_json().to_string())
            .await,
    )
    .await;
    assert_eq!((status, p.code.as_str()), (415, "unsupported_media_type"));

    let mut body = talent_json();
    body["account_type"] = json!("robot");
    let (status, p) = problem(
        app.post_raw(path, "application/json", body.to_string())
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&p), [("account_type", "unknown_value")]);

    // Mass assignment: a role cannot be chosen at registration.
    let mut body = talent_json();
    body["role"] = json!("admin");
    let (status, p) = problem(
        app.post_raw(path, "application/json", body.to_string())
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&p), [("role", "not_allowed")]);

    let body = json!({"account_type": "talent", "email": "not-an-email", "password": "short", "display_name": ""});
    let (status, p) = problem(
        app.post_raw(path, "application/json", body.to_string())
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&p),
        [
            ("email", "invalid_format"),
            ("password", "too_short"),
            ("display_name", "required")
        ]
    );

    // A well-formed but non-existent prefecture code, and one the format already refuses.
    for (prefecture, industry) in [("48", "E"), ("3", "E"), ("03", "Z")] {
        let mut body = talent_json();
        body["account_type"] = json!("company");
        body["company"] = json!({"name": "X", "industry_code": industry, "prefecture_code": prefecture, "municipality": "盛岡市"});
        let (status, p) = problem(
            app.post_raw(path, "application/json", body.to_string())
                .await,
        )
        .await;
        assert_eq!(status, 422, "{prefecture} {industry}");
        assert!(p.errors[0].field.starts_with("company."), "{:?}", p.errors);
    }

    let huge = json!({"account_type": "talent", "email": "a@example.jp", "password": "0123456789ab", "display_name": "x".repeat(300 * 1024)});
    let (status, p) = problem(
        app.post_raw(path, "application/json", huge.to_string())
            .await,
    )
    .await;
    assert_eq!((status, p.code.as_str()), (413, "payload_too_large"));

    assert_eq!(app.count("users").await, 0);
    assert_eq!(app.count("companies").await, 0);
    app.stop().await;
}

fn token(claims: &Claims, secret: &str) -> String {
    jsonwebtoken::encode(
        &Header::default(),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

async fn bad_tokens_get_401(backend: Backend) {
    let app = TestApp::start(backend).await;
    let session = app.register_talent("hanako@example.jp").await;
    let now = app.clock_now();
    let claims = Claims {
        sub: session.user.id.to_string(),
        role: Role::Admin,
        company_id: None,
        hub_id: None,
        partner_id: None,
        iat: now,
        exp: now + 600,
    };
    let get = |auth: Option<String>| {
        let mut req = app.http.get(app.url("/api/v1/me"));
        if let Some(value) = auth {
            req = req.header("authorization", value);
        }
        async move { problem(req.send().await.unwrap()).await }
    };

    let (status, p) = get(None).await;
    assert_eq!((status, p.code.as_str()), (401, "unauthenticated"));
    let (status, _) = get(Some("Basic aGFuYWtvOnB3".into())).await;
    assert_eq!(status, 401);
    let (status, p) = get(Some(format!(
        "Bearer {}",
        token(&claims, "another-secret-another-secret-123")
    )))
    .await;
    assert_eq!(
        (status, p.code.as_str()),
        (401, "unauthenticated"),
        "forged signature"
    );

    // `alg: none`: a token with no signature must not be accepted, whatever it claims.
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let unsigned = format!(
        "{}.{}.",
        b64.encode(r#"{"alg":"none","typ":"JWT"}"#),
        b64.encode(serde_json::to_string(&claims).unwrap())
    );
    let (status, p) = get(Some(format!("Bearer {unsigned}"))).await;
    assert_eq!(
        (status, p.code.as_str()),
        (401, "unauthenticated"),
        "alg none"
    );

    let expired = Claims {
        iat: now - 3600,
        exp: now - 1800,
        ..claims.clone()
    };
    let (status, p) = get(Some(format!("Bearer {}", token(&expired, JWT_SECRET)))).await;
    assert_eq!((status, p.code.as_str()), (401, "token_expired"));

    // A validly signed token for an account that does not exist.
    let ghost = Claims {
        sub: "999999".into(),
        ..claims.clone()
    };
    let (status, _) = get(Some(format!("Bearer {}", token(&ghost, JWT_SECRET)))).await;
    assert_eq!(status, 401);

    // Time moves past the access token's 15 minutes.
    app.clock.advance(chrono::Duration::minutes(16));
    let (status, p) = get(Some(format!("Bearer {}", session.access_token))).await;
    assert_eq!((status, p.code.as_str()), (401, "token_expired"));
    app.stop().await;
}

async fn unknown_api_paths_are_problems(backend: Backend) {
    let app = TestApp::start(backend).await;
    let res = app
        .http
        .get(app.url("/api/v1/no-such-thing"))
        .send()
        .await
        .unwrap();
    let (status, p) = problem(res).await;
    assert_eq!((status, p.code.as_str()), (404, "not_found"));
    let res = app
        .http
        .put(app.url("/api/v1/me/export"))
        .send()
        .await
        .unwrap();
    // actix routes by method too, so an unsupported method is an unknown route.
    let (status, p) = problem(res).await;
    assert_eq!((status, p.code.as_str()), (404, "not_found"));
    let res = app
        .http
        .get(app.url("/api/elsewhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res).await.0, 404);
    app.stop().await;
}

on_both_backends!(
    registration_rejects_bad_bodies_and_writes_nothing,
    bad_tokens_get_401,
    unknown_api_paths_are_problems,
);
