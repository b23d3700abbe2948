//! What a run measures and where it keeps things, from the environment (`make bench` passes
//! `BENCH_*` through), so a quick run and the full run are the same code.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The data set: the arguments of `kakehashi seed`.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Scale {
    pub talents: usize,
    pub projects: usize,
    pub seed: u64,
}

pub struct Settings {
    pub scale: Scale,
    /// Talent in the PostgreSQL data set: only its postings are searched there.
    pub pg_talents: usize,
    /// `postgres://…/kakehashi_bench`; the database is dropped and created again when its
    /// data set is not the one asked for.
    pub pg_url: String,
    /// The workspace's target dir: the release binary, the data and the results live there.
    pub target: PathBuf,
    /// Individually timed project searches (p50/p99).
    pub query_runs: usize,
    /// Individually timed runs of each recommendation id.
    pub recommend_runs: usize,
    /// Time spent per SQL backend.
    pub sql_time: Duration,
    /// Criterion's measurement time per benchmark.
    pub criterion_time: Duration,
    pub http_time: Duration,
    pub http_connections: usize,
    /// Worker threads of both HTTP servers.
    pub workers: usize,
    /// Parts left out (`BENCH_SKIP=http,postgres`): for trying changes to this harness.
    pub skip: Vec<String>,
}

fn var<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .map_err(|_| format!("{name} must be a number, got {v:?}")),
        _ => Ok(default),
    }
}

impl Settings {
    pub fn from_env() -> Result<Self, String> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
        Ok(Self {
            scale: Scale {
                talents: var("BENCH_TALENTS", 1_000_000)?,
                projects: var("BENCH_PROJECTS", 100_000)?,
                seed: var("BENCH_SEED", 1)?,
            },
            pg_talents: var("BENCH_PG_TALENTS", 1_000)?,
            pg_url: std::env::var("BENCH_POSTGRES_URL")
                .ok()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/kakehashi_bench".into()),
            target,
            query_runs: var("BENCH_QUERY_RUNS", 4_000)?,
            recommend_runs: var("BENCH_RECOMMEND_RUNS", 3)?,
            sql_time: Duration::from_secs(var("BENCH_SQL_SECONDS", 10)?),
            criterion_time: Duration::from_secs(var("BENCH_CRITERION_SECONDS", 3)?),
            http_time: Duration::from_secs(var("BENCH_HTTP_SECONDS", 20)?),
            http_connections: var("BENCH_HTTP_CONNECTIONS", 16)?,
            workers: var("BENCH_WORKERS", cores)?,
            skip: std::env::var("BENCH_SKIP")
                .unwrap_or_default()
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        })
    }

    pub fn skips(&self, part: &str) -> bool {
        self.skip.iter().any(|s| s == part)
    }

    /// `target/release/kakehashi`, built by `make bench` before this runs.
    pub fn server_binary(&self) -> PathBuf {
        self.target.join("release").join("kakehashi")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.target.join("bench-data")
    }

    pub fn results_dir(&self) -> PathBuf {
        self.target.join("bench-results")
    }

    pub fn sqlite_path(&self) -> PathBuf {
        let s = self.scale;
        self.data_dir()
            .join(format!("sqlite-{}-{}-{}.db", s.talents, s.projects, s.seed))
    }

    /// The report, in the repository beside this crate.
    pub fn report_path(&self) -> PathBuf {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../docs/PERFORMANCE.md"
        ))
    }
}
