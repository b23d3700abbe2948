//! Recommendations both ways, each with a score and its reasons. A recommendation reads every
//! eligible record in one pass over the flat records (no candidate sets to gather), keeping the
//! best few in a small heap. A record whose skill factors cannot lift it into a full list is
//! skipped before the other factors are computed; reasons are written only for those returned.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use kakehashi_shared::search::Reason;

use super::engine::SearchEngine;
use super::score::{points, rotation, score, upper_bound, NewSide};

/// One recommended record: its id, score and reasons.
pub type Scored = (i64, i32, Vec<Reason>);

/// The best `limit` offers by (score, daily rotation), without sorting everything.
struct Best {
    limit: usize,
    now: i64,
    heap: BinaryHeap<Reverse<(i32, u64, i64)>>,
}

impl Best {
    fn new(limit: usize, now: i64) -> Self {
        Self {
            limit,
            now,
            heap: BinaryHeap::with_capacity(limit + 1),
        }
    }

    /// The score a new entry must reach (`i32::MIN` while the list is not full).
    #[inline]
    fn floor(&self) -> i32 {
        if self.heap.len() < self.limit {
            return i32::MIN;
        }
        self.heap.peek().map_or(i32::MIN, |Reverse(min)| min.0)
    }

    /// Offers `id` with `points`; `admit` (an exclusion lookup) is asked only when the offer
    /// would enter the list, which is rare once the list is full.
    #[inline]
    fn offer(&mut self, points: i32, id: i64, admit: impl FnOnce(i64) -> bool) {
        if self.limit == 0 {
            return;
        }
        let full = self.heap.len() >= self.limit;
        if full && self.heap.peek().is_some_and(|Reverse(min)| points < min.0) {
            return;
        }
        let entry = (points, rotation(id, self.now), id);
        if full && self.heap.peek().is_some_and(|Reverse(min)| entry <= *min) {
            return;
        }
        if !admit(id) {
            return;
        }
        self.heap.push(Reverse(entry));
        if self.heap.len() > self.limit {
            self.heap.pop();
        }
    }

    /// Ids, best first.
    fn ids(self) -> Vec<i64> {
        let mut best: Vec<(i32, u64, i64)> = self.heap.into_iter().map(|Reverse(x)| x).collect();
        best.sort_by(|a, b| b.cmp(a));
        best.into_iter().map(|(_, _, id)| id).collect()
    }
}

impl SearchEngine {
    /// Open projects for a talent, excluding those already applied to.
    pub fn recommend_projects(
        &self,
        talent_id: i64,
        exclude: &HashSet<i64>,
        now: i64,
        limit: usize,
    ) -> Vec<Scored> {
        let tax = &self.taxonomy;
        self.with_stores(|s| {
            let Some(talent) = s.talents.get(talent_id) else {
                return Vec::new();
            };
            let mut best = Best::new(limit, now);
            for (id, p) in s.projects.iter() {
                if p.is_open(now) && upper_bound(p, talent) >= best.floor() {
                    let points = points(p, talent, tax, now, NewSide::Project);
                    best.offer(points, id, |id| !exclude.contains(&id));
                }
            }
            best.ids()
                .into_iter()
                .filter_map(|id| {
                    let p = s.projects.get(id)?;
                    let (points, reasons) = score(p, talent, tax, now, NewSide::Project);
                    Some((id, points, reasons))
                })
                .collect()
        })
    }

    /// The score and reasons of one talent for one published posting (an applicant's match).
    pub fn score_pair(
        &self,
        project_id: i64,
        talent_id: i64,
        now: i64,
    ) -> Option<(i32, Vec<Reason>)> {
        self.with_stores(|s| {
            let project = s.projects.get(project_id)?;
            let talent = s.talents.get(talent_id)?;
            Some(score(project, talent, &self.taxonomy, now, NewSide::Talent))
        })
    }

    /// Discoverable talent with free hours for a project, excluding those who applied.
    pub fn recommend_talents(
        &self,
        project_id: i64,
        exclude: &HashSet<i64>,
        now: i64,
        limit: usize,
    ) -> Vec<Scored> {
        let tax = &self.taxonomy;
        self.with_stores(|s| {
            let Some(project) = s.projects.get(project_id) else {
                return Vec::new();
            };
            let mut best = Best::new(limit, now);
            let ids = s.talents.ids();
            for (slot, t) in s.talents.rows().iter().enumerate() {
                // Most talent cannot reach a full list: a few popcounts rule them out, and
                // their ids are never read.
                if t.discoverable && t.free_hours > 0 && upper_bound(project, t) >= best.floor() {
                    let points = points(project, t, tax, now, NewSide::Talent);
                    best.offer(points, ids[slot], |id| !exclude.contains(&id));
                }
            }
            best.ids()
                .into_iter()
                .filter_map(|id| {
                    let t = s.talents.get(id)?;
                    let (points, reasons) = score(project, t, tax, now, NewSide::Talent);
                    Some((id, points, reasons))
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_keeps_the_top_and_asks_about_exclusions_only_for_entrants() {
        let mut best = Best::new(2, 0);
        let mut asked = Vec::new();
        for (points, id) in [(10, 1), (50, 2), (30, 3), (5, 4), (50, 5)] {
            best.offer(points, id, |id| {
                asked.push(id);
                id != 5
            });
        }
        assert_eq!(best.ids(), [2, 3]);
        assert!(!asked.contains(&4), "a low score is never looked up");
    }
}
