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

use super::docs::{ProjectDoc, TalentDoc};
use super::taxonomy::Taxonomy;

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

#[inline]
fn factors(
    project: &ProjectDoc,
    talent: &TalentDoc,
    tax: &Taxonomy,
    now: i64,
    new_side: NewSide,
    out: &mut impl Factors,
) {
    let required = project.required.len();
    let matched = talent.skills.common(&project.required);
    if matched > 0 {
        out.add("required_skills", share(40, matched, required), || {
            let names = project.required.and(&talent.skills);
            let ja: Vec<&str> = names.iter().map(|s| tax.skills.ja(s)).collect();
            let en: Vec<&str> = names.iter().map(|s| tax.skills.en(s)).collect();
            (
                format!("必須スキル {matched}/{required} 一致（{}）", ja.join("、")),
                format!(
                    "Required skills {matched}/{required} matched ({})",
                    en.join(", ")
                ),
            )
        });
    }
    let wished = project.preferred.len();
    let preferred = talent.skills.common(&project.preferred);
    if preferred > 0 {
        out.add("preferred_skills", share(10, preferred, wished), || {
            (
                format!("歓迎スキル {preferred}/{wished} 一致"),
                format!("Preferred skills {preferred}/{wished} matched"),
            )
        });
    }
    if project.challenges.intersects(&talent.challenges) {
        out.add("challenge", 10, || {
            let c = project
                .challenges
                .and(&talent.challenges)
                .iter()
                .next()
                .unwrap_or(0);
            (
                format!("「{}」に取り組んだ経験", tax.challenges.ja(c)),
                format!("Has taken on “{}”", tax.challenges.en(c)),
            )
        });
    }
    let (asked, free) = (i32::from(project.hours), i32::from(talent.free_hours));
    if asked > 0 && free > 0 {
        let covered = free.min(asked).unsigned_abs();
        out.add("hours", share(10, covered, asked.unsigned_abs()), || {
            (
                format!("月{free}時間 稼働可（募集は月{asked}時間）"),
                format!("{free} h/month free ({asked} asked)"),
            )
        });
    }
    let (fee, wish) = (u64::from(project.fee), u64::from(talent.fee));
    if fee >= wish {
        out.add("fee", 10, || {
            (
                "報酬が希望額を満たす".to_owned(),
                "The fee meets the talent's wish".to_owned(),
            )
        });
    } else if fee * 10 >= wish * 7 {
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
            let p = project.prefecture.saturating_sub(1);
            let (ja, en) = (tax.prefectures.ja(p), tax.prefectures.en(p));
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
        NewSide::Talent => now - i64::from(talent.created_at) < NEW_DAYS * 86_400,
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

fn share(max: i32, part: u32, whole: u32) -> i32 {
    if whole == 0 {
        return 0;
    }
    let max = max.unsigned_abs();
    i32::try_from(part.min(whole) * max / whole).unwrap_or(0)
}

/// Points for a tie to the posting's prefecture: living there (`None`) or the strongest tie.
fn tie(project: &ProjectDoc, talent: &TalentDoc) -> Option<(i32, Option<TieKind>)> {
    if project.prefecture == 0 {
        return None;
    }
    if talent.residence == project.prefecture {
        return Some((7, None));
    }
    let p = project.prefecture - 1;
    if talent.hometown.contains(p) {
        Some((7, Some(TieKind::Hometown)))
    } else if talent.lived.contains(p) {
        Some((5, Some(TieKind::LivedThere)))
    } else if talent.fan.contains(p) {
        Some((3, Some(TieKind::Fan)))
    } else {
        None
    }
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
