//! The root component: language, routing and session, in that order, because the session
//! provider navigates (it needs the router) and everything shows text (it needs the language).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::Layout;
use crate::i18n::LangProvider;
use crate::routes::Route;
use crate::session::SessionProvider;

#[derive(Properties)]
pub struct AppProps {
    /// The bundle's page for each address (`routes::switch::<BUNDLE>`).
    pub render: fn(Route) -> Html,
}

/// A bundle renders with one switch for its whole life, so the root never re-renders for a
/// change of it (function pointers cannot be compared meaningfully anyway).
impl PartialEq for AppProps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let render = props.render;
    html! {
        <LangProvider>
            <BrowserRouter>
                <SessionProvider>
                    <Layout>
                        <Switch<Route> {render} />
                    </Layout>
                </SessionProvider>
            </BrowserRouter>
        </LangProvider>
    }
}
