//! Contracts (業務委託契約): written terms covering the 12 points, versioned, accepted by both.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::ContractType;
use crate::validation::{FieldErrors, Validate};

/// Japan's freelance law (2024): payment within 60 days of receiving the work.
pub const MAX_PAYMENT_DAYS: i32 = 60;

/// The written terms. Each field answers one of the points the freelance law and METI's
/// guide ask to be written down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContractTerms {
    pub contract_type: ContractType,
    /// What the talent does.
    pub tasks: String,
    /// What is handed over, and how (成果物と納品方法).
    pub deliverables: String,
    #[cfg_attr(feature = "openapi", schema(example = 30))]
    pub monthly_hours: i32,
    /// Yen a month; 0 only for pro bono.
    #[cfg_attr(feature = "openapi", schema(example = 100000))]
    pub monthly_fee: i64,
    /// Days after the month's work (or the deliverable) is received and accepted until
    /// payment; at most 60.
    #[cfg_attr(feature = "openapi", schema(example = 30))]
    pub payment_days: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "銀行振込（振込手数料は委託者負担）")
    )]
    pub payment_method: String,
    /// Expenses and travel: who pays what.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "月1回の来訪の交通費は実費を委託者が負担")
    )]
    pub expenses: String,
    /// How and when work is accepted (検収).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "月末締めの稼働報告を翌月5日までに確認し検収とする")
    )]
    pub acceptance: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2027-01-06"))]
    pub start_date: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub term_months: i32,
    /// Renewed month by month after the term unless either side says otherwise.
    pub renews_monthly: bool,
    #[cfg_attr(feature = "openapi", schema(example = 45))]
    pub trial_days: Option<i32>,
    pub intellectual_property: String,
    /// Confidentiality, personal information and NDA.
    pub confidentiality: String,
    pub nda_required: bool,
    /// How the terms are changed: in writing, agreed by both; no one-sided cuts.
    pub change_procedure: String,
    /// What happens on defects and delays.
    pub defects_and_delays: String,
}

impl Validate for ContractTerms {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        for (field, value) in [
            ("tasks", &self.tasks),
            ("deliverables", &self.deliverables),
            ("payment_method", &self.payment_method),
            ("expenses", &self.expenses),
            ("acceptance", &self.acceptance),
            ("intellectual_property", &self.intellectual_property),
            ("confidentiality", &self.confidentiality),
            ("change_procedure", &self.change_procedure),
            ("defects_and_delays", &self.defects_and_delays),
        ] {
            e.text(field, value, 1, 4000);
        }
        e.monthly_hours("monthly_hours", self.monthly_hours, 1);
        e.monthly_fee("monthly_fee", self.monthly_fee, Some(self.contract_type));
        if self.payment_days < 0 {
            e.add("payment_days", "out_of_range", "must not be negative");
        } else if self.payment_days > MAX_PAYMENT_DAYS {
            e.add(
                "payment_days",
                "payment_too_late",
                "the freelance law requires payment within 60 days of receiving the work",
            );
        }
        e.plausible_date("start_date", self.start_date);
        e.range(
            "term_months",
            self.term_months,
            1,
            24,
            "must be between 1 and 24 months",
        );
        if let Some(t) = self.trial_days {
            e.range("trial_days", t, 0, 90, "must be between 0 and 90 days");
        }
        e.into_result()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    /// Waiting for both acceptances.
    Proposed,
    /// A party asked for changes; the company proposes a new version.
    ChangesRequested,
    /// Both accepted: the engagement runs on these terms.
    Accepted,
}
crate::enums::wire_enum!(ContractStatus {
    Proposed => "proposed",
    ChangesRequested => "changes_requested",
    Accepted => "accepted",
});

/// Who accepted a contract version, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acceptance {
    pub user_id: i64,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contract {
    pub id: i64,
    pub application_id: i64,
    pub engagement_id: Option<i64>,
    /// 1 for the first term; each renewal adds one.
    pub term_number: i32,
    /// Incremented when the terms are changed before acceptance.
    pub version: i32,
    pub status: ContractStatus,
    pub terms: ContractTerms,
    pub company_acceptance: Option<Acceptance>,
    pub talent_acceptance: Option<Acceptance>,
    /// What a party asked to change.
    pub change_request: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Acceptance of the terms as the party read them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AcceptInput {
    /// The `version` of the terms the party read; a newer one answers 409 `version_changed`.
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub version: i32,
}

impl Validate for AcceptInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.version < 1 {
            e.add("version", "out_of_range", "must be 1 or more");
        }
        e.into_result()
    }
}

/// A party's request to change the terms before accepting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeRequest {
    pub comment: String,
}

impl Validate for ChangeRequest {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("comment", &self.comment, 1, 4000);
        e.into_result()
    }
}
