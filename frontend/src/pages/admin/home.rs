//! `/admin`: the admin's home, a door to each admin screen with what it is for.

use yew::prelude::*;
use yew_router::prelude::*;

use super::frame::AdminOnly;
use crate::hooks::use_title;
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;

#[function_component(AdminHomePage)]
pub fn admin_home_page() -> Html {
    use_title(Msg::AdTitle);
    let lang = use_lang();
    let door = |route: Route, title: Msg, text: Msg| {
        html! {
            <li class="card">
                <h2 class="card-title">
                    <Link<Route> to={route}>{ title.t(lang) }</Link<Route>>
                </h2>
                <p>{ text.t(lang) }</p>
            </li>
        }
    };
    html! {
        <AdminOnly>
            <section class="page narrow">
                <h1>{ Msg::AdTitle.t(lang) }</h1>
                <p class="lead">{ Msg::AdLead.t(lang) }</p>
                <ul class="card-list">
                    { door(Route::AdminHubs, Msg::AdNavHubs, Msg::AdHubsDesc) }
                    { door(Route::AdminStaff, Msg::AdNavStaff, Msg::AdStaffDesc) }
                    { door(Route::AdminPartners, Msg::AdNavPartners, Msg::AdPartnersDesc) }
                    { door(Route::AdminOutbox, Msg::AdNavOutbox, Msg::AdOutboxDesc) }
                    // Statistics (KPIs).
                    { door(Route::StatsDashboard, Msg::StDashTitle, Msg::StDashDesc) }
                    // Integrations: API keys and webhooks (partner bundle).
                    { door(Route::Integrations, Msg::AdNavIntegrations, Msg::AdIntegrationsDesc) }
                </ul>
            </section>
        </AdminOnly>
    }
}
