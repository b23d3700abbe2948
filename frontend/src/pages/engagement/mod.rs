//! The engagement screens, for both sides and the hub: `/engagements` (the caller's
//! engagements and what each needs next) and `/engagements/:id` (one engagement, section by
//! section: parties and contract, kickoff, monthly reports, the 3-month review, renewal, end,
//! outcomes and the case study).

mod case_study;
mod detail;
mod end;
mod kickoff;
mod list;
mod next;
mod outcomes;
mod parties;
mod renewal;
mod reports;
mod review;
mod words;

use yew::prelude::*;

pub use detail::EngagementPage;
pub use list::EngagementsPage;

use crate::i18n::{Lang, Msg};

/// A link to a contract's page, `/contracts/{id}`. A plain link (a full page load) because
/// the contract screens' route is not declared in this app's route table yet.
fn contract_link(lang: Lang, id: i64, label: Msg) -> Html {
    html! { <a href={format!("/contracts/{id}")}>{ label.t(lang) }</a> }
}
