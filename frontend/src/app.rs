//! The root component: language, routing and session, in that order, because the session
//! provider navigates (it needs the router) and everything shows text (it needs the language).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::Layout;
use crate::i18n::LangProvider;
use crate::routes::{switch, Route};
use crate::session::SessionProvider;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <LangProvider>
            <BrowserRouter>
                <SessionProvider>
                    <Layout>
                        <Switch<Route> render={switch} />
                    </Layout>
                </SessionProvider>
            </BrowserRouter>
        </LangProvider>
    }
}
