//! Figures (KPIs) for partners, hubs, admins and the public summary
//! (`GET /api/v1/stats`, `/stats/summary`, `/partners/{id}/stats`). Every figure is defined in
//! docs/DEVELOPERS.md, "Figures"; the field documentation here repeats the short form.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Small cells: in the public summary, a distribution bucket or an average resting on fewer
/// records than this is withheld (`null`), so no one can be picked out of a small prefecture.
pub const SUPPRESS_BELOW: i64 = 3;

/// The figures for one scope (period, prefectures, partner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stats {
    pub scope: StatsScope,
    /// When the figures were computed (the app's clock).
    pub generated_at: DateTime<Utc>,
    pub funnel: Funnel,
    /// Application created → the company's first move (shortlist, interview, offer or a
    /// decline by the company; the automatic `no_response` decline does not count).
    pub first_response: Durations,
    /// Application created → contracted (both sides accepted the terms).
    pub to_contract: Durations,
    /// Share of engagements that lasted at least 1, 3, 6 and 12 months, among those started
    /// long enough ago to tell.
    pub continuation: Vec<Continuation>,
    /// Monthly fee and hours of the contracts accepted in the period.
    pub terms: Terms,
    /// Talent registered in the scope, by residence prefecture (`overseas` for abroad).
    pub talent_residence: Vec<Bucket>,
    pub talent_age: Vec<Bucket>,
    pub talent_employer: Vec<Bucket>,
    /// The 10 skills most often listed by that talent.
    pub talent_skills: Vec<Bucket>,
    /// Companies registered in the scope, by JSIC major group.
    pub company_industry: Vec<Bucket>,
    /// Companies by employee count band (`unknown` when not given).
    pub company_size: Vec<Bucket>,
    pub company_prefecture: Vec<Bucket>,
    /// Challenges of the postings published in the scope (a posting with two challenges
    /// counts in both).
    pub posting_challenges: Vec<Bucket>,
    /// The mutual reviews at the end of each contract term (the 3-month review).
    pub satisfaction: Satisfaction,
}

/// What the figures cover, after the caller's own limits were applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatsScope {
    /// First day included (UTC); none: from the beginning.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, example = "2026-04-01"))]
    pub from: Option<NaiveDate>,
    /// Last day included (UTC); none: up to now.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, example = "2027-03-31"))]
    pub to: Option<NaiveDate>,
    /// Prefectures the figures are limited to; empty: all of Japan.
    pub prefecture_codes: Vec<String>,
    pub partner_id: Option<i64>,
    pub hub_id: Option<i64>,
    /// Set in the public summary: buckets and averages under this many records are `null`.
    pub suppressed_below: Option<i64>,
}

/// Registrations → applications → interviews → offers → contracts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Funnel {
    /// Talent accounts registered in the period.
    pub talents: i64,
    /// Companies registered in the period.
    pub companies: i64,
    /// Applications created in the period.
    pub applications: i64,
    /// Of those, how many ever reached `interviewing`.
    pub interviews: i64,
    /// Of those, how many ever reached `offered`.
    pub offers: i64,
    /// Of those, how many reached `contracted`.
    pub contracts: i64,
}

/// Median and mean of a duration, in days (one decimal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Durations {
    /// How many applications the figures rest on.
    pub count: i64,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

/// Continuation after `months`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Continuation {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub months: i32,
    /// Engagements that started at least `months` ago.
    pub eligible: i64,
    /// Of those, the ones not ended before `months` had passed.
    pub continued: i64,
    /// `continued / eligible` (0–1, three decimals); none without eligible engagements.
    pub rate: Option<f64>,
}

/// Monthly fee and hours of accepted contracts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Terms {
    pub contracts: i64,
    /// Yen a month, rounded to the yen.
    pub mean_monthly_fee: Option<i64>,
    /// Hours a month, one decimal.
    pub mean_monthly_hours: Option<f64>,
}

/// One bar of a distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bucket {
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub label_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Iwate"))]
    pub label_en: String,
    /// None: withheld in the public summary (fewer than `suppressed_below`).
    pub count: Option<i64>,
}

/// Satisfaction (1–5) from the term reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Satisfaction {
    pub reviews: i64,
    /// Mean over both sides, two decimals.
    pub mean: Option<f64>,
    /// Mean of the companies' reviews.
    pub company_mean: Option<f64>,
    /// Mean of the talent's reviews.
    pub talent_mean: Option<f64>,
    /// How many reviews gave 1, 2, 3, 4 and 5.
    pub by_score: Vec<Bucket>,
}

/// The filters of the staff figures, as a query string (`from`, `to`, `prefecture`,
/// `partner`, `hub`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub prefecture: Option<String>,
    pub partner: Option<i64>,
    pub hub: Option<i64>,
}

impl StatsFilter {
    /// `key=value` pairs joined with `&` (values are dates, digits and ids: nothing to escape).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={d}"));
        }
        if let Some(p) = self.prefecture.as_deref().filter(|p| !p.is_empty()) {
            parts.push(format!(
                "prefecture={}",
                p.chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
            ));
        }
        if let Some(p) = self.partner {
            parts.push(format!("partner={p}"));
        }
        if let Some(h) = self.hub {
            parts.push(format!("hub={h}"));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_query_lists_only_what_is_set() {
        assert_eq!(StatsFilter::default().query(), "");
        let f = StatsFilter {
            from: NaiveDate::from_ymd_opt(2026, 4, 1),
            to: None,
            prefecture: Some("03".into()),
            partner: Some(7),
            hub: None,
        };
        assert_eq!(f.query(), "from=2026-04-01&prefecture=03&partner=7");
    }
}
