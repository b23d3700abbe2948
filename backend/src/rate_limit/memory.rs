//! The store for SQLite: a map in this process. SQLite is one file on one host, so a SQLite
//! deployment is one instance and its memory is the whole service's; keeping the counters off
//! the database also spares SQLite's single writer a write on every search.

use std::collections::HashMap;
use std::sync::Mutex;

use super::gcra::{self, Tat};
use super::{Bucket, Limit};

/// Past this many keys, a request first drops the idle ones (the periodic prune usually has).
const PRUNE_AT: usize = 100_000;

#[derive(Default)]
pub struct MemoryStore {
    states: Mutex<HashMap<(Bucket, String), Tat>>,
}

impl MemoryStore {
    pub fn take(&self, bucket: Bucket, key: String, limit: Limit, now: i64) -> Result<(), u64> {
        let mut states = self.lock();
        if states.len() >= PRUNE_AT {
            states.retain(|_, tat| *tat > now);
        }
        let entry = states.entry((bucket, key));
        let current = match &entry {
            std::collections::hash_map::Entry::Occupied(o) => Some(*o.get()),
            std::collections::hash_map::Entry::Vacant(_) => None,
        };
        let next = gcra::take(current, now, limit)?;
        *entry.or_insert(next) = next;
        Ok(())
    }

    pub fn reset(&self, bucket: Bucket, key: &str) {
        self.lock().remove(&(bucket, key.to_owned()));
    }

    /// Drops keys whose allowance is whole again (forgetting them changes nothing).
    pub fn prune(&self, now: i64) -> usize {
        let mut states = self.lock();
        let before = states.len();
        states.retain(|_, tat| *tat > now);
        before - states.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Bucket, String), Tat>> {
        // A panic elsewhere while holding the lock leaves consistent data: keep going.
        self.states
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
