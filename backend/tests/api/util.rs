//! `TestApp`: the real app on a real HTTP port, over a fresh database per test (a temporary
//! SQLite file, or a new PostgreSQL database dropped afterwards).

use std::net::TcpListener;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use actix_web::{web, HttpServer};
use chrono::{TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use kakehashi::auth::JwtKeys;
use kakehashi::clock::ManualClock;
use kakehashi::config::{Config, DEFAULT_BODY_LIMIT};
use kakehashi::db::{DatabaseUrl, Db};
use kakehashi::search::SearchEngine;
use kakehashi::state::AppState;
use kakehashi_shared::auth::{NewCompany, RegisterRequest, TokenResponse};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::AccountType;

pub const JWT_SECRET: &str = "test-secret-that-is-long-enough-for-hs256-0123456789";
pub const PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server for the `postgres` half of the suite. Without `TEST_POSTGRES_URL`
/// those tests skip, except under `CI=true`, where a skipped PostgreSQL suite is a failure.
pub fn postgres_url() -> Option<String> {
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but TEST_POSTGRES_URL is not set: the PostgreSQL suite would be skipped"
            );
            eprintln!("skipped: TEST_POSTGRES_URL is not set");
            None
        }
    }
}

/// Runs each named scenario `async fn name(backend: Backend)` once on SQLite and once on
/// PostgreSQL, as tests `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[actix_web::test]
            async fn $name() {
                super::$name($crate::util::Backend::Sqlite).await
            })+
        }
        mod postgres {
            $(#[actix_web::test]
            async fn $name() {
                if $crate::util::postgres_url().is_some() {
                    super::$name($crate::util::Backend::Postgres).await
                }
            })+
        }
    };
}

