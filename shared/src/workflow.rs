//! The state machines of the matching workflow. The API enforces them (an illegal move is a
//! 409 naming the transition); the app uses them to offer only the moves that are legal.

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;

/// A refused move in a state machine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} when {from}")]
pub struct IllegalTransition {
    /// The state the record is in.
    pub from: &'static str,
    /// The move that was asked for.
    pub action: &'static str,
}

impl IllegalTransition {
    /// Stable code naming the refused move, e.g. `illegal_transition:published:submit`.
    pub fn code(&self) -> String {
        format!("illegal_transition:{}:{}", self.from, self.action)
    }
}

/// Where a posting (求人票) is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Being written by the company (or a coordinator for it).
    Draft,
    /// Submitted; a coordinator reviews it.
    InReview,
    /// Sent back with the coordinator's comments.
    ChangesRequested,
    /// Visible to talent within its recruitment window.
    Published,
    /// No longer taking applications.
    Closed,
}
wire_enum!(ProjectStatus {
    Draft => "draft",
    InReview => "in_review",
    ChangesRequested => "changes_requested",
    Published => "published",
    Closed => "closed",
});

/// What can be done to a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectAction {
    Submit,
    Approve,
    RequestChanges,
    Close,
}
wire_enum!(ProjectAction {
    Submit => "submit",
    Approve => "approve",
    RequestChanges => "request_changes",
    Close => "close",
});

impl ProjectStatus {
    /// The status after `action`, or why it is refused.
    pub fn apply(self, action: ProjectAction) -> Result<ProjectStatus, IllegalTransition> {
        use ProjectAction as A;
        use ProjectStatus as S;
        match (self, action) {
            (S::Draft | S::ChangesRequested, A::Submit) => Ok(S::InReview),
            (S::InReview, A::Approve) => Ok(S::Published),
            (S::InReview, A::RequestChanges) => Ok(S::ChangesRequested),
            (S::Draft | S::InReview | S::ChangesRequested | S::Published, A::Close) => {
                Ok(S::Closed)
            }
            (from, action) => Err(IllegalTransition {
                from: from.as_str(),
                action: action.as_str(),
            }),
        }
    }

    /// Whether the company may still edit the posting freely (later edits become versions).
    pub fn is_editable_draft(self) -> bool {
        matches!(self, ProjectStatus::Draft | ProjectStatus::ChangesRequested)
    }
}

/// Where an application (応募) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Applied,
    Shortlisted,
    Interviewing,
    Offered,
    Contracted,
    Declined,
    Withdrawn,
}
wire_enum!(ApplicationStatus {
    Applied => "applied",
    Shortlisted => "shortlisted",
    Interviewing => "interviewing",
    Offered => "offered",
    Contracted => "contracted",
    Declined => "declined",
    Withdrawn => "withdrawn",
});

/// What can be done to an application, and by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationAction {
    /// Company: move to the shortlist.
    Shortlist,
    /// Company: start interviewing.
    Interview,
    /// Company: make an offer.
    Offer,
    /// Company (or the system at the deadline): decline with a reason.
    Decline,
    /// Talent: withdraw the application.
    Withdraw,
    /// System: both parties accepted the contract.
    Contract,
}
wire_enum!(ApplicationAction {
    Shortlist => "shortlist",
    Interview => "interview",
    Offer => "offer",
    Decline => "decline",
    Withdraw => "withdraw",
    Contract => "contract",
});

impl ApplicationStatus {
    /// Open applications still await someone's move; one per talent and project.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            ApplicationStatus::Contracted
                | ApplicationStatus::Declined
                | ApplicationStatus::Withdrawn
        )
    }

    /// The status after `action`, or why it is refused.
    pub fn apply(self, action: ApplicationAction) -> Result<ApplicationStatus, IllegalTransition> {
        use ApplicationAction as A;
        use ApplicationStatus as S;
        match (self, action) {
            (S::Applied, A::Shortlist) => Ok(S::Shortlisted),
            (S::Applied | S::Shortlisted, A::Interview) => Ok(S::Interviewing),
            (S::Shortlisted | S::Interviewing, A::Offer) => Ok(S::Offered),
            (S::Offered, A::Contract) => Ok(S::Contracted),
            (from, A::Decline) if from.is_open() => Ok(S::Declined),
            (from, A::Withdraw) if from.is_open() => Ok(S::Withdrawn),
            (from, action) => Err(IllegalTransition {
                from: from.as_str(),
                action: action.as_str(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posting_goes_through_review() {
        let s = ProjectStatus::Draft.apply(ProjectAction::Submit).unwrap();
        let s = s.apply(ProjectAction::RequestChanges).unwrap();
        assert!(s.is_editable_draft());
        let s = s.apply(ProjectAction::Submit).unwrap();
        let s = s.apply(ProjectAction::Approve).unwrap();
        assert_eq!(s, ProjectStatus::Published);
        assert_eq!(
            s.apply(ProjectAction::Close).unwrap(),
            ProjectStatus::Closed
        );
    }

    #[test]
    fn illegal_moves_are_named() {
        let err = ProjectStatus::Published
            .apply(ProjectAction::Submit)
            .unwrap_err();
        assert_eq!(err.code(), "illegal_transition:published:submit");
        assert!(ProjectStatus::Closed.apply(ProjectAction::Close).is_err());
        assert!(ProjectStatus::Draft.apply(ProjectAction::Approve).is_err());
    }

    #[test]
    fn closed_applications_stay_closed() {
        for action in ApplicationAction::ALL {
            for end in [
                ApplicationStatus::Contracted,
                ApplicationStatus::Declined,
                ApplicationStatus::Withdrawn,
            ] {
                assert!(end.apply(*action).is_err(), "{end} {action}");
            }
        }
    }

    #[test]
    fn every_open_application_can_be_declined_or_withdrawn() {
        for s in ApplicationStatus::ALL.iter().filter(|s| s.is_open()) {
            assert_eq!(
                s.apply(ApplicationAction::Decline),
                Ok(ApplicationStatus::Declined)
            );
            assert_eq!(
                s.apply(ApplicationAction::Withdraw),
                Ok(ApplicationStatus::Withdrawn)
            );
        }
    }

    #[test]
    fn the_happy_path_reaches_a_contract() {
        let mut s = ApplicationStatus::Applied;
        for a in [
            ApplicationAction::Shortlist,
            ApplicationAction::Interview,
            ApplicationAction::Offer,
            ApplicationAction::Contract,
        ] {
            s = s.apply(a).unwrap();
        }
        assert_eq!(s, ApplicationStatus::Contracted);
    }
}
