//! Texts with numbers in them, written as UI.md asks in each language: money as
//! ¥30,000 / 月, hours as 月30時間, counts as 12件.

use super::Lang;

/// ¥ with thousands separators: ¥30,000.
pub fn yen(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if amount < 0 {
        format!("−¥{out}")
    } else {
        format!("¥{out}")
    }
}

/// A monthly fee; 0 is pro bono work, said in words rather than as ¥0.
pub fn monthly_fee(lang: Lang, fee: i64) -> String {
    match (lang, fee) {
        (Lang::Ja, 0) => "無償（プロボノ）".to_owned(),
        (Lang::En, 0) => "Unpaid (pro bono)".to_owned(),
        (Lang::Ja, _) => format!("{} / 月", yen(fee)),
        (Lang::En, _) => format!("{} / month", yen(fee)),
    }
}

/// Hours a month: 月30時間.
pub fn monthly_hours(lang: Lang, hours: i32) -> String {
    match lang {
        Lang::Ja => format!("月{hours}時間"),
        Lang::En => format!("{hours} h a month"),
    }
}

/// At most so many hours a month (a search filter).
pub fn hours_up_to(lang: Lang, hours: i32) -> String {
    match lang {
        Lang::Ja => format!("月{hours}時間まで"),
        Lang::En => format!("Up to {hours} h a month"),
    }
}

/// Days on site a month; none said in words.
pub fn onsite_days(lang: Lang, days: i32) -> String {
    match (lang, days) {
        (Lang::Ja, 0) => "現地訪問なし（フルリモート）".to_owned(),
        (Lang::En, 0) => "No days on site (fully remote)".to_owned(),
        (Lang::Ja, _) => format!("現地 月{days}日"),
        (Lang::En, 1) => "On site 1 day a month".to_owned(),
        (Lang::En, _) => format!("On site {days} days a month"),
    }
}

/// A length in months: 3か月 / 3 months.
pub fn months(lang: Lang, n: i32) -> String {
    match (lang, n) {
        (Lang::Ja, _) => format!("{n}か月"),
        (Lang::En, 1) => "1 month".to_owned(),
        (Lang::En, _) => format!("{n} months"),
    }
}

/// A length in days: 45日 / 45 days.
pub fn days(lang: Lang, n: i32) -> String {
    match (lang, n) {
        (Lang::Ja, _) => format!("{n}日"),
        (Lang::En, 1) => "1 day".to_owned(),
        (Lang::En, _) => format!("{n} days"),
    }
}

/// How many postings match: 12件の案件 / 12 projects.
pub fn project_count(lang: Lang, n: u64) -> String {
    match (lang, n) {
        (Lang::Ja, _) => format!("{n}件の案件"),
        (Lang::En, 1) => "1 project".to_owned(),
        (Lang::En, _) => format!("{n} projects"),
    }
}

/// An option of a filter with the number of matches beside it: 岩手県（2） / Iwate (2).
pub fn with_count(lang: Lang, label: &str, count: u64) -> String {
    match lang {
        Lang::Ja => format!("{label}（{count}）"),
        Lang::En => format!("{label} ({count})"),
    }
}

/// A range of yen: ¥30,000〜¥49,999, or open at either end.
pub fn fee_range(lang: Lang, min: Option<i64>, max: Option<i64>) -> String {
    match (lang, min, max) {
        (Lang::Ja, None | Some(0), Some(hi)) => format!("{}まで", yen(hi)),
        (Lang::En, None | Some(0), Some(hi)) => format!("Up to {}", yen(hi)),
        (Lang::Ja, Some(lo), Some(hi)) => format!("{}〜{}", yen(lo), yen(hi)),
        (Lang::En, Some(lo), Some(hi)) => format!("{}–{}", yen(lo), yen(hi)),
        (Lang::Ja, Some(lo), None) => format!("{}以上", yen(lo)),
        (Lang::En, Some(lo), None) => format!("{} and over", yen(lo)),
        (_, None, None) => String::new(),
    }
}

/// A match score: 82 / 100.
pub fn score(lang: Lang, score: i32) -> String {
    match lang {
        Lang::Ja => format!("一致度 {score} / 100"),
        Lang::En => format!("Match {score} / 100"),
    }
}

/// A reason's points, signed: +40 / −5.
pub fn points(points: i32) -> String {
    if points < 0 {
        format!("−{}", points.unsigned_abs())
    } else {
        format!("+{points}")
    }
}

/// Characters typed against a limit: 120 / 4000文字.
pub fn char_count(lang: Lang, used: usize, max: usize) -> String {
    match lang {
        Lang::Ja => format!("{used} / {max}文字"),
        Lang::En => format!("{used} / {max} characters"),
    }
}

/// The numbered label of a screening question: 質問1 / Question 1.
pub fn question_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("質問{n}"),
        Lang::En => format!("Question {n}"),
    }
}

/// Years of practice of a skill: 経験年数 / Years.
pub fn years_label(lang: Lang, skill: &str) -> String {
    match lang {
        Lang::Ja => format!("{skill}の経験年数"),
        Lang::En => format!("Years of {skill}"),
    }
}

/// A date and time in the reader's time zone (the browser's): 2026年12月1日 10:00 /
/// 1 Dec 2026, 10:00. Interview times are moments, unlike deadlines shown as days.
pub fn date_time(lang: Lang, at: &chrono::DateTime<chrono::Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let (hour, minute) = (date.get_hours(), date.get_minutes());
    let day = super::format_date(lang, at);
    match lang {
        Lang::Ja => format!("{day} {hour}:{minute:02}"),
        Lang::En => format!("{day}, {hour}:{minute:02}"),
    }
}

/// How long an interview lasts: 60分 / 60 minutes.
pub fn minutes(lang: Lang, n: i32) -> String {
    match lang {
        Lang::Ja => format!("{n}分"),
        Lang::En => format!("{n} minutes"),
    }
}

/// How far a long form is: 7項目中5項目を入力済み / 5 of 7 sections filled in.
pub fn sections_done(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total}項目中{done}項目を入力済み"),
        Lang::En => format!("{done} of {total} sections filled in"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yen_has_separators() {
        assert_eq!(yen(0), "¥0");
        assert_eq!(yen(999), "¥999");
        assert_eq!(yen(30_000), "¥30,000");
        assert_eq!(yen(1_500_000), "¥1,500,000");
    }
}