/// A PostgreSQL database that exists for one test.
pub struct PgDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl PgDatabase {
    pub fn create(admin_url: &str) -> Self {
        let name = format!(
            "kakehashi_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            Utc::now().timestamp_micros() % 1_000_000
        );
        let mut conn = PgConnection::establish(admin_url).expect("connect to TEST_POSTGRES_URL");
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create test database");
        let url = with_database(admin_url, &name);
        Self {
            admin_url: admin_url.to_owned(),
            name,
            url,
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&self.admin_url) {
            let _ = conn.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// `postgres://u@h:5432/db?x` with the database replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

pub struct TestApp {
    pub base_url: String,
    pub db: Db,
    /// The database the app runs on (backups copy it).
    pub database_url: DatabaseUrl,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    pub static_dir: tempfile::TempDir,
    server: actix_web::dev::ServerHandle,
    // Dropped last: the database must outlive the server's connections.
    _sqlite_dir: Option<tempfile::TempDir>,
    _pg: Option<PgDatabase>,
}

impl TestApp {
    pub async fn start(backend: Backend) -> Self {
        Self::start_with(backend, |_| {}).await
    }

    /// `start` with settings changed (webhooks: private targets refused, short timeouts).
    pub async fn start_with(backend: Backend, configure: impl FnOnce(&mut Config)) -> Self {
        let (url, sqlite_dir, pg) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("tempdir");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                (url, Some(dir), None)
            }
            Backend::Postgres => {
                let admin = postgres_url().expect("TEST_POSTGRES_URL");
                let pg = web::block(move || PgDatabase::create(&admin))
                    .await
                    .expect("create db");
                (pg.url.clone(), None, Some(pg))
            }
        };
        let database_url = DatabaseUrl::parse(&url).expect("url");
        let db = Db::new(&database_url, 4).expect("pool");
        let prepared = db.clone();
        web::block(move || {
            prepared.migrate().expect("migrate");
            let mut conn = prepared.get().expect("connection");
            kakehashi::seed::reference::load(&mut conn).expect("reference data");
        })
        .await
        .expect("prepare");
        Self::serve_with(db, database_url, sqlite_dir, pg, configure)
    }

    /// Serves an app over `db` without preparing it (for outage tests).
    pub fn serve(
        db: Db,
        database_url: DatabaseUrl,
        sqlite_dir: Option<tempfile::TempDir>,
        pg: Option<PgDatabase>,
    ) -> Self {
        Self::serve_with(db, database_url, sqlite_dir, pg, |_| {})
    }

    pub fn serve_with(
        db: Db,
        database_url: DatabaseUrl,
        sqlite_dir: Option<tempfile::TempDir>,
        pg: Option<PgDatabase>,
        configure: impl FnOnce(&mut Config),
    ) -> Self {
        let static_dir = tempfile::tempdir().expect("static dir");
        std::fs::write(
            static_dir.path().join("index.html"),
            "<!doctype html><title>Kakehashi</title><div id=app></div>",
        )
        .expect("index");
        std::fs::write(
            static_dir.path().join("app.css"),
            "body{margin:0}".repeat(200),
        )
        .expect("css");
        let clock = ManualClock::new(
            Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
                .single()
                .expect("time"),
        );
        let search = {
            let mut conn = db.get().ok();
            let built = conn
                .as_mut()
                .map(|c| SearchEngine::build(c).expect("search index"));
            Arc::new(match built {
                Some(engine) => engine,
                None => SearchEngine::empty().expect("empty index"),
            })
        };
        let app_database_url = database_url.clone();
        let mut config = Config {
            database_url,
            static_dir: static_dir.path().to_path_buf(),
            data_dir: static_dir.path().to_path_buf(),
            jwt_secret: None,
            cors_origins: vec!["https://partner.example".to_owned()],
            body_limit: DEFAULT_BODY_LIMIT,
            pool_size: 4,
            smtp_url: None,
            mail_from: "架け橋 <no-reply@kakehashi.example>".to_owned(),
            search_cache: true,
            // Webhooks: the tests' receivers listen on 127.0.0.1; keep attempts short.
            webhook_allow_private: true,
            webhook_timeout: std::time::Duration::from_secs(2),
            // Rate limits and client addresses: no proxy; tests that need one set it.
            trusted_proxies: Vec::new(),
            // Generous, so tests that sign in or search often never meet a limit;
            // tests/api/rate_limits.rs sets the ones it tests.
            rate_limits: kakehashi::rate_limit::Limits {
                login_ip: kakehashi::rate_limit::Limit::new(100_000, 60),
                login_email: kakehashi::rate_limit::Limit::new(100_000, 60),
                register_ip: kakehashi::rate_limit::Limit::new(100_000, 60),
                search_ip: kakehashi::rate_limit::Limit::new(100_000, 60),
                apply_user: kakehashi::rate_limit::Limit::new(100_000, 60),
                message_user: kakehashi::rate_limit::Limit::new(100_000, 60),
            },
        };
        configure(&mut config);
        let state = web::Data::new(AppState {
            search,
            db: db.clone(),
            jwt: JwtKeys::from_secret(JWT_SECRET.as_bytes()),
            clock: Arc::new(clock.clone()),
            config,
            // Rate limits and client addresses.
            rate_limits: kakehashi::rate_limit::RateLimiter::for_database(&db),
        });
        actix_web::rt::spawn(kakehashi::state::follow_search_changes(
            state.db.clone(),
            state.search.clone(),
        ));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = HttpServer::new(move || kakehashi::build_app(state.clone()))
            .workers(1)
            .disable_signals()
            .listen(listener)
            .expect("listen")
            .run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Self {
            base_url: format!("http://127.0.0.1:{port}"),
            db,
            database_url: app_database_url,
            clock,
            http: reqwest::Client::new(),
            static_dir,
            server: handle,
            _sqlite_dir: sqlite_dir,
            _pg: pg,
        }
    }

    /// The app clock's current time, in seconds.
    pub fn clock_now(&self) -> i64 {
        use kakehashi::clock::Clock;
        self.clock.now().timestamp()
    }

    pub fn client(&self) -> ApiClient {
        ApiClient::new(&self.base_url)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Raw JSON POST, for bodies the typed client cannot send.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn count(&self, table: &'static str) -> i64 {
        self.db
            .run(move |conn| {
                use diesel::sql_types::BigInt;
                use diesel::RunQueryDsl;
                #[derive(diesel::QueryableByName)]
                struct Count {
                    #[diesel(sql_type = BigInt)]
                    n: i64,
                }
                let row: Count = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
                    .get_result(conn)?;
                Ok(row.n)
            })
            .await
            .expect("count")
    }

    pub async fn register_talent(&self, email: &str) -> TokenResponse {
        self.client()
            .register(&talent_request(email))
            .await
            .expect("register talent")
    }

    pub async fn register_company(&self, email: &str, prefecture: &str) -> TokenResponse {
        self.client()
            .register(&company_request(email, prefecture))
            .await
            .expect("register company")
    }

    pub async fn stop(self) {
        self.server.stop(true).await;
    }
}

pub fn talent_request(email: &str) -> RegisterRequest {
    RegisterRequest {
        account_type: AccountType::Talent,
        email: email.to_owned(),
        password: PASSWORD.to_owned(),
        display_name: "山田 花子".to_owned(),
        company: None,
        referral_code: None,
    }
}

pub fn company_request(email: &str, prefecture: &str) -> RegisterRequest {
    RegisterRequest {
        account_type: AccountType::Company,
        email: email.to_owned(),
        password: PASSWORD.to_owned(),
        display_name: "佐藤 一郎".to_owned(),
        company: Some(NewCompany {
            name: "岩手製菓株式会社".to_owned(),
            industry_code: "E".to_owned(),
            prefecture_code: prefecture.to_owned(),
            municipality: "盛岡市".to_owned(),
        }),
        referral_code: None,
    }
}
