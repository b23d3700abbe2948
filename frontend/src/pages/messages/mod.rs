//! What the two sides of an application exchange besides its moves: the conversation
//! (`/applications/:id/messages`) and the pre-interview questionnaire
//! (`/applications/:id/questionnaire`), both open to the talent, the company and the hub's
//! coordinator.

mod conversation;
mod questionnaire;

pub use conversation::ConversationPage;
pub use questionnaire::QuestionnairePage;

use kakehashi_shared::application::Application;
use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::pages::contract::company_side;
use crate::routes::Route;

/// Back to where each side works on the application: the talent's application page, or the
/// posting's applicants board.
fn back_link(lang: Lang, role: Option<Role>, a: &Application) -> Html {
    if company_side(role) {
        html! { <Link<Route> to={Route::CompanyProjectBoard { id: a.project_id }}>{ Msg::CnToBoard.t(lang) }</Link<Route>> }
    } else {
        html! { <Link<Route> to={Route::Application { id: a.id }}>{ Msg::CnToApplication.t(lang) }</Link<Route>> }
    }
}

/// The posting and both parties, so everyone knows whose conversation this is.
fn parties(a: &Application) -> String {
    format!(
        "{} ・ {} ・ {}",
        a.project_title, a.company_name, a.talent_name
    )
}
