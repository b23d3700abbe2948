//! Compact in-memory records for search and matching, built from database rows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use kakehashi_shared::contract::ContractTerms;
use kakehashi_shared::enums::{ContractType, TieKind};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::talent::{PrefectureTie, TalentSkill};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::json::from_text;
use crate::repositories::projects::ProjectWithCompany;
use crate::repositories::talents::TalentRow;
use crate::repositories::{from_db_time, reference};

/// Names and groups of the taxonomies, to turn codes into words and facets.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    /// skill code → (ja, en)
    pub skills: HashMap<String, (String, String)>,
    /// challenge code → (group code, ja, en)
    pub challenges: HashMap<String, (String, String, String)>,
    /// prefecture code → (region key, name ja, name en)
    pub prefectures: HashMap<String, (String, String, String)>,
}

impl Taxonomy {
    pub fn load(conn: &mut AnyConnection) -> Result<Self, ApiError> {
        let skills = reference::skills(conn)?
            .into_iter()
            .map(|s| (s.code, (s.name_ja, s.name_en)))
            .collect();
        let challenges = reference::challenges(conn)?
            .into_iter()
            .map(|c| (c.code, (c.group_code, c.name_ja, c.name_en)))
            .collect();
        let prefectures = reference::prefectures(conn)?
            .into_iter()
            .map(|p| (p.code, (region_key(&p.region_en), p.name_ja, p.name_en)))
            .collect();
        Ok(Self {
            skills,
            challenges,
            prefectures,
        })
    }

    pub fn skill_ja<'a>(&'a self, code: &'a str) -> &'a str {
        self.skills.get(code).map_or(code, |s| s.0.as_str())
    }

    pub fn skill_en<'a>(&'a self, code: &'a str) -> &'a str {
        self.skills.get(code).map_or(code, |s| s.1.as_str())
    }

    pub fn region_of(&self, prefecture: &str) -> String {
        self.prefectures
            .get(prefecture)
            .map(|p| p.0.clone())
            .unwrap_or_default()
    }

    pub fn prefecture_ja<'a>(&'a self, code: &'a str) -> &'a str {
        self.prefectures.get(code).map_or(code, |p| p.1.as_str())
    }

    pub fn prefecture_en<'a>(&'a self, code: &'a str) -> &'a str {
        self.prefectures.get(code).map_or(code, |p| p.2.as_str())
    }
}

/// `Kyushu-Okinawa` → `kyushu_okinawa`: the region filter value.
pub fn region_key(region_en: &str) -> String {
    region_en.to_lowercase().replace(['-', ' '], "_")
}

/// A published posting as search and matching see it.
#[derive(Debug, Clone)]
pub struct ProjectDoc {
    pub id: i64,
    pub company_id: i64,
    pub prefecture: String,
    pub region: String,
    pub industry: String,
    pub challenges: Vec<String>,
    pub challenge_groups: Vec<String>,
    pub contract_type: Option<ContractType>,
    pub remote: bool,
    pub fee: i64,
    pub hours: i32,
    pub onsite_days: i32,
    pub required: Vec<String>,
    pub preferred: Vec<String>,
    pub published_at: i64,
    pub opens_at: i64,
    pub closes_at: i64,
}

