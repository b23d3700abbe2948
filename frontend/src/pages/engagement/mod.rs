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
use yew_router::prelude::*;

pub use detail::EngagementPage;
pub use list::EngagementsPage;

use crate::i18n::{Lang, Msg};
use crate::routes::Route;

/// A link to a contract's page (the current term, or the next one after a renewal).
fn contract_link(lang: Lang, id: i64, label: Msg) -> Html {
    html! { <Link<Route> to={Route::Contract { id }}>{ label.t(lang) }</Link<Route>> }
}
