//! The embeddable widget's data (`GET /embed/projects`) and referral codes: the partner code a
//! widget link carries (`?ref=CODE`), which the app keeps and sends on registration and on
//! applying so the partner that brought someone in is recorded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The most projects one widget shows.
pub const EMBED_LIMIT_MAX: i64 = 20;
/// Projects shown when `data-limit` is absent.
pub const EMBED_LIMIT_DEFAULT: i64 = 5;
/// Days the app keeps a referral code from a link before forgetting it.
pub const REFERRAL_DAYS: i64 = 30;

/// Whether `code` has the shape of a referral code (3–40 ASCII letters, digits, `-` or `_`),
/// the rule partners' codes are created with. The app stores only codes of this shape.
pub fn is_referral_code(code: &str) -> bool {
    (3..=40).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The referral code of a page address's query string (`?q=ec&ref=iwate-pref`), if it has
/// the partners' shape. The app reads it on every page load.
pub fn referral_from_query(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "ref")
        .map(|(_, value)| value.to_owned())
        .filter(|code| is_referral_code(code))
}

/// What a partner's widget shows: the region's open postings, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedProjects {
    /// The partner whose widget this is.
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub partner_name: String,
    /// The prefecture asked for; absent when the widget shows every prefecture.
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: Option<String>,
    /// Its name in the language asked for.
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub prefecture_name: Option<String>,
    /// At most `limit` postings whose recruitment is open, newest first.
    pub items: Vec<EmbedProject>,
    /// Every open posting of the region on Kakehashi, with the partner's referral (a path on
    /// the API's origin).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "/projects?prefecture=03&ref=iwate-pref")
    )]
    pub more_url: String,
}

/// One posting as the widget shows it: what is public on the posting's own page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedProject {
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub id: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "南部せんべいのEC売上を2倍にするWebマーケター")
    )]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(example = "岩手製菓株式会社"))]
    pub company_name: String,
    /// The company's city, town or village.
    #[cfg_attr(feature = "openapi", schema(example = "盛岡市"))]
    pub municipality: String,
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    /// The prefecture's name in the language asked for.
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub prefecture_name: String,
    /// Monthly fee in yen.
    #[cfg_attr(feature = "openapi", schema(example = 100000))]
    pub monthly_fee: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(example = 30))]
    pub hours_per_month: Option<i32>,
    /// Whether the work can be done remotely.
    pub remote_allowed: Option<bool>,
    /// Applications close then (RFC 3339, UTC).
    pub recruitment_closes_at: Option<DateTime<Utc>>,
    /// Where the link goes: counts the click, then opens the posting with the partner's
    /// referral (a path on the API's origin).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "/embed/click?partner=iwate-pref&project=12&prefecture=03")
    )]
    pub url: String,
}

/// A partner's widget views and clicks (`GET /api/v1/partners/{id}/widget`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetFigures {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub partner_id: i64,
    /// Views in the period: answers granted to one of the partner's sites.
    #[cfg_attr(feature = "openapi", schema(example = 1200))]
    pub views: i64,
    /// Clicks on the widget's links in the period.
    #[cfg_attr(feature = "openapi", schema(example = 48))]
    pub clicks: i64,
    /// One row per UTC day and prefecture shown, oldest first.
    pub days: Vec<WidgetDay>,
}

/// Views and clicks of one UTC day and one widget setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetDay {
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-21"))]
    pub day: chrono::NaiveDate,
    /// The prefecture the widget showed; absent for a widget showing every prefecture.
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 40))]
    pub views: i64,
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub clicks: i64,
}

/// The partner that referred a person or an application, as shown beside them (「紹介元」).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferralPartner {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referral_codes_have_the_partners_shape() {
        assert!(is_referral_code("iwate-pref"));
        assert!(is_referral_code("michinoku_bank2"));
        assert!(!is_referral_code("ab"));
        assert!(!is_referral_code(&"a".repeat(41)));
        assert!(!is_referral_code("iwate pref"));
        assert!(!is_referral_code("<script>"));
        assert!(!is_referral_code("岩手"));
    }

    #[test]
    fn the_referral_is_read_from_any_position_of_the_query() {
        assert_eq!(
            referral_from_query("?ref=iwate-pref"),
            Some("iwate-pref".into())
        );
        assert_eq!(
            referral_from_query("?q=ec&ref=iwate_1&x=2"),
            Some("iwate_1".into())
        );
        assert_eq!(referral_from_query("?q=ec"), None);
        assert_eq!(referral_from_query("?reference=iwate-pref"), None);
        assert_eq!(referral_from_query("?ref=%3Cscript%3E"), None);
        assert_eq!(referral_from_query(""), None);
    }
}
