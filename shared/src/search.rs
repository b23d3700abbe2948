//! Search results with facet counts, and recommendations with their reasons.

use serde::{Deserialize, Serialize};

use crate::project::Project;
use crate::talent::TalentProfile;

/// How many results of the current search fall under one facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    /// The value to pass back as a filter (`03`, `tohoku`, `sales`, `50000-100000`, …).
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub value: String,
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub count: u64,
}

/// Facet counts over the whole result set (not just this page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectFacets {
    pub prefecture: Vec<FacetCount>,
    pub region: Vec<FacetCount>,
    pub challenge_group: Vec<FacetCount>,
    pub industry: Vec<FacetCount>,
    pub contract_type: Vec<FacetCount>,
    pub remote: Vec<FacetCount>,
    pub fee_band: Vec<FacetCount>,
    pub hours_band: Vec<FacetCount>,
}

/// One page of a project search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectSearchPage {
    pub items: Vec<Project>,
    pub next_cursor: Option<String>,
    /// How many postings match in all (catalogue searches).
    pub total: Option<u64>,
    /// Present for catalogue searches (not for `mine=true` lists).
    pub facets: Option<ProjectFacets>,
}

/// How well a talent matches a posting: the score and the factors behind it (the same model
/// as the recommendations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchScore {
    /// 0–100.
    #[cfg_attr(feature = "openapi", schema(example = 82))]
    pub score: i32,
    pub reasons: Vec<Reason>,
}

/// One factor of a match and what it contributed to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    /// Stable factor name: `required_skills`, `preferred_skills`, `challenge`, `hours`,
    /// `fee`, `location`, `prefecture_tie`, `responsiveness`, `new`.
    #[cfg_attr(feature = "openapi", schema(example = "required_skills"))]
    pub factor: String,
    /// Points this factor gave towards the score (0–100). Negative when a term cannot work
    /// as asked (a fee under half the wish, too few hours, on-site days the talent cannot come).
    #[cfg_attr(feature = "openapi", schema(example = 40))]
    pub points: i32,
    /// The reason in Japanese words.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "必須スキル 1/1 一致（ECサイト運営）")
    )]
    pub text_ja: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Required skills 1/1 matched (E-commerce site operation)")
    )]
    pub text_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecommendedProject {
    pub project: Project,
    /// 0–100.
    #[cfg_attr(feature = "openapi", schema(example = 82))]
    pub score: i32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecommendedTalent {
    pub talent: TalentProfile,
    /// 0–100.
    #[cfg_attr(feature = "openapi", schema(example = 76))]
    pub score: i32,
    pub reasons: Vec<Reason>,
}

/// The query of a catalogue search (`GET /api/v1/projects`): what the app keeps in its
/// `/projects?…` address (so a search can be linked and reloaded) and what the client sends.
/// Absent fields are left out of the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSearchParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// A challenge code or a challenge group code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_type: Option<crate::enums::ContractType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_max: Option<i32>,
    /// `relevance` (default), `newest`, `fee` or `deadline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}
