//! `/coordinator/companies/new`: a coordinator registers a company that has no account yet
//! (often one met on a visit), in the hub's prefectures, and lands on its page to log the
//! visit and write its first posting.

use kakehashi_shared::company::Company;
use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::RequireSession;
use crate::hooks::use_title;
use crate::i18n::{use_lang, Msg};
use crate::pages::company::common::RoleGate;
use crate::pages::company::CompanyForm;
use crate::routes::Route;
use crate::session::use_session;

#[function_component(NewCompanyPage)]
pub fn new_company_page() -> Html {
    use_title(Msg::NcTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Coordinator]} refusal={Msg::ErrNotCoordinator}>
                <NewCompany />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(NewCompany)]
fn new_company() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    // The hub's prefectures, as `/me` names them: the only ones a coordinator may use.
    let allowed = use_session()
        .session()
        .and_then(|s| s.user.hub.as_ref())
        .map(|h| h.prefecture_codes.clone());
    let on_saved = Callback::from(move |c: Company| {
        if let Some(navigator) = &navigator {
            let route = Route::CoordinatorCompany { id: c.id };
            let query = super::company::Created { created: true };
            if navigator.push_with_query(&route, &query).is_err() {
                navigator.push(&route);
            }
        }
    });
    html! {
        <section class="page narrow">
            <p><Link<Route> to={Route::CoordinatorHome}>{ Msg::CdBack.t(lang) }</Link<Route>></p>
            <h1>{ Msg::NcTitle.t(lang) }</h1>
            <p class="lead">{ Msg::NcLead.t(lang) }</p>
            <CompanyForm prefectures_allowed={allowed} {on_saved} />
        </section>
    }
}
