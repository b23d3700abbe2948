//! Rate limits, shared by every instance of the service.
//!
//! One interface, [`RateLimiter::check`], over two stores chosen by the database: in memory
//! on SQLite (one instance by definition: the file cannot be shared by instances on several
//! hosts) and the `rate_limits` table on PostgreSQL (every instance on the database shares
//! one allowance per key). Both apply the same rule (`gcra`) against the app's clock, so tests
//! move time instead of sleeping and cover both stores alike.

mod database;
pub mod gcra;
mod memory;

use std::net::IpAddr;
use std::time::Duration;

use actix_web::web;
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::error::ApiError;
use crate::state::AppState;
use kakehashi_shared::health::DatabaseKind;

/// At most `max` requests at once, handed back evenly over `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    pub const fn new(max: u32, window_secs: u64) -> Self {
        Self {
            max,
            window: Duration::from_secs(window_secs),
        }
    }

    /// `30/5m`, `10/1h`, `120/60s` (or `120/60`): requests, then the window in seconds,
    /// minutes or hours.
    pub fn parse(value: &str) -> Option<Self> {
        let (max, window) = value.trim().split_once('/')?;
        let max: u32 = max.trim().parse().ok().filter(|m| *m > 0)?;
        let window = window.trim();
        let (digits, unit) = match window.char_indices().last()? {
            (i, 's') => (&window[..i], 1),
            (i, 'm') => (&window[..i], 60),
            (i, 'h') => (&window[..i], 3600),
            _ => (window, 1),
        };
        let secs = digits.parse::<u64>().ok()?.checked_mul(unit)?;
        (1..=7 * 24 * 3600)
            .contains(&secs)
            .then_some(Self::new(max, secs))
    }
}

/// What a limit counts. The name is the key's namespace in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// Sign-in attempts from one client address.
    LoginIp,
    /// Sign-in attempts for one email (the lockout); a successful sign-in clears it.
    LoginEmail,
    RegisterIp,
    SearchIp,
    ApplyUser,
    MessageUser,
    /// Requests made with one API key, at the key's own limit a minute.
    ApiKey,
}

impl Bucket {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LoginIp => "login_ip",
            Self::LoginEmail => "login_email",
            Self::RegisterIp => "register_ip",
            Self::SearchIp => "search_ip",
            Self::ApplyUser => "apply_user",
            Self::MessageUser => "message_user",
            Self::ApiKey => "api_key",
        }
    }

    /// When the store cannot be reached (PostgreSQL down or its pool exhausted), search is let
    /// through: it answers from this instance's index, so it can keep working during an outage,
    /// and a few minutes without a per-address limit cost little. Everything else fails closed
    /// with 503: sign-in, because a lockout that an attacker can switch off by loading the
    /// database is no lockout; the writes, because they need the database anyway.
    fn fails_open(self) -> bool {
        matches!(self, Self::SearchIp)
    }

    /// What the client is told it ran out of.
    pub fn describe(self) -> &'static str {
        match self {
            Self::LoginIp => "sign-in attempts from this address",
            Self::LoginEmail => "sign-in attempts for this account",
            Self::RegisterIp => "registrations from this address",
            Self::SearchIp => "searches from this address",
            Self::ApplyUser => "applications from this account",
            Self::MessageUser => "messages from this account",
            Self::ApiKey => "requests a minute with this API key",
        }
    }
}

/// The limits of the public endpoints (API keys carry their own), from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// `KAKEHASHI_LIMIT_LOGIN_IP` (default `30/5m`).
    pub login_ip: Limit,
    /// `KAKEHASHI_LIMIT_LOGIN_EMAIL` (default `10/15m`): the lockout.
    pub login_email: Limit,
    /// `KAKEHASHI_LIMIT_REGISTER_IP` (default `10/1h`).
    pub register_ip: Limit,
    /// `KAKEHASHI_LIMIT_SEARCH_IP` (default `120/1m`).
    pub search_ip: Limit,
    /// `KAKEHASHI_LIMIT_APPLY_USER` (default `30/1h`).
    pub apply_user: Limit,
    /// `KAKEHASHI_LIMIT_MESSAGE_USER` (default `120/1h`).
    pub message_user: Limit,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            login_ip: Limit::new(30, 5 * 60),
            login_email: Limit::new(10, 15 * 60),
            register_ip: Limit::new(10, 3600),
            search_ip: Limit::new(120, 60),
            apply_user: Limit::new(30, 3600),
            message_user: Limit::new(120, 3600),
        }
    }
}

impl Limits {
    pub fn from_env() -> Result<Self, String> {
        let mut limits = Self::default();
        for (name, slot) in [
            ("KAKEHASHI_LIMIT_LOGIN_IP", &mut limits.login_ip),
            ("KAKEHASHI_LIMIT_LOGIN_EMAIL", &mut limits.login_email),
            ("KAKEHASHI_LIMIT_REGISTER_IP", &mut limits.register_ip),
            ("KAKEHASHI_LIMIT_SEARCH_IP", &mut limits.search_ip),
            ("KAKEHASHI_LIMIT_APPLY_USER", &mut limits.apply_user),
            ("KAKEHASHI_LIMIT_MESSAGE_USER", &mut limits.message_user),
        ] {
            if let Ok(value) = std::env::var(name) {
                *slot = Limit::parse(&value).ok_or_else(|| {
                    format!(
                        "{name} must look like 30/5m (requests/window in s, m or h), got {value:?}"
                    )
                })?;
            }
        }
        Ok(limits)
    }

