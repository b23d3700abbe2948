//! The matching model: a score from 0 to 100 made of named factors, each explained in words,
//! so a company (or a talent) can see why a match is proposed.
//!
//! | factor | max | how |
//! |---|---|---|
//! | required skills | 40 | share of the posting's required skills the talent has |
//! | preferred skills | 10 | share of the preferred skills |
//! | challenge | 10 | the talent has taken on one of the posting's challenges |
//! | hours | 10 | free hours cover the posting's monthly hours (partly, in proportion) |
//! | fee | 10 | the posting's fee meets the talent's wish (partly, within 30% below it) |
//! | location | 8 | remote allowed, or the talent can come on site as often as asked |
//! | prefecture tie | 7 | lives there / hometown 7, lived there 5, fan 3 |
//! | new | 5 | fair exposure: talent registered, or postings published, in the last 14 days |
//!
//! The total is capped at 100. Equal scores are ordered by a per-day rotation rather than by
//! id, so the same people are not always first (see `rotation`).

use kakehashi_shared::enums::TieKind;
use kakehashi_shared::search::Reason;

use super::docs::{ProjectDoc, TalentDoc, Taxonomy};

const NEW_DAYS: i64 = 14;

/// Receives each factor that gave points. Texts are built only when asked for, so ranking a
/// million candidates allocates nothing; reasons are written for the few that are shown.
pub trait Factors {
    fn add(&mut self, factor: &str, points: i32, text: impl FnOnce() -> (String, String));
}

/// Sums points only (for ranking).
pub struct Points(pub i32);

impl Factors for Points {
    fn add(&mut self, _: &str, points: i32, _: impl FnOnce() -> (String, String)) {
        self.0 += points;
    }
}

/// Collects reasons in words (for the results shown).
pub struct Reasons(pub Vec<Reason>);

impl Factors for Reasons {
    fn add(&mut self, factor: &str, points: i32, text: impl FnOnce() -> (String, String)) {
        let (text_ja, text_en) = text();
        self.0.push(Reason {
            factor: factor.to_owned(),
            points,
            text_ja,
            text_en,
        });
    }
}

/// The score of `talent` for `project` (capped at 100) and its reasons.
pub fn score(
    project: &ProjectDoc,
    talent: &TalentDoc,
    tax: &Taxonomy,
    now: i64,
    new_side: NewSide,
) -> (i32, Vec<Reason>) {
    let mut reasons = Reasons(Vec::new());
    factors(project, talent, tax, now, new_side, &mut reasons);
    let total = reasons.0.iter().map(|r| r.points).sum::<i32>().min(100);
    (total, reasons.0)
}

/// The score alone, without building any text.
pub fn points(
    project: &ProjectDoc,
    talent: &TalentDoc,
    tax: &Taxonomy,
    now: i64,
    new_side: NewSide,
) -> i32 {
    let mut sum = Points(0);
    factors(project, talent, tax, now, new_side, &mut sum);
    sum.0.min(100)
}

