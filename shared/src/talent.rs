//! Talent profiles (副業人材).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{AgeBand, ContractType, EmployerType, Motivation, TieKind};
use crate::validation::{is_prefecture_code, FieldErrors, Validate};

/// A skill and how long the talent has practised it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TalentSkill {
    #[cfg_attr(feature = "openapi", schema(example = "ec_site_management"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = 8))]
    pub years: i32,
}

/// A tie to a prefecture: hometown, lived there, or fan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PrefectureTie {
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    pub kind: TieKind,
}

/// What a talent says about themselves. The same shape is read and written (`PUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TalentProfileInput {
    #[cfg_attr(feature = "openapi", schema(example = "EC立ち上げ10年のWebマーケター"))]
    pub headline: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "大手小売でECの立ち上げと運営を担当。地元岩手の食を全国へ届けたい。")
    )]
    pub bio: String,
    pub skills: Vec<TalentSkill>,
    /// Challenge codes the talent can take on.
    #[cfg_attr(feature = "openapi", schema(example = json!(["ec", "marketing"])))]
    pub challenges: Vec<String>,
    /// Where the talent lives in Japan; absent when abroad.
    #[cfg_attr(feature = "openapi", schema(example = "13"))]
    pub residence_prefecture_code: Option<String>,
    /// ISO 3166-1 alpha-2 country when living abroad.
    #[cfg_attr(feature = "openapi", schema(example = json!(null)))]
    pub residence_country: Option<String>,
    pub ties: Vec<PrefectureTie>,
    pub age_band: AgeBand,
    pub employer_type: EmployerType,
    /// Hours a month available for side work (1–200).
    #[cfg_attr(feature = "openapi", schema(example = 30))]
    pub available_hours_per_month: i32,
    /// Days a month the talent can be on site (0–20).
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub onsite_days_per_month: i32,
    /// Desired monthly fee in yen (0 for pro bono only).
    #[cfg_attr(feature = "openapi", schema(example = 100000))]
    pub desired_monthly_fee: i64,
    pub remote_only: bool,
    pub contract_types: Vec<ContractType>,
    pub motivations: Vec<Motivation>,
    /// Whether companies can find the talent in search and recommendations.
    pub discoverable: bool,
    pub has_liability_insurance: bool,
    /// The main employer allows side work.
    pub has_side_job_permission: bool,
    /// Shown to a company only once a contract is accepted.
    #[cfg_attr(feature = "openapi", schema(example = "090-1234-5678"))]
    pub phone: Option<String>,
}

/// A talent profile as the API returns it. `email` and `phone` are present only for the
/// talent, coordinators of a hub they work with, admins, and companies with an accepted contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TalentProfile {
    /// The talent's user id.
    #[cfg_attr(feature = "openapi", schema(example = 42))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "山田 花子"))]
    pub display_name: String,
    #[serde(flatten)]
    pub profile: TalentProfileInput,
    /// Contact email, when the caller may see it.
    pub email: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl Validate for TalentProfileInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("headline", &self.headline, 1, 120);
        e.optional_text("bio", Some(&self.bio), 4000);
        if self.skills.len() > 30 {
            e.add("skills", "too_long", "at most 30 skills");
        }
        for (i, s) in self.skills.iter().enumerate() {
            e.range(
                &format!("skills[{i}].years"),
                s.years,
                0,
                60,
                "must be between 0 and 60",
            );
        }
        if self.challenges.len() > 15 {
            e.add("challenges", "too_long", "at most 15 challenges");
        }
        match (&self.residence_prefecture_code, &self.residence_country) {
            (Some(code), None) => {
                if !is_prefecture_code(code) {
                    e.prefecture_code("residence_prefecture_code", code);
                }
            }
            (None, Some(country)) => {
                if country.len() != 2
                    || !country.bytes().all(|b| b.is_ascii_uppercase())
                    || country == "JP"
                {
                    e.add(
                        "residence_country",
                        "invalid_format",
                        "must be an ISO 3166-1 alpha-2 code other than JP",
                    );
                }
            }
            _ => e.add(
                "residence_prefecture_code",
                "required",
                "give either a prefecture in Japan or a country abroad",
            ),
        }
        if self.ties.len() > 10 {
            e.add("ties", "too_long", "at most 10 ties");
        }
        for (i, t) in self.ties.iter().enumerate() {
            if !is_prefecture_code(&t.prefecture_code) {
                e.prefecture_code(&format!("ties[{i}].prefecture_code"), &t.prefecture_code);
            }
        }
        e.monthly_hours(
            "available_hours_per_month",
            self.available_hours_per_month,
            1,
        );
        e.range(
            "onsite_days_per_month",
            self.onsite_days_per_month,
            0,
            20,
            "must be between 0 and 20 days",
        );
        e.monthly_fee("desired_monthly_fee", self.desired_monthly_fee, None);
        if self.contract_types.is_empty() {
            e.add(
                "contract_types",
                "required",
                "accept at least one contract type",
            );
        }
        e.optional_text("phone", self.phone.as_deref(), 30);
        if let Some(phone) = &self.phone {
            if !phone
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ' ' | '(' | ')'))
            {
                e.add(
                    "phone",
                    "invalid_format",
                    "digits, spaces, +, -, ( and ) only",
                );
            }
        }
        e.into_result()
    }
}
