//! The HTTP baseline: a bare actix-web server whose one endpoint answers a fixed JSON body of
//! the same size as the real search's, with the same worker count. It is this bench binary
//! started again with `KAKEHASHI_BENCH_ROLE=bare`, so it needs no build of its own.

use actix_web::{web, App, HttpResponse, HttpServer};

pub const ROLE: &str = "bare";

/// `{"items":[],"pad":"xxxx"}`, exactly `bytes` long (at least the braces).
pub fn body(bytes: usize) -> String {
    let frame = r#"{"items":[],"pad":""}"#;
    if bytes <= frame.len() {
        return "{}".into();
    }
    format!(
        r#"{{"items":[],"pad":"{}"}}"#,
        "x".repeat(bytes - frame.len())
    )
}

fn var(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}

/// Serves `GET /api/v1/projects` on `BARE_ADDR` with `BARE_WORKERS` workers until killed.
pub fn serve() -> Result<(), String> {
    let addr = var("BARE_ADDR")?;
    let workers: usize = var("BARE_WORKERS")?.parse().map_err(|_| "BARE_WORKERS")?;
    let bytes: usize = var("BARE_BODY_BYTES")?
        .parse()
        .map_err(|_| "BARE_BODY_BYTES")?;
    let body = web::Bytes::from(body(bytes));
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            let body = body.clone();
            App::new().route(
                "/api/v1/projects",
                web::get().to(move || {
                    let body = body.clone();
                    async move {
                        HttpResponse::Ok()
                            .content_type("application/json")
                            .body(body)
                    }
                }),
            )
        })
        .workers(workers)
        .bind(&addr)
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?
        .run()
        .await
        .map_err(|e| e.to_string())
    })
}
