//! Projects (求人票): the posting a company writes and a coordinator reviews.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{ContractType, TravelCost};
use crate::validation::{FieldErrors, Validate};
use crate::workflow::ProjectStatus;

pub const MAX_SCREENING_QUESTIONS: usize = 5;

/// The fields of a posting. Creating takes any subset (a draft may be incomplete); `PATCH`
/// changes only the fields present. Submitting for review needs them all (see `missing`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectDraft {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "南部せんべいのEC売上を2倍にするWebマーケター")
    )]
    pub title: Option<String>,
    /// Why now: the company's situation and the CEO's intentions (経営者の想い).
    pub background: Option<String>,
    /// Challenge codes (1–3).
    #[cfg_attr(feature = "openapi", schema(example = json!(["ec", "promotion"])))]
    pub challenges: Option<Vec<String>>,
    /// The role the talent plays.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "EC戦略の参謀として、社長と二人三脚で改善を回す")
    )]
    pub role: Option<String>,
    pub tasks: Option<String>,
    /// What is handed over (成果物).
    pub deliverables: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = json!(["ec_site_management", "web_ads"])))]
    pub required_skills: Option<Vec<String>>,
    pub preferred_skills: Option<Vec<String>>,
    #[cfg_attr(feature = "openapi", schema(example = 30))]
    pub hours_per_month: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub onsite_days_per_month: Option<i32>,
    pub remote_allowed: Option<bool>,
    /// Monthly fee in yen; 0 only for pro bono.
    #[cfg_attr(feature = "openapi", schema(example = 100000))]
    pub monthly_fee: Option<i64>,
    pub travel_cost: Option<TravelCost>,
    pub contract_type: Option<ContractType>,
    /// Initial term in months (renewed monthly after).
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub period_months: Option<i32>,
    /// Trial period in days (e.g. 45 for 1.5 months), if any.
    #[cfg_attr(feature = "openapi", schema(example = 45))]
    pub trial_days: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, example = "2027-01-06"))]
    pub start_date: Option<NaiveDate>,
    /// How intellectual property of the deliverables is handled.
    pub ip_handling: Option<String>,
    /// Confidentiality and NDA.
    pub confidentiality: Option<String>,
    /// Up to 5 questions applicants answer.
    pub screening_questions: Option<Vec<String>>,
    pub recruitment_opens_at: Option<DateTime<Utc>>,
    /// Applications close at this time; the posting then closes by itself.
    pub recruitment_closes_at: Option<DateTime<Utc>>,
}

impl ProjectDraft {
    /// Applies the fields present in `patch`.
    pub fn merge(&mut self, patch: ProjectDraft) {
        macro_rules! take {
            ($($f:ident),+) => { $( if patch.$f.is_some() { self.$f = patch.$f; } )+ };
        }
        take!(
            title,
            background,
            challenges,
            role,
            tasks,
            deliverables,
            required_skills,
            preferred_skills,
            hours_per_month,
            onsite_days_per_month,
            remote_allowed,
            monthly_fee,
            travel_cost,
            contract_type,
            period_months,
            trial_days,
            start_date,
            ip_handling,
            confidentiality,
            screening_questions,
            recruitment_opens_at,
            recruitment_closes_at
        );
    }

    /// The fields a posting must have before it can be submitted, as `required` errors.
    pub fn missing(&self) -> FieldErrors {
        let mut e = FieldErrors::new();
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        for (field, value) in [
            ("title", &self.title),
            ("background", &self.background),
            ("role", &self.role),
            ("tasks", &self.tasks),
            ("deliverables", &self.deliverables),
            ("ip_handling", &self.ip_handling),
            ("confidentiality", &self.confidentiality),
        ] {
            if blank(value) {
                e.add(field, "required", "is required before submitting");
            }
        }
        if self.challenges.as_ref().is_none_or(Vec::is_empty) {
            e.add("challenges", "required", "name at least one challenge");
        }
        if self.required_skills.as_ref().is_none_or(Vec::is_empty) {
            e.add(
                "required_skills",
                "required",
                "name at least one required skill",
            );
        }
        macro_rules! need {
            ($($f:ident),+) => { $( if self.$f.is_none() { e.add(stringify!($f), "required", "is required before submitting"); } )+ };
        }
        need!(
            hours_per_month,
            onsite_days_per_month,
            remote_allowed,
            monthly_fee,
            travel_cost,
            contract_type,
            period_months,
            start_date,
            recruitment_opens_at,
            recruitment_closes_at
        );
        e
    }
}

