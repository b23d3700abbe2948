//! Accounts and sessions: registration, sign-in, token refresh and the signed-in user.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{AccountType, PartnerKind, Role};
use crate::validation::{limits, FieldErrors, Validate};

/// Opens a talent account, or a company member account together with its company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "account_type": "company",
    "email": "sato@iwate-seika.example.jp",
    "password": "correct horse battery",
    "display_name": "佐藤 一郎",
    "company": {"name": "岩手製菓株式会社", "industry_code": "E", "prefecture_code": "03", "municipality": "盛岡市"}
})))]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// `talent` for a professional, `company` for a member of a regional company.
    pub account_type: AccountType,
    /// Sign-in email; compared case-insensitively.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "hanako@example.jp", max_length = 254)
    )]
    pub email: String,
    /// At least 10 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "correct horse battery", min_length = 10, max_length = 128)
    )]
    pub password: String,
    /// The name other people see.
    #[cfg_attr(feature = "openapi", schema(example = "山田 花子", max_length = 100))]
    pub display_name: String,
    /// The company to create; required when `account_type` is `company`, absent otherwise.
    #[serde(default)]
    pub company: Option<NewCompany>,
    /// The referral code of the partner whose link brought the person here (`?ref=` on any
    /// page, kept by the app for 30 days). Recorded on the talent, or on the company of a
    /// company account. A well-formed code that no partner has (a stale link) is ignored, so
    /// an old link never blocks a registration; a malformed one is refused (422).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "iwate-pref", max_length = 40))]
    pub referral_code: Option<String>,
}

/// The first facts about a company, given when its first member registers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCompany {
    /// Registered name.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "岩手製菓株式会社", max_length = 200)
    )]
    pub name: String,
    /// JSIC major group (A–T); see `GET /api/v1/industries`.
    #[cfg_attr(feature = "openapi", schema(example = "E"))]
    pub industry_code: String,
    /// JIS X 0401 prefecture code; see `GET /api/v1/prefectures`.
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    /// City, town or village.
    #[cfg_attr(feature = "openapi", schema(example = "盛岡市", max_length = 100))]
    pub municipality: String,
}

impl Validate for NewCompany {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, 1, limits::COMPANY_NAME_MAX);
        if !is_industry_code(&self.industry_code) {
            e.add(
                "industry_code",
                "unknown_value",
                "must be a JSIC major group letter from A to T",
            );
        }
        e.prefecture_code("prefecture_code", &self.prefecture_code);
        e.text(
            "municipality",
            &self.municipality,
            1,
            limits::MUNICIPALITY_MAX,
        );
        e.into_result()
    }
}

/// Whether `code` is a JSIC major group letter (A–T).
pub fn is_industry_code(code: &str) -> bool {
    code.len() == 1 && code.bytes().all(|b| (b'A'..=b'T').contains(&b))
}

impl Validate for RegisterRequest {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.email("email", &self.email);
        e.new_password("password", &self.password);
        e.text(
            "display_name",
            &self.display_name,
            1,
            limits::DISPLAY_NAME_MAX,
        );
        match (self.account_type, &self.company) {
            (AccountType::Company, None) => {
                e.add("company", "required", "is required for a company account")
            }
            (AccountType::Company, Some(company)) => {
                if let Err(nested) = company.validate() {
                    e.merge_nested("company", nested);
                }
            }
            (AccountType::Talent, Some(_)) => e.add(
                "company",
                "not_allowed",
                "must be absent for a talent account",
            ),
            (AccountType::Talent, None) => {}
        }
        if self
            .referral_code
            .as_deref()
            .is_some_and(|c| !crate::embed::is_referral_code(c))
        {
            e.add(
                "referral_code",
                "invalid_format",
                "3–40 letters, digits, - or _",
            );
        }
        e.into_result()
    }
}

/// Email and password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "hanako@example.jp", "password": "correct horse battery"})))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

impl Validate for LoginRequest {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.email.trim().is_empty() {
            e.add("email", "required", "is required");
        } else if self.email.len() > limits::EMAIL_MAX {
            e.add("email", "too_long", "is too long");
        }
        if self.password.is_empty() {
            e.add("password", "required", "is required");
        } else if self.password.chars().count() > limits::PASSWORD_MAX {
            e.add("password", "too_long", "is too long");
        }
        e.into_result()
    }
}

