//! Guards pages that need a signed-in person: others go to /login?next=<this page>.

use yew::prelude::*;
use yew_router::prelude::*;

use super::Loading;
use crate::routes::{current_path, LoginQuery, Route};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct RequireSessionProps {
    pub children: Html,
}

#[function_component(RequireSession)]
pub fn require_session(props: &RequireSessionProps) -> Html {
    let session = use_session();
    let navigator = use_navigator();
    let signed_in = session.is_signed_in();

    use_effect_with(signed_in, move |signed_in| {
        if !*signed_in {
            if let Some(navigator) = navigator {
                let query = LoginQuery {
                    next: Some(current_path()),
                };
                // `replace`, so the back button does not return to a page that bounces.
                if navigator.replace_with_query(&Route::Login, &query).is_err() {
                    navigator.replace(&Route::Login);
                }
            }
        }
    });

    if signed_in {
        props.children.clone()
    } else {
        html! { <Loading /> }
    }
}