impl ProjectDoc {
    /// The document and the text it is found by.
    pub fn from_row(p: &ProjectWithCompany, tax: &Taxonomy) -> Result<(Self, String), ApiError> {
        let draft: ProjectDraft = from_text(&p.project.draft)?;
        let challenges = draft.challenges.clone().unwrap_or_default();
        let mut groups: Vec<String> = challenges
            .iter()
            .filter_map(|c| tax.challenges.get(c).map(|g| g.0.clone()))
            .collect();
        groups.dedup();
        let required = draft.required_skills.clone().unwrap_or_default();
        let preferred = draft.preferred_skills.clone().unwrap_or_default();
        let mut text = vec![
            p.company_name.clone(),
            draft.title.clone().unwrap_or_default(),
            draft.background.clone().unwrap_or_default(),
            draft.role.clone().unwrap_or_default(),
            draft.tasks.clone().unwrap_or_default(),
            draft.deliverables.clone().unwrap_or_default(),
        ];
        for s in required.iter().chain(&preferred) {
            text.push(tax.skill_ja(s).to_owned());
            text.push(tax.skill_en(s).to_owned());
        }
        for c in &challenges {
            if let Some((_, ja, en)) = tax.challenges.get(c) {
                text.push(ja.clone());
                text.push(en.clone());
            }
        }
        let at = |t: Option<DateTime<Utc>>| t.map_or(0, |t| t.timestamp());
        let doc = ProjectDoc {
            id: p.project.id,
            company_id: p.project.company_id,
            region: tax.region_of(&p.prefecture_code),
            prefecture: p.prefecture_code.clone(),
            industry: p.industry_code.clone(),
            challenges,
            challenge_groups: groups,
            contract_type: draft.contract_type,
            remote: draft.remote_allowed.unwrap_or(false),
            fee: draft.monthly_fee.unwrap_or(0),
            hours: draft.hours_per_month.unwrap_or(0),
            onsite_days: draft.onsite_days_per_month.unwrap_or(0),
            required,
            preferred,
            published_at: p
                .project
                .published_at
                .map_or(0, |t| from_db_time(t).timestamp()),
            opens_at: at(draft.recruitment_opens_at),
            closes_at: at(draft.recruitment_closes_at),
        };
        Ok((doc, text.join("\n")))
    }

    /// Open for applications at `now`.
    pub fn is_open(&self, now: i64) -> bool {
        self.opens_at <= now && now < self.closes_at
    }
}

/// A talent as search and matching see it.
#[derive(Debug, Clone)]
pub struct TalentDoc {
    pub id: i64,
    pub discoverable: bool,
    pub residence: Option<String>,
    pub ties: Vec<(String, TieKind)>,
    pub skills: Vec<(String, i32)>,
    pub challenges: Vec<String>,
    pub free_hours: i32,
    pub onsite_days: i32,
    pub fee: i64,
    pub remote_only: bool,
    pub contract_types: Vec<ContractType>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl TalentDoc {
    pub fn from_row(
        row: &TalentRow,
        created_at: chrono::NaiveDateTime,
        committed_hours: i32,
        tax: &Taxonomy,
    ) -> Result<(Self, String), ApiError> {
        let skills: Vec<TalentSkill> = from_text(&row.skills)?;
        let challenges: Vec<String> = from_text(&row.challenges)?;
        let ties: Vec<PrefectureTie> = from_text(&row.ties)?;
        let mut text = vec![row.headline.clone(), row.bio.clone()];
        for s in &skills {
            text.push(tax.skill_ja(&s.code).to_owned());
            text.push(tax.skill_en(&s.code).to_owned());
        }
        for c in &challenges {
            if let Some((_, ja, en)) = tax.challenges.get(c) {
                text.push(ja.clone());
                text.push(en.clone());
            }
        }
        let doc = TalentDoc {
            id: row.user_id,
            discoverable: row.discoverable,
            residence: row.residence_prefecture_code.clone(),
            ties: ties
                .into_iter()
                .map(|t| (t.prefecture_code, t.kind))
                .collect(),
            skills: skills.into_iter().map(|s| (s.code, s.years)).collect(),
            challenges,
            free_hours: row.available_hours_per_month - committed_hours,
            onsite_days: row.onsite_days_per_month,
            fee: row.desired_monthly_fee,
            remote_only: row.remote_only,
            contract_types: from_text(&row.contract_types)?,
            created_at: from_db_time(created_at).timestamp(),
            updated_at: from_db_time(row.updated_at).timestamp(),
        };
        Ok((doc, text.join("\n")))
    }
}

/// Hours a month each talent has committed in running engagements.
pub fn committed_hours(rows: Vec<(i64, String)>) -> Result<HashMap<i64, i32>, ApiError> {
    let mut out = HashMap::new();
    for (talent, terms) in rows {
        let terms: ContractTerms = from_text(&terms)?;
        *out.entry(talent).or_insert(0) += terms.monthly_hours;
    }
    Ok(out)
}
