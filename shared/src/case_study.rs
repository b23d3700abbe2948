//! Case studies (事例): a published story, only with the company's, the talent's and the
//! coordinator's consent. The talent appears anonymised.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{AgeBand, EmployerType};
use crate::validation::{FieldErrors, Validate};

/// Who took part, without naming the talent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnonymisedTalent {
    pub age_band: Option<AgeBand>,
    /// A region, never a city: 関東 or 海外.
    #[cfg_attr(feature = "openapi", schema(example = "関東"))]
    pub residence_region: String,
    pub employer_type: Option<EmployerType>,
}

/// The story's text, editable while it is a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseStudyText {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "老舗菓子店、副業人材とEC売上を2倍に")
    )]
    pub title: String,
    /// The trigger and the challenge.
    pub trigger: String,
    /// What was asked and what was done.
    pub what_was_done: String,
    pub results: String,
    pub success_factors: String,
}

impl Validate for CaseStudyText {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, 1, 200);
        e.text("trigger", &self.trigger, 1, 4000);
        e.text("what_was_done", &self.what_was_done, 1, 4000);
        e.text("results", &self.results, 1, 4000);
        e.text("success_factors", &self.success_factors, 1, 4000);
        e.into_result()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStudyStatus {
    Draft,
    Published,
}
crate::enums::wire_enum!(CaseStudyStatus {
    Draft => "draft",
    Published => "published",
});

/// When each party consented to publication.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consents {
    pub company: Option<DateTime<Utc>>,
    pub talent: Option<DateTime<Utc>>,
    pub coordinator: Option<DateTime<Utc>>,
}

impl Consents {
    pub fn all_given(&self) -> bool {
        self.company.is_some() && self.talent.is_some() && self.coordinator.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStudy {
    pub id: i64,
    pub engagement_id: i64,
    pub status: CaseStudyStatus,
    pub company_name: String,
    pub prefecture_code: String,
    pub industry_code: String,
    pub challenges: Vec<String>,
    #[serde(flatten)]
    pub text: CaseStudyText,
    pub talent: AnonymisedTalent,
    /// Months the engagement has run (or ran).
    pub months: i32,
    /// Direct results with before and after.
    pub kpis: Vec<String>,
    pub consents: Consents,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}
