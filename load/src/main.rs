//! `make load`: finds the saturation of a running Kakehashi server with the mixed workload
//! (a closed-loop run with no throttle), then holds 80% of it for LOAD_SECONDS (600) and
//! checks the outcome: no errors, the percentiles per request kind, and the growth of the
//! server's resident memory between the end of the warm-up and the end of the run.
//!
//! The server is started by `load/run.sh` (or is `make cluster`'s nginx); this binary only
//! sends requests, to 127.0.0.1, and reads /proc for the memory and CPU figures.

mod figures;
mod workload;

use std::time::{Duration, Instant};

use goose::config::GooseConfiguration;
use goose::prelude::*;
use gumdrop::Options;

use figures::{Outcome, Procs, Run};

struct Settings {
    url: String,
    pids: Vec<u32>,
    seconds: u64,
    warmup: u64,
    saturation_seconds: u64,
    users: usize,
    percent: u64,
    /// A fixed rate instead of measuring saturation first.
    rate: Option<u64>,
    postings: usize,
    out: std::path::PathBuf,
}

fn env<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => v
            .parse()
            .map_err(|_| format!("{name} must be a number, got {v:?}")),
        _ => Ok(default),
    }
}

impl Settings {
    fn from_env() -> Result<Self, String> {
        let url = std::env::var("LOAD_URL").unwrap_or_else(|_| "http://127.0.0.1:18355".into());
        // The workplace's rule and good manners: load only this machine.
        let host = url
            .trim_start_matches("http://")
            .split(['/', ':'])
            .next()
            .unwrap_or_default();
        if !matches!(host, "127.0.0.1" | "localhost" | "[") && !host.starts_with("127.") {
            return Err(format!("LOAD_URL must be on 127.0.0.1 (got {url})"));
        }
        let pids = std::env::var("LOAD_PIDS")
            .unwrap_or_default()
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                p.trim()
                    .parse()
                    .map_err(|_| format!("LOAD_PIDS: bad pid {p:?}"))
            })
            .collect::<Result<Vec<u32>, String>>()?;
        Ok(Self {
            url,
            pids,
            seconds: env("LOAD_SECONDS", 600)?,
            warmup: env("LOAD_WARMUP_SECONDS", 60)?,
            saturation_seconds: env("LOAD_SATURATION_SECONDS", 30)?,
            users: env("LOAD_USERS", 48)?,
            percent: env("LOAD_PERCENT", 80)?,
            rate: std::env::var("LOAD_RATE").ok().and_then(|v| v.parse().ok()),
            postings: env("LOAD_POSTINGS", 4000)?,
            out: std::env::var_os("LOAD_OUT")
                .map(Into::into)
                .unwrap_or_else(|| "target/load".into()),
        })
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::FAILURE,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<bool, String> {
    let s = Settings::from_env()?;
    std::fs::create_dir_all(&s.out).map_err(|e| format!("{}: {e}", s.out.display()))?;
    let postings = figures::prepare(&s.url, s.postings).await?;
    eprintln!("load: {} postings take applications", postings.len());
    workload::POSTINGS
        .set(postings)
        .map_err(|_| "postings prepared twice")?;
    let run_id = format!(
        "{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    );
    workload::RUN
        .set(run_id.clone())
        .map_err(|_| "run id set twice")?;

    let (saturation, rate) = match s.rate {
        Some(rate) => (None, rate),
        None => {
            eprintln!(
                "load: saturation: {} users, no throttle, {} s",
                s.users, s.saturation_seconds
            );
            let procs = Procs::start(&s.pids);
            let metrics = attack(&s, "saturation", s.saturation_seconds, None, None).await?;
            let sat = Run::from_metrics(&metrics, procs.finish(), s.saturation_seconds);
            eprintln!("load: saturation {:.0} requests/s", sat.rps);
            let rate = (sat.rps * s.percent as f64 / 100.0).floor() as u64;
            (Some(sat), rate)
        }
    };
    if rate == 0 {
        return Err("the measured saturation is 0 requests/s: is the server up?".into());
    }
    eprintln!(
        "load: holding {rate} requests/s for {} s (memory compared from {} s on)",
        s.seconds, s.warmup
    );
    let load_before = figures::load_average();
    let procs = Procs::start(&s.pids);
    let sampler = figures::sample_rss(s.pids.clone(), Duration::from_secs(5));
    let started = Instant::now();
    let report = s.out.join("goose-report.html");
    let metrics = attack(&s, "main", s.seconds, Some(rate), Some(&report)).await?;
    let elapsed = started.elapsed();
    let samples = sampler.stop().await;
    let main = Run::from_metrics(&metrics, procs.finish(), s.seconds);
    let outcome = Outcome::judge(
        &s.url,
        s.users,
        saturation,
        rate,
        s.percent,
        main,
        samples,
        s.warmup,
        elapsed,
        workload::EXHAUSTED.load(std::sync::atomic::Ordering::Relaxed),
        workload::POSTINGS.get().map_or(0, Vec::len),
        load_before,
    );
    outcome.write(&s.out)?;
    println!("{}", outcome.markdown());
    Ok(outcome.passed())
}

/// One goose attack: every user starts at once, then `seconds` of the mix, at `rate`
/// requests/s when given (goose's throttle), else as fast as the users go.
async fn attack(
    s: &Settings,
    label: &str,
    seconds: u64,
    rate: Option<u64>,
    report: Option<&std::path::Path>,
) -> Result<GooseMetrics, String> {
    let mut args: Vec<String> = vec![
        "--host".into(),
        s.url.clone(),
        "--users".into(),
        s.users.to_string(),
        "--hatch-rate".into(),
        // All users within about two seconds (each registers, which hashes a password).
        (s.users / 2).max(1).to_string(),
        "--run-time".into(),
        format!("{seconds}s"),
        "--no-telnet".into(),
        "--no-websocket".into(),
        "--no-print-metrics".into(),
        "--quiet".into(),
        "--timeout".into(),
        "30".into(),
        "--goose-log".into(),
        s.out
            .join(format!("goose-{label}.log"))
            .display()
            .to_string(),
        "--error-log".into(),
        s.out
            .join(format!("errors-{label}.log"))
            .display()
            .to_string(),
    ];
    if let Some(rate) = rate {
        args.extend(["--throttle-requests".into(), rate.to_string()]);
    }
    if let Some(report) = report {
        args.extend(["--report-file".into(), report.display().to_string()]);
    }
    workload::ATTACK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let config = GooseConfiguration::parse_args_default(&args).map_err(|e| e.to_string())?;
    GooseAttack::initialize_with_config(config)
        .map_err(|e| e.to_string())?
        .register_scenario(workload::scenario().map_err(|e| e.to_string())?)
        .execute()
        .await
        .map_err(|e| format!("goose: {e}"))
}
