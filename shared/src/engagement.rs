//! Engagements (稼働): kickoff, monthly work reports, the 3-month review, renewal, end and
//! outcomes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::Side;
use crate::validation::{FieldErrors, Validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EngagementStatus {
    Active,
    Ended,
}
crate::enums::wire_enum!(EngagementStatus {
    Active => "active",
    Ended => "ended",
});

/// The kickoff plan both sides agree on in the first meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Kickoff {
    /// Goals for the first 3 months.
    #[cfg_attr(feature = "openapi", schema(example = json!(["EC売上を月30万円から60万円へ"])))]
    pub goals: Vec<String>,
    pub deliverables: String,
    pub steps: Vec<String>,
    /// The fixed weekly meeting slot.
    #[cfg_attr(feature = "openapi", schema(example = "毎週水曜 10:00–11:00"))]
    pub meeting_slot: String,
    /// Who takes part on each side.
    pub members: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(example = json!(["Slack", "月1回の来訪"])))]
    pub contact_channels: Vec<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "月末に稼働報告、隔週で進捗共有")
    )]
    pub reporting_cadence: String,
}

impl Validate for Kickoff {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.goals.is_empty() {
            e.add("goals", "required", "set at least one goal");
        }
        for (field, list) in [
            ("goals", &self.goals),
            ("steps", &self.steps),
            ("members", &self.members),
            ("contact_channels", &self.contact_channels),
        ] {
            if list.len() > 20 {
                e.add(field, "too_long", "at most 20 items");
            }
            for (i, item) in list.iter().enumerate() {
                e.text(&format!("{field}[{i}]"), item, 1, 500);
            }
        }
        e.text("deliverables", &self.deliverables, 1, 4000);
        e.text("meeting_slot", &self.meeting_slot, 1, 100);
        e.text("reporting_cadence", &self.reporting_cadence, 1, 500);
        e.into_result()
    }
}

/// A monthly work report (稼働報告).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkReportInput {
    /// The month reported, `YYYY-MM`.
    #[cfg_attr(feature = "openapi", schema(example = "2027-01"))]
    pub month: String,
    #[cfg_attr(feature = "openapi", schema(example = 28))]
    pub hours: i32,
    pub summary: String,
    pub outcomes: String,
    pub next_steps: String,
}

/// Parses `YYYY-MM` into the first day of that month. Digits only: `str::parse` alone would
/// also read `2027-+1`, a second spelling of January under which a second report for the
/// month would be stored.
pub fn parse_month(month: &str) -> Option<NaiveDate> {
    let (y, m) = month.split_once('-')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

impl Validate for WorkReportInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if parse_month(&self.month).is_none() {
            e.add("month", "invalid_format", "must be YYYY-MM");
        }
        e.monthly_hours("hours", self.hours, 0);
        e.text("summary", &self.summary, 1, 4000);
        e.optional_text("outcomes", Some(&self.outcomes), 4000);
        e.optional_text("next_steps", Some(&self.next_steps), 4000);
        e.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkReport {
    pub id: i64,
    pub engagement_id: i64,
    #[serde(flatten)]
    pub report: WorkReportInput,
    pub submitted_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The company's comment on the report.
    pub company_comment: Option<String>,
}

/// The company's acknowledgement of a report, with an optional comment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Acknowledge {
    #[serde(default)]
    pub comment: Option<String>,
}

impl Validate for Acknowledge {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.optional_text("comment", self.comment.as_deref(), 4000);
        e.into_result()
    }
}

/// One side's answers to the 3-month review (振り返り).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// What made you glad?
    pub glad: String,
    /// What do you hold back, or want improved?
    pub improve: String,
    /// What do you value behind that?
    pub values: String,
    /// Renew?
    pub renew: bool,
    /// On what fee (yen a month)?
    pub proposed_monthly_fee: Option<i64>,
    /// And how many hours a month?
    pub proposed_hours_per_month: Option<i32>,
    /// Satisfaction from 1 to 5, for the programme's figures.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub satisfaction: i32,
}

