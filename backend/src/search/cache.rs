//! Answers of public project searches, kept until the index changes or a few seconds pass.
//! The same searches come again and again (a prefecture's page, the top page, a widget), and
//! an answer is the same for every visitor, so a repeated one costs a map lookup.

use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::web::Bytes;

/// An answer is kept at most this long: windows close with time, not only with writes.
const SECONDS: i64 = 10;
/// At most this many answers; when full, new ones are not kept until the next change.
const MAX_PAGES: usize = 2_000;

#[derive(Default)]
struct Pages {
    generation: u64,
    bucket: i64,
    bodies: HashMap<String, Bytes>,
}

#[derive(Default)]
pub struct PageCache(Mutex<Pages>);

impl PageCache {
    fn pages(&self, generation: u64, now: i64) -> std::sync::MutexGuard<'_, Pages> {
        let mut pages = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let bucket = now.div_euclid(SECONDS);
        if pages.generation != generation || pages.bucket != bucket {
            pages.bodies.clear();
            pages.generation = generation;
            pages.bucket = bucket;
        }
        pages
    }

    /// The answer to `key` computed at index `generation` within the current few seconds.
    pub fn get(&self, key: &str, generation: u64, now: i64) -> Option<Bytes> {
        self.pages(generation, now).bodies.get(key).cloned()
    }

    /// Keeps an answer computed at `generation` (read before the search began, so an answer
    /// that raced a change is never served as current).
    pub fn put(&self, key: String, generation: u64, now: i64, body: Bytes) {
        let mut pages = self.pages(generation, now);
        if pages.generation == generation && pages.bodies.len() < MAX_PAGES {
            pages.bodies.insert(key, body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_or_time_forgets_every_answer() {
        let cache = PageCache::default();
        cache.put("q".into(), 1, 100, Bytes::from_static(b"a"));
        assert_eq!(cache.get("q", 1, 105), Some(Bytes::from_static(b"a")));
        assert_eq!(cache.get("q", 2, 105), None, "the index changed");
        cache.put("q".into(), 2, 105, Bytes::from_static(b"b"));
        assert_eq!(cache.get("q", 2, 111), None, "ten seconds passed");
    }
}
