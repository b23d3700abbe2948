//! Scale-out: two real `kakehashi serve` processes on one PostgreSQL database behave as one
//! service (issue 7, item 6). They start together, so their migrations race for the advisory
//! lock; then a session made on one works on the other, a reused refresh token is caught
//! across them, a posting published through one is found by search on the other within one
//! second, its webhook is delivered once with both workers running, and an API key's limit
//! is one budget across both. The test talks to the instances directly; `make cluster` puts
//! nginx in front of them. SQLite serves one instance only, so there is no SQLite half.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{web, HttpRequest, HttpResponse, HttpServer};
use kakehashi_shared::api_key::{ApiKeyInput, ApiScope};
use kakehashi_shared::auth::LoginRequest;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::search::ProjectSearchParams;
use kakehashi_shared::webhook::{WebhookEventType, WebhookInput, DELIVERY_HEADER, EVENT_HEADER};
use kakehashi_shared::ErrorCode;

use crate::fixtures::{code, complete_draft};
use crate::spawned::{free_port, ServerConfig, Spawned};
use crate::util::{company_request, postgres_url, PgDatabase, PASSWORD};

/// The prefecture of the company, the hub and the search.
const PREFECTURE: &str = "03";

#[actix_web::test]
async fn two_instances_on_one_postgres_database_behave_as_one_service() {
    let Some(admin_url) = postgres_url() else {
        eprintln!("skipped: the cluster runs on PostgreSQL only (SQLite serves one instance)");
        return;
    };
    let pg = web::block(move || PgDatabase::create(&admin_url))
        .await
        .expect("create database");
    let dir = tempfile::tempdir().expect("tempdir");
    let receiver = Receiver::start(free_port(18366..=18369));
    let config = |name: &str, port: u16| {
        ServerConfig::new(&pg.url, &dir.path().join(name), port)
            // The test's receiver is on 127.0.0.1.
            .with_env("KAKEHASHI_WEBHOOK_ALLOW_PRIVATE", "1")
    };
    let port_a = free_port(18360..=18362);
    let port_b = free_port(18363..=18365);
    // Both start on an empty database at once: one migrates, the other waits for the lock.
    let (a, b) = tokio::join!(
        Spawned::start(config("a", port_a)),
        Spawned::start(config("b", port_b))
    );
    let (api_a, api_b) = (a.client(), b.client());

    // Staff through the command line, as an operator would.
    let staff = a
        .config
        .clone()
        .with_env("KAKEHASHI_STAFF_PASSWORD", PASSWORD);
    let hub = String::from_utf8_lossy(
        &staff
            .cli(&[
                "admin",
                "create-hub",
                "--name",
                "岩手拠点",
                "--prefectures",
                PREFECTURE,
            ])
            .stdout,
    )
    .split_whitespace()
    .nth(1)
    .expect("hub id")
    .to_owned();
    staff.cli(&[
        "admin",
        "create-staff",
        "--role",
        "coordinator",
        "--email",
        "coord@cluster.example",
        "--name",
        "千葉 恵子",
        "--hub",
        &hub,
    ]);
    staff.cli(&[
        "admin",
        "create-staff",
        "--role",
        "admin",
        "--email",
        "ops@cluster.example",
        "--name",
        "運営",
    ]);

    sessions_are_shared(&api_a, &api_b).await;
    let admin = login(&api_b, "ops@cluster.example").await;
    let webhook = admin
        .create_webhook(&WebhookInput {
            url: receiver.url("/hook"),
            events: vec![WebhookEventType::ProjectPublished],
        })
        .await
        .expect("subscribe");
    let project = a_write_on_one_is_found_by_search_on_the_other(&api_a, &api_b).await;
    the_webhook_is_delivered_once(&receiver, &admin, webhook.webhook.id, project).await;
    api_key_limits_are_one_budget(&api_a, &api_b, &admin).await;

    drop((a, b));
    receiver.stop().await;
}

async fn login(api: &ApiClient, email: &str) -> ApiClient {
    let session = api
        .login(&LoginRequest {
            email: email.into(),
            password: PASSWORD.into(),
        })
        .await
        .expect("login");
    api.with_token(&session.access_token)
}

/// A token from A works on B; a refresh token used on A and replayed on B is caught, and the
/// family it belongs to is revoked on both.
async fn sessions_are_shared(a: &ApiClient, b: &ApiClient) {
    let first = a
        .register(&company_request("owner@cluster.example", PREFECTURE))
        .await
        .expect("register on A");
    let me = b
        .with_token(&first.access_token)
        .me()
        .await
        .expect("A's token on B");
    assert_eq!(me.id, first.user.id);

    let second = a.refresh(&first.refresh_token).await.expect("refresh on A");
    let replay = b.refresh(&first.refresh_token).await.unwrap_err();
    let problem = replay.problem().expect("problem").clone();
    assert_eq!(problem.status, 401);
    assert!(problem.is(ErrorCode::RefreshTokenReused), "{problem:?}");
    assert_eq!(
        code(a.refresh(&second.refresh_token).await),
        "invalid_refresh_token",
        "the successor was revoked with the family, on the other instance too"
    );
}

