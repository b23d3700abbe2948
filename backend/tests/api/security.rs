//! OWASP API Security Top 10 (2023), the parts no other file covers: security headers (API8),
//! CORS and methods (API8), errors that give nothing away (API8), size and page caps (API4),
//! malformed credentials (API2) and the inventory (API9). docs/SECURITY.md maps each category
//! to its tests.

use actix_web::ResponseError;
use kakehashi::error::ApiError;
use kakehashi_shared::Problem;

use crate::on_both_backends;
use crate::util::{Backend, TestApp};

const APP_CSP: &str = kakehashi::security_headers::APP_CSP;

fn header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get(name)
        .map(|v| v.to_str().expect("ascii header").to_owned())
}

async fn get(app: &TestApp, path: &str, forwarded_https: bool) -> reqwest::Response {
    let mut req = app.http.get(app.url(path));
    if forwarded_https {
        // What a client could send straight to the server: it must not switch HSTS on.
        req = req.header("x-forwarded-proto", "https");
    }
    req.send().await.expect("request")
}

async fn problem(res: reqwest::Response) -> (u16, Problem) {
    let status = res.status().as_u16();
    assert_eq!(
        header(&res, "content-type").as_deref(),
        Some("application/problem+json"),
        "status {status}"
    );
    (status, res.json().await.expect("problem"))
}

