//! The posting and application state machines: every walk stays inside the defined states,
//! terminal states stay terminal, refusals name the move, and client-facing input cannot ask
//! for the moves only the system makes.

use std::collections::HashSet;

use kakehashi_shared::application::TransitionInput;
use kakehashi_shared::enums::DeclineReason;
use kakehashi_shared::workflow::{
    ApplicationAction, ApplicationStatus, IllegalTransition, ProjectAction, ProjectStatus,
};
use kakehashi_shared::Validate;
use proptest::prelude::*;
use proptest::sample::select;

fn project_action() -> impl Strategy<Value = ProjectAction> {
    select(ProjectAction::ALL)
}

fn application_action() -> impl Strategy<Value = ApplicationAction> {
    select(ApplicationAction::ALL)
}

/// A refusal names the state it came from and the move, in the stable code the API sends.
fn assert_names_the_move(err: &IllegalTransition, from: &str, action: &str) {
    assert_eq!(err.from, from);
    assert_eq!(err.action, action);
    assert_eq!(err.code(), format!("illegal_transition:{from}:{action}"));
}

/// States with no legal move out.
fn project_dead_ends() -> Vec<ProjectStatus> {
    ProjectStatus::ALL
        .iter()
        .copied()
        .filter(|s| ProjectAction::ALL.iter().all(|a| s.apply(*a).is_err()))
        .collect()
}

#[test]
fn only_a_closed_posting_is_terminal() {
    assert_eq!(project_dead_ends(), [ProjectStatus::Closed]);
}

#[test]
fn the_terminal_applications_are_exactly_the_closed_ones() {
    for s in ApplicationStatus::ALL {
        let stuck = ApplicationAction::ALL.iter().all(|a| s.apply(*a).is_err());
        assert_eq!(stuck, !s.is_open(), "{s}");
    }
}

/// Breadth-first search from the initial state: every defined state can be reached, so none
/// is dead code the API could never produce.
#[test]
fn every_state_is_reachable_from_the_first() {
    let mut seen = HashSet::from([ProjectStatus::Draft]);
    let mut todo = vec![ProjectStatus::Draft];
    while let Some(s) = todo.pop() {
        for a in ProjectAction::ALL {
            if let Ok(next) = s.apply(*a) {
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
    }
    assert_eq!(seen.len(), ProjectStatus::ALL.len());

    let mut seen = HashSet::from([ApplicationStatus::Applied]);
    let mut todo = vec![ApplicationStatus::Applied];
    while let Some(s) = todo.pop() {
        for a in ApplicationAction::ALL {
            if let Ok(next) = s.apply(*a) {
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
    }
    assert_eq!(seen.len(), ApplicationStatus::ALL.len());
}

proptest! {
    /// Any sequence of moves on a posting, legal or not, keeps it in a defined state; a refused
    /// move names itself; once closed, nothing moves it again.
    #[test]
    fn posting_walks_stay_defined(actions in prop::collection::vec(project_action(), 0..40)) {
        let mut s = ProjectStatus::Draft;
        for a in actions {
            let closed = s == ProjectStatus::Closed;
            match s.apply(a) {
                Ok(next) => {
                    prop_assert!(!closed, "a closed posting moved with {a}");
                    prop_assert!(ProjectStatus::ALL.contains(&next));
                    prop_assert_eq!(ProjectStatus::parse(next.as_str()), Some(next));
                    // Only drafts and returned postings are freely editable, and a submission
                    // always leaves that state.
                    if a == ProjectAction::Submit {
                        prop_assert!(s.is_editable_draft());
                        prop_assert!(!next.is_editable_draft());
                    }
                    s = next;
                }
                Err(err) => assert_names_the_move(&err, s.as_str(), a.as_str()),
            }
        }
    }

    /// Any sequence of moves on an application keeps it in a defined state; a closed one
    /// never reopens; an open one can always be declined or withdrawn.
    #[test]
    fn application_walks_stay_defined(actions in prop::collection::vec(application_action(), 0..40)) {
        let mut s = ApplicationStatus::Applied;
        for a in actions {
            if s.is_open() {
                prop_assert_eq!(s.apply(ApplicationAction::Decline), Ok(ApplicationStatus::Declined));
                prop_assert_eq!(s.apply(ApplicationAction::Withdraw), Ok(ApplicationStatus::Withdrawn));
            }
            match s.apply(a) {
                Ok(next) => {
                    prop_assert!(s.is_open(), "{s} moved with {a}");
                    prop_assert!(ApplicationStatus::ALL.contains(&next));
                    // Only an offer becomes a contract.
                    if next == ApplicationStatus::Contracted {
                        prop_assert_eq!(s, ApplicationStatus::Offered);
                    }
                    s = next;
                }
                Err(err) => assert_names_the_move(&err, s.as_str(), a.as_str()),
            }
        }
    }

    /// A move a client sends is valid exactly when it is one a person may make: `contract` is
    /// the system's (both parties accepted the contract), `no_response` is the system's decline
    /// reason, a decline needs a reason, and the note is at most 2000 characters. Every error
    /// names one of the input's fields.
    #[test]
    fn clients_cannot_make_the_systems_moves(
        action in application_action(),
        reason in prop::option::of(select(DeclineReason::ALL)),
        message in prop::option::of(".{0,40}|.{1990,2010}"),
    ) {
        let input = TransitionInput { action, reason, message: message.clone() };
        let allowed = action != ApplicationAction::Contract
            && !(action == ApplicationAction::Decline && reason.is_none())
            && reason != Some(DeclineReason::NoResponse)
            && message.as_deref().is_none_or(|m| m.chars().count() <= 2000);
        match input.validate() {
            Ok(()) => prop_assert!(allowed),
            Err(errors) => {
                prop_assert!(!allowed);
                for e in &errors.0 {
                    prop_assert!(["action", "reason", "message"].contains(&e.field.as_str()), "{e:?}");
                }
            }
        }
    }
}
