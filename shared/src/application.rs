//! Applications (応募), scouts (スカウト), messages and interviews (面談).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{DeclineReason, Side};
use crate::validation::{FieldErrors, Validate};
use crate::workflow::{ApplicationAction, ApplicationStatus};

/// A talent's application to a published project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplicationInput {
    /// Why the talent, and how they would start.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "EC立ち上げの経験を活かし、最初の3か月で商品ページと広告を見直します。")
    )]
    pub proposal: String,
    /// Answers to the project's screening questions, in order.
    #[serde(default)]
    pub screening_answers: Vec<String>,
    /// The referral code of the partner whose link the talent followed to this posting (kept
    /// by the app for 30 days). Without one, the application is attributed to the partner
    /// that referred the talent's registration, if any. A well-formed code no partner has (a
    /// stale link) is ignored; a malformed one is refused (422).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "iwate-pref", max_length = 40))]
    pub referral_code: Option<String>,
}

impl Validate for ApplicationInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("proposal", &self.proposal, 20, 4000);
        for (i, a) in self.screening_answers.iter().enumerate() {
            e.text(&format!("screening_answers[{i}]"), a, 1, 2000);
        }
        if self
            .referral_code
            .as_deref()
            .is_some_and(|c| !crate::embed::is_referral_code(c))
        {
            e.add(
                "referral_code",
                "invalid_format",
                "3–40 letters, digits, - or _",
            );
        }
        e.into_result()
    }
}

/// An application as its parties and the coordinator see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    pub id: i64,
    pub project_id: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "南部せんべいのEC売上を2倍にするWebマーケター")
    )]
    pub project_title: String,
    pub company_id: i64,
    pub company_name: String,
    pub talent_id: i64,
    pub talent_name: String,
    pub status: ApplicationStatus,
    pub proposal: String,
    pub screening_questions: Vec<String>,
    pub screening_answers: Vec<String>,
    /// The company should answer by then (the hub's response deadline).
    pub response_due_at: Option<DateTime<Utc>>,
    /// Set when the company let the deadline pass; the coordinator is alerted.
    pub overdue: bool,
    pub decline_reason: Option<DeclineReason>,
    /// The courteous message the talent received with a decline.
    pub decline_message: Option<String>,
    /// The scout this application came from, if any.
    pub scout_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Every status change, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// How well the applicant matches the posting, with the reasons: for the company and its
    /// hub while the posting is published; never shown to the talent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub match_score: Option<crate::search::MatchScore>,
    /// The latest contract proposed for this application (the current term's), once the
    /// company has written one: where both sides read, accept or ask for changes.
    #[serde(default)]
    pub contract_id: Option<i64>,
    /// The partner whose link led to this application (coordinators, admins and the talent;
    /// never shown to the company).
    #[serde(default)]
    pub referred_by: Option<crate::embed::ReferralPartner>,
}

/// One step of an application's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub status: ApplicationStatus,
    pub at: DateTime<Utc>,
}

/// A move on an application: shortlist, interview, offer, decline (with a reason), withdraw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"action": "decline", "reason": "skills_mismatch", "message": "今回はEC運営の実務経験を重視して選考いたしました。"})))]
#[serde(deny_unknown_fields)]
pub struct TransitionInput {
    pub action: ApplicationAction,
    /// Required to decline.
    #[serde(default)]
    pub reason: Option<DeclineReason>,
    /// A personal note added to the courteous decline message.
    #[serde(default)]
    pub message: Option<String>,
}

impl Validate for TransitionInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.action == ApplicationAction::Contract {
            e.add(
                "action",
                "not_allowed",
                "an application is contracted when both parties accept the contract",
            );
        }
        if self.action == ApplicationAction::Decline && self.reason.is_none() {
            e.add("reason", "required", "say why the application is declined");
        }
        if self.reason == Some(DeclineReason::NoResponse) {
            e.add(
                "reason",
                "not_allowed",
                "no_response is set by the system only",
            );
        }
        e.optional_text("message", self.message.as_deref(), 2000);
        e.into_result()
    }
}

/// The pre-interview questionnaire both sides fill in (JOINS's questions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireInput {
    /// What do you love (about your work, your region)?
    pub what_you_love: String,
    /// What makes you give 120%?
    pub what_drives_you: String,
    /// What kills your motivation?
    pub what_demotivates_you: String,
    /// What do you hope this engagement brings?
    pub hopes: String,
}

