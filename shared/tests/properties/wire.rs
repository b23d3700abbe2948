//! Wire enums: `parse` reads back exactly what `as_str` prints (the database and query-string
//! spelling), serde agrees with it, and every other text is refused by both.

use kakehashi_shared::api_key::ApiScope;
use kakehashi_shared::application::ScoutStatus;
use kakehashi_shared::case_study::CaseStudyStatus;
use kakehashi_shared::contract::ContractStatus;
use kakehashi_shared::engagement::{EngagementStatus, OutcomeKind};
use kakehashi_shared::enums::{
    AccountType, AgeBand, ContractType, DeclineReason, EmployerType, Motivation, PartnerKind,
    RevenueBand, Role, Side, TieKind, TravelCost,
};
use kakehashi_shared::workflow::{
    ApplicationAction, ApplicationStatus, ProjectAction, ProjectStatus,
};
use proptest::prelude::*;

/// Texts close to the real spellings (other case, padding, a suffix, a cut) as well as
/// arbitrary Unicode, which alone would almost never come near a valid name.
fn near_miss(valid: &'static [&'static str]) -> impl Strategy<Value = String> {
    let known = proptest::sample::select(valid);
    prop_oneof![
        known.clone().prop_map(str::to_owned),
        known.clone().prop_map(str::to_uppercase),
        (known.clone(), "[ \t\n\0_:-]").prop_map(|(k, pad)| format!("{pad}{k}")),
        (known.clone(), "[ \t\n\0_:sx-]").prop_map(|(k, pad)| format!("{k}{pad}")),
        (known.clone(), 0usize..20).prop_map(|(k, n)| k.chars().take(n).collect()),
        known.prop_map(|k| k.replace('_', "-")),
        any::<String>(),
    ]
}

macro_rules! wire_enum_properties {
    ($($test:ident: $ty:ty),+ $(,)?) => {$(
        proptest! {
            #[test]
            fn $test(text in near_miss(
                Box::leak(<$ty>::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().into_boxed_slice())
            )) {
                let known = <$ty>::ALL.iter().copied().find(|v| v.as_str() == text);
                prop_assert_eq!(<$ty>::parse(&text), known);
                // serde reads the same spellings as `parse`, and nothing else.
                let json = serde_json::to_string(&text).unwrap();
                let from_json = serde_json::from_str::<$ty>(&json).ok();
                prop_assert_eq!(from_json, known);
                if let Some(v) = known {
                    prop_assert_eq!(serde_json::to_string(&v).unwrap(), json);
                    prop_assert_eq!(v.to_string(), text);
                }
            }
        }
    )+};
}

wire_enum_properties! {
    role: Role,
    account_type: AccountType,
    partner_kind: PartnerKind,
    revenue_band: RevenueBand,
    age_band: AgeBand,
    employer_type: EmployerType,
    tie_kind: TieKind,
    contract_type: ContractType,
    motivation: Motivation,
    travel_cost: TravelCost,
    side: Side,
    decline_reason: DeclineReason,
    project_status: ProjectStatus,
    project_action: ProjectAction,
    application_status: ApplicationStatus,
    application_action: ApplicationAction,
    scout_status: ScoutStatus,
    contract_status: ContractStatus,
    engagement_status: EngagementStatus,
    outcome_kind: OutcomeKind,
    case_study_status: CaseStudyStatus,
    api_scope: ApiScope,
}

/// `ALL` lists each value once, so the checks above cover every variant.
#[test]
fn every_spelling_is_distinct() {
    fn distinct(spellings: Vec<&str>) {
        let mut sorted = spellings.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), spellings.len(), "{spellings:?}");
    }
    distinct(Role::ALL.iter().map(|v| v.as_str()).collect());
    distinct(ProjectStatus::ALL.iter().map(|v| v.as_str()).collect());
    distinct(ApplicationStatus::ALL.iter().map(|v| v.as_str()).collect());
    distinct(ApplicationAction::ALL.iter().map(|v| v.as_str()).collect());
    distinct(DeclineReason::ALL.iter().map(|v| v.as_str()).collect());
    distinct(ApiScope::ALL.iter().map(|v| v.as_str()).collect());
}
