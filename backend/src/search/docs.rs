//! Compact records for search and matching, built from database rows: every code interned
//! (see `taxonomy`), so a talent is 88 bytes and a million of them are read in one pass.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use kakehashi_shared::contract::ContractTerms;
use kakehashi_shared::enums::{ContractType, TieKind};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::talent::{PrefectureTie, TalentSkill};

use super::taxonomy::{CodeSet, SkillSet, Taxonomy};
use crate::error::ApiError;
use crate::repositories::from_db_time;
use crate::repositories::json::from_text;
use crate::repositories::projects::ProjectWithCompany;
use crate::repositories::talents::TalentRow;

/// How often someone answered in time: talent answering scouts, companies answering
/// applications. Counts stop at 255, which is plenty to tell a habit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Replies {
    pub asked: u8,
    pub in_time: u8,
}

impl Replies {
    fn add(&mut self, in_time: bool) {
        if self.asked < u8::MAX {
            self.asked += 1;
            self.in_time += u8::from(in_time);
        }
    }
}

/// A scout answered within this many days counts as answered in time.
pub const SCOUT_REPLY_DAYS: i64 = 7;

/// Scout replies by talent, from (talent, sent at, answered at). Only answered scouts count
/// (in time or late): the index has no clock to age a pending one by.
pub fn scout_replies(
    rows: Vec<(i64, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)>,
) -> HashMap<i64, Replies> {
    let window = SCOUT_REPLY_DAYS * 86_400;
    let mut out: HashMap<i64, Replies> = HashMap::new();
    for (talent, sent, answered) in rows {
        if let Some(at) = answered {
            let late = from_db_time(at).timestamp() - from_db_time(sent).timestamp() > window;
            out.entry(talent).or_default().add(!late);
        }
    }
    out
}

/// Application replies by company, from (company, flagged overdue).
pub fn company_replies(rows: Vec<(i64, bool)>) -> HashMap<i64, Replies> {
    let mut out: HashMap<i64, Replies> = HashMap::new();
    for (company, overdue) in rows {
        out.entry(company).or_default().add(!overdue);
    }
    out
}

/// Years of practice from which a skill counts in full for a required skill.
pub const SEASONED_YEARS: i32 = 3;

/// A published posting as search and matching see it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProjectDoc {
    pub required: SkillSet,
    pub preferred: SkillSet,
    pub challenges: CodeSet,
    pub challenge_groups: CodeSet,
    pub published_at: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub fee: u32,
    pub hours: u16,
    pub onsite_days: u8,
    /// Prefecture number + 1 (`Taxonomy::prefecture_slot`).
    pub prefecture: u8,
    /// Region number; `u8::MAX` when unknown.
    pub region: u8,
    /// Industry number; `u8::MAX` when unknown.
    pub industry: u8,
    pub contract_type: Option<ContractType>,
    pub remote: bool,
    /// How the company answers applications.
    pub company_replies: Replies,
}

fn small<T: TryFrom<i64> + Copy>(v: i64, max: T) -> T {
    T::try_from(v.max(0)).unwrap_or(max)
}

impl ProjectDoc {
    /// The id, the record and the text it is found by.
    pub fn from_row(
        p: &ProjectWithCompany,
        company_replies: Replies,
        tax: &Taxonomy,
    ) -> Result<(i64, Self, String), ApiError> {
        let draft: ProjectDraft = from_text(&p.project.draft)?;
        let challenges = draft.challenges.clone().unwrap_or_default();
        let required = draft.required_skills.clone().unwrap_or_default();
        let preferred = draft.preferred_skills.clone().unwrap_or_default();
        let challenge_set = tax.challenge_set(&challenges);
        let mut text = vec![
            p.company_name.clone(),
            draft.title.clone().unwrap_or_default(),
            draft.background.clone().unwrap_or_default(),
            draft.role.clone().unwrap_or_default(),
            draft.tasks.clone().unwrap_or_default(),
            draft.deliverables.clone().unwrap_or_default(),
        ];
        let skills = tax.skill_set(required.iter().chain(&preferred));
        for s in skills.iter() {
            text.push(tax.skills.ja(s).to_owned());
            text.push(tax.skills.en(s).to_owned());
        }
        for c in challenge_set.iter() {
            text.push(tax.challenges.ja(c).to_owned());
            text.push(tax.challenges.en(c).to_owned());
        }
        let at = |t: Option<DateTime<Utc>>| t.map_or(0, |t| t.timestamp());
        let prefecture = tax.prefecture_slot(Some(&p.prefecture_code));
        let doc = ProjectDoc {
            required: tax.skill_set(&required),
            preferred: tax.skill_set(&preferred),
            challenges: challenge_set,
            challenge_groups: tax.groups_of(&challenge_set),
            published_at: p
                .project
                .published_at
                .map_or(0, |t| from_db_time(t).timestamp()),
            opens_at: at(draft.recruitment_opens_at),
            closes_at: at(draft.recruitment_closes_at),
            fee: small(draft.monthly_fee.unwrap_or(0), u32::MAX),
            hours: small(i64::from(draft.hours_per_month.unwrap_or(0)), u16::MAX),
            onsite_days: small(i64::from(draft.onsite_days_per_month.unwrap_or(0)), u8::MAX),
            prefecture,
            region: tax.region_of_slot(prefecture).unwrap_or(u8::MAX),
            industry: tax.industries.get(&p.industry_code).unwrap_or(u8::MAX),
            contract_type: draft.contract_type,
            remote: draft.remote_allowed.unwrap_or(false),
            company_replies,
        };
        Ok((p.project.id, doc, text.join("\n")))
    }

