//! Recommendations both ways, each with a score and its reasons.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use kakehashi_shared::search::Reason;

use super::engine::SearchEngine;
use super::score::{points, rotation, score, NewSide};

/// One recommended record: its id, score and reasons.
pub type Scored = (i64, i32, Vec<Reason>);

/// Keeps the best `limit` by (score, daily rotation) without sorting everything.
fn top(limit: usize, scored: impl Iterator<Item = (i32, u64, i64)>) -> Vec<i64> {
    let mut heap = BinaryHeap::with_capacity(limit + 1);
    for (s, r, id) in scored {
        heap.push(Reverse((s, r, id)));
        if heap.len() > limit {
            heap.pop();
        }
    }
    let mut best: Vec<(i32, u64, i64)> = heap.into_iter().map(|Reverse(x)| x).collect();
    best.sort_by(|a, b| b.cmp(a));
    best.into_iter().map(|(_, _, id)| id).collect()
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
        self.with_stores(|projects, talents| {
            let Some(talent) = talents.get(&talent_id) else {
                return Vec::new();
            };
            let tax = &self.taxonomy;
            let best = top(
                limit,
                projects
                    .values()
                    .filter(|p| p.is_open(now) && !exclude.contains(&p.id))
                    .map(|p| {
                        (
                            points(p, talent, tax, now, NewSide::Project),
                            rotation(p.id, now),
                            p.id,
                        )
                    }),
            );
            best.into_iter()
                .filter_map(|id| {
                    projects.get(&id).map(|p| {
                        let (s, reasons) = score(p, talent, tax, now, NewSide::Project);
                        (id, s, reasons)
                    })
                })
                .collect()
        })
    }

    /// Discoverable talent with free hours for a project, excluding those who applied. Only
    /// talent who share a skill or a challenge with the posting are scored (everyone when that
    /// leaves fewer than `limit`).
    pub fn recommend_talents(
        &self,
        project_id: i64,
        exclude: &HashSet<i64>,
        now: i64,
        limit: usize,
    ) -> Vec<Scored> {
        let project = self.with_stores(|projects, _| projects.get(&project_id).cloned());
        let Some(project) = project else {
            return Vec::new();
        };
        let candidates = self.candidates(&project, limit);
        self.with_stores(|_, talents| {
            let tax = &self.taxonomy;
            let eligible = |t: &&super::docs::TalentDoc| {
                t.discoverable && t.free_hours > 0 && !exclude.contains(&t.id)
            };
            let rank = |t: &super::docs::TalentDoc| {
                (
                    points(&project, t, tax, now, NewSide::Talent),
                    rotation(t.id, now),
                    t.id,
                )
            };
            let best = match &candidates {
                Some(ids) => top(
                    limit,
                    ids.iter()
                        .filter_map(|id| talents.get(id))
                        .filter(eligible)
                        .map(rank),
                ),
                None => top(limit, talents.values().filter(eligible).map(rank)),
            };
            best.into_iter()
                .filter_map(|id| {
                    talents.get(&id).map(|t| {
                        let (s, reasons) = score(&project, t, tax, now, NewSide::Talent);
                        (id, s, reasons)
                    })
                })
                .collect()
        })
    }
}
