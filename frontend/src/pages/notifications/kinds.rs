//! What each notification says and where it leads, by its `kind`. The server stores Japanese
//! texts only, so the app writes its own headline per kind in the current language, and shows
//! the stored body only where it is the record's own words (a title, a comment, a reason),
//! which read the same in either language.

use kakehashi_shared::notification::Notification;
use yew_router::Routable;

use crate::i18n::{Lang, Msg};
use crate::routes::Route;

/// The headline of a notification in the app's words.
pub fn headline(kind: &str) -> Msg {
    match kind {
        "application.created" => Msg::NtApplicationCreated,
        "application.declined" => Msg::NtApplicationDeclined,
        "application.withdrawn" => Msg::NtApplicationWithdrawn,
        "application.offered" => Msg::NtApplicationOffered,
        "application.status_changed" => Msg::NtApplicationStatusChanged,
        "application.overdue" => Msg::NtApplicationOverdue,
        "application.auto_declined" => Msg::NtApplicationAutoDeclined,
        "message.created" => Msg::NtMessageCreated,
        "interview.proposed" => Msg::NtInterviewProposed,
        "interview.confirmed" => Msg::NtInterviewConfirmed,
        "contract.proposed" => Msg::NtContractProposed,
        "contract.accepted_by_one" => Msg::NtContractAcceptedByOne,
        "contract.accepted" => Msg::NtContractAccepted,
        "contract.changes_requested" => Msg::NtContractChangesRequested,
        "scout.received" => Msg::NtScoutReceived,
        "scout.declined" => Msg::NtScoutDeclined,
        "engagement.report_submitted" => Msg::NtReportSubmitted,
        "engagement.report_acknowledged" => Msg::NtReportAcknowledged,
        "engagement.review_submitted" => Msg::NtReviewSubmitted,
        "engagement.ended" => Msg::NtEngagementEnded,
        "project.submitted" => Msg::NtProjectSubmitted,
        "project.published" => Msg::NtProjectPublished,
        "project.changes_requested" => Msg::NtProjectChangesRequested,
        "case_study.drafted" => Msg::NtCaseStudyDrafted,
        "case_study.published" => Msg::NtCaseStudyPublished,
        _ => Msg::NtGeneric,
    }
}

/// Kinds whose body is the record's own words (a posting or case study title, a comment,
/// a reason, a month): shown in both languages. The other bodies are Japanese sentences.
fn body_is_content(kind: &str) -> bool {
    matches!(
        kind,
        "application.withdrawn"
            | "application.status_changed"
            | "application.auto_declined"
            | "message.created"
            | "interview.proposed"
            | "interview.confirmed"
            | "contract.accepted_by_one"
            | "contract.changes_requested"
            | "scout.declined"
            | "engagement.report_acknowledged"
            | "engagement.review_submitted"
            | "engagement.ended"
            | "project.submitted"
            | "project.published"
            | "project.changes_requested"
            | "case_study.drafted"
            | "case_study.published"
    )
}

/// The headline in the current language. An unknown kind keeps its stored Japanese title in
/// Japanese and a generic sentence in English.
pub fn title(lang: Lang, n: &Notification) -> String {
    match (headline(&n.kind), lang) {
        (Msg::NtGeneric, Lang::Ja) if !n.title.trim().is_empty() => n.title.clone(),
        (msg, lang) => msg.t(lang).to_owned(),
    }
}

/// The second line, if any: the stored body in Japanese (it is written in Japanese), only the
/// record's own words in English.
pub fn detail(lang: Lang, n: &Notification) -> Option<String> {
    let body = n.body.trim();
    let shown = !body.is_empty() && (lang == Lang::Ja || body_is_content(&n.kind));
    shown.then(|| body.to_owned())
}

/// The page a notification opens. Links are app paths; the few that name a page meant for
/// another role (a posting's public page for its company, the posting under review for the
/// coordinator) go to the page where that person acts on it.
pub fn target(n: &Notification) -> Route {
    let route = Route::recognize(&n.link).unwrap_or(Route::NotFound);
    match (n.kind.as_str(), route) {
        ("project.submitted", _) => Route::ReviewQueue,
        ("project.changes_requested", Route::Project { id }) => Route::CompanyProjectEdit { id },
        ("project.published" | "scout.declined", Route::Project { id }) => {
            Route::CompanyProjectBoard { id }
        }
        (_, Route::NotFound) => Route::Notifications,
        (_, route) => route,
    }
}

/// "未読3件" / "3 unread", the header link's count for screen readers.
pub fn unread_words(lang: Lang, count: &str) -> String {
    match lang {
        Lang::Ja => format!("未読{count}件"),
        Lang::En => format!("{count} unread"),
    }
}
