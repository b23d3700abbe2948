//! One page of search hits in a stable order, ordering only what that page needs.

use std::cmp::Ordering;

/// A page of ids and where the next one starts.
pub struct Paged {
    pub ids: Vec<i64>,
    pub total: u64,
    pub next_offset: Option<usize>,
}

/// The ids of `hits[offset..offset + limit]` once ordered by `order`. Only the hits up to the
/// end of the page are sorted (a selection puts them first), not every hit.
pub fn page<T>(
    mut hits: Vec<(i64, T, f32)>,
    offset: usize,
    limit: usize,
    order: impl Fn(&(i64, T, f32), &(i64, T, f32)) -> Ordering,
) -> Paged {
    let total = hits.len();
    // The offset is a client's cursor: saturate, as `usize::MAX` must page to nothing, not overflow.
    let end = offset.saturating_add(limit).min(total);
    if end > 0 && end < total {
        hits.select_nth_unstable_by(end - 1, &order);
        hits.truncate(end);
    }
    hits.sort_unstable_by(&order);
    let ids = hits
        .get(offset..end)
        .unwrap_or_default()
        .iter()
        .map(|(id, _, _)| *id)
        .collect();
    Paged {
        ids,
        total: total as u64,
        next_offset: (end < total).then_some(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_hit_once_in_order() {
        let hits = |n: i64| {
            (0..n)
                .map(|id| (id, (), (id % 7) as f32))
                .collect::<Vec<_>>()
        };
        let order =
            |a: &(i64, (), f32), b: &(i64, (), f32)| b.2.total_cmp(&a.2).then(b.0.cmp(&a.0));
        let mut all = hits(50);
        all.sort_by(order);
        let want: Vec<i64> = all.iter().map(|h| h.0).collect();
        let mut got = Vec::new();
        let mut offset = Some(0);
        while let Some(o) = offset {
            let p = page(hits(50), o, 20, order);
            assert_eq!(p.total, 50);
            got.extend(p.ids);
            offset = p.next_offset;
        }
        assert_eq!(got, want);
        assert!(page(hits(0), 0, 20, order).ids.is_empty());
    }

    /// `cursor=18446744073709551615` overflowed: a panic (500) in debug builds, a wrapped
    /// offset in release ones. The `search_query` fuzz target checks any cursor.
    #[test]
    fn a_cursor_past_the_end_is_an_empty_last_page() {
        let order = |a: &(i64, (), f32), b: &(i64, (), f32)| a.0.cmp(&b.0);
        let hits = || (0..5).map(|id| (id, (), 0.0)).collect::<Vec<_>>();
        for offset in [5, 6, usize::MAX - 20, usize::MAX] {
            let p = page(hits(), offset, 20, order);
            assert!(p.ids.is_empty());
            assert_eq!(p.total, 5);
            assert_eq!(p.next_offset, None);
        }
    }
}
