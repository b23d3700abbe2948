//! Storage on SQLite or PostgreSQL behind one connection type, chosen from the URL scheme.

pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use kakehashi_shared::health::DatabaseKind;

use crate::error::ApiError;

/// One connection type for both backends; every repository is written once against it.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Where the database lives, parsed from `DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (`sqlite://data/kakehashi.db`, `sqlite:///abs/path.db`).
    Sqlite(PathBuf),
    /// A libpq connection URL (`postgres://…` or `postgresql://…`).
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("sqlite:// needs a file path, e.g. sqlite://data/kakehashi.db".into());
            }
            Ok(Self::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err(format!(
                "unsupported DATABASE_URL scheme in {url:?}: use sqlite://PATH or postgres://…"
            ))
        }
    }

    pub fn kind(&self) -> DatabaseKind {
        match self {
            Self::Sqlite(_) => DatabaseKind::Sqlite,
            Self::Postgres(_) => DatabaseKind::Postgres,
        }
    }

    /// The folder of the SQLite file, where local-only secrets are kept too.
    pub fn sqlite_dir(&self) -> Option<&Path> {
        match self {
            Self::Sqlite(path) => path.parent(),
            Self::Postgres(_) => None,
        }
    }
}

/// Why a connection could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(transparent)]
    Connection(#[from] diesel::ConnectionError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// Opens connections for the pool and sets every SQLite connection up the same way.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

/// Pragmas set on every SQLite connection: WAL lets readers work during a write, foreign keys
/// are off by default in SQLite, and the busy timeout makes concurrent writers wait instead
/// of failing with SQLITE_BUSY.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
     PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

impl r2d2::ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = ConnectError;

    fn connect(&self) -> Result<AnyConnection, ConnectError> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                Ok(AnyConnection::Postgres(PgConnection::establish(url)?))
            }
            DatabaseUrl::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
                conn.batch_execute(SQLITE_PRAGMAS)?;
                Ok(AnyConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), ConnectError> {
        conn.batch_execute("SELECT 1")?;
        Ok(())
    }

    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        // A connection handed back inside a transaction (its request panicked mid-write) would
        // keep SQLite's write lock for good; r2d2 closes it instead. A lost server connection
        // is found by `is_valid` on checkout.
        <AnyConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConnection = r2d2::PooledConnection<Manager>;

/// The database handle the app shares: a pool and the backend it talks to.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    kind: DatabaseKind,
    /// SQLite's writers take turns here (see [`Db::run_as`]).
    writers: Arc<Mutex<()>>,
}

/// How often work that found the database busy is run again: writes wait for SQLite's lock
/// up front (see [`attempt`]), so this is for what is left (another process holding the lock
/// past the busy timeout, racing inserts on PostgreSQL). Spread out by random jitter and capped
/// at a quarter second, 10 give up only after about 3 s.
const BUSY_RETRIES: u32 = 10;

/// The pause before a retry: exponential from 10 ms, capped, plus up to as much again at
/// random, so transactions that collided once do not collide again on the same tick.
fn busy_backoff(attempt: u32) -> Duration {
    use rand::Rng;
    let base = (5u64 << attempt.min(6)).min(250);
    Duration::from_millis(base + rand::thread_rng().gen_range(0..=base))
}

/// Whether work only reads or also writes, which decides how SQLite's lock is taken.
#[derive(Clone, Copy)]
enum Access {
    Read,
    Write,
}

/// Runs `work` once. A write on SQLite takes the database's write lock first
/// (`BEGIN IMMEDIATE`: free unless another process holds it, since this process's writers take
/// turns, and else waited for under the busy timeout). A plain (deferred) transaction that
/// reads and then writes is refused at once when another writer committed in between
/// (`SQLITE_BUSY_SNAPSHOT`), and under `make load` even 10 retries lost about one apply in
/// 1,200 to that. The work's own transactions become savepoints inside.
///
/// The outer transaction only takes the lock early; what is kept is decided by the work's own
/// transactions, as on PostgreSQL, so it commits even when the work answers an error, and is
/// rolled back only before a retry.
fn attempt<T, F>(conn: &mut AnyConnection, access: Access, work: &F) -> Result<T, ApiError>
where
    F: Fn(&mut AnyConnection) -> Result<T, ApiError>,
{
    type Transactions = <AnyConnection as Connection>::TransactionManager;
    let AnyConnection::Sqlite(sqlite) = conn else {
        return work(conn);
    };
    if matches!(access, Access::Read) {
        return work(conn);
    }
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    let out = work(conn);
    let ended = if matches!(out, Err(ApiError::DatabaseBusy)) {
        Transactions::rollback_transaction(conn)
    } else {
        Transactions::commit_transaction(conn).inspect_err(|_| {
            // The commit failed, so nothing of this attempt is kept; the error says why.
            let _ = Transactions::rollback_transaction(conn);
        })
    };
    // The work's own error says more than how the transaction ended after it (SQLite may
    // already have rolled back, e.g. on a full disk, and the commit then finds none).
    let value = out?;
    ended?;
    Ok(value)
}

