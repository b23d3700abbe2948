//! Request bodies: valid ones survive a JSON round trip unchanged and stay valid; arbitrary
//! ones never make `validate` panic and every error names a field of the body.

use chrono::NaiveDate;
use kakehashi_shared::auth::{NewCompany, RegisterRequest};
use kakehashi_shared::contract::{ContractTerms, MAX_PAYMENT_DAYS};
use kakehashi_shared::engagement::WorkReportInput;
use kakehashi_shared::enums::{AccountType, ContractType};
use kakehashi_shared::Validate;
use proptest::prelude::*;
use proptest::sample::select;

/// Free text of 1–60 characters that is not blank: Japanese, Latin, emoji, newlines.
fn words() -> impl Strategy<Value = String> {
    "[^\\s][\\PC\n]{0,59}"
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ a-z岩手@.0-9]{0,12}"]
}

fn company() -> impl Strategy<Value = NewCompany> {
    (words(), "[A-T]", 1u32..=47, words()).prop_map(|(name, industry, pref, town)| NewCompany {
        name,
        industry_code: industry,
        prefecture_code: format!("{pref:02}"),
        municipality: town,
    })
}

fn valid_register() -> impl Strategy<Value = RegisterRequest> {
    (
        select(AccountType::ALL),
        "[a-z0-9]{1,20}@[a-z0-9]{1,20}\\.(jp|com|co\\.jp)",
        "\\PC{10,60}",
        words(),
        company(),
        prop::option::of("[a-zA-Z0-9_-]{3,40}"),
    )
        .prop_map(
            |(account_type, email, password, display_name, company, referral_code)| {
                RegisterRequest {
                    account_type,
                    email,
                    password,
                    display_name,
                    company: (account_type == AccountType::Company).then_some(company),
                    referral_code,
                }
            },
        )
}

fn terms(payment_days: impl Strategy<Value = i32>) -> impl Strategy<Value = ContractTerms> {
    (
        select(ContractType::ALL),
        prop::collection::vec(words(), 9),
        1i32..=200,
        1i64..=2_000_000,
        payment_days,
        (2000i32..=2100, 1u32..=12, 1u32..=28),
        1i32..=24,
        prop::option::of(0i32..=90),
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(contract_type, texts, hours, fee, payment_days, (y, m, d), term, trial, flags)| {
                let t = |i: usize| texts[i].clone();
                ContractTerms {
                    contract_type,
                    tasks: t(0),
                    deliverables: t(1),
                    monthly_hours: hours,
                    monthly_fee: fee,
                    payment_days,
                    payment_method: t(2),
                    expenses: t(3),
                    acceptance: t(4),
                    start_date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
                    term_months: term,
                    renews_monthly: flags.0,
                    trial_days: trial,
                    intellectual_property: t(5),
                    confidentiality: t(6),
                    nda_required: flags.1,
                    change_procedure: t(7),
                    defects_and_delays: t(8),
                }
            },
        )
}

proptest! {
    #[test]
    fn valid_registrations_round_trip(req in valid_register()) {
        prop_assert_eq!(req.validate(), Ok(()));
        let json = serde_json::to_vec(&req).unwrap();
        let back: RegisterRequest = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(&back, &req);
        prop_assert_eq!(back.validate(), Ok(()));
    }

    /// Arbitrary registrations never panic; each error names a field of the body (nested
    /// company fields as `company.<field>`).
    #[test]
    fn registration_errors_name_fields(
        account_type in select(AccountType::ALL),
        email in any_text(), password in any_text(), display_name in any_text(),
        company in prop::option::of((any_text(), any_text(), any_text(), any_text())),
        referral_code in prop::option::of(any_text()),
    ) {
        let req = RegisterRequest {
            account_type, email, password, display_name,
            company: company.map(|(name, industry_code, prefecture_code, municipality)| NewCompany {
                name, industry_code, prefecture_code, municipality,
            }),
            referral_code,
        };
        if let Err(errors) = req.validate() {
            prop_assert!(!errors.is_empty());
            for e in &errors.0 {
                prop_assert!([
                    "email", "password", "display_name", "company", "referral_code",
                    "company.name", "company.industry_code", "company.prefecture_code",
                    "company.municipality",
                ].contains(&e.field.as_str()), "{e:?}");
                prop_assert!(!e.code.is_empty() && !e.message.is_empty());
            }
        }
    }

    /// Contract terms within every rule round-trip and validate.
    #[test]
    fn valid_terms_round_trip(t in terms(0..=MAX_PAYMENT_DAYS)) {
        prop_assert_eq!(t.validate(), Ok(()));
        let back: ContractTerms = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        prop_assert_eq!(back, t);
    }

    /// Payment later than 60 days after receiving the work (a 90-day term, say) breaks the
    /// freelance law and is refused on `payment_days` alone; negative days too.
    #[test]
    fn late_payment_is_refused(t in terms(prop_oneof![Just(90), MAX_PAYMENT_DAYS + 1..=i32::MAX, i32::MIN..0])) {
        let errors = t.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        prop_assert_eq!(fields, ["payment_days"]);
        let want = if t.payment_days > 0 { "payment_too_late" } else { "out_of_range" };
        prop_assert_eq!(errors.0[0].code.as_str(), want);
    }

    /// Any JSON text as a work report: parsing fails cleanly or the report validates without
    /// panicking, and its errors name its fields.
    #[test]
    fn work_reports_from_any_json(month in any_text(), hours in any::<i32>(), summary in any_text(), rest in any_text()) {
        let body = serde_json::json!({
            "month": month, "hours": hours, "summary": summary, "outcomes": rest, "next_steps": rest,
        });
        let report: WorkReportInput = serde_json::from_value(body).unwrap();
        if let Err(errors) = report.validate() {
            for e in &errors.0 {
                prop_assert!(["month", "hours", "summary", "outcomes", "next_steps"].contains(&e.field.as_str()));
            }
        }
    }
}