fn factors(
    project: &ProjectDoc,
    talent: &TalentDoc,
    tax: &Taxonomy,
    now: i64,
    new_side: NewSide,
    out: &mut impl Factors,
) {
    let has = |code: &String| talent.skills.iter().any(|(s, _)| s == code);
    let matched = project.required.iter().filter(|s| has(s)).count();
    if matched > 0 {
        out.add(
            "required_skills",
            share(40, matched, project.required.len()),
            || {
                let names: Vec<&String> = project.required.iter().filter(|s| has(s)).collect();
                let ja: Vec<&str> = names.iter().map(|s| tax.skill_ja(s)).collect();
                let en: Vec<&str> = names.iter().map(|s| tax.skill_en(s)).collect();
                (
                    format!(
                        "必須スキル {}/{} 一致（{}）",
                        matched,
                        project.required.len(),
                        ja.join("、")
                    ),
                    format!(
                        "Required skills {}/{} matched ({})",
                        matched,
                        project.required.len(),
                        en.join(", ")
                    ),
                )
            },
        );
    }
    let preferred = project.preferred.iter().filter(|s| has(s)).count();
    if preferred > 0 {
        out.add(
            "preferred_skills",
            share(10, preferred, project.preferred.len()),
            || {
                (
                    format!("歓迎スキル {}/{} 一致", preferred, project.preferred.len()),
                    format!(
                        "Preferred skills {}/{} matched",
                        preferred,
                        project.preferred.len()
                    ),
                )
            },
        );
    }
    if let Some(c) = project
        .challenges
        .iter()
        .find(|c| talent.challenges.contains(c))
    {
        out.add("challenge", 10, || {
            let (ja, en) = tax
                .challenges
                .get(c)
                .map_or((c.as_str(), c.as_str()), |x| (x.1.as_str(), x.2.as_str()));
            (
                format!("「{ja}」に取り組んだ経験"),
                format!("Has taken on “{en}”"),
            )
        });
    }
    if project.hours > 0 && talent.free_hours > 0 {
        let covered = talent.free_hours.min(project.hours) as usize;
        out.add("hours", share(10, covered, project.hours as usize), || {
            (
                format!(
                    "月{}時間 稼働可（募集は月{}時間）",
                    talent.free_hours, project.hours
                ),
                format!(
                    "{} h/month free ({} asked)",
                    talent.free_hours, project.hours
                ),
            )
        });
    }
    if project.fee >= talent.fee {
        out.add("fee", 10, || {
            (
                "報酬が希望額を満たす".to_owned(),
                "The fee meets the talent's wish".to_owned(),
            )
        });
    } else if project.fee * 10 >= talent.fee * 7 {
        out.add("fee", 5, || {
            (
                "報酬が希望額に近い".to_owned(),
                "The fee is close to the talent's wish".to_owned(),
            )
        });
    }
    if project.remote && (talent.remote_only || project.onsite_days == 0) {
        out.add("location", 8, || {
            (
                "リモートで稼働可".to_owned(),
                "Can work remotely".to_owned(),
            )
        });
    } else if !talent.remote_only && talent.onsite_days >= project.onsite_days {
        out.add("location", 8, || {
            (
                format!("現地に月{}日 来訪可", talent.onsite_days),
                format!("Can come on site {} day(s) a month", talent.onsite_days),
            )
        });
    }
    if let Some((points, kind)) = tie(project, talent) {
        out.add("prefecture_tie", points, || {
            let (ja, en) = (
                tax.prefecture_ja(&project.prefecture),
                tax.prefecture_en(&project.prefecture),
            );
            match kind {
                None => (format!("{ja}在住"), format!("Lives in {en}")),
                Some(TieKind::Hometown) => (format!("{ja}出身"), format!("From {en}")),
                Some(TieKind::LivedThere) => {
                    (format!("{ja}に住んだ経験"), format!("Has lived in {en}"))
                }
                Some(TieKind::Fan) => (format!("{ja}のファン"), format!("A fan of {en}")),
            }
        });
    }
    let fresh = match new_side {
        NewSide::Talent => now - talent.created_at < NEW_DAYS * 86_400,
        NewSide::Project => now - project.published_at < NEW_DAYS * 86_400,
    };
    if fresh {
        out.add("new", 5, || match new_side {
            NewSide::Talent => (
                "新しく登録した人材".to_owned(),
                "Newly registered".to_owned(),
            ),
            NewSide::Project => ("新着の募集".to_owned(), "Newly published".to_owned()),
        });
    }
}

/// Which side's newness earns the fair-exposure points.
#[derive(Debug, Clone, Copy)]
pub enum NewSide {
    Talent,
    Project,
}

fn share(max: i32, part: usize, whole: usize) -> i32 {
    if whole == 0 {
        return 0;
    }
    i32::try_from(part * usize::try_from(max).unwrap_or(0) / whole).unwrap_or(max)
}

/// Points for a tie to the posting's prefecture: living there (`None`) or the strongest tie.
fn tie(project: &ProjectDoc, talent: &TalentDoc) -> Option<(i32, Option<TieKind>)> {
    if talent.residence.as_deref() == Some(project.prefecture.as_str()) {
        return Some((7, None));
    }
    let kind = talent
        .ties
        .iter()
        .filter(|(p, _)| *p == project.prefecture)
        .map(|(_, k)| *k)
        .min_by_key(|k| match k {
            TieKind::Hometown => 0,
            TieKind::LivedThere => 1,
            TieKind::Fan => 2,
        })?;
    let points = match kind {
        TieKind::Hometown => 7,
        TieKind::LivedThere => 5,
        TieKind::Fan => 3,
    };
    Some((points, Some(kind)))
}

/// Orders equal scores differently each day, so ties do not always favour the same ids.
pub fn rotation(id: i64, now: i64) -> u64 {
    let day = u64::try_from(now / 86_400).unwrap_or(0);
    // SplitMix64 of (id, day): cheap and well spread.
    let mut z = u64::from_ne_bytes(id.to_ne_bytes()) ^ day.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
