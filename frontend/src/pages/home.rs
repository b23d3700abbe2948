//! `/`: what Kakehashi is, and the way in.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_title;
use crate::i18n::{use_lang, welcome, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[function_component(HomePage)]
pub fn home_page() -> Html {
    let lang = use_lang();
    let session = use_session();
    use_title(Msg::AppTagline);

    let actions = match session.session() {
        Some(signed_in) => html! {
            <>
                <p class="welcome">{ welcome(lang, &signed_in.user.display_name) }</p>
                <div class="actions">
                    <Link<Route> to={Route::Me} classes="button primary">{ Msg::HomeToMe.t(lang) }</Link<Route>>
                </div>
            </>
        },
        None => html! {
            <div class="actions">
                <Link<Route> to={Route::Register} classes="button primary">{ Msg::HomeRegister.t(lang) }</Link<Route>>
                <Link<Route> to={Route::Login} classes="button secondary">{ Msg::HomeLogin.t(lang) }</Link<Route>>
            </div>
        },
    };

    html! {
        <section class="hero">
            <h1>{ Msg::HomeHeading.t(lang) }</h1>
            <p class="lead">{ Msg::HomeLead.t(lang) }</p>
            { actions }
        </section>
    }
}
