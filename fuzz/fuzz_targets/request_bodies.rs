//! Request bodies as the API reads them: the backend's JSON reader (`kakehashi::json::parse`,
//! which maps serde's errors to 400 or a 422 naming a field) and then the body's `validate()`.
//! The first byte picks the body type. Nothing may panic, and every refusal names a field.
#![no_main]

use kakehashi::error::ApiError;
use kakehashi_shared::{admin, api_key, application, auth, case_study, company, contract};
use kakehashi_shared::{engagement, partner, project, talent, webhook, FieldErrors, Validate};
use libfuzzer_sys::fuzz_target;

fn assert_named(errors: &FieldErrors) {
    assert!(!errors.is_empty());
    for e in &errors.0 {
        assert!(!e.field.is_empty(), "{e:?}");
        assert!(!e.code.is_empty() && !e.message.is_empty(), "{e:?}");
    }
}

fn check<T: serde::de::DeserializeOwned + Validate>(body: &[u8]) {
    match kakehashi::json::parse::<T>(body) {
        Ok(value) => {
            if let Err(errors) = value.validate() {
                assert_named(&errors);
            }
        }
        Err(ApiError::Validation(errors)) => assert_named(&errors),
        Err(ApiError::Malformed(_)) => {}
        Err(other) => panic!("a body answered with {other:?}"),
    }
}

macro_rules! bodies {
    ($data:expr, $($ty:ty),+ $(,)?) => {{
        let bodies: &[fn(&[u8])] = &[$(check::<$ty>),+];
        if let Some((pick, body)) = $data.split_first() {
            bodies[usize::from(*pick) % bodies.len()](body);
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    bodies!(
        data,
        auth::RegisterRequest,
        auth::LoginRequest,
        auth::RefreshRequest,
        project::ProjectDraft,
        project::ReviewComment,
        application::ApplicationInput,
        application::TransitionInput,
        application::QuestionnaireInput,
        application::ScoutInput,
        application::ScoutAnswer,
        application::MessageInput,
        application::InterviewProposal,
        application::InterviewConfirm,
        application::InterviewNotes,
        contract::ContractTerms,
        contract::AcceptInput,
        contract::ChangeRequest,
        engagement::Kickoff,
        engagement::WorkReportInput,
        engagement::Acknowledge,
        engagement::ReviewInput,
        engagement::RenewalInput,
        engagement::EndInput,
        engagement::OutcomeInput,
        company::CompanyCreate,
        company::CompanyPatch,
        company::VisitInput,
        talent::TalentProfileInput,
        case_study::CaseStudyText,
        partner::PartnerInput,
        partner::PartnerPatch,
        partner::OriginsInput,
        partner::ProgrammeInput,
        partner::ProgrammePatch,
        admin::HubInput,
        admin::HubPatch,
        admin::StaffInput,
        api_key::ApiKeyInput,
        webhook::WebhookInput,
    );
});
