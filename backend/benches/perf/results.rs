//! What one run measured. Kept as JSON in `target/bench-results/results.json`, so the report
//! can be written again (`BENCH_REPORT_ONLY=1`) without measuring again.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::machine::Machine;
use crate::settings::Scale;

#[derive(Default, Serialize, Deserialize)]
pub struct Results {
    /// UTC, when the run started.
    pub date: String,
    pub machine: Machine,
    pub scale: Scale,
    pub data: Data,
    pub engine: Option<EngineFigures>,
    pub sql: Option<SqlFigures>,
    pub http: Option<HttpFigures>,
    pub quality: Option<QualityFigures>,
    /// Parts not measured, and why.
    pub not_measured: Vec<String>,
    pub total_secs: f64,
}

#[derive(Default, Serialize, Deserialize)]
pub struct Data {
    pub sqlite_path: String,
    /// Seconds `kakehashi seed` took, when this run seeded (None: reused).
    pub sqlite_seed_secs: Option<f64>,
    pub postgres_seed_secs: Option<f64>,
    pub postgres_talents: usize,
    /// Postings open at the time of the run (the seed's windows close as days pass).
    pub open_postings: u64,
}

/// Time per call, in microseconds, over individually timed calls.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Latency {
    pub runs: usize,
    pub mean_us: f64,
    pub p50_us: f64,
    pub p99_us: f64,
    pub max_us: f64,
}

impl Latency {
    pub fn of(mut samples: Vec<Duration>) -> Self {
        samples.sort_unstable();
        let n = samples.len();
        if n == 0 {
            return Self::default();
        }
        let us = |d: Duration| d.as_secs_f64() * 1e6;
        // Nearest rank: the smallest sample with at least q of the samples at or below it.
        let rank = |q: f64| us(samples[((q * n as f64).ceil() as usize).clamp(1, n) - 1]);
        Self {
            runs: n,
            mean_us: samples.iter().map(|d| us(*d)).sum::<f64>() / n as f64,
            p50_us: rank(0.50),
            p99_us: rank(0.99),
            max_us: us(samples[n - 1]),
        }
    }
}

/// Criterion's estimates for one benchmark, in microseconds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Estimate {
    pub name: String,
    pub mean_us: f64,
    pub median_us: f64,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Memory {
    pub talents: usize,
    pub projects: usize,
    pub talent_feature_bytes: usize,
    pub project_feature_bytes: usize,
    pub text_bytes: usize,
}

#[derive(Default, Serialize, Deserialize)]
pub struct EngineFigures {
    pub build_ms: f64,
    pub memory: Memory,
    pub recommend_ids: Vec<i64>,
    pub recommend: Estimate,
    /// Each id timed on its own: the spread between postings.
    pub recommend_each: Latency,
    pub memory_scan: Estimate,
    pub searches: Vec<Estimate>,
    pub typical_label: String,
    /// Postings the typical search finds.
    pub typical_total: u64,
    pub typical: Latency,
    pub mix_size: usize,
    pub mix: Latency,
}

#[derive(Default, Serialize, Deserialize)]
pub struct SqlFigures {
    /// The searches compared, `q + prefecture`.
    pub searches: Vec<String>,
    pub engine: Latency,
    pub sqlite: Option<SqlBackend>,
    pub postgres: Option<SqlBackend>,
    /// Matches per search: engine, SQLite, PostgreSQL (the engine also finds skill names).
    pub totals: Vec<(String, u64, Option<u64>, Option<u64>)>,
}

#[derive(Default, Serialize, Deserialize)]
pub struct SqlBackend {
    pub latency: Latency,
    /// What the planner did with the text condition (from EXPLAIN), for PostgreSQL.
    pub plan_note: String,
}

#[derive(Default, Serialize, Deserialize)]
pub struct HttpFigures {
    pub path: String,
    pub body_bytes: usize,
    pub workers: usize,
    pub connections: usize,
    pub secs: u64,
    /// With repeated answers from the search cache (as deployed).
    pub app: Wrk,
    /// With `KAKEHASHI_SEARCH_CACHE=off`: every request searches.
    #[serde(default)]
    pub app_uncached: Option<Wrk>,
    pub bare: Wrk,
    /// From the server's log line "search index built".
    pub server_build_ms: Option<u64>,
    /// Resident memory of `kakehashi serve` once its index is built.
    pub server_rss_bytes: Option<u64>,
}

/// Mean precision@k one way, and the most the annotations allow.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Precision {
    pub cases: usize,
    pub precision: f64,
    pub ideal: f64,
}

#[derive(Default, Serialize, Deserialize)]
pub struct QualityFigures {
    pub k: usize,
    pub projects: usize,
    pub talents: usize,
    pub talents_for_projects: Precision,
    pub projects_for_talents: Option<Precision>,
    /// Hidden or fully booked talent, or closed postings, recommended.
    pub violations: usize,
}

/// One wrk run.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Wrk {
    pub requests: u64,
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Socket errors and non-2xx answers.
    pub errors: u64,
}

impl Results {
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}
