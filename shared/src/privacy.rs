//! Privacy under Japan's APPI (個人情報保護法): a person's consents, the export of their data
//! (開示) and the deletion of their account (削除). What is kept and why: docs/PRIVACY.md.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::application::{Application, Interview, Message, Scout};
use crate::auth::Me;
use crate::case_study::CaseStudy;
use crate::contract::Contract;
use crate::engagement::Engagement;
use crate::notification::Notification;
use crate::talent::TalentProfile;
use crate::validation::{FieldErrors, Validate};

/// The terms of use in force; registration records the person's consent to this version.
pub const TERMS_VERSION: &str = "2026-11-01";
/// The privacy policy (プライバシーポリシー) in force, recorded like the terms.
pub const PRIVACY_POLICY_VERSION: &str = "2026-11-01";
/// The shape of `PersonalDataExport`; raised when a field changes meaning or disappears.
pub const EXPORT_FORMAT_VERSION: i32 = 1;

/// What a consent was given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentKind {
    /// The terms of use (利用規約), at registration.
    Terms,
    /// The privacy policy (プライバシーポリシー), at registration.
    PrivacyPolicy,
    /// Publishing one case study (事例) the person took part in.
    CaseStudy,
}
crate::enums::wire_enum!(ConsentKind {
    Terms => "terms",
    PrivacyPolicy => "privacy_policy",
    CaseStudy => "case_study",
});

/// One consent: what, which version, when given and, if so, when withdrawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consent {
    pub id: i64,
    pub kind: ConsentKind,
    /// The document's version (a date for the terms and the policy); for a case study, the
    /// first 12 hex digits of the SHA-256 of the text the person read when consenting.
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-01"))]
    pub version: String,
    /// The case study, for `case_study` consents.
    pub case_study_id: Option<i64>,
    /// The case study's title, for `case_study` consents.
    pub case_study_title: Option<String>,
    pub granted_at: DateTime<Utc>,
    /// When the person withdrew it, or when it lapsed because the case study's text was
    /// edited after they consented (they are asked again).
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Whether `DELETE /me/consents/{id}` can withdraw it now: a case study consent before
    /// publication. The terms and the policy end with the account (delete it instead).
    pub withdrawable: bool,
}

/// Closing the account: the current password, so a stolen access token alone cannot do it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeleteAccountRequest {
    #[cfg_attr(feature = "openapi", schema(example = "correct horse battery"))]
    pub password: String,
}

impl Validate for DeleteAccountRequest {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("password", &self.password, 1, 128);
        e.into_result()
    }
}

/// A message the person wrote (for accounts that are not talent: their own words only, not
/// the applicants' side of the conversation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SentMessage {
    pub id: i64,
    pub application_id: i64,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// One application's conversation: every message of both sides and the interview slots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversationExport {
    pub application_id: i64,
    pub messages: Vec<Message>,
    /// Interview proposals, with the person's own private notes (never the other side's).
    pub interviews: Vec<Interview>,
}

/// An audit log entry about the person or made by them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditExportEntry {
    /// The kind of record: `user`, `application`, `contract`, …
    #[cfg_attr(feature = "openapi", schema(example = "application"))]
    pub entity: String,
    pub entity_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "withdraw"))]
    pub action: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    /// Whether the person did it; who else did is not shown (another person's data).
    pub by_you: bool,
    pub at: DateTime<Utc>,
}

/// Everything Kakehashi holds about the signed-in person (`GET /me/export`), in the shapes
/// the API already shows them: nothing about other people beyond what they could see.
/// Sections that do not apply to the role are empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalDataExport {
    /// `EXPORT_FORMAT_VERSION`.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub format_version: i32,
    pub generated_at: DateTime<Utc>,
    /// The account, with the organisation and the referring partner (`referred_by`).
    pub account: Me,
    /// A talent's profile: skills, career, ties, availability, contact phone.
    pub talent_profile: Option<TalentProfile>,
    /// A talent's applications with the proposal and the screening answers.
    pub applications: Vec<Application>,
    /// A talent's conversations, one per application.
    pub conversations: Vec<ConversationExport>,
    /// Messages the person wrote in other roles (company members).
    pub sent_messages: Vec<SentMessage>,
    /// Scouts a talent received.
    pub scouts: Vec<Scout>,
    /// The contracts a talent is party to (one per term), with amounts and dates.
    pub contracts: Vec<Contract>,
    /// A talent's engagements with work reports, both sides' reviews and outcomes.
    pub engagements: Vec<Engagement>,
    /// Case studies of a talent's engagements (they never name the talent).
    pub case_studies: Vec<CaseStudy>,
    pub notifications: Vec<Notification>,
    pub consents: Vec<Consent>,
    pub audit: Vec<AuditExportEntry>,
    /// What is held but not in this file, and why (APPI art. 33(2) allows withholding).
    pub withheld: Vec<String>,
}
