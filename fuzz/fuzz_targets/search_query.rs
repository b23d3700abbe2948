//! The catalogue search's untrusted inputs: the `q` text (normalised and cut into bigrams for
//! the index) and the `cursor` of the next page (an offset into the ranked hits). Neither may
//! panic, and the output stays bounded whatever is sent.
#![no_main]

use kakehashi::search::page::page;
use kakehashi::search::text::{normalize, query_bigrams, MAX_QUERY_CHARS};
use libfuzzer_sys::fuzz_target;

// The input is `q`, a newline and the cursor (plain text, so seeds are easy to write).
fuzz_target!(|input: &str| {
    let (q, cursor) = input.split_once('\n').unwrap_or((input, input));
    let grams = query_bigrams(q);
    // Only the first 200 characters count, so a long query costs no more than a short one.
    let cut: String = q.chars().take(MAX_QUERY_CHARS).collect();
    assert_eq!(grams, query_bigrams(&cut));
    // Never more bigrams than characters after normalising (NFKC may expand a few).
    assert!(grams.len() < normalize(&cut).chars().count().max(1));
    for (i, g) in grams.iter().enumerate() {
        assert_eq!(g.chars().count(), 2, "{g:?}");
        assert!(g.chars().all(char::is_alphanumeric), "{g:?}");
        assert!(!grams[..i].contains(g), "{g:?} twice");
    }

    // The cursor is parsed as the handler parses it, then pages through ranked hits.
    let Ok(offset) = cursor.parse::<usize>() else {
        return;
    };
    for (limit, total) in [(1, 0), (20, 5), (20, 45), (100, 250)] {
        let hits: Vec<(i64, (), f32)> = (0..total).map(|id| (id, (), (id % 7) as f32)).collect();
        let total = hits.len();
        let p = page(hits, offset, limit, |a, b| {
            b.2.total_cmp(&a.2).then(b.0.cmp(&a.0))
        });
        assert_eq!(p.total, total as u64);
        assert!(p.ids.len() <= limit);
        if let Some(next) = p.next_offset {
            assert!(next > offset && next < total);
        }
    }
});
