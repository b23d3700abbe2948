//! The real `kakehashi` binary as a child process, for tests that need what an in-process
//! app cannot give: a process that is killed (`kill -9`) and started again on the same
//! database, or several instances side by side. Configured only through the environment and
//! the command line, as an operator would.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use kakehashi_shared::client::ApiClient;

use crate::util::JWT_SECRET;

/// The server binary cargo built for this test run.
pub const BIN: &str = env!("CARGO_BIN_EXE_kakehashi");

/// Ports handed out in this test process: tests run in parallel, and two probing at once
/// would otherwise both find the same port free before either server binds it.
static HANDED_OUT: std::sync::Mutex<std::collections::BTreeSet<u16>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

/// The first port of `ports` that nothing listens on and no other test of this process was
/// given (each engineer's tests keep to their own range; probing lets two runs of the suite
/// share it).
pub fn free_port(ports: std::ops::RangeInclusive<u16>) -> u16 {
    let mut handed_out = HANDED_OUT.lock().unwrap_or_else(|e| e.into_inner());
    let port = ports
        .clone()
        .filter(|p| !handed_out.contains(p))
        .find(|p| std::net::TcpListener::bind(("127.0.0.1", *p)).is_ok())
        .unwrap_or_else(|| panic!("no free port in {ports:?}"));
    handed_out.insert(port);
    port
}

/// Everything one server process is started with. `dir` holds the static files, the data dir
/// and the log; it must outlive the processes.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub database_url: String,
    pub dir: PathBuf,
    pub port: u16,
    /// Extra environment, e.g. `("KAKEHASHI_DB_POOL_SIZE", "4")`.
    pub env: Vec<(String, String)>,
}

impl ServerConfig {
    /// A server on `database_url` listening on `port`, with a tiny app in `dir/static`.
    pub fn new(database_url: impl Into<String>, dir: &Path, port: u16) -> Self {
        let static_dir = dir.join("static");
        std::fs::create_dir_all(&static_dir).expect("static dir");
        std::fs::write(
            static_dir.join("index.html"),
            "<!doctype html><title>Kakehashi</title><div id=app></div>",
        )
        .expect("index.html");
        Self {
            database_url: database_url.into(),
            dir: dir.to_path_buf(),
            port,
            env: Vec::new(),
        }
    }

    pub fn with_env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Every per-address and per-account rate limit raised out of the way, for tests that
    /// drive one server hard from 127.0.0.1 (API keys keep their own limits).
    pub fn without_rate_limits(self) -> Self {
        [
            "KAKEHASHI_LIMIT_LOGIN_IP",
            "KAKEHASHI_LIMIT_LOGIN_EMAIL",
            "KAKEHASHI_LIMIT_REGISTER_IP",
            "KAKEHASHI_LIMIT_SEARCH_IP",
            "KAKEHASHI_LIMIT_APPLY_USER",
            "KAKEHASHI_LIMIT_MESSAGE_USER",
        ]
        .into_iter()
        .fold(self, |config, key| config.with_env(key, "100000/1m"))
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env("DATABASE_URL", &self.database_url)
            .env("KAKEHASHI_ADDR", format!("127.0.0.1:{}", self.port))
            .env("KAKEHASHI_STATIC_DIR", self.dir.join("static"))
            .env("KAKEHASHI_DATA_DIR", &self.dir)
            .env("KAKEHASHI_JWT_SECRET", JWT_SECRET)
            .env("KAKEHASHI_WORKERS", "2")
            .env("RUST_LOG", "info,actix_server=warn")
            .env_remove("KAKEHASHI_SMTP_URL")
            .stdin(Stdio::null());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs a CLI command (`migrate`, `admin create-hub …`) to completion; panics with its
    /// output when it fails.
    pub fn cli(&self, args: &[&str]) -> Output {
        let out = self.command().args(args).output().expect("run kakehashi");
        assert!(
            out.status.success(),
            "kakehashi {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
}

/// A running `kakehashi serve`. Dropping it kills the process.
pub struct Spawned {
    pub config: ServerConfig,
    child: Option<Child>,
    /// Starts so far (the log of start n is `server-n.log`).
    starts: u32,
}

impl Spawned {
    /// Starts the server and waits (at most 60 s: a first start migrates) until
    /// `/api/health` answers 200.
    pub async fn start(config: ServerConfig) -> Self {
        let mut server = Self {
            config,
            child: None,
            starts: 0,
        };
        server.launch().await;
        server
    }

    fn log_path(&self) -> PathBuf {
        self.config.dir.join(format!("server-{}.log", self.starts))
    }

    async fn launch(&mut self) {
        assert!(self.child.is_none(), "already running");
        self.starts += 1;
        let log = std::fs::File::create(self.log_path()).expect("log file");
        let child = self
            .config
            .command()
            .arg("serve")
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("spawn kakehashi serve");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        let http = reqwest::Client::new();
        loop {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("the server exited ({status}) on start:\n{}", self.log());
            }
            let url = format!("{}/api/health", self.config.base_url());
            let ok = http
                .get(&url)
                .timeout(Duration::from_secs(2))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if ok {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not become healthy within 60 s:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn base_url(&self) -> String {
        self.config.base_url()
    }

    pub fn client(&self) -> ApiClient {
        ApiClient::new(self.base_url())
    }

    /// Whether the process is still running (it has not crashed).
    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// SIGKILL: no shutdown code runs, nothing is flushed, as in a crash or an OOM kill.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` sends SIGKILL on Unix.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the same server again (same database, port and settings).
    pub async fn restart(&mut self) {
        self.kill9();
        self.launch().await;
    }

    /// What the current (or last) process wrote to stdout and stderr.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    /// Every start's log, oldest first.
    pub fn all_logs(&self) -> String {
        (1..=self.starts)
            .map(|n| {
                let path = self.config.dir.join(format!("server-{n}.log"));
                std::fs::read_to_string(path).unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        self.kill9();
    }
}
