//! Query strings and the small parsers behind them: list pagination (`limit`, `cursor`), the
//! catalogue search's parameters as the app keeps them in its address and the client sends
//! them, the partner's `?ref=` code, wire enum spellings, `YYYY-MM` months, emails and
//! prefecture codes. Nothing may panic; what is accepted has the documented shape.
#![no_main]

use actix_web::web::Query;
use kakehashi::pagination::{PageQuery, MAX_LIMIT};
use kakehashi_shared::embed::{is_referral_code, referral_from_query};
use kakehashi_shared::engagement::parse_month;
use kakehashi_shared::enums::{ContractType, Role};
use kakehashi_shared::search::ProjectSearchParams;
use kakehashi_shared::validation::{is_email, is_prefecture_code};
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus, ProjectStatus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    // Pagination: a page of 1–100 and a cursor that is a positive id, or a 422.
    if let Ok(q) = Query::<PageQuery>::from_query(query) {
        if let Ok(page) = q.request() {
            assert!((1..=MAX_LIMIT).contains(&page.limit));
            assert!(page.before.is_none_or(|id| id > 0));
            assert_eq!(page.fetch(), page.limit + 1);
        }
    }

    // The app reads the search from its address and sends it with the client: what it reads
    // is sent as the same parameters.
    if let Ok(params) = Query::<ProjectSearchParams>::from_query(query) {
        let params = params.into_inner();
        let sent = serde_urlencoded::to_string(&params).expect("parameters serialise");
        let back = Query::<ProjectSearchParams>::from_query(&sent).expect("sent query parses");
        assert_eq!(back.into_inner(), params, "{sent}");
    }

    if let Some(code) = referral_from_query(query) {
        assert!(is_referral_code(&code));
    }
    if let Some(month) = parse_month(query) {
        assert_eq!(month.format("%Y-%m").to_string(), query);
    }
    if is_email(query) {
        assert!(query.contains('@') && !query.contains(char::is_whitespace));
    }
    if is_prefecture_code(query) {
        assert!(query.len() == 2 && (1..=47).contains(&query.parse::<u8>().unwrap_or(0)));
    }
    for spelled in [
        Role::parse(query).map(Role::as_str),
        ContractType::parse(query).map(ContractType::as_str),
        ProjectStatus::parse(query).map(ProjectStatus::as_str),
        ApplicationStatus::parse(query).map(ApplicationStatus::as_str),
        ApplicationAction::parse(query).map(ApplicationAction::as_str),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(spelled, query);
    }
});
