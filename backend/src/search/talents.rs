//! Talent search for companies and coordinators, over discoverable talent only.

use super::docs::TalentDoc;
use super::engine::SearchEngine;
use super::page::page;
use super::taxonomy::Taxonomy;
use crate::error::ApiError;

#[derive(Debug, Clone, Default)]
pub struct TalentQuery {
    pub q: Option<String>,
    /// Lives in this prefecture.
    pub prefecture: Option<String>,
    /// Has a tie (hometown, lived there, fan) to this prefecture, or lives there.
    pub tie: Option<String>,
    pub skill: Option<String>,
    pub challenge: Option<String>,
    /// At least this many free hours a month.
    pub hours_min: Option<i32>,
    /// Wishes for at most this fee.
    pub fee_max: Option<i64>,
    pub offset: usize,
    pub limit: usize,
}

pub struct TalentHits {
    pub ids: Vec<i64>,
    pub total: u64,
    pub next_offset: Option<usize>,
}

/// The query's codes as interned numbers; `None` when a value is unknown (nothing matches).
struct Filter<'a> {
    q: &'a TalentQuery,
    prefecture: Option<u8>,
    tie: Option<u8>,
    skill: Option<u8>,
    challenge: Option<u8>,
}

impl<'a> Filter<'a> {
    fn new(q: &'a TalentQuery, tax: &Taxonomy) -> Option<Self> {
        fn resolve(
            value: &Option<String>,
            find: impl Fn(&str) -> Option<u8>,
        ) -> Option<Option<u8>> {
            match value.as_deref() {
                None => Some(None),
                Some(v) => find(v).map(Some),
            }
        }
        Some(Self {
            q,
            prefecture: resolve(&q.prefecture, |v| tax.prefectures.get(v))?,
            tie: resolve(&q.tie, |v| tax.prefectures.get(v))?,
            skill: resolve(&q.skill, |v| tax.skills.get(v))?,
            challenge: resolve(&q.challenge, |v| tax.challenges.get(v))?,
        })
    }

    fn keeps(&self, d: &TalentDoc) -> bool {
        d.discoverable
            && self
                .prefecture
                .is_none_or(|p| d.residence == p.saturating_add(1))
            && self.tie.is_none_or(|p| d.tied_to(p))
            && self.skill.is_none_or(|s| d.skills.contains(s))
            && self.challenge.is_none_or(|c| d.challenges.contains(c))
            && self
                .q
                .hours_min
                .is_none_or(|h| i32::from(d.free_hours) >= h)
            && self.q.fee_max.is_none_or(|f| i64::from(d.fee) <= f)
    }
}

impl SearchEngine {
    pub fn search_talents(&self, q: &TalentQuery) -> Result<TalentHits, ApiError> {
        let text = match q.q.as_deref() {
            Some(text) => self.match_talents(text)?,
            None => None,
        };
        let filter = Filter::new(q, &self.taxonomy);
        self.with_stores(|s| {
            let talents = &s.talents;
            let hits: Vec<(i64, &TalentDoc, f32)> = match (&filter, &text) {
                (None, _) => Vec::new(),
                (Some(f), Some(matches)) => matches
                    .iter()
                    .filter_map(|(id, score)| talents.get(*id).map(|d| (*id, d, *score)))
                    .filter(|(_, d, _)| f.keeps(d))
                    .collect(),
                (Some(_), None) if q.q.as_deref().is_some_and(|s| !s.trim().is_empty()) => {
                    Vec::new()
                }
                (Some(f), None) => talents
                    .iter()
                    .filter(|(_, d)| f.keeps(d))
                    .map(|(id, d)| (id, d, 0.0))
                    .collect(),
            };
            let order = |(ia, a, sa): &(i64, &TalentDoc, f32),
                         (ib, b, sb): &(i64, &TalentDoc, f32)| {
                sb.total_cmp(sa)
                    .then_with(|| b.updated_at.cmp(&a.updated_at))
                    .then_with(|| ib.cmp(ia))
            };
            let paged = page(hits, q.offset, q.limit, order);
            Ok(TalentHits {
                ids: paged.ids,
                total: paged.total,
                next_offset: paged.next_offset,
            })
        })
    }
}