/// How long a request waits for a connection before it answers 503.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(3);

impl Db {
    /// Builds the pool without connecting, so a server can start (and answer 503) while
    /// PostgreSQL is still down, and recovers by itself when it returns.
    pub fn new(url: &DatabaseUrl, max_size: u32) -> Result<Self, String> {
        if let DatabaseUrl::Sqlite(path) = url {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
        let pool = r2d2::Pool::builder()
            .max_size(max_size)
            .min_idle(Some(0))
            .connection_timeout(CHECKOUT_TIMEOUT)
            .test_on_check_out(true)
            .build_unchecked(Manager { url: url.clone() });
        Ok(Self {
            pool,
            kind: url.kind(),
            writers: Arc::default(),
        })
    }

    pub fn kind(&self) -> DatabaseKind {
        self.kind
    }

    /// A connection for blocking code (CLI commands, start-up).
    pub fn get(&self) -> Result<PooledConnection, ApiError> {
        self.pool.get().map_err(|e| {
            tracing::warn!(error = %e, "database unavailable");
            ApiError::DatabaseUnavailable
        })
    }

    /// Runs blocking diesel work that only reads (or writes in single statements that commit
    /// by themselves) on actix's blocking thread pool, never on an async worker.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: Fn(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.run_as(Access::Read, work).await
    }

    /// Runs blocking diesel work that writes, as [`Db::run`] does, holding SQLite's write lock
    /// from the start (see [`attempt`]).
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: Fn(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.run_as(Access::Write, work).await
    }

    /// Work that finds the database busy (`ApiError::DatabaseBusy`) is run again from the
    /// start, so racing requests get a real answer (often a 409) rather than an error; 503
    /// only once the retries are spent.
    async fn run_as<T, F>(&self, access: Access, work: F) -> Result<T, ApiError>
    where
        F: Fn(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || {
            // SQLite lets one writer in at a time. This process's writers queue here and are
            // woken as soon as the one before is done, instead of in SQLite's busy handler, which
            // polls with sleeps of up to 100 ms; and they wait without holding one of the pool's
            // connections, which the readers need meanwhile. `BEGIN IMMEDIATE` still guards
            // against other processes (the CLI, a backup).
            let sqlite_writer = matches!(access, Access::Write) && db.kind == DatabaseKind::Sqlite;
            let _turn =
                sqlite_writer.then(|| db.writers.lock().unwrap_or_else(PoisonError::into_inner));
            let mut conn = db.get()?;
            let mut attempt_no = 0;
            loop {
                match attempt(&mut conn, access, &work) {
                    Err(ApiError::DatabaseBusy) if attempt_no < BUSY_RETRIES => {
                        attempt_no += 1;
                        std::thread::sleep(busy_backoff(attempt_no));
                    }
                    Err(ApiError::DatabaseBusy) => return Err(ApiError::DatabaseUnavailable),
                    other => return other,
                }
            }
        })
        .await
        .map_err(|e| ApiError::internal(format!("blocking task failed: {e}")))?
    }

    /// Applies pending migrations. On PostgreSQL an advisory lock keeps several instances
    /// starting at once from racing each other.
    pub fn migrate(&self) -> Result<usize, String> {
        let mut conn = self
            .pool
            .get()
            .map_err(|e| format!("cannot connect: {e}"))?;
        run_migrations(&mut conn)
    }
}

/// Lock id for migrations ("kakehashi" in ASCII, truncated to fit a bigint).
const MIGRATION_LOCK: i64 = 0x6b616b6568617368;

/// Lock id for loading the reference data (beside the migration lock's).
pub const REFERENCE_LOCK: i64 = 0x6b616b6568617369;

/// Runs start-up `work` holding PostgreSQL advisory lock `lock`, so instances starting
/// together on one database take turns instead of racing; SQLite serves one instance and
/// needs none. `what` names the work in errors.
pub fn exclusively<T>(
    conn: &mut AnyConnection,
    lock: i64,
    what: &str,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, String>,
) -> Result<T, String> {
    if !matches!(conn, AnyConnection::Postgres(_)) {
        return work(conn);
    }
    conn.batch_execute(&format!("SELECT pg_advisory_lock({lock})"))
        .map_err(|e| format!("cannot take the {what} lock: {e}"))?;
    let result = work(conn);
    conn.batch_execute(&format!("SELECT pg_advisory_unlock({lock})"))
        .map_err(|e| format!("cannot release the {what} lock: {e}"))?;
    result
}

fn run_migrations(conn: &mut AnyConnection) -> Result<usize, String> {
    exclusively(conn, MIGRATION_LOCK, "migration", |conn| {
        match conn {
            AnyConnection::Sqlite(c) => {
                c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len())
            }
            AnyConnection::Postgres(c) => c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len()),
        }
        .map_err(|e| format!("migration failed: {e}"))
    })
}
