//! The validation rules on arbitrary input: they never panic, they say exactly what the
//! documented rule says, and each error names the field it was given.

use chrono::NaiveDate;
use kakehashi_shared::embed::{is_referral_code, referral_from_query};
use kakehashi_shared::engagement::parse_month;
use kakehashi_shared::enums::ContractType;
use kakehashi_shared::validation::{is_email, is_prefecture_code, limits, normalize_email};
use kakehashi_shared::FieldErrors;
use proptest::prelude::*;
use proptest::sample::select;

/// Arbitrary Unicode, weighted towards what breaks byte-counting code: multi-byte Japanese,
/// combining marks, emoji, odd whitespace and control characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ 　\t\n\u{3000}\u{00A0}a-z岩手県ｶﾅ\u{0301}🎌\u{200B}\u{0}]{0,12}",
    ]
}

proptest! {
    /// A required text: `required` when blank, `too_short` under `min` characters (ignoring
    /// surrounding spaces), `too_long` over `max` characters; counts are characters, not bytes.
    #[test]
    fn text_rules(value in text(), min in 0usize..6, extra in 0usize..6) {
        let max = min + extra;
        let mut e = FieldErrors::new();
        e.text("title", &value, min, max);
        let trimmed = value.trim().chars().count();
        let total = value.chars().count();
        let want = if min > 0 && trimmed == 0 {
            Some("required")
        } else if trimmed < min {
            Some("too_short")
        } else if total > max {
            Some("too_long")
        } else {
            None
        };
        prop_assert_eq!(e.0.first().map(|f| f.code.as_str()), want);
        prop_assert!(e.0.len() <= 1);
        prop_assert!(e.0.iter().all(|f| f.field == "title" && !f.message.is_empty()));
    }

    /// Email checks never panic; an accepted address has one `@`-separated dotted domain and
    /// no whitespace; every error names the field.
    #[test]
    fn email_rules(value in prop_oneof![text(), "[a-zA-Z0-9.+_-]{0,12}@[a-z0-9.-]{0,12}"]) {
        let mut e = FieldErrors::new();
        e.email("email", &value);
        prop_assert!(e.0.iter().all(|f| f.field == "email"));
        if is_email(&value) {
            prop_assert!(e.is_empty());
            prop_assert!(!value.contains(char::is_whitespace));
            let (_, domain) = value.rsplit_once('@').unwrap();
            prop_assert!(domain.contains('.'));
            prop_assert!(value.len() <= limits::EMAIL_MAX);
        } else {
            prop_assert_eq!(e.0.len(), 1);
        }
        let once = normalize_email(&value);
        prop_assert_eq!(normalize_email(&once), once.clone());
    }

    /// Ordinary addresses are accepted, and the stored key is their lower case.
    #[test]
    fn ordinary_emails_pass(local in "[a-zA-Z0-9][a-zA-Z0-9._+-]{0,20}[a-zA-Z0-9]", host in "[a-z0-9]{1,20}", tld in "[a-z]{2,6}") {
        prop_assume!(!local.contains(".."));
        let email = format!("{local}@{host}.{tld}");
        prop_assert!(is_email(&email), "{email}");
        prop_assert_eq!(normalize_email(&format!("  {}  ", email.to_uppercase())), email.to_lowercase());
    }

    /// Prefecture codes are exactly "01" to "47".
    #[test]
    fn prefecture_codes(value in prop_oneof![text(), "[0-9+ -]{1,3}", (0u32..100).prop_map(|n| format!("{n:02}"))]) {
        let want = (1..=47).any(|n| format!("{n:02}") == value);
        prop_assert_eq!(is_prefecture_code(&value), want);
        let mut e = FieldErrors::new();
        e.prefecture_code("prefecture_code", &value);
        prop_assert_eq!(e.is_empty(), want);
        prop_assert!(e.0.iter().all(|f| f.field == "prefecture_code"));
    }

    /// Monthly hours stay within `min..=200`; monthly fees within 0..=2,000,000 yen, unpaid
    /// only for pro bono work.
    #[test]
    fn hours_and_fees(hours in any::<i32>(), small_hours in -5i32..210, min in 0i32..2,
                      fee in any::<i64>(), small_fee in -5i64..2_000_005,
                      contract_type in prop::option::of(select(ContractType::ALL))) {
        for h in [hours, small_hours] {
            let mut e = FieldErrors::new();
            e.monthly_hours("hours", h, min);
            prop_assert_eq!(e.is_empty(), (min..=200).contains(&h));
            prop_assert!(e.0.iter().all(|f| f.field == "hours" && f.code == "out_of_range"));
        }
        for f in [fee, small_fee, 0] {
            let mut e = FieldErrors::new();
            e.monthly_fee("monthly_fee", f, contract_type);
            let paid_or_free = f > 0 || contract_type.is_none_or(|t| t == ContractType::ProBono);
            prop_assert_eq!(e.is_empty(), (0..=2_000_000).contains(&f) && paid_or_free);
            prop_assert!(e.0.iter().all(|x| x.field == "monthly_fee"));
        }
    }

    /// Dates outside 2000–2100 are refused (PostgreSQL cannot store chrono's far years).
    #[test]
    fn plausible_dates(days in -5_000_000i32..5_000_000) {
        let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
        let mut e = FieldErrors::new();
        e.plausible_date("start_date", date);
        use chrono::Datelike;
        prop_assert_eq!(e.is_empty(), (2000..=2100).contains(&date.year()));
    }

    /// `YYYY-MM` is read as four digits, a dash and two digits, and nothing else is: a month
    /// that could be spelt two ways would let two reports cover one month.
    #[test]
    fn months(value in prop_oneof![text(), "[0-9+ -]{4}-[0-9+ -]{2}", "[0-9]{4}-[0-9]{2}"]) {
        let shape = value.len() == 7
            && value.as_bytes()[4] == b'-'
            && value.bytes().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit());
        match parse_month(&value) {
            Some(first) => {
                prop_assert!(shape, "{value:?} read as {first}");
                prop_assert_eq!(first.format("%Y-%m").to_string(), value);
            }
            None => prop_assert!(!shape || !(1..=12).contains(&value[5..].parse::<u32>().unwrap())),
        }
    }

    /// Referral codes are 3–40 ASCII letters, digits, `-` or `_`; the app only ever keeps a
    /// code of that shape from an address's query string, however the address looks.
    #[test]
    fn referral_codes(code in prop_oneof![text(), "[a-zA-Z0-9_-]{0,45}", "[a-z0-9_ -]{2,6}"],
                      query in prop_oneof![text(), "\\??([a-z]{1,4}=[^&]{0,12}&){0,3}ref=[^&]{0,45}(&[a-z]=[a-z]{0,3})?"]) {
        let want = (3..=40).contains(&code.chars().count())
            && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        prop_assert_eq!(is_referral_code(&code), want);
        if let Some(found) = referral_from_query(&query) {
            prop_assert!(is_referral_code(&found));
            let pair = format!("ref={found}");
            prop_assert!(query.contains(&pair));
        }
    }
}
