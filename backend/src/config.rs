//! Server settings, read from the environment (12-factor), with local defaults.

use std::path::PathBuf;

use crate::db::DatabaseUrl;

/// Largest JSON body accepted; larger requests get 413 before they are read.
pub const DEFAULT_BODY_LIMIT: usize = 256 * 1024;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    /// Where the built Yew app is served from.
    pub static_dir: PathBuf,
    /// Where local state lives (the generated JWT secret when none is configured).
    pub data_dir: PathBuf,
    /// `KAKEHASHI_JWT_SECRET`; when absent, a secret generated once in `data_dir`.
    pub jwt_secret: Option<String>,
    /// Origins allowed by CORS (`KAKEHASHI_CORS_ORIGINS`, comma-separated); empty = CORS off.
    pub cors_origins: Vec<String>,
    pub body_limit: usize,
    pub pool_size: u32,
    /// `KAKEHASHI_SMTP_URL` (e.g. `smtps://user:pass@mail.example:465`); without it email
    /// stays in the outbox, where admins can read it.
    pub smtp_url: Option<String>,
    /// `KAKEHASHI_MAIL_FROM`.
    pub mail_from: String,
    /// `KAKEHASHI_SEARCH_CACHE=off` turns off reusing public search answers (for measuring
    /// the search itself).
    pub search_cache: bool,
    // Webhooks.
    /// `KAKEHASHI_WEBHOOK_ALLOW_PRIVATE=1` allows `http://` and loopback or private webhook
    /// targets: for development and the tests only, never in production (it opens the server
    /// to request forgery against its own network).
    pub webhook_allow_private: bool,
    /// `KAKEHASHI_WEBHOOK_TIMEOUT_MS`: how long one delivery attempt may take (10 s).
    pub webhook_timeout: std::time::Duration,
    // Rate limits and client addresses.
    /// `KAKEHASHI_TRUSTED_PROXIES`: the reverse proxies (addresses or CIDR networks,
    /// comma-separated) whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed; none by
    /// default, so the TCP peer is the client (see `client_addr`).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// `KAKEHASHI_LIMIT_*`: the limits on sign-in, registration, search, applying and
    /// messages (see `rate_limit::Limits`).
    pub rate_limits: crate::rate_limit::Limits,
}

impl Config {
    /// Reads the environment; `database_url` comes from the caller (CLI flag or env).
    pub fn from_env(database_url: &str) -> Result<Self, String> {
        let database_url = DatabaseUrl::parse(database_url)?;
        let data_dir = std::env::var_os("KAKEHASHI_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| database_url.sqlite_dir().map(PathBuf::from))
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("data"));
        let cors_origins = std::env::var("KAKEHASHI_CORS_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let pool_size = match std::env::var("KAKEHASHI_DB_POOL_SIZE") {
            Ok(v) => v
                .parse()
                .map_err(|_| format!("KAKEHASHI_DB_POOL_SIZE must be a number, got {v:?}"))?,
            Err(_) => 16,
        };
        // Webhooks.
        let webhook_timeout = match std::env::var("KAKEHASHI_WEBHOOK_TIMEOUT_MS") {
            Ok(v) => std::time::Duration::from_millis(v.parse().map_err(|_| {
                format!("KAKEHASHI_WEBHOOK_TIMEOUT_MS must be a number, got {v:?}")
            })?),
            Err(_) => std::time::Duration::from_secs(10),
        };
        // Rate limits and client addresses.
        let trusted_proxies = crate::client_addr::parse_trusted_proxies(
            &std::env::var("KAKEHASHI_TRUSTED_PROXIES").unwrap_or_default(),
        )?;
        Ok(Self {
            database_url,
            static_dir: std::env::var_os("KAKEHASHI_STATIC_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("frontend/dist")),
            data_dir,
            jwt_secret: std::env::var("KAKEHASHI_JWT_SECRET")
                .ok()
                .filter(|s| !s.is_empty()),
            cors_origins,
            body_limit: DEFAULT_BODY_LIMIT,
            pool_size,
            smtp_url: std::env::var("KAKEHASHI_SMTP_URL")
                .ok()
                .filter(|s| !s.is_empty()),
            mail_from: std::env::var("KAKEHASHI_MAIL_FROM")
                .ok()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "架け橋 <no-reply@kakehashi.example>".to_owned()),
            search_cache: !matches!(
                std::env::var("KAKEHASHI_SEARCH_CACHE").as_deref(),
                Ok("off" | "0" | "false")
            ),
            webhook_allow_private: matches!(
                std::env::var("KAKEHASHI_WEBHOOK_ALLOW_PRIVATE").as_deref(),
                Ok("1" | "true" | "yes")
            ),
            webhook_timeout,
            // Rate limits and client addresses.
            trusted_proxies,
            rate_limits: crate::rate_limit::Limits::from_env()?,
        })
    }
}
