//! Any path the app does not know.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_title;
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;

#[function_component(NotFoundPage)]
pub fn not_found_page() -> Html {
    let lang = use_lang();
    use_title(Msg::NotFoundTitle);
    html! {
        <section class="page narrow">
            <h1>{ Msg::NotFoundTitle.t(lang) }</h1>
            <p>{ Msg::NotFoundBody.t(lang) }</p>
            <div class="actions">
                <Link<Route> to={Route::Home} classes="button primary">{ Msg::BackHome.t(lang) }</Link<Route>>
            </div>
        </section>
    }
}
