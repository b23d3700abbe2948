//! The engine in-process: its build time and memory, criterion benchmarks (recommendations,
//! the memory-scan baseline, project searches), and every search timed on its own for p50/p99,
//! which criterion's means and medians do not give.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode};
use diesel::sqlite::SqliteConnection;
use diesel::{sql_query, Connection, QueryableByName, RunQueryDsl};
use kakehashi::db::{DatabaseUrl, Db};
use kakehashi::search::projects::ProjectQuery;
use kakehashi::search::SearchEngine;

use crate::queries::{CRITERION, MIX, TYPICAL};
use crate::results::{EngineFigures, Estimate, Latency, Memory};
use crate::settings::Settings;

/// How many postings recommendations are asked for, spread over the id range.
const RECOMMEND_POSTINGS: usize = 10;

pub fn build(db_path: &Path) -> Result<(SearchEngine, Duration), String> {
    let db = Db::new(&DatabaseUrl::Sqlite(db_path.to_owned()), 2)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    println!("building the search engine from {}", db_path.display());
    let started = Instant::now();
    let engine = SearchEngine::build(&mut conn).map_err(|e| e.to_string())?;
    Ok((engine, started.elapsed()))
}

pub fn open_postings(engine: &SearchEngine, now: i64) -> Result<u64, String> {
    let all = ProjectQuery {
        limit: 1,
        ..Default::default()
    };
    Ok(engine
        .search_projects(&all, now)
        .map_err(|e| e.to_string())?
        .total)
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// Published postings at ten evenly spaced points of the id range: the same ones every run on
/// the same data, as long as they are still published.
fn recommend_ids(db_path: &Path) -> Result<Vec<i64>, String> {
    let mut conn =
        SqliteConnection::establish(&db_path.to_string_lossy()).map_err(|e| e.to_string())?;
    let ids: Vec<Id> = sql_query("SELECT id FROM projects ORDER BY id")
        .load(&mut conn)
        .map_err(|e| e.to_string())?;
    let mut chosen = Vec::new();
    for k in 0..RECOMMEND_POSTINGS {
        let from = ids
            .get(k * ids.len() / RECOMMEND_POSTINGS)
            .map_or(0, |r| r.id);
        let found: Vec<Id> = sql_query(
            "SELECT id FROM projects WHERE status = 'published' AND id >= ? ORDER BY id LIMIT 1",
        )
        .bind::<diesel::sql_types::BigInt, _>(from)
        .load(&mut conn)
        .map_err(|e| e.to_string())?;
        for r in found {
            if !chosen.contains(&r.id) {
                chosen.push(r.id);
            }
        }
    }
    if chosen.is_empty() {
        return Err("no published posting to recommend talent for".into());
    }
    Ok(chosen)
}

/// Criterion's mean and median of one benchmark, from the estimates it writes.
fn estimate(dir: &Path, group: &str, name: &str) -> Result<Estimate, String> {
    let path = dir
        .join(group)
        .join(name)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let point = |what: &str| json[what]["point_estimate"].as_f64().unwrap_or(f64::NAN) / 1e3;
    Ok(Estimate {
        name: format!("{group}/{name}"),
        mean_us: point("mean"),
        median_us: point("median"),
    })
}

fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let started = Instant::now();
    black_box(f());
    started.elapsed()
}

pub fn measure(
    s: &Settings,
    engine: &SearchEngine,
    build_time: Duration,
    db_path: &Path,
    now: i64,
) -> Result<EngineFigures, String> {
    let m = engine.memory();
    let memory = Memory {
        talents: m.talents,
        projects: m.projects,
        talent_feature_bytes: m.talent_feature_bytes,
        project_feature_bytes: m.project_feature_bytes,
        text_bytes: m.text_bytes,
    };
    let ids = recommend_ids(db_path)?;
    let nobody = HashSet::new();
    let search = |q: &ProjectQuery| engine.search_projects(q, now).map(|h| h.total);
    let typical_total = search(&TYPICAL.query()).map_err(|e| e.to_string())?;
    println!("recommending for postings {ids:?}; typical search finds {typical_total}");

    let dir = s.results_dir().join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(s.criterion_time)
        .without_plots();
    {
        // Slow calls: the same number of iterations per sample, the fewest samples criterion
        // allows, so a 1M-talent run stays within minutes.
        let mut g = c.benchmark_group("recommend");
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        g.bench_function("top20", |b| {
            let mut i = 0;
            b.iter(|| {
                i += 1;
                engine.recommend_talents(ids[i % ids.len()], &nobody, now, 20)
            })
        });
        g.finish();
        let mut g = c.benchmark_group("memory_scan");
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        g.bench_function("talent_features", |b| b.iter(|| engine.memory_scan()));
        g.finish();
        let mut g = c.benchmark_group("search_projects");
        for (name, search) in CRITERION {
            let q = search.query();
            g.bench_function(*name, |b| b.iter(|| engine.search_projects(&q, now)));
        }
        g.finish();
    }
    c.final_summary();

    let mut each = Vec::new();
    for _ in 0..s.recommend_runs.max(1) {
        for id in &ids {
            each.push(time(|| engine.recommend_talents(*id, &nobody, now, 20)));
        }
    }
    let queries: Vec<ProjectQuery> = MIX.iter().map(|q| q.query()).collect();
    for q in &queries {
        search(q).map_err(|e| e.to_string())?;
    }
    let typical = TYPICAL.query();
    let typical_times = (0..s.query_runs / 2)
        .map(|_| time(|| search(&typical)))
        .collect();
    let mix_times = (0..s.query_runs)
        .map(|i| time(|| search(&queries[i % queries.len()])))
        .collect();

    Ok(EngineFigures {
        build_ms: build_time.as_secs_f64() * 1e3,
        memory,
        recommend: estimate(&dir, "recommend", "top20")?,
        recommend_ids: ids,
        recommend_each: Latency::of(each),
        memory_scan: estimate(&dir, "memory_scan", "talent_features")?,
        searches: CRITERION
            .iter()
            .map(|(name, _)| estimate(&dir, "search_projects", name))
            .collect::<Result<_, _>>()?,
        typical_label: TYPICAL.label(),
        typical_total,
        typical: Latency::of(typical_times),
        mix_size: MIX.len(),
        mix: Latency::of(mix_times),
    })
}
