//! What a run measured and how it is judged: percentiles per request kind from goose's
//! metrics, CPU time of the server(s) and of this generator, and the servers' resident memory
//! sampled from /proc during the run.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use goose::metrics::GooseMetrics;
use serde::Serialize;

use crate::workload::Posting;

/// The request kinds of the mix, in the order reported.
pub const MIX: &[&str] = &["search", "project", "apply", "message"];

/// Memory may grow by less than this fraction between the warm-up's end and the run's end.
pub const MAX_GROWTH: f64 = 0.10;

/// Published postings whose recruitment window is open now, newest first.
pub async fn prepare(url: &str, max: usize) -> Result<Vec<Posting>, String> {
    let client = reqwest::Client::new();
    let now = chrono::Utc::now();
    let mut found = Vec::new();
    let mut cursor: Option<String> = None;
    while found.len() < max {
        let mut page = format!("{url}/api/v1/projects?sort=newest&limit=100");
        if let Some(c) = &cursor {
            page.push_str(&format!("&cursor={c}"));
        }
        let answer: serde_json::Value = client
            .get(&page)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| format!("listing postings: {e}"))?
            .json()
            .await
            .map_err(|e| format!("listing postings: {e}"))?;
        for item in answer["items"].as_array().into_iter().flatten() {
            // The posting's fields are flattened into the item.
            let draft = item;
            let at = |field: &str| {
                draft[field]
                    .as_str()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            };
            let open = at("recruitment_opens_at").is_none_or(|t| t <= now)
                && at("recruitment_closes_at")
                    .is_some_and(|t| t > now + chrono::Duration::hours(1));
            if let (true, Some(id)) = (open, item["id"].as_i64()) {
                let questions = draft["screening_questions"].as_array().map_or(0, Vec::len);
                found.push(Posting { id, questions });
            }
        }
        cursor = answer["next_cursor"].as_str().map(str::to_owned);
        if cursor.is_none() {
            break;
        }
    }
    if found.is_empty() {
        return Err(format!(
            "no open postings at {url}: seed the database first"
        ));
    }
    found.truncate(max);
    Ok(found)
}

/// CPU time used by the server(s) and by this process, from /proc (USER_HZ = 100).
pub struct Procs {
    pids: Vec<u32>,
    servers: u64,
    me: u64,
    started: Instant,
}

#[derive(Debug, Clone, Serialize)]
pub struct CpuUse {
    /// Cores the server processes kept busy on average.
    pub servers_cores: f64,
    /// Cores this load generator kept busy on average.
    pub generator_cores: f64,
}

fn ticks(pid: &str) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    fields
        .get(11)
        .and_then(|u| u.parse::<u64>().ok())
        .unwrap_or(0)
        + fields
            .get(12)
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0)
}

impl Procs {
    pub fn start(pids: &[u32]) -> Self {
        Self {
            pids: pids.to_vec(),
            servers: pids.iter().map(|p| ticks(&p.to_string())).sum(),
            me: ticks("self"),
            started: Instant::now(),
        }
    }

    pub fn finish(self) -> CpuUse {
        let wall = self.started.elapsed().as_secs_f64().max(0.001) * 100.0;
        let servers: u64 = self.pids.iter().map(|p| ticks(&p.to_string())).sum();
        CpuUse {
            servers_cores: servers.saturating_sub(self.servers) as f64 / wall,
            generator_cores: ticks("self").saturating_sub(self.me) as f64 / wall,
        }
    }
}

/// Resident memory of the server processes (sum, KiB), read every `every`.
pub struct Sampler {
    stop: Arc<AtomicBool>,
    samples: Arc<Mutex<Vec<(f64, u64)>>>,
    task: tokio::task::JoinHandle<()>,
}

pub fn rss_kib(pids: &[u32]) -> u64 {
    pids.iter()
        .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/status")).ok())
        .filter_map(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse::<u64>().ok())
        })
        .sum()
}