impl Validate for QuestionnaireInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("what_you_love", &self.what_you_love, 1, 2000);
        e.text("what_drives_you", &self.what_drives_you, 1, 2000);
        e.text("what_demotivates_you", &self.what_demotivates_you, 1, 2000);
        e.text("hopes", &self.hopes, 1, 2000);
        e.into_result()
    }
}

/// Both sides' questionnaires; each side sees the other's once it has answered its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Questionnaires {
    pub company: Option<QuestionnaireInput>,
    pub talent: Option<QuestionnaireInput>,
}

/// A company's or coordinator's invitation to apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoutInput {
    pub talent_id: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "岩手のご出身と伺い、ぜひお力をお借りしたくご連絡しました。")
    )]
    pub message: String,
}

impl Validate for ScoutInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("message", &self.message, 1, 2000);
        e.into_result()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoutStatus {
    Pending,
    Accepted,
    Declined,
}
crate::enums::wire_enum!(ScoutStatus {
    Pending => "pending",
    Accepted => "accepted",
    Declined => "declined",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scout {
    pub id: i64,
    pub project_id: i64,
    pub project_title: String,
    pub talent_id: i64,
    pub sent_by: i64,
    pub message: String,
    pub status: ScoutStatus,
    pub application_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// The talent's answer to a scout. Accepting needs a proposal, which becomes an application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoutAnswer {
    pub accept: bool,
    #[serde(default)]
    pub application: Option<ApplicationInput>,
}

impl Validate for ScoutAnswer {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        match (&self.accept, &self.application) {
            (true, None) => e.add(
                "application",
                "required",
                "accepting a scout needs a proposal",
            ),
            (true, Some(app)) => {
                if let Err(nested) = app.validate() {
                    e.merge_nested("application", nested);
                }
            }
            (false, _) => {}
        }
        e.into_result()
    }
}

/// A message in an application's conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: i64,
    pub application_id: i64,
    pub sender_id: i64,
    pub sender_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Whether the caller has read it (their own messages count as read).
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "面談の候補日をお送りしました。ご確認ください。")
    )]
    pub body: String,
}

impl Validate for MessageInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("body", &self.body, 1, 4000);
        e.into_result()
    }
}

/// Interview slots proposed by one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InterviewProposal {
    /// 1–5 start times.
    pub slots: Vec<DateTime<Utc>>,
    /// Length of the interview.
    #[cfg_attr(feature = "openapi", schema(example = 60))]
    pub duration_minutes: i32,
    /// Online meeting URL.
    #[cfg_attr(feature = "openapi", schema(example = "https://meet.example/abc-defg"))]
    pub meeting_url: Option<String>,
}

impl Validate for InterviewProposal {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.slots.is_empty() || self.slots.len() > 5 {
            e.add("slots", "out_of_range", "propose 1 to 5 slots");
        }
        for (i, slot) in self.slots.iter().enumerate() {
            e.plausible_date(&format!("slots[{i}]"), slot.date_naive());
        }
        e.range(
            "duration_minutes",
            self.duration_minutes,
            15,
            240,
            "must be between 15 and 240 minutes",
        );
        if let Some(url) = &self.meeting_url {
            if !url.starts_with("https://") || url.len() > 500 {
                e.add("meeting_url", "invalid_format", "must be an https URL");
            }
        }
        e.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InterviewConfirm {
    /// One of the proposed slots.
    pub slot: DateTime<Utc>,
}

impl Validate for InterviewConfirm {
    fn validate(&self) -> Result<(), FieldErrors> {
        Ok(())
    }
}

/// Private notes of one side; the other side never sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InterviewNotes {
    pub notes: String,
}

impl Validate for InterviewNotes {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.optional_text("notes", Some(&self.notes), 4000);
        e.into_result()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Interview {
    pub id: i64,
    pub application_id: i64,
    pub proposed_by: Side,
    pub slots: Vec<DateTime<Utc>>,
    pub duration_minutes: i32,
    pub meeting_url: Option<String>,
    pub confirmed_slot: Option<DateTime<Utc>>,
    /// The caller's own private notes.
    pub my_notes: Option<String>,
    pub created_at: DateTime<Utc>,
}