/// The app, the API's JSON and problems, the docs, the widget and the embed list each get
/// their policy; HSTS only over TLS, which a client cannot claim by a header of its own
/// (only a trusted proxy's `X-Forwarded-Proto` counts).
async fn security_headers_fit_what_each_path_serves(backend: Backend) {
    let app = TestApp::start(backend).await;
    for forwarded in [false, true] {
        // The SPA's index.html (a deep link falls back to it) and its files.
        for path in ["/", "/company/projects", "/app.css"] {
            let res = get(&app, path, forwarded).await;
            assert_eq!(res.status(), 200, "{path}");
            assert_eq!(
                header(&res, "content-security-policy").as_deref(),
                Some(APP_CSP),
                "{path}"
            );
            assert_eq!(header(&res, "x-frame-options").as_deref(), Some("DENY"));
            assert_eq!(
                header(&res, "x-content-type-options").as_deref(),
                Some("nosniff")
            );
            assert_eq!(
                header(&res, "referrer-policy").as_deref(),
                Some("strict-origin-when-cross-origin")
            );
            assert!(
                header(&res, "strict-transport-security").is_none(),
                "{path}"
            );
        }
        // API JSON and a problem+json error: nothing to load, never framed.
        for (path, status) in [
            ("/api/v1/prefectures", 200),
            ("/api/v1/me", 401),
            ("/api/v1/no-such-thing", 404),
        ] {
            let res = get(&app, path, forwarded).await;
            assert_eq!(res.status(), status, "{path}");
            assert_eq!(
                header(&res, "content-security-policy").as_deref(),
                Some("default-src 'none'; frame-ancestors 'none'"),
                "{path}"
            );
            assert_eq!(header(&res, "x-frame-options").as_deref(), Some("DENY"));
            assert_eq!(
                header(&res, "x-content-type-options").as_deref(),
                Some("nosniff")
            );
            assert!(header(&res, "strict-transport-security").is_none());
        }
        // Swagger UI: its own policy, still no framing and no inline script.
        let res = get(&app, "/api/docs/", forwarded).await;
        assert_eq!(res.status(), 200);
        let csp = header(&res, "content-security-policy").expect("docs csp");
        assert!(csp.contains("script-src 'self';"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        let page = res.text().await.unwrap();
        assert!(
            !page.contains("<script>"),
            "an inline script would be refused"
        );
        // The widget's paths are loaded by partners' pages on other origins.
        for (path, status) in [("/widget.js", 200), ("/embed/projects?partner=nobody", 404)] {
            let res = get(&app, path, forwarded).await;
            assert_eq!(res.status(), status, "{path}");
            assert_eq!(
                header(&res, "cross-origin-resource-policy").as_deref(),
                Some("cross-origin"),
                "{path}"
            );
            assert!(header(&res, "x-frame-options").is_none(), "{path}");
            assert!(header(&res, "content-security-policy").is_none(), "{path}");
            assert_eq!(
                header(&res, "x-content-type-options").as_deref(),
                Some("nosniff")
            );
        }
    }
    app.stop().await;

    // Behind a trusted TLS proxy, every answer that came through it over HTTPS carries HSTS.
    let app = TestApp::start_with(backend, |c| {
        c.trusted_proxies = kakehashi::client_addr::parse_trusted_proxies("127.0.0.1").unwrap()
    })
    .await;
    for path in ["/", "/api/v1/prefectures", "/api/v1/me", "/widget.js"] {
        let res = get(&app, path, true).await;
        assert_eq!(
            header(&res, "strict-transport-security").as_deref(),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
        // The proxy's plain-HTTP side gets none.
        let res = get(&app, path, false).await;
        assert!(
            header(&res, "strict-transport-security").is_none(),
            "{path}"
        );
    }
    app.stop().await;
}

/// CORS grants only the configured origins, by name, never `*`, and no credentials mode;
/// TRACE and other unrouted methods answer a problem, never an echo of the request.
async fn cors_and_methods_give_nothing_away(backend: Backend) {
    let app = TestApp::start(backend).await;
    for origin in ["https://partner.example", "https://evil.example", "null"] {
        let res = app
            .http
            .get(app.url("/api/v1/prefectures"))
            .header("origin", origin)
            .send()
            .await
            .unwrap();
        let allowed = header(&res, "access-control-allow-origin");
        assert_ne!(allowed.as_deref(), Some("*"));
        if origin == "https://partner.example" {
            assert_eq!(allowed.as_deref(), Some(origin));
        } else {
            assert!(allowed.is_none(), "{origin} was granted");
        }
        assert!(header(&res, "access-control-allow-credentials").is_none());
    }
    let secret = "Bearer not-for-echo";
    for method in ["TRACE", "TRACK", "CONNECT"] {
        let res = app
            .http
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                app.url("/api/v1/me"),
            )
            .header("authorization", secret)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        assert!(matches!(status, 400 | 404 | 405), "{method}: {status}");
        let body = res.text().await.unwrap();
        assert!(
            !body.contains("not-for-echo"),
            "{method} echoed the request"
        );
    }
    app.stop().await;
}

/// An internal error's cause (SQL, paths, panics) is logged, never sent.
#[test]
fn internal_errors_send_no_details() {
    let error = ApiError::internal(
        "database error: relation \"users\" does not exist at SELECT * FROM users /src/repo.rs:12",
    );
    let problem = error.to_problem();
    assert_eq!(problem.status, 500);
    assert_eq!(problem.code, "internal");
    assert_eq!(problem.detail, None);
    let res = error.error_response();
    let Ok(body) = actix_web::body::MessageBody::try_into_bytes(res.into_body()) else {
        panic!("the problem's body is not in memory");
    };
    let body = String::from_utf8_lossy(&body);
    for leak in ["SELECT", "users", "repo.rs", "database"] {
        assert!(!body.contains(leak), "{leak} in {body}");
    }
}

/// API4 without rate limits: bodies, pages, strings and query strings have caps, and going
/// over one is a 413 or a 422, never a 500 or a hang.
async fn oversized_input_is_refused_with_a_problem(backend: Backend) {
    let app = TestApp::start(backend).await;
    let talent = app.talent("hanako@example.jp").await;

    // 10 MB announced in Content-Length: refused before it is read.
    let ten_mb = format!(
        r#"{{"account_type":"talent","email":"a@example.jp","password":"0123456789ab","display_name":"{}"}}"#,
        "x".repeat(10 * 1024 * 1024)
    );
    let res = app
        .post_raw("/api/v1/auth/register", "application/json", ten_mb.clone())
        .await;
    let (status, p) = problem(res).await;
    assert_eq!((status, p.code.as_str()), (413, "payload_too_large"));
    let res = app
        .http
        .put(app.url("/api/v1/talents/me"))
        .bearer_auth(&talent.session.access_token)
        .header("content-type", "application/json")
        .body(ten_mb)
        .send()
        .await
        .unwrap();
    assert_eq!(problem(res).await.0, 413);

    // Page sizes: 1–100; anything else names the field.
    for limit in ["100000", "0", "-1", "101", "1e9", "99999999999999999999"] {
        for path in [
            "/api/v1/projects",
            "/api/v1/case-studies",
            "/api/v1/notifications",
        ] {
            let res = app
                .http
                .get(app.url(&format!("{path}?limit={limit}")))
                .bearer_auth(&talent.session.access_token)
                .send()
                .await
                .unwrap();
            let (status, p) = problem(res).await;
            assert_eq!(status, 422, "{path}?limit={limit}");
            assert!(
                p.errors
                    .iter()
                    .any(|e| e.field == "limit" || e.field == "query"),
                "{path}?limit={limit}: {:?}",
                p.errors
            );
        }
    }
    let page: serde_json::Value = talent
        .api
        .get("/api/v1/projects?limit=100")
        .await
        .expect("the largest page");
    assert!(page["items"].is_array());

    // A search query of 2,000 characters, and a long string field.
    let long_q = "岩手".repeat(1000);
    let res = app
        .http
        .get(app.url("/api/v1/projects"))
        .query(&[("q", long_q.as_str())])
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    assert!(status == 200 || status == 422, "long q: {status}");
    if status == 422 {
        problem(res).await;
    }
    let mut profile = crate::fixtures::talent_profile();
    profile.headline = "あ".repeat(100_000 / 3);
    let err = talent.api.save_talent_profile(&profile).await.unwrap_err();
    let p = err.problem().expect("problem");
    assert_eq!(p.status, 422);
    assert_eq!(p.errors[0].field, "headline");

    // A 40 KB query string: answered or refused, never a crash; the server still answers.
    let res = app
        .http
        .get(app.url(&format!("/api/v1/projects?q={}", "a".repeat(40 * 1024))))
        .send()
        .await
        .expect("an answer");
    let status = res.status().as_u16();
    assert!(
        status == 200 || (400..500).contains(&status),
        "40 KB query: {status}"
    );
    assert_eq!(
        app.http
            .get(app.url("/api/health"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    app.stop().await;
}

/// API2: Authorization headers that are not one well-formed bearer token are 401 problems.
async fn malformed_authorization_headers_are_401(backend: Backend) {
    let app = TestApp::start(backend).await;
    let session = app.register_talent("hanako@example.jp").await;
    let token = session.access_token.clone();
    let mut tampered = token.clone().into_bytes();
    // Flip one character of the payload: the signature no longer matches.
    let dot = token.find('.').unwrap() + 3;
    tampered[dot] = if tampered[dot] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    for value in [
        "".to_owned(),
        "Bearer".to_owned(),
        "Bearer ".to_owned(),
        format!("Bearer  {token}x"),
        format!("Token {token}"),
        format!("Bearer {token} {token}"),
        format!("Bearer {}", &token[..token.len() - 5]),
        format!("Bearer {tampered}"),
        "Bearer a.b.c".to_owned(),
        "Bearer ....".to_owned(),
        format!("Bearer {}", "a".repeat(8000)),
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0".to_owned(),
    ] {
        let res = app
            .http
            .get(app.url("/api/v1/me"))
            .header("authorization", value.as_str())
            .send()
            .await
            .unwrap();
        let (status, p) = problem(res).await;
        assert_eq!(status, 401, "{value:.40}");
        assert!(
            p.code == "unauthenticated" || p.code == "invalid_api_key",
            "{value:.40}: {}",
            p.code
        );
    }
    // The untouched token still works.
    let res = app
        .http
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    app.stop().await;
}

/// API9: the API is one version, `/api/v1`, and every path it serves is in the document it
/// publishes (the routes and the document come from one table, `app::api_routes`, and
/// `openapi.rs` keeps the committed copy fresh); paths outside it, other versions included,
/// are 404 problems.
async fn the_published_document_is_the_whole_api(backend: Backend) {
    let app = TestApp::start(backend).await;
    let served: serde_json::Value = app
        .http
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut paths: Vec<String> = served["paths"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    paths.sort();
    assert!(paths.len() > 50, "{paths:?}");
    for path in paths {
        assert!(
            path.starts_with("/api/v1/")
                || ["/api/health", "/widget.js"].contains(&path.as_str())
                || path.starts_with("/embed/"),
            "{path} is outside the versioned API"
        );
    }
    for path in [
        "/api/v2/projects",
        "/api/v0/projects",
        "/api/projects",
        "/api/v1/internal/metrics",
        "/api/v1/debug",
        "/api/v1/../v1/projects/..%2f..%2fadmin",
    ] {
        let res = app.http.get(app.url(path)).send().await.unwrap();
        // The last is an unparsable id of a real route: 400.
        let status = problem(res).await.0;
        assert!(status == 404 || status == 400, "{path}: {status}");
    }
    app.stop().await;
}

/// API7: the webhook targets that would reach the server's own network, in the spellings that
/// slip past naive checks, are refused at creation (422 on `url`) and nothing is stored.
async fn webhook_targets_that_reach_the_server_s_network_are_refused(backend: Backend) {
    let app = TestApp::start_with(backend, |c| c.webhook_allow_private = false).await;
    let admin = app.admin().await;
    for url in [
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://0.0.0.0/hook",
        "https://2130706433/hook",
        "https://0x7f.1/hook",
        "https://127.1/hook",
        "https://017700000001/hook",
        "https://169.254.169.254/latest/meta-data/iam",
        "https://[fe80::1]/hook",
        "https://[fc00::1]/hook",
        "https://100.64.0.1/hook",
        "https://[64:ff9b::7f00:1]/hook",
        "https://[2002:7f00:1::]/hook",
        "https://[::]/hook",
        "https://user:pass@93.184.216.34/hook",
    ] {
        let res = app
            .http
            .post(app.url("/api/v1/webhooks"))
            .bearer_auth(&admin.session.access_token)
            .json(&serde_json::json!({"url": url, "events": ["project.published"]}))
            .send()
            .await
            .unwrap();
        let (status, p) = problem(res).await;
        assert_eq!(status, 422, "{url}");
        assert_eq!(p.errors.len(), 1, "{url}: {:?}", p.errors);
        assert_eq!(p.errors[0].field, "url", "{url}");
    }
    assert_eq!(app.count("webhook_subscriptions").await, 0);
    app.stop().await;
}

/// API3, output: interview notes are the writer's alone, a coordinator's review comment
/// reaches the company and its hub only, and contact details wait for a contract.
async fn private_properties_stay_with_their_side(backend: Backend) {
    use kakehashi_shared::application::{ApplicationInput, InterviewProposal};
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate.example", "03").await;
    let coordinator = app.coordinator("c@iwate.example", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let project = crate::fixtures::published_project(&app, &company, &coordinator).await;
    let application = talent
        .api
        .apply(
            project,
            &ApplicationInput {
                proposal: "二十文字以上の提案文です。よろしくお願いします。".into(),
                screening_answers: vec!["はい".into()],
                referral_code: None,
            },
        )
        .await
        .unwrap()
        .id;
    let interview = company
        .api
        .propose_interview(
            application,
            &InterviewProposal {
                slots: vec![app.now() + chrono::Duration::days(3)],
                duration_minutes: 45,
                meeting_url: None,
            },
        )
        .await
        .unwrap()
        .id;
    let secret = "年齢が気になる。社長と合わないかも";
    let _: serde_json::Value = company
        .api
        .put(
            &format!("/api/v1/interviews/{interview}/notes"),
            &serde_json::json!({"notes": secret}),
        )
        .await
        .unwrap();
    let path = format!("/api/v1/applications/{application}/interviews");
    let own: serde_json::Value = company.api.get(&path).await.unwrap();
    assert_eq!(own["items"][0]["my_notes"], secret);
    // The hub acts on the company's side (docs/AUTHORIZATION.md); the talent is the other.
    let seen: serde_json::Value = talent.api.get(&path).await.unwrap();
    assert!(seen["items"][0]["id"].is_i64());
    assert!(
        !seen.to_string().contains(secret),
        "the talent read the company's notes"
    );

    // The talent's email and phone: not to the company before a contract, nor to the hub.
    for viewer in [&company, &coordinator] {
        let seen: serde_json::Value = viewer
            .api
            .get(&format!("/api/v1/talents/{}", talent.id()))
            .await
            .unwrap();
        let text = seen.to_string();
        assert!(!text.contains("hanako@example.jp"), "{text}");
        assert!(!text.contains("090-1234-5678"), "{text}");
    }
    for path in [
        format!("/api/v1/applications/{application}"),
        format!("/api/v1/applications/{application}/messages"),
        "/api/v1/talents?limit=100".to_owned(),
    ] {
        let seen: serde_json::Value = company.api.get(&path).await.unwrap();
        let text = seen.to_string();
        assert!(!text.contains("hanako@example.jp"), "{path}: {text}");
        assert!(!text.contains("090-1234-5678"), "{path}: {text}");
    }

    // A coordinator's review comment on a posting: the company and its hub, not the public.
    let draft = company
        .api
        .create_project(None, &crate::fixtures::complete_draft(app.now()))
        .await
        .unwrap()
        .id;
    company.api.submit_project(draft).await.unwrap();
    let comment = "報酬の根拠を書いてください（社内メモ）";
    coordinator
        .api
        .request_project_changes(draft, comment)
        .await
        .unwrap();
    let seen: serde_json::Value = company
        .api
        .get(&format!("/api/v1/projects/{draft}"))
        .await
        .unwrap();
    assert!(seen.to_string().contains(comment));
    company.api.submit_project(draft).await.unwrap();
    coordinator.api.approve_project(draft).await.unwrap();
    for viewer in [talent.api.clone(), app.client()] {
        let seen: serde_json::Value = viewer
            .get(&format!("/api/v1/projects/{draft}"))
            .await
            .unwrap();
        assert!(
            !seen.to_string().contains(comment),
            "the public read the review comment"
        );
    }
    app.stop().await;
}

on_both_backends!(
    security_headers_fit_what_each_path_serves,
    cors_and_methods_give_nothing_away,
    oversized_input_is_refused_with_a_problem,
    malformed_authorization_headers_are_401,
    the_published_document_is_the_whole_api,
    webhook_targets_that_reach_the_server_s_network_are_refused,
    private_properties_stay_with_their_side,
);