pub fn sample_rss(pids: Vec<u32>, every: Duration) -> Sampler {
    let stop = Arc::new(AtomicBool::new(false));
    let samples = Arc::new(Mutex::new(Vec::new()));
    let (stop2, samples2) = (stop.clone(), samples.clone());
    let task = tokio::spawn(async move {
        let started = Instant::now();
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let rss = rss_kib(&pids);
            if let Ok(mut s) = samples2.lock() {
                s.push((started.elapsed().as_secs_f64(), rss));
            }
            if stop2.load(Ordering::Relaxed) {
                break;
            }
        }
    });
    Sampler {
        stop,
        samples,
        task,
    }
}

impl Sampler {
    /// Stops after one last sample, taken now.
    pub async fn stop(self) -> Vec<(f64, u64)> {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.task.await;
        self.samples.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// Figures of one request kind.
#[derive(Debug, Clone, Serialize)]
pub struct Kind {
    pub name: String,
    pub requests: usize,
    pub errors: usize,
    pub mean_ms: f64,
    pub p50_ms: usize,
    pub p95_ms: usize,
    pub p99_ms: usize,
    pub max_ms: usize,
    /// Status codes seen, with counts.
    pub statuses: BTreeMap<u16, usize>,
}

/// Nearest-rank percentile of goose's histogram (whole milliseconds; rounded to 10 ms above
/// 100 ms, 100 ms above 500 ms, 1 s above 1 s).
fn percentile(times: &BTreeMap<usize, usize>, total: usize, p: f64) -> usize {
    let rank = ((p / 100.0) * total as f64).ceil().max(1.0) as usize;
    let mut seen = 0;
    for (ms, n) in times {
        seen += n;
        if seen >= rank {
            return *ms;
        }
    }
    times.keys().next_back().copied().unwrap_or(0)
}

/// One attack's figures.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub seconds: usize,
    /// Requests of the mix per second (registration and profiles at the start left out).
    pub rps: f64,
    pub requests: usize,
    pub errors: usize,
    pub kinds: Vec<Kind>,
    pub cpu: CpuUse,
}

impl Run {
    pub fn from_metrics(metrics: &GooseMetrics, cpu: CpuUse, planned: u64) -> Self {
        let mut kinds: Vec<Kind> = metrics
            .requests
            .values()
            .map(|r| Kind {
                name: r.path.clone(),
                requests: r.success_count + r.fail_count,
                errors: r.fail_count,
                mean_ms: r.raw_data.total_time as f64 / r.raw_data.counter.max(1) as f64,
                p50_ms: percentile(&r.raw_data.times, r.raw_data.counter, 50.0),
                p95_ms: percentile(&r.raw_data.times, r.raw_data.counter, 95.0),
                p99_ms: percentile(&r.raw_data.times, r.raw_data.counter, 99.0),
                max_ms: r.raw_data.maximum_time,
                statuses: r.status_code_counts.iter().map(|(k, v)| (*k, *v)).collect(),
            })
            .collect();
        kinds.sort_by_key(|k| MIX.iter().position(|m| *m == k.name).unwrap_or(MIX.len()));
        let seconds = if metrics.duration > 0 {
            metrics.duration
        } else {
            planned as usize
        };
        let in_mix: usize = kinds
            .iter()
            .filter(|k| MIX.contains(&k.name.as_str()))
            .map(|k| k.requests)
            .sum();
        Self {
            seconds,
            rps: in_mix as f64 / seconds.max(1) as f64,
            requests: kinds.iter().map(|k| k.requests).sum(),
            errors: kinds.iter().map(|k| k.errors).sum(),
            kinds,
            cpu,
        }
    }
}

/// The whole result, as written to results.json.
#[derive(Debug, Serialize)]
pub struct Outcome {
    pub url: String,
    pub users: usize,
    pub saturation: Option<Run>,
    pub percent: u64,
    pub rate: u64,
    pub run: Run,
    pub postings: usize,
    pub exhausted: usize,
    pub warmup_seconds: u64,
    pub elapsed_seconds: f64,
    /// (seconds since the run started, KiB) every 5 s.
    pub rss_samples: Vec<(f64, u64)>,
    pub rss_start_kib: u64,
    pub rss_warm_kib: u64,
    pub rss_end_kib: u64,
    pub rss_max_kib: u64,
    pub growth: f64,
    /// /proc/loadavg's 1-minute figure before and after: above about 2 (the cores), other
    /// work shared the machine.
    pub load_average: (f64, f64),
}

/// The 1-minute load average.
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0)
}

