//! Sending webhook deliveries: signing, the address guard against server-side request forgery,
//! and the worker's core, `deliver_due`, which claims due deliveries, POSTs them and records
//! the outcome. Nothing here runs inside a request: events wait in the outbox
//! (`webhook_deliveries`) until a worker takes them.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use diesel::Connection;
use futures_util::StreamExt;
use hmac::{Hmac, Mac};
use kakehashi_shared::webhook::{DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER};
use sha2::Sha256;

use crate::db::Db;
use crate::error::ApiError;
use crate::repositories::webhooks::{self as repo, AttemptResult, DueDelivery};
use crate::repositories::{from_db_time, to_db_time};

/// A worker holds a delivery this long (or twice the timeout, if longer); a crashed worker's
/// claim lapses after it.
pub const CLAIM_SECONDS: i64 = 60;
/// Deliveries are retried until this long after they were queued, then given up.
pub const GIVE_UP_AFTER_HOURS: i64 = 24;
/// The first retry waits this long; each further one twice as long as the one before ...
pub const FIRST_RETRY_SECONDS: i64 = 30;
/// ... up to this.
pub const MAX_RETRY_SECONDS: i64 = 3600;
/// Deliveries sent at once by one worker, and the most one pass takes. A pass is one round,
/// all started together, so every claim is made at the pass's `now` and outlives its attempt;
/// a longer pass would claim late rows with a `now` already past, and their claims could lapse
/// while they are being sent.
pub const CONCURRENCY: usize = 8;
/// Error texts kept in the log are cut here.
const ERROR_MAX: usize = 300;

/// How the worker sends.
#[derive(Debug, Clone)]
pub struct Sender {
    /// Per attempt, from connecting to the end of the answer (10 s in production).
    pub timeout: Duration,
    /// `KAKEHASHI_WEBHOOK_ALLOW_PRIVATE`: allow `http://` and private or loopback targets.
    pub allow_private: bool,
}

/// The wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, 4 min, ... 1 h.
pub fn retry_delay(attempts: i32) -> chrono::Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(20);
    chrono::Duration::seconds((FIRST_RETRY_SECONDS << exponent).min(MAX_RETRY_SECONDS))
}

/// `Kakehashi-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "{t}.{body}">`.
pub fn signature_header(secret: &str, timestamp: i64, body: &str) -> String {
    format!("t={timestamp},v1={}", sign(secret, timestamp, body))
}

/// Hex HMAC-SHA256 of `"{timestamp}.{body}"` keyed with the secret (its text, as shown).
pub fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Why a target was refused. `code` is the field error's rule code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub code: &'static str,
    pub message: String,
}

impl Refused {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn into_field_error(self) -> ApiError {
        ApiError::field("url", self.code, self.message)
    }
}

/// A checked target: the URL and the address to connect to (the one that was checked).
#[derive(Debug, Clone)]
pub struct Target {
    pub url: reqwest::Url,
    /// The host name to pin to `addrs` (`None` for an IP literal, which needs no lookup).
    pub domain: Option<String>,
    /// Every address the name resolved to, all checked; the connection tries them in turn.
    pub addrs: Vec<SocketAddr>,
}

