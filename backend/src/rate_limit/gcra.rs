//! The one rule both stores apply: GCRA (the generic cell rate algorithm, a leaky bucket
//! kept as a single time per key).
//!
//! A limit of `max` requests per `window` lets `max` through at once, then hands the spent
//! allowance back evenly, one request every `window / max`. Compared with fixed windows there
//! is no double burst at a window's edge and `Retry-After` is the real wait for the next
//! request, not the end of a window; compared with a log of requests the state is one number.
//! The database store runs the same arithmetic in SQL (`database.rs`), so SQLite and
//! PostgreSQL behave alike and the same tests cover both.

use super::Limit;

/// The "theoretical arrival time" in microseconds since the Unix epoch: the key is idle again
/// (its whole allowance back) from this instant on.
pub type Tat = i64;

/// The spacing between requests once the burst is spent, in microseconds (at least 1).
pub fn emission_interval(limit: Limit) -> i64 {
    (window_micros(limit) / i64::from(limit.max.max(1))).max(1)
}

pub fn window_micros(limit: Limit) -> i64 {
    i64::try_from(limit.window.as_micros()).unwrap_or(i64::MAX / 4)
}

/// Takes one request at `now` from a key whose state is `tat` (none: never seen, or pruned).
/// `Ok` carries the state to store; `Err` the whole seconds to wait (at least 1).
pub fn take(tat: Option<Tat>, now: i64, limit: Limit) -> Result<Tat, u64> {
    let next = tat.unwrap_or(now).max(now) + emission_interval(limit);
    let wait = next - window_micros(limit) - now;
    if wait <= 0 {
        Ok(next)
    } else {
        Err(whole_seconds(wait))
    }
}

/// Rounded up, and at least one: `Retry-After: 0` invites a busy loop.
pub fn whole_seconds(micros: i64) -> u64 {
    let secs = (micros.max(0) + 999_999) / 1_000_000;
    u64::try_from(secs).unwrap_or(u64::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    const SEC: i64 = 1_000_000;

    fn limit(max: u32, secs: u64) -> Limit {
        Limit {
            max,
            window: Duration::from_secs(secs),
        }
    }

    #[test]
    fn a_burst_of_max_then_one_per_interval() {
        let l = limit(2, 60);
        let t = take(None, 0, l).unwrap();
        let t = take(Some(t), 0, l).unwrap();
        // Two a minute hand one back every 30 s.
        assert_eq!(take(Some(t), 0, l), Err(30));
        assert_eq!(take(Some(t), 29 * SEC, l), Err(1));
        let t = take(Some(t), 30 * SEC, l).unwrap();
        assert_eq!(take(Some(t), 30 * SEC, l), Err(30));
    }

    #[test]
    fn an_idle_key_gets_its_whole_allowance_back() {
        let l = limit(3, 60);
        let mut t = None;
        for _ in 0..3 {
            t = Some(take(t, 0, l).unwrap());
        }
        assert!(take(t, 0, l).is_err());
        let mut t2 = t;
        for _ in 0..3 {
            t2 = Some(take(t2, 60 * SEC, l).unwrap());
        }
        assert!(take(t2, 60 * SEC, l).is_err());
    }

    #[test]
    fn waits_are_whole_seconds_and_never_zero() {
        assert_eq!(whole_seconds(1), 1);
        assert_eq!(whole_seconds(0), 1);
        assert_eq!(whole_seconds(SEC), 1);
        assert_eq!(whole_seconds(SEC + 1), 2);
    }
}
