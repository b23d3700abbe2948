//! What every request can reach: the database, the token keys, the clock and the settings.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::JwtKeys;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::db::Db;
use crate::search::SearchEngine;

pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub clock: SharedClock,
    pub config: Config,
    pub search: Arc<SearchEngine>,
    // Rate limits and client addresses.
    /// Every rate limit, API keys' included: in memory on SQLite, shared through the
    /// database on PostgreSQL (`rate_limit`).
    pub rate_limits: crate::rate_limit::RateLimiter,
}

impl AppState {
    /// Brings this instance's search index up to date after a write, so the caller's next
    /// search sees it. A failure is logged, not returned: the write itself succeeded, and the
    /// background follower catches up.
    pub async fn sync_search(&self) {
        let engine = self.search.clone();
        if let Err(e) = self.db.run(move |c| engine.catch_up(c)).await {
            tracing::warn!(error = %e, "search index not updated yet; the follower retries");
        }
    }
}

/// Follows the change log every 100 ms, so writes made on other instances reach this one.
pub async fn follow_search_changes(db: Db, search: Arc<SearchEngine>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_millis(100));
    loop {
        tick.tick().await;
        let engine = search.clone();
        if let Err(e) = db.run(move |c| engine.catch_up(c)).await {
            tracing::warn!(error = %e, "search follower failed; retrying");
        }
    }
}
