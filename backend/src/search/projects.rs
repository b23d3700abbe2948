//! Project search: text, filters, facet counts, sorting and cursor pagination over the
//! published postings whose recruitment window is open.

use std::collections::HashMap;

use kakehashi_shared::enums::ContractType;
use kakehashi_shared::search::{FacetCount, ProjectFacets};

use super::docs::ProjectDoc;
use super::engine::{fee_band, hours_band, SearchEngine};
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSort {
    /// Best text match first (newest first without `q`).
    #[default]
    Relevance,
    Newest,
    /// Highest fee first.
    Fee,
    /// Closing soonest first.
    Deadline,
}

/// A validated search.
#[derive(Debug, Clone, Default)]
pub struct ProjectQuery {
    pub q: Option<String>,
    pub prefecture: Option<String>,
    pub region: Option<String>,
    /// A challenge code or a challenge group code.
    pub challenge: Option<String>,
    pub industry: Option<String>,
    pub contract_type: Option<ContractType>,
    pub remote: Option<bool>,
    pub fee_min: Option<i64>,
    pub fee_max: Option<i64>,
    pub hours_max: Option<i32>,
    pub sort: ProjectSort,
    pub offset: usize,
    pub limit: usize,
}

pub struct ProjectHits {
    pub ids: Vec<i64>,
    pub total: u64,
    pub facets: ProjectFacets,
    pub next_offset: Option<usize>,
}

fn keeps(d: &ProjectDoc, q: &ProjectQuery, now: i64) -> bool {
    d.is_open(now)
        && q.prefecture.as_ref().is_none_or(|p| *p == d.prefecture)
        && q.region.as_ref().is_none_or(|r| *r == d.region)
        && q.challenge
            .as_ref()
            .is_none_or(|c| d.challenges.contains(c) || d.challenge_groups.contains(c))
        && q.industry.as_ref().is_none_or(|i| *i == d.industry)
        && q.contract_type.is_none_or(|t| d.contract_type == Some(t))
        && q.remote.is_none_or(|r| r == d.remote)
        && q.fee_min.is_none_or(|f| d.fee >= f)
        && q.fee_max.is_none_or(|f| d.fee <= f)
        && q.hours_max.is_none_or(|h| d.hours <= h)
}

fn count(map: &mut HashMap<String, u64>, key: &str) {
    *map.entry(key.to_owned()).or_insert(0) += 1;
}

fn sorted(map: HashMap<String, u64>) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = map
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v
}

impl SearchEngine {
    pub fn search_projects(&self, q: &ProjectQuery, now: i64) -> Result<ProjectHits, ApiError> {
        let text = match q.q.as_deref() {
            Some(text) => self.match_projects(text)?,
            None => None,
        };
        self.with_stores(|projects, _| {
            let mut hits: Vec<(&ProjectDoc, f32)> = match &text {
                Some(matches) => matches.iter().filter_map(|(id, score)| projects.get(id).map(|d| (d, *score))).collect(),
                None if q.q.as_deref().is_some_and(|s| !s.trim().is_empty()) => Vec::new(),
                None => projects.values().map(|d| (d, 0.0)).collect(),
            };
            hits.retain(|(d, _)| keeps(d, q, now));
            let mut f: [HashMap<String, u64>; 8] = Default::default();
            for (d, _) in &hits {
                count(&mut f[0], &d.prefecture);
                count(&mut f[1], &d.region);
                for g in &d.challenge_groups {
                    count(&mut f[2], g);
                }
                count(&mut f[3], &d.industry);
                if let Some(t) = d.contract_type {
                    count(&mut f[4], t.as_str());
                }
                count(&mut f[5], if d.remote { "true" } else { "false" });
                count(&mut f[6], fee_band(d.fee));
                count(&mut f[7], hours_band(d.hours));
            }
            let [prefecture, region, challenge_group, industry, contract_type, remote, fee_band, hours_band] = f;
            let facets = ProjectFacets {
                prefecture: sorted(prefecture),
                region: sorted(region),
                challenge_group: sorted(challenge_group),
                industry: sorted(industry),
                contract_type: sorted(contract_type),
                remote: sorted(remote),
                fee_band: sorted(fee_band),
                hours_band: sorted(hours_band),
            };
            let by_relevance = q.sort == ProjectSort::Relevance && text.is_some();
            hits.sort_by(|(a, sa), (b, sb)| {
                let primary = match q.sort {
                    _ if by_relevance => sb.total_cmp(sa),
                    ProjectSort::Relevance | ProjectSort::Newest => b.published_at.cmp(&a.published_at),
                    ProjectSort::Fee => b.fee.cmp(&a.fee),
                    ProjectSort::Deadline => a.closes_at.cmp(&b.closes_at),
                };
                // A stable order for equal keys, so pages never overlap.
                primary.then_with(|| b.id.cmp(&a.id))
            });
            let total = hits.len();
            let end = (q.offset + q.limit).min(total);
            let ids = hits.get(q.offset..end).unwrap_or_default().iter().map(|(d, _)| d.id).collect();
            Ok(ProjectHits { ids, total: total as u64, facets, next_offset: (end < total).then_some(end) })
        })
    }
}
