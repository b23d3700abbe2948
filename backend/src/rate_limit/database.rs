//! The store for PostgreSQL: one row per key in `rate_limits`, shared by every instance on the
//! database, so a client behind a load balancer gets one allowance, not one per instance.
//!
//! Each request is one statement (one round trip): an upsert that applies the GCRA step only
//! when the request conforms. `ON CONFLICT … DO UPDATE` locks the row, so concurrent requests
//! for one key, from any instance, are counted one after another and none is lost.

use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::gcra::{self, emission_interval, window_micros};
use super::{Bucket, Limit};
use crate::db::AnyConnection;
use crate::error::ApiError;

#[derive(QueryableByName)]
struct Outcome {
    /// The new state when the request was let through; NULL when refused.
    #[diesel(sql_type = Nullable<BigInt>)]
    taken: Option<i64>,
    /// The state before this request (for the wait when refused).
    #[diesel(sql_type = Nullable<BigInt>)]
    before: Option<i64>,
}

/// `$3` now, `$4` the emission interval, `$5` the window (all microseconds). The update's
/// `WHERE` is `gcra::take`'s test; a refused request changes nothing. The `before` CTE reads
/// the snapshot from before the upsert (PostgreSQL runs all parts of one statement on it).
const TAKE: &str = "WITH before AS (
    SELECT tat FROM rate_limits WHERE bucket = $1 AND key = $2
), taken AS (
    INSERT INTO rate_limits (bucket, key, tat) VALUES ($1, $2, $3 + $4)
    ON CONFLICT (bucket, key) DO UPDATE
        SET tat = GREATEST(rate_limits.tat, $3) + $4
        WHERE GREATEST(rate_limits.tat, $3) + $4 - $5 <= $3
    RETURNING tat
)
SELECT (SELECT tat FROM taken) AS taken, (SELECT tat FROM before) AS before";

/// Takes one request; `Ok(Err(wait))` when the key is over its limit.
pub fn take(
    conn: &mut AnyConnection,
    bucket: Bucket,
    key: &str,
    limit: Limit,
    now: i64,
) -> Result<Result<(), u64>, ApiError> {
    let interval = emission_interval(limit);
    let outcome: Outcome = diesel::sql_query(TAKE)
        .bind::<Text, _>(bucket.as_str())
        .bind::<Text, _>(key)
        .bind::<BigInt, _>(now)
        .bind::<BigInt, _>(interval)
        .bind::<BigInt, _>(window_micros(limit))
        .get_result(conn)?;
    Ok(match outcome {
        Outcome { taken: Some(_), .. } => Ok(()),
        // Refused: the wait is what `gcra::take` says for the state that refused it. Without
        // it (another instance created the row after our snapshot) one interval is the wait.
        Outcome { before, .. } => Err(before
            .and_then(|tat| gcra::take(Some(tat), now, limit).err())
            .unwrap_or_else(|| gcra::whole_seconds(interval))),
    })
}

pub fn reset(conn: &mut AnyConnection, bucket: Bucket, key: &str) -> Result<(), ApiError> {
    diesel::sql_query("DELETE FROM rate_limits WHERE bucket = $1 AND key = $2")
        .bind::<Text, _>(bucket.as_str())
        .bind::<Text, _>(key)
        .execute(conn)?;
    Ok(())
}

/// Removes keys whose allowance is whole again: a missing row means exactly that, so pruning
/// changes no answer. No index on `tat`: a scan a minute of the active keys is cheaper than
/// maintaining one on every request.
pub fn prune(conn: &mut AnyConnection, now: i64) -> Result<usize, ApiError> {
    Ok(diesel::sql_query("DELETE FROM rate_limits WHERE tat <= $1")
        .bind::<BigInt, _>(now)
        .execute(conn)?)
}
