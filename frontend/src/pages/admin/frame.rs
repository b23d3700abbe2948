//! What every admin screen shares: the admins-only gate and the admin menu.

use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::RequireSession;
use crate::i18n::{use_lang, Msg};
use crate::pages::company::common::RoleGate;
use crate::routes::Route;

#[derive(Properties, PartialEq)]
pub struct AdminFrameProps {
    pub children: Html,
}

/// Signed in as an admin, or a plain sentence saying the page is not for this account.
#[function_component(AdminOnly)]
pub fn admin_only(props: &AdminFrameProps) -> Html {
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Admin]} refusal={Msg::ErrNotAdmin}>
                { props.children.clone() }
            </RoleGate>
        </RequireSession>
    }
}

#[derive(Properties, PartialEq)]
pub struct AdminMenuProps {
    /// The screen being shown, marked as the current page.
    pub current: Route,
}

/// Links between the three admin screens, so none is more than one step from another.
#[function_component(AdminMenu)]
pub fn admin_menu(props: &AdminMenuProps) -> Html {
    let lang = use_lang();
    let item = |route: Route, label: Msg| {
        // The current screen is named, not linked: a link to the page one is on only
        // reloads it.
        if route == props.current {
            html! {
                <li><span class="admin-tab current" aria-current="page">{ label.t(lang) }</span></li>
            }
        } else {
            html! {
                <li><Link<Route> to={route} classes="admin-tab">{ label.t(lang) }</Link<Route>></li>
            }
        }
    };
    html! {
        <nav class="admin-menu" aria-label={Msg::AdMenu.t(lang)}>
            <ul>
                { item(Route::AdminHubs, Msg::AdNavHubs) }
                { item(Route::AdminStaff, Msg::AdNavStaff) }
                { item(Route::AdminPartners, Msg::AdNavPartners) }
                { item(Route::AdminOutbox, Msg::AdNavOutbox) }
            </ul>
        </nav>
    }
}
