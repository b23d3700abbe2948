//! Project search: text, filters, facet counts, sorting and cursor pagination over the
//! published postings whose recruitment window is open.

use kakehashi_shared::enums::ContractType;
use kakehashi_shared::search::{FacetCount, ProjectFacets};

use super::docs::ProjectDoc;
use super::engine::{SearchEngine, FEE_BANDS, HOURS_BANDS};
use super::page::page;
use super::taxonomy::Taxonomy;
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

/// The query's filter values as interned numbers, resolved once per search.
struct Filter<'a> {
    q: &'a ProjectQuery,
    /// A filter value the taxonomy does not know: nothing matches.
    unknown: bool,
    prefecture: Option<u8>,
    region: Option<u8>,
    challenge: Option<u8>,
    challenge_group: Option<u8>,
    industry: Option<u8>,
}

impl<'a> Filter<'a> {
    fn new(q: &'a ProjectQuery, tax: &Taxonomy) -> Self {
        let mut unknown = false;
        let mut resolve = |value: &Option<String>, find: &dyn Fn(&str) -> Option<u8>| {
            value.as_deref().and_then(|v| {
                let found = find(v);
                unknown |= found.is_none();
                found
            })
        };
        let prefecture = resolve(&q.prefecture, &|v| tax.prefectures.get(v).map(|p| p + 1));
        let region = resolve(&q.region, &|v| tax.regions.get(v));
        let industry = resolve(&q.industry, &|v| tax.industries.get(v));
        let (challenge, challenge_group) = match q.challenge.as_deref() {
            None => (None, None),
            Some(c) => match (tax.challenges.get(c), tax.groups.get(c)) {
                (None, None) => {
                    unknown = true;
                    (None, None)
                }
                found => found,
            },
        };
        Self {
            q,
            unknown,
            prefecture,
            region,
            challenge,
            challenge_group,
            industry,
        }
    }

    fn keeps(&self, d: &ProjectDoc, now: i64) -> bool {
        let q = self.q;
        d.is_open(now)
            && self.prefecture.is_none_or(|p| p == d.prefecture)
            && self.region.is_none_or(|r| r == d.region)
            && (self.challenge.is_none() && self.challenge_group.is_none()
                || self.challenge.is_some_and(|c| d.challenges.contains(c))
                || self
                    .challenge_group
                    .is_some_and(|g| d.challenge_groups.contains(g)))
            && self.industry.is_none_or(|i| i == d.industry)
            && q.contract_type.is_none_or(|t| d.contract_type == Some(t))
            && q.remote.is_none_or(|r| r == d.remote)
            && q.fee_min.is_none_or(|f| i64::from(d.fee) >= f)
            && q.fee_max.is_none_or(|f| i64::from(d.fee) <= f)
            && q.hours_max.is_none_or(|h| i32::from(d.hours) <= h)
    }
}

/// Kinds of tag: a tag is `kind << 8 | value`, every value being a byte.
const PREFECTURE: u64 = 1;
const REGION: u64 = 2;
const INDUSTRY: u64 = 3;
const REMOTE: u64 = 4;
const GROUP: u64 = 5;
const CHALLENGE: u64 = 6;
const CONTRACT: u64 = 7;

fn tag(kind: u64, value: u8) -> u64 {
    kind << 8 | u64::from(value)
}

fn contract_index(t: ContractType) -> u8 {
    let i = ContractType::ALL.iter().position(|c| *c == t);
    i.and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

/// The tags a posting is indexed with in the text index, for the filters that are equalities.
pub fn tags(d: &ProjectDoc) -> Vec<u64> {
    let mut out = vec![
        tag(PREFECTURE, d.prefecture),
        tag(REGION, d.region),
        tag(INDUSTRY, d.industry),
        tag(REMOTE, u8::from(d.remote)),
    ];
    out.extend(d.challenge_groups.iter().map(|g| tag(GROUP, g)));
    out.extend(d.challenges.iter().map(|c| tag(CHALLENGE, c)));
    out.extend(d.contract_type.map(|t| tag(CONTRACT, contract_index(t))));
    out
}

impl Filter<'_> {
    /// The filters that are tags, for the text index to intersect with the words.
    fn tags(&self) -> Vec<u64> {
        let q = self.q;
        let mut out = Vec::new();
        out.extend(self.prefecture.map(|p| tag(PREFECTURE, p)));
        out.extend(self.region.map(|r| tag(REGION, r)));
        out.extend(self.industry.map(|i| tag(INDUSTRY, i)));
        out.extend(q.remote.map(|r| tag(REMOTE, u8::from(r))));
        out.extend(self.challenge.map(|c| tag(CHALLENGE, c)));
        out.extend(self.challenge_group.map(|g| tag(GROUP, g)));
        out.extend(q.contract_type.map(|t| tag(CONTRACT, contract_index(t))));
        out
    }
}

/// Facet counts in arrays indexed by interned number: no strings until the answer is written.
struct Counts {
    prefecture: Vec<u64>,
    region: Vec<u64>,
    challenge_group: Vec<u64>,
    industry: Vec<u64>,
    contract_type: Vec<u64>,
    remote: [u64; 2],
    fee_band: Vec<u64>,
    hours_band: Vec<u64>,
}