    /// The limit of a bucket that has a configured one (not `ApiKey`).
    pub fn of(&self, bucket: Bucket) -> Option<Limit> {
        match bucket {
            Bucket::LoginIp => Some(self.login_ip),
            Bucket::LoginEmail => Some(self.login_email),
            Bucket::RegisterIp => Some(self.register_ip),
            Bucket::SearchIp => Some(self.search_ip),
            Bucket::ApplyUser => Some(self.apply_user),
            Bucket::MessageUser => Some(self.message_user),
            Bucket::ApiKey => None,
        }
    }
}

enum Store {
    Memory(memory::MemoryStore),
    Database(Db),
}

/// The limiter in `AppState`.
pub struct RateLimiter {
    store: Store,
}

impl RateLimiter {
    /// In memory on SQLite, in the database on PostgreSQL.
    pub fn for_database(db: &Db) -> Self {
        let store = match db.kind() {
            DatabaseKind::Sqlite => Store::Memory(memory::MemoryStore::default()),
            DatabaseKind::Postgres => Store::Database(db.clone()),
        };
        Self { store }
    }

    /// Takes one request from `key`'s allowance in `bucket` at `now`. Over the limit: 429
    /// `rate_limited` with the seconds to wait. A store that cannot be reached lets search
    /// through (logged) and answers 503 for everything else (see `Bucket::fails_open`).
    pub async fn check(
        &self,
        bucket: Bucket,
        key: &str,
        limit: Limit,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), ApiError> {
        let (key, now) = (stored_key(key), now.timestamp_micros());
        let outcome = match &self.store {
            Store::Memory(store) => Ok(store.take(bucket, key, limit, now)),
            Store::Database(db) => {
                db.write(move |c| database::take(c, bucket, &key, limit, now))
                    .await
            }
        };
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err(retry_after_secs)) => Err(ApiError::RateLimited {
                retry_after_secs,
                limit: bucket.describe(),
            }),
            Err(e) if bucket.fails_open() => {
                tracing::warn!(error = %e, bucket = bucket.as_str(), "rate limit store unreachable; letting the request through");
                Ok(())
            }
            Err(e) => {
                tracing::warn!(error = %e, bucket = bucket.as_str(), "rate limit store unreachable; refusing");
                Err(match e {
                    ApiError::Internal(_) => e,
                    _ => ApiError::DatabaseUnavailable,
                })
            }
        }
    }

    /// Gives `key` its whole allowance back (a successful sign-in ends the failures' count).
    pub async fn reset(&self, bucket: Bucket, key: &str) -> Result<(), ApiError> {
        let key = stored_key(key);
        match &self.store {
            Store::Memory(store) => {
                store.reset(bucket, &key);
                Ok(())
            }
            Store::Database(db) => db.run(move |c| database::reset(c, bucket, &key)).await,
        }
    }

    /// Forgets keys whose allowance is whole again; returns how many.
    pub async fn prune(&self, now: chrono::DateTime<chrono::Utc>) -> Result<usize, ApiError> {
        let now = now.timestamp_micros();
        match &self.store {
            Store::Memory(store) => Ok(store.prune(now)),
            Store::Database(db) => db.run(move |c| database::prune(c, now)).await,
        }
    }
}

/// Keys are stored as a SHA-256 digest (128 bits of it): fixed length whatever the client
/// sends, and no emails or addresses in clear in the table or in memory.
fn stored_key(key: &str) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..16])
}

/// The key for a client address. An IPv6 client usually holds a whole /64, so the limit
/// applies to the /64 rather than to each of its 2^64 addresses.
pub fn ip_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => ipnet::Ipv6Net::new(v6, 64)
                .map(|net| net.trunc().to_string())
                .unwrap_or_else(|_| v6.to_string()),
        },
    }
}

/// Checks a configured limit (`Limits`) for this request's key, at the app's time.
pub async fn check(state: &AppState, bucket: Bucket, key: &str) -> Result<(), ApiError> {
    match state.config.rate_limits.of(bucket) {
        Some(limit) => {
            state
                .rate_limits
                .check(bucket, key, limit, state.clock.now())
                .await
        }
        None => Err(ApiError::internal(format!(
            "no configured limit for {}",
            bucket.as_str()
        ))),
    }
}

/// Forgets idle keys once a minute, so the store holds only keys in use.
pub async fn prune_periodically(state: web::Data<AppState>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        match state.rate_limits.prune(state.clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(keys = n, "idle rate-limit keys forgotten"),
            Err(e) => tracing::warn!(error = %e, "rate-limit pruning failed; next minute"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_parse_with_units() {
        assert_eq!(Limit::parse("30/5m"), Some(Limit::new(30, 300)));
        assert_eq!(Limit::parse(" 10 / 1h "), Some(Limit::new(10, 3600)));
        assert_eq!(Limit::parse("120/60"), Some(Limit::new(120, 60)));
        assert_eq!(Limit::parse("120/60s"), Some(Limit::new(120, 60)));
        for bad in ["", "30", "0/1m", "30/0", "x/1m", "30/1d", "30/m", "-1/1m"] {
            assert_eq!(Limit::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ipv6_clients_are_limited_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(ip_key(a), ip_key(b));
        assert_ne!(ip_key(a), ip_key(c));
        assert_eq!(ip_key("::ffff:10.0.0.1".parse().unwrap()), "10.0.0.1");
    }

    #[test]
    fn stored_keys_are_fixed_length_digests() {
        let long = "x".repeat(10_000);
        assert_eq!(stored_key(&long).len(), 32);
        assert_ne!(stored_key("a@example.jp"), stored_key("b@example.jp"));
        assert!(!stored_key("a@example.jp").contains('@'));
    }
}