impl Validate for ProjectDraft {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if let Some(t) = &self.title {
            e.text("title", t, 1, 120);
        }
        for (field, value) in [
            ("background", &self.background),
            ("role", &self.role),
            ("tasks", &self.tasks),
            ("deliverables", &self.deliverables),
            ("ip_handling", &self.ip_handling),
            ("confidentiality", &self.confidentiality),
        ] {
            e.optional_text(field, value.as_deref(), 4000);
        }
        if self.challenges.as_ref().is_some_and(|c| c.len() > 3) {
            e.add("challenges", "too_long", "at most 3 challenges");
        }
        for field in ["required_skills", "preferred_skills"] {
            let list = if field == "required_skills" {
                &self.required_skills
            } else {
                &self.preferred_skills
            };
            if list.as_ref().is_some_and(|l| l.len() > 10) {
                e.add(field, "too_long", "at most 10 skills");
            }
        }
        if let Some(h) = self.hours_per_month {
            e.monthly_hours("hours_per_month", h, 1);
        }
        if let Some(d) = self.onsite_days_per_month {
            e.range(
                "onsite_days_per_month",
                d,
                0,
                20,
                "must be between 0 and 20 days",
            );
        }
        if let Some(fee) = self.monthly_fee {
            e.monthly_fee("monthly_fee", fee, self.contract_type);
        }
        if let Some(p) = self.period_months {
            e.range("period_months", p, 1, 24, "must be between 1 and 24 months");
        }
        if let Some(t) = self.trial_days {
            e.range("trial_days", t, 0, 90, "must be between 0 and 90 days");
        }
        if let Some(questions) = &self.screening_questions {
            if questions.len() > MAX_SCREENING_QUESTIONS {
                e.add("screening_questions", "too_long", "at most 5 questions");
            }
            for (i, q) in questions.iter().enumerate() {
                e.text(&format!("screening_questions[{i}]"), q, 1, 300);
            }
        }
        if let Some(d) = self.start_date {
            e.plausible_date("start_date", d);
        }
        if let Some(t) = self.recruitment_opens_at {
            e.plausible_date("recruitment_opens_at", t.date_naive());
        }
        if let Some(t) = self.recruitment_closes_at {
            e.plausible_date("recruitment_closes_at", t.date_naive());
        }
        if let (Some(open), Some(close)) = (self.recruitment_opens_at, self.recruitment_closes_at) {
            if close <= open {
                e.add(
                    "recruitment_closes_at",
                    "out_of_range",
                    "must be after recruitment_opens_at",
                );
            }
        }
        e.into_result()
    }
}

/// A posting as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Project {
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub id: i64,
    pub company_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "岩手製菓株式会社"))]
    pub company_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "E"))]
    pub industry_code: String,
    pub status: ProjectStatus,
    #[serde(flatten)]
    pub draft: ProjectDraft,
    /// The coordinator's comments when changes were requested (company and hub only).
    pub review_comment: Option<String>,
    /// Incremented by every edit after publication; earlier versions are kept.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub version: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A coordinator's request for changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewComment {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "成果物を具体的に（月次レポートの形式など）書いてください。")
    )]
    pub comment: String,
}

impl Validate for ReviewComment {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("comment", &self.comment, 1, 4000);
        e.into_result()
    }
}

/// An earlier version of a published posting, for coordinators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectVersion {
    pub version: i32,
    pub edited_by: i64,
    pub created_at: DateTime<Utc>,
    pub draft: ProjectDraft,
}
