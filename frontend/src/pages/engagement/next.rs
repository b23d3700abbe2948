//! What needs doing next on an engagement, for the person looking: the list shows it beside
//! each engagement and the engagement's page at the top, so both say the same thing.

use chrono::{Months, NaiveDate};
use kakehashi_shared::engagement::{Engagement, EngagementStatus};
use kakehashi_shared::enums::Side;
use yew::prelude::*;

use super::words::{month_key, month_label, previous_month, Viewer};
use crate::i18n::{Lang, Msg};

/// One thing to do (or to wait for).
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    Kickoff,
    /// The talent owes the report of this month (`YYYY-MM`).
    Report(String),
    /// The company waits for the report of this month.
    AwaitReport(String),
    Acknowledge,
    AwaitAcknowledge,
    Review,
    AwaitReview,
    RenewCompany,
    RenewTalent,
    /// The next term's contract exists and waits for acceptance.
    AcceptRenewal,
    NoRenew,
    Outcomes,
    Ended,
    Nothing,
}

/// Whether both sides answered this term's review, and whether both want to continue.
pub fn review_state(e: &Engagement) -> (bool, bool, bool) {
    let term: Vec<_> = e
        .reviews
        .iter()
        .filter(|r| r.term_number == e.term_number)
        .collect();
    let by = |side: Side| term.iter().find(|r| r.side == side);
    let (company, talent) = (by(Side::Company), by(Side::Talent));
    let both = company.is_some() && talent.is_some();
    let renew =
        both && company.is_some_and(|r| r.answers.renew) && talent.is_some_and(|r| r.answers.renew);
    (company.is_some(), talent.is_some(), renew)
}

/// The review of a term is due 3 months into it. Terms are counted from the start, 3 months
/// each, as the programme runs them (the exact term lengths live in each contract).
pub fn review_due(e: &Engagement, today: NaiveDate) -> bool {
    let months = u32::try_from(3 * e.term_number.max(1)).unwrap_or(3);
    e.started_on
        .checked_add_months(Months::new(months))
        .is_some_and(|due| today >= due)
}

pub fn next_steps(e: &Engagement, viewer: Viewer, today: NaiveDate) -> Vec<Next> {
    if e.status == EngagementStatus::Ended {
        return vec![if e.outcomes.is_empty() {
            Next::Outcomes
        } else {
            Next::Ended
        }];
    }
    let mut out = Vec::new();
    if e.kickoff.is_none() {
        out.push(Next::Kickoff);
    }
    // Last month's report, once the engagement ran in it.
    let last = previous_month(today);
    let ran_last_month = e.started_on < last.checked_add_months(Months::new(1)).unwrap_or(last);
    let key = month_key(last);
    if ran_last_month && !e.reports.iter().any(|r| r.report.month == key) {
        out.push(match viewer {
            Viewer::Talent => Next::Report(key),
            _ => Next::AwaitReport(key),
        });
    }
    if e.reports.iter().any(|r| r.acknowledged_at.is_none()) {
        out.push(match viewer {
            Viewer::Talent => Next::AwaitAcknowledge,
            _ => Next::Acknowledge,
        });
    }
    let (company, talent, renew) = review_state(e);
    let (mine, theirs) = match viewer.side() {
        Side::Company => (company, talent),
        Side::Talent => (talent, company),
    };
    if !mine && (theirs || review_due(e, today)) {
        out.push(Next::Review);
    } else if mine && !theirs {
        out.push(Next::AwaitReview);
    } else if mine && theirs {
        out.push(match (renew, viewer) {
            (false, _) => Next::NoRenew,
            (true, Viewer::Talent) => Next::RenewTalent,
            (true, _) => Next::RenewCompany,
        });
    }
    if out.is_empty() {
        out.push(Next::Nothing);
    }
    out
}

pub fn next_text(lang: Lang, next: &Next) -> String {
    let with_month = |msg: Msg, month: &str| match lang {
        Lang::Ja => format!("{}（{}分）", msg.t(lang), month_label(lang, month)),
        Lang::En => format!("{} ({})", msg.t(lang), month_label(lang, month)),
    };
    match next {
        Next::Kickoff => Msg::EgNextKickoff.t(lang).to_owned(),
        Next::Report(m) => with_month(Msg::EgNextReportTalent, m),
        Next::AwaitReport(m) => with_month(Msg::EgNextReportCompany, m),
        Next::Acknowledge => Msg::EgNextAcknowledge.t(lang).to_owned(),
        Next::AwaitAcknowledge => Msg::EgNextAwaitAck.t(lang).to_owned(),
        Next::Review => Msg::EgNextReview.t(lang).to_owned(),
        Next::AwaitReview => Msg::EgNextReviewOther.t(lang).to_owned(),
        Next::RenewCompany => Msg::EgNextRenewCompany.t(lang).to_owned(),
        Next::RenewTalent => Msg::EgNextRenewTalent.t(lang).to_owned(),
        Next::AcceptRenewal => Msg::EgNextAcceptRenewal.t(lang).to_owned(),
        Next::NoRenew => Msg::EgNextNoRenew.t(lang).to_owned(),
        Next::Outcomes => Msg::EgNextOutcomes.t(lang).to_owned(),
        Next::Ended => Msg::EgNextEnded.t(lang).to_owned(),
        Next::Nothing => Msg::EgNextNothing.t(lang).to_owned(),
    }
}

/// The section of the engagement's page where the step is done, for a jump link.
pub fn anchor(next: &Next) -> Option<&'static str> {
    match next {
        Next::Kickoff => Some("kickoff"),
        Next::Report(_) | Next::AwaitReport(_) | Next::Acknowledge | Next::AwaitAcknowledge => {
            Some("reports")
        }
        Next::Review | Next::AwaitReview | Next::NoRenew => Some("review"),
        Next::RenewCompany | Next::RenewTalent | Next::AcceptRenewal => Some("renewal"),
        Next::Outcomes => Some("outcomes"),
        Next::Ended | Next::Nothing => None,
    }
}

/// The steps as a short list; `link` makes each a jump to its section on the same page.
pub fn next_list(lang: Lang, steps: &[Next], link: bool) -> Html {
    html! {
        <ul class="eg-next">
            { for steps.iter().map(|n| {
                let text = next_text(lang, n);
                match anchor(n).filter(|_| link) {
                    Some(id) => html! { <li><a href={format!("#{id}")}>{ text }</a></li> },
                    None => html! { <li>{ text }</li> },
                }
            }) }
        </ul>
    }
}