/// A refresh token, to rotate (`/auth/refresh`) or revoke (`/auth/logout`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token from the last sign-in or refresh.
    #[cfg_attr(feature = "openapi", schema(example = "rt_3f9c…"))]
    pub refresh_token: String,
}

impl Validate for RefreshRequest {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("refresh_token", &self.refresh_token, 1, 200);
        e.into_result()
    }
}

/// A new session: a short-lived access token and a rotating refresh token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// JWT for `Authorization: Bearer …`.
    #[cfg_attr(feature = "openapi", schema(example = "eyJhbGciOiJIUzI1NiJ9…"))]
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[cfg_attr(feature = "openapi", schema(example = 900))]
    pub expires_in: i64,
    /// Single-use token for `POST /api/v1/auth/refresh`; each use returns a new one.
    #[cfg_attr(feature = "openapi", schema(example = "rt_3f9c…"))]
    pub refresh_token: String,
    /// Seconds until the refresh token expires if unused.
    #[cfg_attr(feature = "openapi", schema(example = 2592000))]
    pub refresh_expires_in: i64,
    /// The signed-in user.
    pub user: Me,
}

/// The signed-in user, with the organisation they act for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    #[cfg_attr(feature = "openapi", schema(example = 42))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "hanako@example.jp"))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(example = "山田 花子"))]
    pub display_name: String,
    pub role: Role,
    /// The company of a company member.
    pub company: Option<CompanySummary>,
    /// The hub of a coordinator.
    pub hub: Option<HubSummary>,
    /// The partner organisation of partner staff.
    pub partner: Option<PartnerSummary>,
    /// When the account was opened (RFC 3339, UTC).
    pub created_at: DateTime<Utc>,
    /// The partner whose link brought a talent (or a company member's company) here.
    #[serde(default)]
    pub referred_by: Option<crate::embed::ReferralPartner>,
}

/// A company, as named on other records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompanySummary {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "岩手製菓株式会社"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
}

/// A hub (拠点) and the prefectures it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HubSummary {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "いわて副業人材拠点"))]
    pub name: String,
    /// JIS codes of the prefectures the hub covers.
    #[cfg_attr(feature = "openapi", schema(example = json!(["03"])))]
    pub prefecture_codes: Vec<String>,
    /// Days a company has to answer an application before the coordinator is alerted.
    #[cfg_attr(feature = "openapi", schema(example = 14))]
    pub response_deadline_days: i32,
}

/// A regional partner organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerSummary {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "岩手銀行"))]
    pub name: String,
    pub kind: PartnerKind,
    /// JIS codes of the prefectures the partner covers.
    #[cfg_attr(feature = "openapi", schema(example = json!(["03"])))]
    pub prefecture_codes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talent() -> RegisterRequest {
        RegisterRequest {
            account_type: AccountType::Talent,
            email: "hanako@example.jp".into(),
            password: "correct horse battery".into(),
            display_name: "山田 花子".into(),
            company: None,
            referral_code: None,
        }
    }

    #[test]
    fn a_talent_registration_is_valid() {
        assert!(talent().validate().is_ok());
    }

    #[test]
    fn a_company_registration_needs_a_company() {
        let mut r = talent();
        r.account_type = AccountType::Company;
        let errs = r.validate().unwrap_err();
        assert_eq!(errs.0[0].field, "company");
    }

    #[test]
    fn nested_company_errors_name_the_path() {
        let mut r = talent();
        r.account_type = AccountType::Company;
        r.company = Some(NewCompany {
            name: "岩手製菓".into(),
            industry_code: "Z".into(),
            prefecture_code: "48".into(),
            municipality: "盛岡市".into(),
        });
        let fields: Vec<_> = r
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["company.industry_code", "company.prefecture_code"]);
    }

    #[test]
    fn every_rule_is_reported_at_once() {
        let r = RegisterRequest {
            email: "nope".into(),
            password: "short".into(),
            display_name: "".into(),
            ..talent()
        };
        assert_eq!(r.validate().unwrap_err().0.len(), 3);
    }

    #[test]
    fn a_malformed_referral_code_is_refused() {
        let mut r = talent();
        r.referral_code = Some("iwate-pref".into());
        assert!(r.validate().is_ok());
        r.referral_code = Some("<script>".into());
        assert_eq!(r.validate().unwrap_err().0[0].field, "referral_code");
    }
}