fn bump(counts: &mut [u64], i: usize) {
    if let Some(c) = counts.get_mut(i) {
        *c += 1;
    }
}

impl Counts {
    fn new(tax: &Taxonomy) -> Self {
        Self {
            prefecture: vec![0; tax.prefectures.len() + 1],
            region: vec![0; tax.regions.len()],
            challenge_group: vec![0; tax.groups.len()],
            industry: vec![0; tax.industries.len()],
            contract_type: vec![0; ContractType::ALL.len()],
            remote: [0; 2],
            fee_band: vec![0; FEE_BANDS.len()],
            hours_band: vec![0; HOURS_BANDS.len()],
        }
    }

    fn add(&mut self, d: &ProjectDoc) {
        bump(&mut self.prefecture, usize::from(d.prefecture));
        bump(&mut self.region, usize::from(d.region));
        for g in d.challenge_groups.iter() {
            bump(&mut self.challenge_group, usize::from(g));
        }
        bump(&mut self.industry, usize::from(d.industry));
        if let Some(t) = d.contract_type {
            bump(&mut self.contract_type, usize::from(contract_index(t)));
        }
        self.remote[usize::from(d.remote)] += 1;
        let fee = i64::from(d.fee);
        let i = FEE_BANDS
            .iter()
            .position(|(lo, hi, _)| *lo <= fee && fee < *hi);
        bump(&mut self.fee_band, i.unwrap_or(0));
        let hours = i32::from(d.hours);
        let i = HOURS_BANDS
            .iter()
            .position(|(lo, hi, _)| *lo <= hours && hours <= *hi);
        bump(&mut self.hours_band, i.unwrap_or(0));
    }

    fn facets(&self, tax: &Taxonomy) -> ProjectFacets {
        let u8_of = |i: usize| u8::try_from(i).unwrap_or(u8::MAX);
        ProjectFacets {
            prefecture: listed(&self.prefecture, |i| {
                tax.prefectures.code(u8_of(i).saturating_sub(1)).to_owned()
            }),
            region: listed(&self.region, |i| tax.regions.code(u8_of(i)).to_owned()),
            challenge_group: listed(&self.challenge_group, |i| {
                tax.groups.code(u8_of(i)).to_owned()
            }),
            industry: listed(&self.industry, |i| tax.industries.code(u8_of(i)).to_owned()),
            contract_type: listed(&self.contract_type, |i| {
                ContractType::ALL[i].as_str().to_owned()
            }),
            remote: listed(&self.remote, |i| (i == 1).to_string()),
            fee_band: listed(&self.fee_band, |i| FEE_BANDS[i].2.to_owned()),
            hours_band: listed(&self.hours_band, |i| HOURS_BANDS[i].2.to_owned()),
        }
    }
}

/// Non-zero counts, largest first (then by value, so the order is stable).
fn listed(counts: &[u64], value: impl Fn(usize) -> String) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| FacetCount {
            value: value(i),
            count: *c,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v
}

impl SearchEngine {
    pub fn search_projects(&self, q: &ProjectQuery, now: i64) -> Result<ProjectHits, ApiError> {
        let tax = &self.taxonomy;
        let filter = Filter::new(q, tax);
        let text = match q.q.as_deref() {
            Some(text) => self.match_projects(text, &filter.tags())?,
            None => None,
        };
        self.with_stores(|s| {
            let projects = &s.projects;
            let hits: Vec<(i64, &ProjectDoc, f32)> = match &text {
                _ if filter.unknown => Vec::new(),
                Some(matches) => matches
                    .iter()
                    .filter_map(|(id, score)| projects.get(*id).map(|d| (*id, d, *score)))
                    .filter(|(_, d, _)| filter.keeps(d, now))
                    .collect(),
                None if q.q.as_deref().is_some_and(|s| !s.trim().is_empty()) => Vec::new(),
                None => projects
                    .iter()
                    .filter(|(_, d)| filter.keeps(d, now))
                    .map(|(id, d)| (id, d, 0.0))
                    .collect(),
            };
            let mut counts = Counts::new(tax);
            for (_, d, _) in &hits {
                counts.add(d);
            }
            let by_relevance = q.sort == ProjectSort::Relevance && text.is_some();
            let order = |(ia, a, sa): &(i64, &ProjectDoc, f32),
                         (ib, b, sb): &(i64, &ProjectDoc, f32)| {
                let primary = match q.sort {
                    _ if by_relevance => sb.total_cmp(sa),
                    ProjectSort::Relevance | ProjectSort::Newest => {
                        b.published_at.cmp(&a.published_at)
                    }
                    ProjectSort::Fee => b.fee.cmp(&a.fee),
                    ProjectSort::Deadline => a.closes_at.cmp(&b.closes_at),
                };
                // A stable order for equal keys, so pages never overlap.
                primary.then_with(|| ib.cmp(ia))
            };
            let paged = page(hits, q.offset, q.limit, order);
            Ok(ProjectHits {
                ids: paged.ids,
                total: paged.total,
                facets: counts.facets(tax),
                next_offset: paged.next_offset,
            })
        })
    }
}
