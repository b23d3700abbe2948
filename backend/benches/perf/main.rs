//! `make bench`: reproducible benchmarks of search and matching, written to
//! docs/PERFORMANCE.md. One binary runs, in order: the data sets (seeded once, reused), the
//! engine in-process (criterion, then individually timed searches for p50/p99), the same
//! searches as a job board's SQL on SQLite and PostgreSQL, the HTTP load test against a bare
//! actix-web baseline, recommendation quality on the hand-written set, and the report.
//! Settings come from `BENCH_*` (see settings.rs).

mod bare;
mod data;
mod engine;
mod http;
mod machine;
mod quality;
mod queries;
mod report;
mod results;
mod settings;
mod sql;

use std::process::ExitCode;
use std::time::Instant;

use results::Results;
use settings::Settings;

fn main() -> ExitCode {
    // The HTTP step starts this binary again as the bare baseline server.
    let outcome = if std::env::var("KAKEHASHI_BENCH_ROLE").as_deref() == Ok(bare::ROLE) {
        bare::serve()
    } else {
        run()
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let s = Settings::from_env()?;
    std::fs::create_dir_all(s.results_dir()).map_err(|e| e.to_string())?;
    let results_path = s.results_dir().join("results.json");
    if std::env::var_os("BENCH_REPORT_ONLY").is_some() {
        // Rewrites the report from the last run's figures (for editing the report's text).
        return report::write(&s, &Results::load(&results_path)?);
    }
    let started = Instant::now();
    let mut r = Results {
        date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        machine: machine::describe(),
        scale: s.scale,
        ..Default::default()
    };

    let (db, seeded) = data::sqlite(&s)?;
    r.data.sqlite_path = db.display().to_string();
    r.data.sqlite_seed_secs = seeded;
    r.data.postgres_talents = s.pg_talents;
    let with_postgres = if s.skips("postgres") {
        r.not_measured
            .push("PostgreSQL comparison: left out (BENCH_SKIP)".into());
        false
    } else {
        match data::postgres(&s) {
            Ok(seeded) => {
                r.data.postgres_seed_secs = seeded;
                true
            }
            Err(e) => {
                eprintln!("PostgreSQL comparison left out: {e}");
                r.not_measured.push(format!("PostgreSQL comparison: {e}"));
                false
            }
        }
    };

    let now = chrono::Utc::now().timestamp();
    {
        let (engine, build_time) = engine::build(&db)?;
        r.data.open_postings = engine::open_postings(&engine, now)?;
        r.engine = Some(engine::measure(&s, &engine, build_time, &db, now)?);
        if s.skips("sql") {
            r.not_measured
                .push("SQL comparison: left out (BENCH_SKIP)".into());
        } else {
            let path = db.to_string_lossy();
            r.sql = Some(sql::measure(&s, &engine, &path, with_postgres, now)?);
        }
    } // The engine is dropped here: the server below builds its own.

    if s.skips("http") {
        r.not_measured
            .push("HTTP load test: left out (BENCH_SKIP)".into());
    } else if !http::wrk_available() {
        r.not_measured
            .push("HTTP load test: wrk is not installed (apt-get install wrk)".into());
    } else {
        r.http = Some(http::measure(&s, &db)?);
    }

    if s.skips("quality") {
        r.not_measured
            .push("recommendation quality: left out (BENCH_SKIP)".into());
    } else {
        r.quality = Some(quality::measure()?);
    }

    r.machine.load_end = machine::load_average();
    r.total_secs = started.elapsed().as_secs_f64();
    r.save(&results_path)?;
    report::write(&s, &r)
}
