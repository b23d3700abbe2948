//! The matching model: a score from 0 to 100 made of named factors, each explained in words,
//! so a company (or a talent) can see why a match is proposed. Factors that make a match
//! unworkable take points away, and say so.
//!
//! | factor | points | how |
//! |---|---|---|
//! | required skills | up to 40 | share of the posting's required skills the talent has; a skill practised under 3 years counts half |
//! | preferred skills | up to 10 | share of the preferred skills |
//! | challenge | 10 | the talent has taken on one of the posting's challenges |
//! | hours | up to 10, or −10 | free hours cover the posting's monthly hours (in proportion); under half of them: −10 |
//! | fee | 10, 5, or −15 | the fee meets the talent's wish; within 30% below it; under half of it: −15 |
//! | location | 8, or −10 / −20 | remote work as asked, or on-site days the talent can come; cannot come as often as asked: −10; on-site only and the talent is remote-only: −20 |
//! | prefecture tie | 7 / 5 / 3 | lives there or hometown 7, lived there 5, fan 3 |
//! | responsiveness | 5, or −5 | the talent answers scouts within 7 days (the company answers applications before the deadline) at least 8 times in 10; under half of at least 3: −5 |
//! | new | 5 | fair exposure: talent registered, or postings published, in the last 14 days |
//!
//! The total is kept between 0 and 100. Equal scores are ordered by a per-day rotation rather
//! than by id, so the same people are not always first (see `rotation`).

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
    let total = reasons
        .0
        .iter()
        .map(|r| r.points)
        .sum::<i32>()
        .clamp(0, 100);
    (total, reasons.0)
}

/// The score alone, without building any text.
#[inline]
pub fn points(
    project: &ProjectDoc,
    talent: &TalentDoc,
    tax: &Taxonomy,
    now: i64,
    new_side: NewSide,
) -> i32 {
    let mut sum = Points(0);
    factors(project, talent, tax, now, new_side, &mut sum);
    sum.0.clamp(0, 100)
}

/// The most the factors `upper_bound` does not compute can give (hours 10, location 8, tie 7,
/// responsiveness 5, new 5). Keep in step with `factors`.
const OTHERS_MAX: i32 = 35;

const CHALLENGE_POINTS: i32 = 10;

/// A bound no score of `talent` for `project` exceeds, from the cheap factors alone (skills
/// and challenges are a few popcounts, the fee two comparisons): a ranking skips a record
/// whose bound cannot reach its list.
#[inline]
pub fn upper_bound(project: &ProjectDoc, talent: &TalentDoc) -> i32 {
    let halves =
        talent.skills.common(&project.required) + talent.seasoned.common(&project.required);
    let required = share(40, halves, 2 * project.required.len());
    let preferred = share(
        10,
        talent.skills.common(&project.preferred),
        project.preferred.len(),
    );
    let challenge = if project.challenges.intersects(&talent.challenges) {
        CHALLENGE_POINTS
    } else {
        0
    };
    (required + preferred + challenge + fee_points(project, talent) + OTHERS_MAX).min(100)
}

