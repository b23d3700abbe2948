//! Companies (受入企業) and the coordinators' visit log.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::RevenueBand;
use crate::validation::{is_prefecture_code, FieldErrors, Validate};

/// A company's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Company {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "岩手製菓株式会社"))]
    pub name: String,
    /// JSIC major group.
    #[cfg_attr(feature = "openapi", schema(example = "E"))]
    pub industry_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "盛岡市"))]
    pub municipality: String,
    #[cfg_attr(feature = "openapi", schema(example = 35))]
    pub employees: Option<i32>,
    pub revenue_band: Option<RevenueBand>,
    #[cfg_attr(feature = "openapi", schema(example = "https://iwate-seika.example"))]
    pub website: Option<String>,
    /// What the company wants to become.
    #[cfg_attr(feature = "openapi", schema(example = "南部せんべいを世界のおやつに"))]
    pub vision: String,
    /// The CEO's message (経営者の想い).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "三代目として、伝統の味を次の世代に届けたい。")
    )]
    pub ceo_message: String,
    /// Challenge codes (see `GET /api/v1/challenges`).
    #[cfg_attr(feature = "openapi", schema(example = json!(["ec", "branding"])))]
    pub challenges: Vec<String>,
    /// The partner that referred the company.
    pub referred_by_partner_id: Option<i64>,
    /// That partner's name, as shown on the company's page (「紹介元」).
    #[serde(default)]
    pub referred_by: Option<crate::embed::ReferralPartner>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A company created by a coordinator for a company without an account yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CompanyCreate {
    #[cfg_attr(feature = "openapi", schema(example = "有限会社三陸水産加工"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(example = "E"))]
    pub industry_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "宮古市"))]
    pub municipality: String,
    #[serde(default)]
    pub employees: Option<i32>,
    #[serde(default)]
    pub revenue_band: Option<RevenueBand>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub vision: String,
    #[serde(default)]
    pub ceo_message: String,
    #[serde(default)]
    pub challenges: Vec<String>,
    /// Referral code of the partner that brought the company in.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "michinoku-bank"))]
    pub referral_code: Option<String>,
}

/// Changes to a company's profile; absent fields stay as they are. An empty `website`
/// removes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CompanyPatch {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub industry_code: Option<String>,
    #[serde(default)]
    pub municipality: Option<String>,
    #[serde(default)]
    pub employees: Option<i32>,
    #[serde(default)]
    pub revenue_band: Option<RevenueBand>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub vision: Option<String>,
    #[serde(default)]
    pub ceo_message: Option<String>,
    #[serde(default)]
    pub challenges: Option<Vec<String>>,
}

pub const LONG_TEXT_MAX: usize = 4000;

fn check_common(
    e: &mut FieldErrors,
    employees: Option<i32>,
    website: Option<&str>,
    vision: Option<&str>,
    ceo_message: Option<&str>,
    challenges: Option<&[String]>,
) {
    if let Some(n) = employees {
        if !(0..=100_000).contains(&n) {
            e.add("employees", "out_of_range", "must be between 0 and 100000");
        }
    }
    if let Some(url) = website.filter(|u| !u.is_empty()) {
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 300 {
            e.add(
                "website",
                "invalid_format",
                "must be an http(s) URL of at most 300 characters",
            );
        }
    }
    e.optional_text("vision", vision, LONG_TEXT_MAX);
    e.optional_text("ceo_message", ceo_message, LONG_TEXT_MAX);
    if let Some(list) = challenges {
        if list.len() > 10 {
            e.add("challenges", "too_long", "at most 10 challenges");
        }
    }
}

impl Validate for CompanyCreate {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, 1, 200);
        if !crate::auth::is_industry_code(&self.industry_code) {
            e.add(
                "industry_code",
                "unknown_value",
                "must be a JSIC major group letter from A to T",
            );
        }
        if !is_prefecture_code(&self.prefecture_code) {
            e.prefecture_code("prefecture_code", &self.prefecture_code);
        }
        e.text("municipality", &self.municipality, 1, 100);
        check_common(
            &mut e,
            self.employees,
            self.website.as_deref(),
            Some(&self.vision),
            Some(&self.ceo_message),
            Some(&self.challenges),
        );
        e.into_result()
    }
}

impl Validate for CompanyPatch {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if let Some(name) = &self.name {
            e.text("name", name, 1, 200);
        }
        if let Some(code) = &self.industry_code {
            if !crate::auth::is_industry_code(code) {
                e.add(
                    "industry_code",
                    "unknown_value",
                    "must be a JSIC major group letter from A to T",
                );
            }
        }
        if let Some(m) = &self.municipality {
            e.text("municipality", m, 1, 100);
        }
        check_common(
            &mut e,
            self.employees,
            self.website.as_deref(),
            self.vision.as_deref(),
            self.ceo_message.as_deref(),
            self.challenges.as_deref(),
        );
        e.into_result()
    }
}

/// A coordinator's visit to (or call with) a company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Visit {
    pub id: i64,
    pub company_id: i64,
    pub coordinator_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "千葉 恵子"))]
    pub coordinator_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2026-11-20"))]
    pub visited_on: NaiveDate,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "社長と面談。EC売上が伸び悩み。")
    )]
    pub notes: String,
    /// Challenge codes diagnosed in this visit.
    pub diagnosed_challenges: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(example = "求人票の下書きを一緒に作る"))]
    pub next_action: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, example = "2026-12-04"))]
    pub next_visit_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

/// A visit to log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VisitInput {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2026-11-20"))]
    pub visited_on: NaiveDate,
    pub notes: String,
    #[serde(default)]
    pub diagnosed_challenges: Vec<String>,
    #[serde(default)]
    pub next_action: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub next_visit_on: Option<NaiveDate>,
}

impl Validate for VisitInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("notes", &self.notes, 1, LONG_TEXT_MAX);
        e.optional_text("next_action", Some(&self.next_action), 1000);
        if self.diagnosed_challenges.len() > 10 {
            e.add("diagnosed_challenges", "too_long", "at most 10 challenges");
        }
        e.plausible_date("visited_on", self.visited_on);
        if let Some(next) = self.next_visit_on {
            e.plausible_date("next_visit_on", next);
        }
        if let Some(next) = self.next_visit_on {
            if next < self.visited_on {
                e.add(
                    "next_visit_on",
                    "out_of_range",
                    "must not be before the visit",
                );
            }
        }
        e.into_result()
    }
}