impl Outcome {
    #[allow(clippy::too_many_arguments)]
    pub fn judge(
        url: &str,
        users: usize,
        saturation: Option<Run>,
        rate: u64,
        percent: u64,
        run: Run,
        samples: Vec<(f64, u64)>,
        warmup: u64,
        elapsed: Duration,
        exhausted: usize,
        postings: usize,
        load_before: f64,
    ) -> Self {
        let first = samples.first().map_or(0, |s| s.1);
        let warm = samples
            .iter()
            .find(|(t, _)| *t >= warmup as f64)
            .map_or(first, |s| s.1);
        let end = samples.last().map_or(0, |s| s.1);
        let max = samples.iter().map(|s| s.1).max().unwrap_or(0);
        let growth = if warm > 0 {
            end as f64 / warm as f64 - 1.0
        } else {
            0.0
        };
        Self {
            url: url.to_owned(),
            users,
            saturation,
            percent,
            rate,
            run,
            postings,
            exhausted,
            warmup_seconds: warmup,
            elapsed_seconds: elapsed.as_secs_f64(),
            rss_samples: samples,
            rss_start_kib: first,
            rss_warm_kib: warm,
            rss_end_kib: end,
            rss_max_kib: max,
            growth,
            load_average: (load_before, load_average()),
        }
    }

    pub fn passed(&self) -> bool {
        self.run.errors == 0
            && self.exhausted == 0
            && self.growth < MAX_GROWTH
            && self.run.requests > 0
    }

    pub fn write(&self, dir: &std::path::Path) -> Result<(), String> {
        let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        let path = dir.join("results.json");
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        let md = dir.join("summary.md");
        std::fs::write(&md, self.markdown()).map_err(|e| format!("{}: {e}", md.display()))
    }

    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let mib = |kib: u64| kib as f64 / 1024.0;
        if let Some(sat) = &self.saturation {
            out.push_str(&format!(
                "Saturation ({} users, no throttle, {} s): {:.0} requests/s, {} errors; CPU: server(s) {:.2} cores, generator {:.2} cores.\n\n",
                self.users, sat.seconds, sat.rps, sat.errors, sat.cpu.servers_cores, sat.cpu.generator_cores
            ));
        }
        out.push_str(&format!(
            "Held {} requests/s ({}% of saturation) for {} s: {:.0} requests/s achieved, {} requests, {} errors; CPU: server(s) {:.2} cores, generator {:.2} cores.\n\n",
            self.rate, self.percent, self.run.seconds, self.run.rps, self.run.requests, self.run.errors,
            self.run.cpu.servers_cores, self.run.cpu.generator_cores
        ));
        out.push_str("| request | requests | errors | mean | p50 | p95 | p99 | max | statuses |\n|---|---|---|---|---|---|---|---|---|\n");
        for k in &self.run.kinds {
            let statuses: Vec<String> =
                k.statuses.iter().map(|(s, n)| format!("{s}×{n}")).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {:.1} ms | {} ms | {} ms | {} ms | {} ms | {} |\n",
                k.name,
                k.requests,
                k.errors,
                k.mean_ms,
                k.p50_ms,
                k.p95_ms,
                k.p99_ms,
                k.max_ms,
                statuses.join(", ")
            ));
        }
        out.push_str(&format!(
            "\nLoad average (1 min) {:.2} before, {:.2} after.\n",
            self.load_average.0, self.load_average.1
        ));
        out.push_str(&format!(
            "\nServer resident memory: {:.1} MiB at the start, {:.1} MiB after the {} s warm-up, {:.1} MiB at the end (max {:.1} MiB): {:+.1}% after the warm-up (limit {:.0}%).\n",
            mib(self.rss_start_kib), mib(self.rss_warm_kib), self.warmup_seconds, mib(self.rss_end_kib),
            mib(self.rss_max_kib), self.growth * 100.0, MAX_GROWTH * 100.0
        ));
        if self.exhausted > 0 {
            out.push_str(&format!(
                "\n{} applies found no posting left ({} prepared): seed more postings.\n",
                self.exhausted, self.postings
            ));
        }
        out.push_str(&format!(
            "\nResult: {}\n",
            if self.passed() { "PASS" } else { "FAIL" }
        ));
        out
    }
}