/// A posting approved on A is in B's search results within one second (the requirement; B
/// follows the change log every 100 ms).
async fn a_write_on_one_is_found_by_search_on_the_other(a: &ApiClient, b: &ApiClient) -> i64 {
    let company = login(a, "owner@cluster.example").await;
    let coordinator = login(a, "coord@cluster.example").await;
    let draft = complete_draft(chrono::Utc::now());
    let project = company
        .create_project(None, &draft)
        .await
        .expect("draft")
        .id;
    company.submit_project(project).await.expect("submit");
    let search = ProjectSearchParams {
        prefecture: Some(PREFECTURE.into()),
        ..Default::default()
    };
    let found = |page: kakehashi_shared::search::ProjectSearchPage| {
        page.items.iter().any(|p| p.id == project)
    };
    assert!(!found(
        b.search_projects(&search).await.expect("search on B")
    ));

    coordinator
        .approve_project(project)
        .await
        .expect("approve on A");
    let approved = Instant::now();
    let deadline = approved + Duration::from_secs(1);
    loop {
        if found(b.search_projects(&search).await.expect("search on B")) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the posting published on A was not found on B within 1 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    project
}

/// Both instances run the webhook worker over the one outbox: the event reaches the receiver
/// once, and no second copy follows while both go on polling.
async fn the_webhook_is_delivered_once(
    receiver: &Receiver,
    admin: &ApiClient,
    webhook: i64,
    project: i64,
) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while receiver.count() == 0 {
        assert!(Instant::now() < deadline, "no webhook delivery within 20 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Each worker passes every second: give both several passes to send a duplicate.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let received = receiver.received();
    assert_eq!(received.len(), 1, "delivered more than once: {received:?}");
    let (delivery, (event, body)) = received.iter().next().expect("one delivery");
    assert_eq!(event, "project.published");
    let body: serde_json::Value = serde_json::from_str(body).expect("a JSON body");
    assert_eq!(body["data"]["project_id"], project, "{body}");
    let log = admin
        .webhook_deliveries(webhook, 10, None)
        .await
        .expect("delivery log");
    assert_eq!(log.items.len(), 1, "{:?}", log.items);
    assert_eq!(log.items[0].event_id, *delivery);
}

/// A key allowed 4 requests a minute gets 4 in all, whichever instance answers them.
async fn api_key_limits_are_one_budget(a: &ApiClient, b: &ApiClient, admin: &ApiClient) {
    let search = ProjectSearchParams::default();
    // A fixed window that turns over between the calls would restart the budget: then the
    // round is run again with a new key (at most once: a minute is far longer than a round).
    for round in 0..2 {
        let key = admin
            .create_api_key(&ApiKeyInput {
                name: format!("cluster {round}"),
                scopes: vec![ApiScope::ProjectsRead],
                expires_at: None,
                rate_limit_per_minute: Some(4),
            })
            .await
            .expect("api key")
            .key;
        let (ka, kb) = (a.with_api_key(&key), b.with_api_key(&key));
        let minute = || chrono::Utc::now().timestamp() / 60;
        let started = minute();
        for (n, api) in [&ka, &kb, &ka, &kb].into_iter().enumerate() {
            api.search_projects(&search)
                .await
                .unwrap_or_else(|e| panic!("request {n} within the limit: {e}"));
        }
        let over_a = ka.search_projects(&search).await;
        let over_b = kb.search_projects(&search).await;
        if minute() != started && (over_a.is_ok() || over_b.is_ok()) {
            continue;
        }
        for (name, over) in [("A", over_a), ("B", over_b)] {
            let problem = over
                .expect_err("over the shared budget")
                .problem()
                .cloned()
                .unwrap_or_else(|| panic!("{name}: no problem+json"));
            assert_eq!(problem.status, 429, "{name}: {problem:?}");
        }
        return;
    }
    panic!("two rounds crossed a minute boundary");
}

/// Records every webhook delivery by its id: (event, body).
#[derive(Clone, Default)]
struct Receiver {
    port: u16,
    seen: Arc<Mutex<HashMap<String, (String, String)>>>,
    all: Arc<Mutex<usize>>,
    server: Option<actix_web::dev::ServerHandle>,
}

impl Receiver {
    fn start(port: u16) -> Self {
        let mut receiver = Self {
            port,
            ..Default::default()
        };
        let state = receiver.clone();
        let server = HttpServer::new(move || {
            let state = state.clone();
            actix_web::App::new().default_service(web::to(move |req: HttpRequest, body: String| {
                let state = state.clone();
                async move {
                    let header = |name: &str| {
                        req.headers()
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    *state.all.lock().expect("count") += 1;
                    state
                        .seen
                        .lock()
                        .expect("seen")
                        .insert(header(DELIVERY_HEADER), (header(EVENT_HEADER), body));
                    HttpResponse::Ok().finish()
                }
            }))
        })
        .workers(1)
        .bind(("127.0.0.1", port))
        .expect("bind the receiver")
        .run();
        receiver.server = Some(server.handle());
        actix_web::rt::spawn(server);
        receiver
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Requests received, duplicates included.
    fn count(&self) -> usize {
        *self.all.lock().expect("count")
    }

    /// Deliveries by id; a duplicate of an id shows in `count` only.
    fn received(&self) -> HashMap<String, (String, String)> {
        let seen = self.seen.lock().expect("seen").clone();
        assert_eq!(self.count(), seen.len(), "a delivery id arrived twice");
        seen
    }

    async fn stop(self) {
        if let Some(server) = self.server {
            server.stop(true).await;
        }
    }
}
