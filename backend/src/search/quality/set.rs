//! The set's format: companies, postings and talent as a coordinator writes them, and the
//! checks that keep a typo from quietly lowering a score.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use kakehashi_shared::enums::{
    AgeBand, ContractType, EmployerType, Motivation, TieKind, TravelCost,
};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::talent::{PrefectureTie, TalentProfileInput, TalentSkill};
use kakehashi_shared::Validate;
use serde::Deserialize;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::reference;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualitySet {
    /// What the set is and how it was annotated (read by people only).
    #[serde(rename = "about")]
    _about: Vec<String>,
    pub companies: Vec<CompanyEntry>,
    pub projects: Vec<ProjectEntry>,
    pub talents: Vec<TalentEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyEntry {
    pub key: String,
    pub name: String,
    pub industry: String,
    pub prefecture: String,
    pub municipality: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectEntry {
    pub key: String,
    pub company: String,
    pub title: String,
    pub background: String,
    pub role: String,
    pub tasks: String,
    pub deliverables: String,
    pub challenges: Vec<String>,
    pub required: Vec<String>,
    #[serde(default)]
    pub preferred: Vec<String>,
    pub hours: i32,
    pub onsite_days: i32,
    pub remote: bool,
    pub fee: i64,
    pub contract: ContractType,
    pub travel: TravelCost,
    pub period_months: i32,
    #[serde(default = "default_published_days_ago")]
    pub published_days_ago: i64,
    /// `false`: the recruitment window closed yesterday but the posting has not been swept
    /// yet; it must never be recommended.
    #[serde(default = "yes")]
    pub open: bool,
    /// Talent keys a coordinator would shortlist.
    #[serde(default)]
    pub expected: Vec<String>,
    #[serde(default, rename = "note")]
    _note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalentEntry {
    pub key: String,
    pub name: String,
    pub headline: String,
    pub bio: String,
    /// `[code, years]` pairs.
    pub skills: Vec<(String, i32)>,
    pub challenges: Vec<String>,
    pub residence: Option<String>,
    pub country: Option<String>,
    #[serde(default)]
    pub ties: Vec<(String, TieKind)>,
    pub age: AgeBand,
    pub employer: EmployerType,
    pub hours: i32,
    pub onsite_days: i32,
    pub fee: i64,
    pub remote_only: bool,
    pub contracts: Vec<ContractType>,
    pub motivations: Vec<Motivation>,
    #[serde(default = "yes")]
    pub discoverable: bool,
    /// Hours a month already taken by a running engagement on the platform.
    #[serde(default)]
    pub committed_hours: i32,
    #[serde(default = "default_registered_days_ago")]
    pub registered_days_ago: i64,
    /// Project keys a coordinator would recommend to this talent (the other direction).
    pub expected_projects: Option<Vec<String>>,
    #[serde(default, rename = "note")]
    _note: Option<String>,
}

fn yes() -> bool {
    true
}

fn default_published_days_ago() -> i64 {
    30
}

fn default_registered_days_ago() -> i64 {
    180
}

impl TalentEntry {
    /// Never to be recommended: hidden, or every hour already taken.
    pub fn must_not_appear(&self) -> bool {
        !self.discoverable || self.committed_hours >= self.hours
    }

    pub fn profile(&self) -> TalentProfileInput {
        TalentProfileInput {
            headline: self.headline.clone(),
            bio: self.bio.clone(),
            skills: self
                .skills
                .iter()
                .map(|(code, years)| TalentSkill {
                    code: code.clone(),
                    years: *years,
                })
                .collect(),
            challenges: self.challenges.clone(),
            residence_prefecture_code: self.residence.clone(),
            residence_country: self.country.clone(),
            ties: self
                .ties
                .iter()
                .map(|(code, kind)| PrefectureTie {
                    prefecture_code: code.clone(),
                    kind: *kind,
                })
                .collect(),
            age_band: self.age,
            employer_type: self.employer,
            available_hours_per_month: self.hours,
            onsite_days_per_month: self.onsite_days,
            desired_monthly_fee: self.fee,
            remote_only: self.remote_only,
            contract_types: self.contracts.clone(),
            motivations: self.motivations.clone(),
            discoverable: self.discoverable,
            has_liability_insurance: false,
            has_side_job_permission: true,
            phone: None,
        }
    }
}

impl ProjectEntry {
    /// The posting as submitted, with the window open around `now` (or closed yesterday).
    pub fn draft(&self, now: DateTime<Utc>) -> ProjectDraft {
        let opens = now - Duration::days(self.published_days_ago);
        let closes = if self.open {
            now + Duration::days(30)
        } else {
            now - Duration::days(1)
        };
        ProjectDraft {
            title: Some(self.title.clone()),
            background: Some(self.background.clone()),
            challenges: Some(self.challenges.clone()),
            role: Some(self.role.clone()),
            tasks: Some(self.tasks.clone()),
            deliverables: Some(self.deliverables.clone()),
            required_skills: Some(self.required.clone()),
            preferred_skills: Some(self.preferred.clone()),
            hours_per_month: Some(self.hours),
            onsite_days_per_month: Some(self.onsite_days),
            remote_allowed: Some(self.remote),
            monthly_fee: Some(self.fee),
            travel_cost: Some(self.travel),
            contract_type: Some(self.contract),
            period_months: Some(self.period_months),
            trial_days: None,
            start_date: Some(closes.date_naive() + Duration::days(14)),
            ip_handling: Some("成果物の著作権は検収をもって委託者に移転する".to_owned()),
            confidentiality: Some("NDAを締結し、業務上知り得た情報は開示しない".to_owned()),
            screening_questions: Some(vec!["近い課題に取り組んだ経験を教えてください".to_owned()]),
            recruitment_opens_at: Some(opens),
            recruitment_closes_at: Some(closes),
        }
    }
}

pub fn bad(detail: String) -> ApiError {
    ApiError::Malformed(format!("quality set: {detail}"))
}

/// Rejects a set that is not what it claims: an unknown code or key, or a profile or posting
/// the product itself would refuse. A typo must fail loudly, not quietly lower a score.
pub fn check(
    conn: &mut AnyConnection,
    set: &QualitySet,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let skills: HashSet<String> = reference::skills(conn)?
        .into_iter()
        .map(|s| s.code)
        .collect();
    let challenges: HashSet<String> = reference::challenges(conn)?
        .into_iter()
        .map(|c| c.code)
        .collect();
    let prefectures: HashSet<String> = reference::prefectures(conn)?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let industries: HashSet<String> = reference::industries(conn)?
        .into_iter()
        .map(|i| i.code)
        .collect();
    let known = |kind: &str, known: &HashSet<String>, code: &str, whose: &str| {
        if known.contains(code) {
            Ok(())
        } else {
            Err(bad(format!("{whose}: unknown {kind} {code:?}")))
        }
    };
    let unique = |keys: Vec<&String>, what: &str| -> Result<HashSet<String>, ApiError> {
        let mut seen = HashSet::new();
        for k in keys {
            if !seen.insert(k.clone()) {
                return Err(bad(format!("{what} key {k:?} appears twice")));
            }
        }
        Ok(seen)
    };
    let company_keys = unique(set.companies.iter().map(|c| &c.key).collect(), "company")?;
    let project_keys = unique(set.projects.iter().map(|p| &p.key).collect(), "project")?;
    let talent_keys = unique(set.talents.iter().map(|t| &t.key).collect(), "talent")?;
    for c in &set.companies {
        known("prefecture", &prefectures, &c.prefecture, &c.key)?;
        known("industry", &industries, &c.industry, &c.key)?;
    }
    for p in &set.projects {
        if !company_keys.contains(&p.company) {
            return Err(bad(format!("{}: unknown company {:?}", p.key, p.company)));
        }
        for s in p.required.iter().chain(&p.preferred) {
            known("skill", &skills, s, &p.key)?;
        }
        for c in &p.challenges {
            known("challenge", &challenges, c, &p.key)?;
        }
        for t in &p.expected {
            known("talent", &talent_keys, t, &p.key)?;
        }
        let draft = p.draft(now);
        let missing = draft.missing();
        if !missing.is_empty() {
            return Err(bad(format!("{}: incomplete posting {missing:?}", p.key)));
        }
        draft
            .validate()
            .map_err(|e| bad(format!("{}: invalid posting {e:?}", p.key)))?;
    }
    for t in &set.talents {
        for (s, _) in &t.skills {
            known("skill", &skills, s, &t.key)?;
        }
        for c in &t.challenges {
            known("challenge", &challenges, c, &t.key)?;
        }
        for code in t.residence.iter().chain(t.ties.iter().map(|(p, _)| p)) {
            known("prefecture", &prefectures, code, &t.key)?;
        }
        for p in t.expected_projects.iter().flatten() {
            known("project", &project_keys, p, &t.key)?;
        }
        t.profile()
            .validate()
            .map_err(|e| bad(format!("{}: invalid profile {e:?}", t.key)))?;
        if t.committed_hours > t.hours {
            return Err(bad(format!(
                "{}: more hours committed than available",
                t.key
            )));
        }
    }
    Ok(())
}
