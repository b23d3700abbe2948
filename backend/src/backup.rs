//! `kakehashi backup` and `kakehashi restore`: a consistent copy of the whole database taken
//! while the server runs, and putting one back.
//!
//! - SQLite: `VACUUM INTO` writes a snapshot of one read transaction (writers carry on under
//!   WAL), compacted, with no WAL of its own. Restoring checks the copy (SQLite's
//!   `integrity_check`, and that it is a Kakehashi database) before it replaces the file in one
//!   rename, so a bad file never takes the place of good data.
//! - PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --single-transaction`, the
//!   tools made for it (on the PATH; Debian's `postgresql-client`). A restore that fails part
//!   way changes nothing.
//!
//! A backup is first written beside its destination under a temporary name and renamed when
//! complete, so a file with the chosen name is always a whole backup.

use std::path::{Path, PathBuf};
use std::process::Command;

use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

use crate::db::DatabaseUrl;

/// Writes a backup of the database at `url` to `out`, which must not exist yet.
pub fn backup(url: &DatabaseUrl, out: &Path) -> Result<(), String> {
    if out.exists() {
        return Err(format!(
            "{} already exists; choose a new file name (a backup never overwrites one)",
            out.display()
        ));
    }
    let partial = partial_name(out);
    let _ = std::fs::remove_file(&partial);
    let written = match url {
        DatabaseUrl::Sqlite(path) => sqlite_backup(path, &partial),
        DatabaseUrl::Postgres(url) => run_tool(
            Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(&partial)
                .arg("--dbname")
                .arg(url),
            "pg_dump",
        ),
    };
    match written.and_then(|()| {
        std::fs::rename(&partial, out).map_err(|e| format!("cannot name the backup: {e}"))
    }) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Replaces the database at `url` with the backup in `from`. On SQLite the server must be
/// stopped first (its open connections would keep the replaced file).
pub fn restore(url: &DatabaseUrl, from: &Path) -> Result<(), String> {
    if !from.is_file() {
        return Err(format!("{} is not a file", from.display()));
    }
    match url {
        DatabaseUrl::Sqlite(path) => sqlite_restore(path, from),
        DatabaseUrl::Postgres(url) => run_tool(
            Command::new("pg_restore")
                .args([
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    "--dbname",
                ])
                .arg(url)
                .arg(from),
            "pg_restore",
        ),
    }
}

fn partial_name(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}

fn open_sqlite(path: &Path) -> Result<SqliteConnection, String> {
    SqliteConnection::establish(&path.to_string_lossy())
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

fn sqlite_backup(db: &Path, partial: &Path) -> Result<(), String> {
    if !db.is_file() {
        return Err(format!("no database at {}", db.display()));
    }
    let mut conn = open_sqlite(db)?;
    conn.batch_execute("PRAGMA busy_timeout = 5000;")
        .map_err(|e| e.to_string())?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(partial.to_string_lossy().as_ref())
        .execute(&mut conn)
        .map(|_| ())
        .map_err(|e| format!("cannot copy the database: {e}"))
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

/// Whether `path` (a copy of `shown`, which errors name) is an intact SQLite file holding
/// Kakehashi's tables.
fn check_sqlite_backup(path: &Path, shown: &Path) -> Result<(), String> {
    let not_ours = |why: String| {
        format!(
            "{} is not a Kakehashi SQLite backup: {why}",
            shown.display()
        )
    };
    let mut conn = open_sqlite(path)?;
    let check: Vec<Line> =
        diesel::sql_query("SELECT integrity_check AS line FROM pragma_integrity_check")
            .load(&mut conn)
            .map_err(|e| not_ours(e.to_string()))?;
    if check.len() != 1 || check[0].line != "ok" {
        let found: Vec<String> = check.into_iter().map(|l| l.line).take(3).collect();
        return Err(not_ours(found.join("; ")));
    }
    let tables: Vec<Line> = diesel::sql_query(
        "SELECT name AS line FROM sqlite_master WHERE type = 'table' \
         AND name IN ('__diesel_schema_migrations', 'users', 'projects')",
    )
    .load(&mut conn)
    .map_err(|e| not_ours(e.to_string()))?;
    if tables.len() != 3 {
        return Err(not_ours("its tables are not Kakehashi's".into()));
    }
    Ok(())
}

fn sqlite_restore(db: &Path, from: &Path) -> Result<(), String> {
    // Copied beside the database first, so the rename below is atomic (same file system) and
    // the backup file itself is never modified.
    let incoming = partial_name(db);
    std::fs::copy(from, &incoming).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let checked = check_sqlite_backup(&incoming, from).and_then(|()| {
        // The old database's WAL would be replayed into the new file: remove it first.
        for suffix in ["-wal", "-shm"] {
            let mut side = db.as_os_str().to_os_string();
            side.push(suffix);
            match std::fs::remove_file(PathBuf::from(side)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("cannot remove the old {suffix} file: {e}")),
            }
        }
        std::fs::rename(&incoming, db).map_err(|e| format!("cannot replace the database: {e}"))
    });
    if checked.is_err() {
        let _ = std::fs::remove_file(&incoming);
    }
    checked
}

fn run_tool(command: &mut Command, name: &str) -> Result<(), String> {
    let output = command.output().map_err(|e| {
        format!("cannot run {name} ({e}); install PostgreSQL's client tools (Debian: postgresql-client)")
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{name} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}
