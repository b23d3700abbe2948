//! The API's enumerations in words, for the public and talent screens.

use kakehashi_shared::application::ScoutStatus;
use kakehashi_shared::enums::{
    AgeBand, ContractType, DeclineReason, EmployerType, Motivation, TieKind, TravelCost,
};
use kakehashi_shared::workflow::ApplicationStatus;

use crate::i18n::Msg;

pub fn contract_type(t: ContractType) -> Msg {
    match t {
        ContractType::QuasiMandate => Msg::PubContractQuasiMandate,
        ContractType::Contracting => Msg::PubContractContracting,
        ContractType::Advisory => Msg::PubContractAdvisory,
        ContractType::ProBono => Msg::PubContractProBono,
    }
}

/// The one-line explanation UI.md asks for the first time a contract type is named.
pub fn contract_type_hint(t: ContractType) -> Msg {
    match t {
        ContractType::QuasiMandate => Msg::PubContractQuasiMandateHint,
        ContractType::Contracting => Msg::PubContractContractingHint,
        ContractType::Advisory => Msg::PubContractAdvisoryHint,
        ContractType::ProBono => Msg::PubContractProBonoHint,
    }
}

pub fn travel_cost(t: TravelCost) -> Msg {
    match t {
        TravelCost::CompanyPays => Msg::PubTravelCompanyPays,
        TravelCost::IncludedInFee => Msg::PubTravelIncluded,
        TravelCost::NotApplicable => Msg::PubTravelNone,
    }
}

pub fn application_status(s: ApplicationStatus) -> Msg {
    match s {
        ApplicationStatus::Applied => Msg::TalStatusApplied,
        ApplicationStatus::Shortlisted => Msg::TalStatusShortlisted,
        ApplicationStatus::Interviewing => Msg::TalStatusInterviewing,
        ApplicationStatus::Offered => Msg::TalStatusOffered,
        ApplicationStatus::Contracted => Msg::TalStatusContracted,
        ApplicationStatus::Declined => Msg::TalStatusDeclined,
        ApplicationStatus::Withdrawn => Msg::TalStatusWithdrawn,
    }
}

/// What the status means for the talent, and what happens next.
pub fn application_status_next(s: ApplicationStatus) -> Msg {
    match s {
        ApplicationStatus::Applied => Msg::TalNextApplied,
        ApplicationStatus::Shortlisted => Msg::TalNextShortlisted,
        ApplicationStatus::Interviewing => Msg::TalNextInterviewing,
        ApplicationStatus::Offered => Msg::TalNextOffered,
        ApplicationStatus::Contracted => Msg::TalNextContracted,
        ApplicationStatus::Declined => Msg::TalNextDeclined,
        ApplicationStatus::Withdrawn => Msg::TalNextWithdrawn,
    }
}

/// The CSS class of a status badge (colour always comes with the text label).
pub fn application_status_class(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::Applied | ApplicationStatus::Shortlisted => "pill waiting",
        ApplicationStatus::Interviewing | ApplicationStatus::Offered => "pill active",
        ApplicationStatus::Contracted => "pill done",
        ApplicationStatus::Declined | ApplicationStatus::Withdrawn => "pill ended",
    }
}

pub fn decline_reason(r: DeclineReason) -> Msg {
    match r {
        DeclineReason::SkillsMismatch => Msg::TalDeclineSkills,
        DeclineReason::AvailabilityMismatch => Msg::TalDeclineAvailability,
        DeclineReason::FeeMismatch => Msg::TalDeclineFee,
        DeclineReason::PositionFilled => Msg::TalDeclineFilled,
        DeclineReason::ProjectClosed => Msg::TalDeclineClosed,
        DeclineReason::OtherCandidateChosen => Msg::TalDeclineOther,
        DeclineReason::NoResponse => Msg::TalDeclineNoResponse,
        DeclineReason::Other => Msg::TalDeclineOtherReason,
    }
}

pub fn scout_status(s: ScoutStatus) -> Msg {
    match s {
        ScoutStatus::Pending => Msg::TalScoutPending,
        ScoutStatus::Accepted => Msg::TalScoutAccepted,
        ScoutStatus::Declined => Msg::TalScoutDeclined,
    }
}

pub fn age_band(a: AgeBand) -> Msg {
    match a {
        AgeBand::Twenties => Msg::TalAge20s,
        AgeBand::Thirties => Msg::TalAge30s,
        AgeBand::Forties => Msg::TalAge40s,
        AgeBand::Fifties => Msg::TalAge50s,
        AgeBand::SixtiesPlus => Msg::TalAge60s,
    }
}

pub fn employer_type(e: EmployerType) -> Msg {
    match e {
        EmployerType::LargeCompany => Msg::TalEmployerLarge,
        EmployerType::ItCompany => Msg::TalEmployerIt,
        EmployerType::SmallCompany => Msg::TalEmployerSmall,
        EmployerType::PublicSector => Msg::TalEmployerPublic,
        EmployerType::Freelance => Msg::TalEmployerFreelance,
        EmployerType::Other => Msg::TalEmployerOther,
    }
}

pub fn tie_kind(t: TieKind) -> Msg {
    match t {
        TieKind::Hometown => Msg::TalTieHometown,
        TieKind::LivedThere => Msg::TalTieLived,
        TieKind::Fan => Msg::TalTieFan,
    }
}

pub fn motivation(m: Motivation) -> Msg {
    match m {
        Motivation::Contribution => Msg::TalMotivationContribution,
        Motivation::Hometown => Msg::TalMotivationHometown,
        Motivation::SkillUp => Msg::TalMotivationSkillUp,
        Motivation::Income => Msg::TalMotivationIncome,
    }
}