/// Checks a target URL: `https://` (or `http://` when allowed), and every address its host
/// resolves to public (unless private targets are allowed). Blocking: it resolves names.
pub fn check_target(url: &str, allow_private: bool) -> Result<Target, Refused> {
    let url = reqwest::Url::parse(url.trim())
        .map_err(|e| Refused::new("invalid_format", format!("not a URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_private => {}
        "http" => {
            return Err(Refused::new(
                "insecure_scheme",
                "must be an https:// address",
            ))
        }
        _ => {
            return Err(Refused::new(
                "invalid_format",
                "must be an https:// address",
            ))
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refused::new(
            "invalid_format",
            "must not carry a user name or password",
        ));
    }
    let port = url
        .port_or_known_default()
        .ok_or_else(|| Refused::new("invalid_format", "has no port"))?;
    let host = url
        .host_str()
        .ok_or_else(|| Refused::new("invalid_format", "has no host"))?;
    // IPv6 literals come bracketed ("[::1]").
    let literal = host.trim_start_matches('[').trim_end_matches(']');
    let (domain, addrs): (Option<String>, Vec<SocketAddr>) = match literal.parse::<IpAddr>() {
        Ok(ip) => (None, vec![SocketAddr::new(ip, port)]),
        Err(_) => {
            let addrs: Vec<SocketAddr> = (host, port)
                .to_socket_addrs()
                .map_err(|e| Refused::new("unresolvable", format!("{host} does not resolve: {e}")))?
                .collect();
            (Some(host.to_owned()), addrs)
        }
    };
    if addrs.is_empty() {
        return Err(Refused::new("unresolvable", "the host has no address"));
    }
    if !allow_private {
        // Every address, not just the first: a name with one public and one private address
        // could otherwise reach the private one on another attempt.
        if let Some(bad) = addrs.iter().find(|a| !is_public(a.ip())) {
            return Err(Refused::new(
                "private_address",
                format!(
                    "resolves to {}, a private, loopback or reserved address; webhooks go to public addresses only",
                    bad.ip()
                ),
            ));
        }
    }
    Ok(Target { url, domain, addrs })
}

/// Whether an address is on the public internet: not loopback, private (RFC 1918, ULA),
/// link-local, unspecified, multicast, broadcast, shared (CGNAT), documentation,
/// benchmarking or reserved, including IPv4 addresses embedded in IPv6 ones.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || a == 0 // "this network"
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides.
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return is_public_v4(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    if s[0] == 0x2002 {
        return is_public_v4(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        ));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local (ULA)
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || s[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible (deprecated) and the rest of ::/96
}

/// The delivery log keeps a delivery this long after it was queued (it is settled within a
/// day: delivered or given up).
pub const KEEP_DAYS: i64 = 30;

/// Deletes deliveries queued more than 30 days before `now`, with their attempts, so the
/// outbox does not grow without end. Returns how many went.
pub async fn prune(db: &Db, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let before = to_db_time(now - chrono::Duration::days(KEEP_DAYS));
    db.write(move |c| {
        c.transaction(|c| {
            let ids = repo::prunable(c, before)?;
            let mut removed = 0;
            // Bounded IN lists (SQLite limits bound parameters).
            for chunk in ids.chunks(500) {
                removed += repo::delete_deliveries(c, chunk)?;
            }
            Ok(removed)
        })
    })
    .await
}

/// What a pass of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub delivered: usize,
    pub failed: usize,
    /// Claimed by another worker first.
    pub skipped: usize,
}

enum Outcome {
    Delivered,
    Failed,
    Skipped,
}

/// Sends up to 8 deliveries due at `now`, at once; callers run passes until one finds nothing
/// (`Pass::default()`). Each is claimed first with a conditional update, so workers in several
/// instances (or threads) racing over the same outbox send each delivery once in normal
/// operation; a worker that dies holding one loses it after a minute, and it is sent again
/// (at least once).
pub async fn deliver_due(db: &Db, sender: &Sender, now: DateTime<Utc>) -> Result<Pass, ApiError> {
    let due = db
        .run(move |c| Ok(repo::due(c, to_db_time(now), CONCURRENCY as i64)?))
        .await?;
    let outcomes: Vec<Result<Outcome, ApiError>> = futures_util::stream::iter(due)
        .map(|d| deliver_one(db, sender, d, now))
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let mut pass = Pass::default();
    for outcome in outcomes {
        match outcome? {
            Outcome::Delivered => pass.delivered += 1,
            Outcome::Failed => pass.failed += 1,
            Outcome::Skipped => pass.skipped += 1,
        }
    }
    Ok(pass)
}

async fn deliver_one(
    db: &Db,
    sender: &Sender,
    d: DueDelivery,
    now: DateTime<Utc>,
) -> Result<Outcome, ApiError> {
    let id = d.id;
    // Held well past the attempt's timeout, so a slow attempt is never taken over mid-way.
    let hold = chrono::Duration::seconds(CLAIM_SECONDS).max(
        chrono::Duration::from_std(sender.timeout * 2)
            .unwrap_or(chrono::Duration::seconds(CLAIM_SECONDS)),
    );
    let until = now + hold;
    let claimed = db
        .write(move |c| Ok(repo::claim(c, id, to_db_time(now), to_db_time(until))?))
        .await?;
    if !claimed {
        return Ok(Outcome::Skipped);
    }
    let started = Instant::now();
    let result = send(sender, &d, now).await;
    let duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let (status_code, error) = match result {
        Ok(status) if (200..300).contains(&status) => (Some(i32::from(status)), None),
        Ok(status) if (300..400).contains(&status) => (
            Some(i32::from(status)),
            Some(format!("HTTP {status}: redirects are not followed")),
        ),
        Ok(status) => (Some(i32::from(status)), Some(format!("HTTP {status}"))),
        Err(e) => (None, Some(e)),
    };
    let delivered = error.is_none();
    let attempts = d.attempts + 1;
    let deadline = from_db_time(d.created_at) + chrono::Duration::hours(GIVE_UP_AFTER_HOURS);
    let next = now + retry_delay(attempts);
    let given_up = !delivered && next > deadline;
    if let Some(e) = &error {
        tracing::warn!(delivery = id, attempts, given_up, error = %e, "webhook not delivered");
    }
    let error: Option<String> = error.map(|e| e.chars().take(ERROR_MAX).collect());
    db.write(move |c| {
        c.transaction(|c| {
            repo::record_attempt(
                c,
                &AttemptResult {
                    delivery_id: id,
                    attempted_at: to_db_time(now),
                    status_code,
                    error: error.as_deref(),
                    duration_ms,
                    delivered,
                    next_attempt_at: (!delivered && !given_up).then(|| to_db_time(next)),
                    given_up,
                },
            )
        })
        .map_err(ApiError::from)
    })
    .await?;
    Ok(if delivered {
        Outcome::Delivered
    } else {
        Outcome::Failed
    })
}

/// One POST. The target is checked again here (an address may have changed since the
/// subscription was made), and the connection goes to the address that was checked, so a
/// name that resolves differently a moment later (DNS rebinding) cannot redirect it.
async fn send(sender: &Sender, d: &DueDelivery, now: DateTime<Utc>) -> Result<u16, String> {
    let url = d.url.clone();
    let allow_private = sender.allow_private;
    let target = actix_web::web::block(move || check_target(&url, allow_private))
        .await
        .map_err(|e| format!("address check failed: {e}"))?
        .map_err(|r| format!("refused: {}", r.message))?;
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(sender.timeout)
        .connect_timeout(sender.timeout)
        .user_agent("Kakehashi-Webhooks/1");
    if let Some(domain) = &target.domain {
        builder = builder.resolve_to_addrs(domain, &target.addrs);
    }
    let client = builder.build().map_err(|e| format!("client: {e}"))?;
    let timestamp = now.timestamp();
    let response = client
        .post(target.url)
        .header("content-type", "application/json")
        .header(
            SIGNATURE_HEADER,
            signature_header(&d.secret, timestamp, &d.payload),
        )
        .header(EVENT_HEADER, &d.event_type)
        .header(DELIVERY_HEADER, &d.event_id)
        .body(d.payload.clone())
        .send()
        .await
        .map_err(|e| {
            if e.is_timeout() {
                format!("timed out after {} ms", sender.timeout.as_millis())
            } else if e.is_connect() {
                format!("could not connect: {e}")
            } else {
                e.to_string()
            }
        })?;
    Ok(response.status().as_u16())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }

    #[test]
    fn private_and_reserved_addresses_are_not_public() {
        for s in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2002:a00:1::",
        ] {
            assert!(!is_public(ip(s)), "{s} should be refused");
        }
        for s in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "133.242.0.1"] {
            assert!(is_public(ip(s)), "{s} should be allowed");
        }
    }

    #[test]
    fn retries_back_off_exponentially_up_to_an_hour() {
        let secs: Vec<i64> = (1..=9).map(|n| retry_delay(n).num_seconds()).collect();
        assert_eq!(secs, vec![30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }

    #[test]
    fn signature_is_hmac_sha256_of_timestamp_dot_body() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assert_eq!(
            signature_header("whsec_test", 1_700_000_000, r#"{"a":1}"#),
            "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789"
        );
    }

    #[test]
    fn targets_must_be_https_and_public() {
        let code = |u: &str, allow: bool| check_target(u, allow).err().map(|r| r.code);
        assert_eq!(
            code("http://93.184.216.34/hook", false),
            Some("insecure_scheme")
        );
        assert_eq!(
            code("https://127.0.0.1/hook", false),
            Some("private_address")
        );
        assert_eq!(code("https://[::1]/hook", false), Some("private_address"));
        assert_eq!(
            code("https://localhost/hook", false),
            Some("private_address")
        );
        assert_eq!(code("ftp://example.com/", false), Some("invalid_format"));
        assert_eq!(
            code("https://u:p@93.184.216.34/", false),
            Some("invalid_format")
        );
        assert_eq!(code("https://93.184.216.34/hook", false), None);
        assert_eq!(code("http://127.0.0.1:9/hook", true), None);
    }
}