/// The fee factor: the wish met 10, within 30% below it 5, under half of it −15.
#[inline]
fn fee_points(project: &ProjectDoc, talent: &TalentDoc) -> i32 {
    let (fee, wish) = (u64::from(project.fee), u64::from(talent.fee));
    if fee >= wish {
        10
    } else if fee * 10 >= wish * 7 {
        5
    } else if fee * 2 < wish {
        -15
    } else {
        0
    }
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
        // Half points for a skill practised under `SEASONED_YEARS`: counted in halves.
        let halves = matched + talent.seasoned.common(&project.required);
        out.add("required_skills", share(40, halves, 2 * required), || {
            let names = project.required.and(&talent.skills);
            let name = |s: u8, lang: fn(&Taxonomy, u8) -> &str, junior: &str| {
                let n = lang(tax, s);
                if talent.seasoned.contains(s) {
                    n.to_owned()
                } else {
                    format!("{n}{junior}")
                }
            };
            let ja: Vec<String> = names
                .iter()
                .map(|s| name(s, |t, s| t.skills.ja(s), "（経験3年未満）"))
                .collect();
            let en: Vec<String> = names
                .iter()
                .map(|s| name(s, |t, s| t.skills.en(s), " (under 3 years)"))
                .collect();
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
        out.add("challenge", CHALLENGE_POINTS, || {
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
    if asked > 0 && free > 0 && free * 2 < asked {
        out.add("hours", -10, || {
            (
                format!("稼働可能は月{free}時間で、募集（月{asked}時間）の半分未満"),
                format!("Only {free} h/month free, under half of the {asked} asked"),
            )
        });
    } else if asked > 0 && free > 0 {
        let covered = free.min(asked).unsigned_abs();
        out.add("hours", share(10, covered, asked.unsigned_abs()), || {
            (
                format!("月{free}時間 稼働可（募集は月{asked}時間）"),
                format!("{free} h/month free ({asked} asked)"),
            )
        });
    }
    match fee_points(project, talent) {
        0 => {}
        10 => out.add("fee", 10, || {
            (
                "報酬が希望額を満たす".to_owned(),
                "The fee meets the talent's wish".to_owned(),
            )
        }),
        5 => out.add("fee", 5, || {
            (
                "報酬が希望額に近い".to_owned(),
                "The fee is close to the talent's wish".to_owned(),
            )
        }),
        points => out.add("fee", points, || {
            (
                "報酬が希望額の半分未満".to_owned(),
                "The fee is under half the talent's wish".to_owned(),
            )
        }),
    }
    let days = project.onsite_days;
    // A remote-only talent comes on site no day at all.
    let can_come = if talent.remote_only {
        0
    } else {
        talent.onsite_days
    };
    if project.remote && days == 0 {
        out.add("location", 8, || {
            (
                "リモートで稼働可".to_owned(),
                "Can work remotely".to_owned(),
            )
        });
    } else if !project.remote && talent.remote_only {
        out.add("location", -20, || {
            (
                "リモートのみ希望（募集は現地での稼働）".to_owned(),
                "Remote only, and the posting is on site".to_owned(),
            )
        });
    } else if can_come >= days {
        out.add("location", 8, || {
            (
                format!("現地に月{can_come}日 来訪可（募集は月{days}日）"),
                format!("Can come on site {can_come} day(s) a month ({days} asked)"),
            )
        });
    } else {
        out.add("location", -10, || {
            (
                format!("現地来訪は月{can_come}日まで（募集は月{days}日）"),
                format!("Can come on site {can_come} day(s) a month ({days} asked)"),
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
    let replies = match new_side {
        NewSide::Talent => talent.scout_replies,
        NewSide::Project => project.company_replies,
    };
    let (asked, in_time) = (u32::from(replies.asked), u32::from(replies.in_time));
    if asked > 0 && in_time * 10 >= asked * 8 {
        out.add("responsiveness", 5, || match new_side {
            NewSide::Talent => (
                format!("スカウトに7日以内に返信（{in_time}/{asked}件）"),
                format!("Answers scouts within 7 days ({in_time} of {asked})"),
            ),
            NewSide::Project => (
                format!("応募に期限内に返信する企業（{in_time}/{asked}件）"),
                format!("Answers applications in time ({in_time} of {asked})"),
            ),
        });
    } else if asked >= 3 && in_time * 2 < asked {
        out.add("responsiveness", -5, || match new_side {
            NewSide::Talent => (
                format!("スカウトへの返信が少ない（{in_time}/{asked}件）"),
                format!("Seldom answers scouts ({in_time} of {asked})"),
            ),
            NewSide::Project => (
                format!("応募への返信が遅れがち（期限内 {in_time}/{asked}件）"),
                format!("Often answers applications late ({in_time} of {asked} in time)"),
            ),
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

/// Which side is recommended: its newness and its responsiveness count.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::docs::Replies;

    /// Deterministic variety without a dependency: SplitMix64 steps.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        rotation(i64::from_ne_bytes(state.to_ne_bytes()), 0)
    }

    #[test]
    fn the_bound_is_never_below_the_score() {
        let tax = Taxonomy::compiled().unwrap();
        let mut s = 7;
        for _ in 0..20_000 {
            let mut r = || next(&mut s);
            let mut project = ProjectDoc {
                hours: (r() % 60) as u16,
                onsite_days: (r() % 4) as u8,
                fee: (r() % 300_000) as u32,
                remote: r() % 2 == 0,
                prefecture: (r() % 48) as u8,
                published_at: (r() % 10_000_000) as i64,
                company_replies: Replies {
                    asked: (r() % 5) as u8,
                    in_time: (r() % 3) as u8,
                },
                ..Default::default()
            };
            project.required.0 = [r() & r() & 0xFFFF, 0];
            project.preferred.0 = [r() & r() & 0xFFFF, 0];
            project.challenges.0 = [r() & r() & 0xFF];
            let mut talent = TalentDoc {
                free_hours: (r() % 60) as i16,
                onsite_days: (r() % 4) as u8,
                fee: (r() % 300_000) as u32,
                remote_only: r() % 3 == 0,
                residence: (r() % 48) as u8,
                created_at: (r() % 10_000_000) as u32,
                ..Default::default()
            };
            talent.skills.0 = [r() & 0xFFFF, 0];
            talent.seasoned = talent.skills.and(&crate::search::taxonomy::Bits([r(), 0]));
            talent.challenges.0 = [r() & 0xFF];
            talent.hometown.0 = [r() & r()];
            let now = 10_000_000;
            for side in [NewSide::Talent, NewSide::Project] {
                let p = points(&project, &talent, &tax, now, side);
                assert!(
                    upper_bound(&project, &talent) >= p,
                    "{project:?} {talent:?}"
                );
                assert_eq!(score(&project, &talent, &tax, now, side).0, p);
            }
        }
    }
}
