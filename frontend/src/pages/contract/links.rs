//! The ways from an application to its conversation and its contract, for the talent's
//! application page and each card of the company's applicants board: one component, so both
//! sides see the same words in the same order.

use kakehashi_shared::application::Application;
use kakehashi_shared::workflow::ApplicationStatus;
use yew::prelude::*;
use yew_router::prelude::*;

use super::company_side;
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ApplicationLinksProps {
    pub application: Application,
}

#[function_component(ApplicationLinks)]
pub fn application_links(props: &ApplicationLinksProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let company = company_side(session.session().map(|s| s.user.role));
    let a = &props.application;
    let offered = a.status == ApplicationStatus::Offered;
    // Talent see the terms waiting for them as the one thing to do next.
    let contract = match a.contract_id {
        Some(id) => Some(html! {
            <Link<Route> to={Route::Contract { id }}
                classes={classes!("button", if offered { "primary" } else { "secondary" })}>
                { Msg::CnSee.t(lang) }
            </Link<Route>>
        }),
        None if company && offered => Some(html! {
            <Link<Route> to={Route::ContractBuilder { id: a.id }} classes="button primary">
                { Msg::CnMake.t(lang) }
            </Link<Route>>
        }),
        None => None,
    };
    let before_interview = matches!(
        a.status,
        ApplicationStatus::Shortlisted
            | ApplicationStatus::Interviewing
            | ApplicationStatus::Offered
    );
    html! {
        <div class="application-links">
            if !company && offered && a.contract_id.is_some() {
                <p class="notice-line">{ Msg::CnProposedNotice.t(lang) }</p>
            }
            <div class="card-actions">
                { for contract }
                <Link<Route> to={Route::ApplicationMessages { id: a.id }} classes="button secondary">
                    { Msg::MgOpen.t(lang) }
                </Link<Route>>
                if before_interview {
                    <Link<Route> to={Route::ApplicationQuestionnaire { id: a.id }} classes="button secondary">
                        { Msg::QnOpen.t(lang) }
                    </Link<Route>>
                }
            </div>
        </div>
    }
}
