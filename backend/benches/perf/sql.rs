//! The same searches done the way a typical job board does them, side by side with the engine:
//! `LIKE '%…%'` on SQLite and `ILIKE '%…%'` over a pg_trgm GIN index on PostgreSQL, over the
//! posting's text (its fields as JSON in `projects.draft`: title, background, role, tasks,
//! deliverables), published and open, in the company's prefecture, newest first, 20 rows plus
//! a count for the total. The engine answers the same `q + prefecture` with facets besides.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text, Timestamp};
use diesel::sqlite::SqliteConnection;
use diesel::{sql_query, Connection, QueryableByName, RunQueryDsl};
use kakehashi::search::projects::ProjectQuery;
use kakehashi::search::SearchEngine;

use crate::queries::SQL_PAIRS;
use crate::results::{Latency, SqlBackend, SqlFigures};
use crate::settings::Settings;

/// Most runs per backend, even when the time allows more.
const MAX_RUNS: usize = 5_000;

/// The job board's statement; `like` is `LIKE` or `ILIKE`, `p` numbers the parameters.
fn job_board(select: &str, like: &str, p: impl Fn(usize) -> String) -> String {
    let tail = if select.contains("COUNT") {
        ""
    } else {
        " ORDER BY p.published_at DESC LIMIT 20"
    };
    format!(
        "SELECT {select} FROM projects p JOIN companies c ON c.id = p.company_id \
         WHERE p.status = 'published' AND c.prefecture_code = {} \
         AND p.recruitment_opens_at <= {} AND p.recruitment_closes_at > {} \
         AND p.draft {like} {}{tail}",
        p(1),
        p(2),
        p(3),
        p(4)
    )
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    #[allow(dead_code)]
    id: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

/// One search: the page and the total, as two statements (what a job board sends).
macro_rules! search {
    ($conn:expr, $rows:expr, $count:expr, $q:expr, $pref:expr, $now:expr) => {{
        let pattern = format!("%{}%", $q);
        let page: Vec<Id> = sql_query($rows)
            .bind::<Text, _>($pref)
            .bind::<Timestamp, _>($now)
            .bind::<Timestamp, _>($now)
            .bind::<Text, _>(&pattern)
            .load($conn)
            .map_err(|e| e.to_string())?;
        let total: Vec<Count> = sql_query($count)
            .bind::<Text, _>($pref)
            .bind::<Timestamp, _>($now)
            .bind::<Timestamp, _>($now)
            .bind::<Text, _>(&pattern)
            .load($conn)
            .map_err(|e| e.to_string())?;
        std::hint::black_box(page);
        total.first().map_or(0, |c| c.n as u64)
    }};
}

/// Runs the pairs in turn for the time given (at least once each); returns the latencies and
/// the total each pair found.
fn timed(
    budget: Duration,
    mut run: impl FnMut(&str, &str) -> Result<u64, String>,
) -> Result<(Latency, Vec<u64>), String> {
    let mut totals = Vec::new();
    for (q, pref) in SQL_PAIRS {
        totals.push(run(q, pref)?); // also warms the caches
    }
    let started = Instant::now();
    let mut times = Vec::new();
    while times.len() < MAX_RUNS && (started.elapsed() < budget || times.len() < SQL_PAIRS.len()) {
        let (q, pref) = SQL_PAIRS[times.len() % SQL_PAIRS.len()];
        let t = Instant::now();
        run(q, pref)?;
        times.push(t.elapsed());
    }
    Ok((Latency::of(times), totals))
}

#[derive(QueryableByName)]
struct Detail {
    #[diesel(sql_type = Text)]
    detail: String,
}

fn sqlite(s: &Settings, path: &str, now: NaiveDateTime) -> Result<(SqlBackend, Vec<u64>), String> {
    let mut conn = SqliteConnection::establish(path).map_err(|e| e.to_string())?;
    let rows = job_board("p.id", "LIKE", |_| "?".into());
    let count = job_board("COUNT(*) AS n", "LIKE", |_| "?".into());
    let (q, pref) = SQL_PAIRS[0];
    let plan: Vec<Detail> = sql_query(format!("EXPLAIN QUERY PLAN {rows}"))
        .bind::<Text, _>(pref)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .bind::<Text, _>(format!("%{q}%"))
        .load(&mut conn)
        .map_err(|e| e.to_string())?;
    let plan_note = format!(
        "plan: {}",
        plan.iter()
            .map(|d| d.detail.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    println!("SQLite LIKE for {} s; {plan_note}", s.sql_time.as_secs());
    let (latency, totals) = timed(s.sql_time, |q, pref| {
        Ok(search!(&mut conn, &rows, &count, q, pref, now))
    })?;
    Ok((SqlBackend { latency, plan_note }, totals))
}

fn postgres(s: &Settings, now: NaiveDateTime) -> Result<(SqlBackend, Vec<u64>), String> {
    let mut conn = PgConnection::establish(&s.pg_url).map_err(|e| e.to_string())?;
    let rows = job_board("p.id", "ILIKE", |i| format!("${i}"));
    let count = job_board("COUNT(*) AS n", "ILIKE", |i| format!("${i}"));
    // EXPLAIN's column is named "QUERY PLAN", which diesel cannot name: read it through a
    // function. The values are this file's constants, so pasting them in is safe.
    let (q, pref) = SQL_PAIRS[0];
    let explain = job_board("p.id", "ILIKE", |i| match i {
        1 => format!("'{pref}'"),
        4 => format!("'%{q}%'"),
        _ => format!("'{now}'::timestamp"),
    });
    sql_query(
        "CREATE OR REPLACE FUNCTION bench_explain(statement TEXT) RETURNS SETOF TEXT \
         LANGUAGE plpgsql AS $$ DECLARE l TEXT; BEGIN \
         FOR l IN EXECUTE 'EXPLAIN ' || statement LOOP RETURN NEXT l; END LOOP; END $$",
    )
    .execute(&mut conn)
    .map_err(|e| e.to_string())?;
    let plan: Vec<Line> = sql_query("SELECT bench_explain($1) AS line")
        .bind::<Text, _>(&explain)
        .load(&mut conn)
        .map_err(|e| e.to_string())?;
    let uses_index = plan.iter().any(|l| l.line.contains("projects_draft_trgm"));
    let plan_note = if uses_index {
        "the planner uses the trigram index (Bitmap Index Scan on projects_draft_trgm)"
    } else {
        "the planner does not use the trigram index for this search (it prefers another plan)"
    };
    println!(
        "PostgreSQL ILIKE for {} s; {plan_note}",
        s.sql_time.as_secs()
    );
    let (latency, totals) = timed(s.sql_time, |q, pref| {
        Ok(search!(&mut conn, &rows, &count, q, pref, now))
    })?;
    Ok((
        SqlBackend {
            latency,
            plan_note: plan_note.into(),
        },
        totals,
    ))
}

pub fn measure(
    s: &Settings,
    engine: &SearchEngine,
    sqlite_path: &str,
    with_postgres: bool,
    now: i64,
) -> Result<SqlFigures, String> {
    let at = chrono::DateTime::from_timestamp(now, 0)
        .ok_or("time out of range")?
        .naive_utc();
    let query = |q: &str, pref: &str| ProjectQuery {
        q: Some(q.to_owned()),
        prefecture: Some(pref.to_owned()),
        limit: 20,
        ..Default::default()
    };
    let (engine_latency, engine_totals) = timed(s.sql_time.min(Duration::from_secs(5)), |q, p| {
        engine
            .search_projects(&query(q, p), now)
            .map(|h| h.total)
            .map_err(|e| e.to_string())
    })?;
    let (lite, lite_totals) = sqlite(s, sqlite_path, at)?;
    let (pg, pg_totals) = if with_postgres {
        let (b, t) = postgres(s, at)?;
        (Some(b), Some(t))
    } else {
        (None, None)
    };
    Ok(SqlFigures {
        searches: SQL_PAIRS
            .iter()
            .map(|(q, p)| format!("q={q}, prefecture={p}"))
            .collect(),
        engine: engine_latency,
        sqlite: Some(lite),
        postgres: pg,
        totals: SQL_PAIRS
            .iter()
            .enumerate()
            .map(|(i, (q, p))| {
                (
                    format!("q={q}, prefecture={p}"),
                    engine_totals[i],
                    Some(lite_totals[i]),
                    pg_totals.as_ref().map(|t| t[i]),
                )
            })
            .collect(),
    })
}