impl Validate for ReviewInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("glad", &self.glad, 1, 4000);
        e.text("improve", &self.improve, 1, 4000);
        e.text("values", &self.values, 1, 4000);
        if let Some(fee) = self.proposed_monthly_fee {
            e.monthly_fee("proposed_monthly_fee", fee, None);
        }
        if let Some(hours) = self.proposed_hours_per_month {
            e.monthly_hours("proposed_hours_per_month", hours, 1);
        }
        e.range(
            "satisfaction",
            self.satisfaction,
            1,
            5,
            "must be between 1 and 5",
        );
        e.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    pub id: i64,
    pub engagement_id: i64,
    pub side: Side,
    pub term_number: i32,
    #[serde(flatten)]
    pub answers: ReviewInput,
    pub created_at: DateTime<Utc>,
}

/// The company's proposal for the next term, after both reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RenewalInput {
    pub monthly_fee: i64,
    pub monthly_hours: i32,
    pub term_months: i32,
}

impl Validate for RenewalInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.monthly_fee("monthly_fee", self.monthly_fee, None);
        e.monthly_hours("monthly_hours", self.monthly_hours, 1);
        e.range(
            "term_months",
            self.term_months,
            1,
            24,
            "must be between 1 and 24 months",
        );
        e.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EndInput {
    #[cfg_attr(feature = "openapi", schema(example = "3か月の目標を達成したため"))]
    pub reason: String,
}

impl Validate for EndInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("reason", &self.reason, 1, 2000);
        e.into_result()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// Sales, KPIs: a name with before and after.
    Direct,
    /// Staff growth, DX confidence: in words.
    Indirect,
}
crate::enums::wire_enum!(OutcomeKind {
    Direct => "direct",
    Indirect => "indirect",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeInput {
    pub kind: OutcomeKind,
    #[cfg_attr(feature = "openapi", schema(example = "EC月商"))]
    pub kpi_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "30万円"))]
    pub before: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "65万円"))]
    pub after: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "社員がSNS発信を自ら企画するようになった")
    )]
    pub description: String,
}

impl Validate for OutcomeInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.kind == OutcomeKind::Direct {
            for (field, value) in [
                ("kpi_name", &self.kpi_name),
                ("before", &self.before),
                ("after", &self.after),
            ] {
                match value {
                    Some(v) => e.text(field, v, 1, 200),
                    None => e.add(
                        field,
                        "required",
                        "a direct outcome names a KPI with before and after",
                    ),
                }
            }
            e.optional_text("description", Some(&self.description), 4000);
        } else {
            e.text("description", &self.description, 1, 4000);
        }
        e.into_result()
    }
}

impl OutcomeInput {
    /// `EC月商: 30万円 → 65万円` for a direct outcome; `None` for an indirect one.
    pub fn kpi_line(&self) -> Option<String> {
        (self.kind == OutcomeKind::Direct).then(|| {
            let part = |v: &Option<String>| v.clone().unwrap_or_default();
            format!(
                "{}: {} → {}",
                part(&self.kpi_name),
                part(&self.before),
                part(&self.after)
            )
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    pub id: i64,
    #[serde(flatten)]
    pub outcome: OutcomeInput,
    pub recorded_by: i64,
    pub created_at: DateTime<Utc>,
}

/// The talent's contact details, shown to the company once a contract is accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub email: String,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Engagement {
    pub id: i64,
    pub application_id: i64,
    pub project_id: i64,
    pub project_title: String,
    pub company_id: i64,
    pub company_name: String,
    pub talent_id: i64,
    pub talent_name: String,
    pub status: EngagementStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub started_on: NaiveDate,
    /// The term now running (1, 2, …).
    pub term_number: i32,
    pub current_contract_id: i64,
    pub kickoff: Option<Kickoff>,
    pub talent_contact: Option<Contact>,
    pub reports: Vec<WorkReport>,
    pub reviews: Vec<Review>,
    pub outcomes: Vec<Outcome>,
    pub ended_at: Option<DateTime<Utc>>,
    pub ended_by: Option<Side>,
    pub end_reason: Option<String>,
    /// The case study drafted from this engagement, if any, so both parties and the hub can
    /// open the draft from the engagement.
    #[serde(default)]
    pub case_study_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_has_one_spelling() {
        assert_eq!(parse_month("2027-01"), NaiveDate::from_ymd_opt(2027, 1, 1));
        // Signs and padding were once read as part of the number.
        for other in [
            "2027-+1",
            "+027-01",
            "2027-1 ",
            "２０２７-01",
            "2027-00",
            "2027-13",
        ] {
            assert_eq!(parse_month(other), None, "{other}");
        }
    }
}
