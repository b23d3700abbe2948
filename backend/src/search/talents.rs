//! Talent search for companies and coordinators, over discoverable talent only.

use super::docs::TalentDoc;
use super::engine::SearchEngine;
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

fn keeps(d: &TalentDoc, q: &TalentQuery) -> bool {
    d.discoverable
        && q.prefecture
            .as_ref()
            .is_none_or(|p| d.residence.as_ref() == Some(p))
        && q.tie
            .as_ref()
            .is_none_or(|p| d.residence.as_ref() == Some(p) || d.ties.iter().any(|(t, _)| t == p))
        && q.skill
            .as_ref()
            .is_none_or(|s| d.skills.iter().any(|(c, _)| c == s))
        && q.challenge
            .as_ref()
            .is_none_or(|c| d.challenges.contains(c))
        && q.hours_min.is_none_or(|h| d.free_hours >= h)
        && q.fee_max.is_none_or(|f| d.fee <= f)
}

impl SearchEngine {
    pub fn search_talents(&self, q: &TalentQuery) -> Result<TalentHits, ApiError> {
        let text = match q.q.as_deref() {
            Some(text) => self.match_talents(text)?,
            None => None,
        };
        self.with_stores(|_, talents| {
            let mut hits: Vec<(&TalentDoc, f32)> = match &text {
                Some(matches) => matches
                    .iter()
                    .filter_map(|(id, s)| talents.get(id).map(|d| (d, *s)))
                    .collect(),
                None if q.q.as_deref().is_some_and(|s| !s.trim().is_empty()) => Vec::new(),
                None => talents.values().map(|d| (d, 0.0)).collect(),
            };
            hits.retain(|(d, _)| keeps(d, q));
            hits.sort_by(|(a, sa), (b, sb)| {
                sb.total_cmp(sa)
                    .then_with(|| b.updated_at.cmp(&a.updated_at))
                    .then_with(|| b.id.cmp(&a.id))
            });
            let total = hits.len();
            let end = (q.offset + q.limit).min(total);
            let ids = hits
                .get(q.offset..end)
                .unwrap_or_default()
                .iter()
                .map(|(d, _)| d.id)
                .collect();
            Ok(TalentHits {
                ids,
                total: total as u64,
                next_offset: (end < total).then_some(end),
            })
        })
    }
}