    /// Open for applications at `now`.
    pub fn is_open(&self, now: i64) -> bool {
        self.opens_at <= now && now < self.closes_at
    }
}

/// A talent as search and matching see it.
#[derive(Debug, Clone, Copy, Default)]
pub struct TalentDoc {
    pub skills: SkillSet,
    /// The skills practised for at least `SEASONED_YEARS`.
    pub seasoned: SkillSet,
    pub challenges: CodeSet,
    /// Prefectures (by number) the talent comes from, has lived in, or is a fan of.
    pub hometown: CodeSet,
    pub lived: CodeSet,
    pub fan: CodeSet,
    /// Unix seconds (u32 lasts until 2106 and keeps the record small).
    pub created_at: u32,
    pub updated_at: u32,
    pub fee: u32,
    /// Hours a month left after running engagements.
    pub free_hours: i16,
    pub onsite_days: u8,
    /// Prefecture number + 1 of the residence; 0 abroad or unknown.
    pub residence: u8,
    pub discoverable: bool,
    pub remote_only: bool,
    /// How the talent answers scouts.
    pub scout_replies: Replies,
}

impl TalentDoc {
    /// The record and the text it is found by.
    pub fn from_row(
        row: &TalentRow,
        created_at: chrono::NaiveDateTime,
        committed_hours: i32,
        scout_replies: Replies,
        tax: &Taxonomy,
    ) -> Result<(Self, String), ApiError> {
        let skills: Vec<TalentSkill> = from_text(&row.skills)?;
        let challenges: Vec<String> = from_text(&row.challenges)?;
        let ties: Vec<PrefectureTie> = from_text(&row.ties)?;
        let skill_set = tax.skill_set(skills.iter().map(|s| &s.code));
        let challenge_set = tax.challenge_set(&challenges);
        let mut text = vec![row.headline.clone(), row.bio.clone()];
        for s in skill_set.iter() {
            text.push(tax.skills.ja(s).to_owned());
            text.push(tax.skills.en(s).to_owned());
        }
        for c in challenge_set.iter() {
            text.push(tax.challenges.ja(c).to_owned());
            text.push(tax.challenges.en(c).to_owned());
        }
        let seasoned = skills.iter().filter(|s| s.years >= SEASONED_YEARS);
        let mut doc = TalentDoc {
            skills: skill_set,
            seasoned: tax.skill_set(seasoned.map(|s| &s.code)),
            challenges: challenge_set,
            created_at: small(from_db_time(created_at).timestamp(), u32::MAX),
            updated_at: small(from_db_time(row.updated_at).timestamp(), u32::MAX),
            fee: small(row.desired_monthly_fee, u32::MAX),
            free_hours: small(
                i64::from(row.available_hours_per_month - committed_hours),
                i16::MAX,
            ),
            onsite_days: small(i64::from(row.onsite_days_per_month), u8::MAX),
            residence: tax.prefecture_slot(row.residence_prefecture_code.as_deref()),
            discoverable: row.discoverable,
            remote_only: row.remote_only,
            scout_replies,
            ..Default::default()
        };
        for tie in ties {
            if let Some(p) = tax.prefectures.get(&tie.prefecture_code) {
                match tie.kind {
                    TieKind::Hometown => doc.hometown.insert(p),
                    TieKind::LivedThere => doc.lived.insert(p),
                    TieKind::Fan => doc.fan.insert(p),
                }
            }
        }
        Ok((doc, text.join("\n")))
    }

    /// Lives in, or has any tie to, the prefecture numbered `p`.
    pub fn tied_to(&self, p: u8) -> bool {
        self.residence == p.saturating_add(1)
            || self.hometown.contains(p)
            || self.lived.contains(p)
            || self.fan.contains(p)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_stay_small() {
        // A recommendation reads every talent record once: their size is its cost.
        assert!(std::mem::size_of::<TalentDoc>() <= 88);
        assert!(std::mem::size_of::<ProjectDoc>() <= 96);
    }
}
