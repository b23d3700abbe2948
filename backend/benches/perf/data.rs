//! The data sets, generated once by the release binary's `kakehashi seed` and reused: a SQLite
//! file per scale and seed, and a PostgreSQL database with a pg_trgm index for the SQL
//! comparison (only its postings are searched, so it holds few talent).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{sql_query, Connection, QueryableByName, RunQueryDsl};

use crate::settings::Settings;

fn seed(s: &Settings, url: &str, talents: usize, projects: usize) -> Result<f64, String> {
    let bin = s.server_binary();
    if !bin.exists() {
        return Err(format!(
            "{} is missing: `make bench` builds it (cargo build --release -p kakehashi)",
            bin.display()
        ));
    }
    println!("seeding {talents} talents and {projects} postings into {url}");
    let started = Instant::now();
    let status = Command::new(&bin)
        .args(["seed", "--talents", &talents.to_string()])
        .args(["--projects", &projects.to_string()])
        .args(["--seed", &s.scale.seed.to_string()])
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .status()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    if !status.success() {
        return Err(format!("kakehashi seed failed ({status})"));
    }
    Ok(started.elapsed().as_secs_f64())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The SQLite file for the settings' scale, and the seconds seeding took when it was made now.
/// It is seeded under another name and renamed, so an interrupted seed is never reused.
pub fn sqlite(s: &Settings) -> Result<(PathBuf, Option<f64>), String> {
    let path = s.sqlite_path();
    if path.exists() {
        println!("reusing {}", path.display());
        return Ok((path, None));
    }
    std::fs::create_dir_all(s.data_dir()).map_err(|e| e.to_string())?;
    let partial = with_suffix(&path, ".partial");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&partial, suffix));
    }
    let scale = s.scale;
    let url = format!("sqlite://{}", partial.display());
    let secs = seed(s, &url, scale.talents, scale.projects)?;
    // Fold the write-ahead log into the file, so the file alone is the data set.
    let mut conn = SqliteConnection::establish(&partial.to_string_lossy())
        .map_err(|e| format!("{}: {e}", partial.display()))?;
    conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
        .map_err(|e| e.to_string())?;
    drop(conn);
    std::fs::rename(&partial, &path).map_err(|e| e.to_string())?;
    Ok((path, Some(secs)))
}

#[derive(QueryableByName)]
struct Meta {
    #[diesel(sql_type = diesel::sql_types::Text)]
    data_set: String,
}

/// `postgres://…/name` → (`postgres://…/postgres`, `name`).
fn split_database(url: &str) -> Result<(String, String), String> {
    let (base, rest) = url
        .rsplit_once('/')
        .ok_or_else(|| format!("no database name in {url}"))?;
    let name = rest.split('?').next().unwrap_or_default();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(format!(
            "database name {name:?} in {url}: use letters, digits and _"
        ));
    }
    Ok((format!("{base}/postgres"), name.to_owned()))
}

/// The PostgreSQL database for the comparison, made again when it holds another data set;
/// the seconds seeding took when it was made now.
pub fn postgres(s: &Settings) -> Result<Option<f64>, String> {
    let data_set = format!("{}-{}-{}", s.pg_talents, s.scale.projects, s.scale.seed);
    if let Ok(mut conn) = PgConnection::establish(&s.pg_url) {
        let found: Vec<Meta> = sql_query("SELECT data_set FROM bench_meta")
            .load(&mut conn)
            .unwrap_or_default();
        if found.iter().any(|m| m.data_set == data_set) {
            println!("reusing {}", s.pg_url);
            return Ok(None);
        }
    }
    let (admin_url, name) = split_database(&s.pg_url)?;
    let mut admin = PgConnection::establish(&admin_url).map_err(|e| format!("{admin_url}: {e}"))?;
    // One statement per call: several in one string run as a transaction, which these refuse.
    for statement in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin
            .batch_execute(&statement)
            .map_err(|e| format!("{statement}: {e}"))?;
    }
    let secs = seed(s, &s.pg_url, s.pg_talents, s.scale.projects)?;
    let mut conn = PgConnection::establish(&s.pg_url).map_err(|e| e.to_string())?;
    // The job board's index: trigrams of the posting's text (its fields as JSON), which
    // `ILIKE '%…%'` can use where a B-tree cannot.
    conn.batch_execute(&format!(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;
         CREATE INDEX projects_draft_trgm ON projects USING gin (draft gin_trgm_ops);
         ANALYZE;
         CREATE TABLE bench_meta (data_set TEXT NOT NULL);
         INSERT INTO bench_meta VALUES ('{data_set}');"
    ))
    .map_err(|e| format!("pg_trgm index: {e}"))?;
    Ok(Some(secs))
}
