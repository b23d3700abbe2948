//! The app at `/` with SPA fallback, Swagger UI, compression, CORS and security headers.

use crate::util::{Backend, TestApp};

#[actix_web::test]
async fn the_app_and_its_deep_links_are_served() {
    let app = TestApp::start(Backend::Sqlite).await;
    for path in ["/", "/me", "/login?next=%2Fme", "/projects/42"] {
        let res = app.http.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("<title>Kakehashi</title>"),
            "{path}"
        );
    }
    let css = app.http.get(app.url("/app.css")).send().await.unwrap();
    assert!(css.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    app.stop().await;
}

#[actix_web::test]
async fn responses_are_compressed_when_asked() {
    let app = TestApp::start(Backend::Sqlite).await;
    // reqwest here has no decompression, so the header shows what the server sent.
    for path in ["/app.css", "/api/v1/prefectures"] {
        let res = app
            .http
            .get(app.url(path))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            Some("gzip"),
            "{path}"
        );
    }
    app.stop().await;
}

#[actix_web::test]
async fn the_app_files_are_sent_as_compressed_ahead() {
    let app = TestApp::start(Backend::Sqlite).await;
    let dir = app.static_dir.path();
    let wasm: Vec<u8> = (0..60_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    std::fs::write(dir.join("app_bg.wasm"), &wasm).unwrap();
    assert_eq!(
        kakehashi::static_files::precompressed::prepare(dir).unwrap(),
        4
    );
    // A second start finds the copies fresh and writes nothing.
    assert_eq!(
        kakehashi::static_files::precompressed::prepare(dir).unwrap(),
        0
    );
    let fetch = |accept: &'static str| {
        app.http
            .get(app.url("/app_bg.wasm"))
            .header("accept-encoding", accept)
            .send()
    };
    let br = fetch("gzip, deflate, br").await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["content-type"], "application/wasm");
    assert!(br.headers()["vary"]
        .to_str()
        .unwrap()
        .contains("accept-encoding"));
    let body = br.bytes().await.unwrap();
    assert_eq!(
        body.as_ref(),
        std::fs::read(dir.join("app_bg.wasm.br")).unwrap()
    );
    assert!(
        body.len() < wasm.len() / 4,
        "{} of {}",
        body.len(),
        wasm.len()
    );
    let gz = fetch("gzip, br;q=0").await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let plain = fetch("identity").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.bytes().await.unwrap().len(), wasm.len());
    // A file changed after its copies were written is sent as it is now, never stale.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.join("app.css"), "body{margin:1px}".repeat(200)).unwrap();
    let css = app
        .http
        .get(app.url("/app.css"))
        .header("accept-encoding", "identity")
        .send()
        .await
        .unwrap();
    assert!(css.text().await.unwrap().starts_with("body{margin:1px}"));
    app.stop().await;
}

#[actix_web::test]
async fn swagger_ui_is_served_without_a_cdn() {
    let app = TestApp::start(Backend::Sqlite).await;
    let html = app
        .http
        .get(app.url("/api/docs/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("/api/docs/swagger-ui-bundle.js"));
    assert!(!html.contains("https://"), "no external assets");
    for asset in [
        "/api/docs/swagger-ui-bundle.js",
        "/api/docs/swagger-ui.css",
        "/api/docs/init.js",
    ] {
        let res = app.http.get(app.url(asset)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{asset}");
    }
    let redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url("/api/docs"))
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.headers()["location"], "/api/docs/");
    app.stop().await;
}

#[actix_web::test]
async fn cors_is_granted_only_to_configured_origins() {
    let app = TestApp::start(Backend::Sqlite).await;
    let preflight = |origin: &'static str| {
        app.http
            .request(reqwest::Method::OPTIONS, app.url("/api/v1/auth/login"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .send()
    };
    let allowed = preflight("https://partner.example").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://partner.example"
    );
    let refused = preflight("https://evil.example").await.unwrap();
    assert!(refused
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    app.stop().await;
}

#[actix_web::test]
async fn every_response_has_a_request_id_and_safe_headers() {
    let app = TestApp::start(Backend::Sqlite).await;
    let res = app.http.get(app.url("/api/health")).send().await.unwrap();
    assert!(!res.headers()["x-request-id"].is_empty());
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    app.stop().await;
}
