//! `/api/health`, and 503 while the database is away, recovering by itself.

use std::time::Duration;

use kakehashi::db::{DatabaseUrl, Db};
use kakehashi_shared::health::DatabaseKind;

use crate::on_both_backends;
use crate::util::{postgres_url, Backend, PgDatabase, TestApp};

async fn health_names_the_backend(backend: Backend) {
    let app = TestApp::start(backend).await;
    let health = app.client().health().await.unwrap();
    assert_eq!(health.status, "ok");
    let expected = match backend {
        Backend::Sqlite => DatabaseKind::Sqlite,
        Backend::Postgres => DatabaseKind::Postgres,
    };
    assert_eq!(health.database, expected);
    let raw: serde_json::Value = app
        .http
        .get(app.url("/api/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        raw["database"],
        serde_json::json!(if backend == Backend::Sqlite {
            "sqlite"
        } else {
            "postgres"
        })
    );
    app.stop().await;
}

on_both_backends!(health_names_the_backend);

/// A TCP relay in front of PostgreSQL that the test can cut and restore, standing in for a
/// database server that goes away and comes back.
struct Relay {
    tasks: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Relay {
    async fn start(port: u16, target: String) -> Self {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let tasks = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let registry = tasks.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let target = target.clone();
                let conn = tokio::spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                registry.lock().unwrap().push(conn);
            }
        });
        tasks.lock().unwrap().push(accept);
        Self { tasks }
    }

    /// Closes the listener and every relayed connection, as a server going down would.
    fn cut(self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The server address of a postgres:// URL, and the URL pointed at `127.0.0.1:port` instead.
fn redirect(url: &str, port: u16) -> (String, String) {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let (userinfo, host) = match authority.rsplit_once('@') {
        Some((u, h)) => (format!("{u}@"), h),
        None => (String::new(), authority),
    };
    let host = if host.contains(':') {
        host.to_owned()
    } else {
        format!("{host}:5432")
    };
    (
        host,
        format!("{scheme}://{userinfo}127.0.0.1:{port}/{path}"),
    )
}

async fn status(app: &TestApp) -> u16 {
    app.http
        .get(app.url("/api/health"))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

#[actix_web::test]
async fn postgres_outage_gives_503_and_recovers() {
    let Some(admin) = postgres_url() else { return };
    let pg = PgDatabase::create(&admin);
    let port = free_port();
    // The app only knows the relay's address.
    let (target, relayed) = redirect(&pg.url, port);
    let url = DatabaseUrl::parse(&relayed).unwrap();
    let db = Db::new(&url, 2).unwrap();
    let app = TestApp::serve(db, url, None, Some(pg));

    // Down from the start: the server still answers, with 503 and a problem.
    let res = app.http.get(app.url("/api/health")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(res.headers().contains_key("retry-after"));
    let body: kakehashi_shared::Problem = res.json().await.unwrap();
    assert_eq!(body.code, "database_unavailable");

    // The database comes back: the next requests succeed without a restart.
    let relay = Relay::start(port, target.clone()).await;
    let mut up = false;
    for _ in 0..20 {
        if status(&app).await == 200 {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(up, "health did not recover after the database returned");

    // It goes away again mid-life, and returns again.
    relay.cut();
    let mut down = false;
    for _ in 0..20 {
        if status(&app).await == 503 {
            down = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(down, "health did not report the outage");
    let _relay = Relay::start(port, target).await;
    let mut up = false;
    for _ in 0..20 {
        if status(&app).await == 200 {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(up, "health did not recover a second time");
    app.stop().await;
}
