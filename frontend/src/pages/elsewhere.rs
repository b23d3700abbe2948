//! A page another bundle holds. The router has already put its address in the location bar, so
//! loading that address again lets index.html's loader start the bundle that holds it.

use gloo::storage::{SessionStorage, Storage};
use yew::prelude::*;

use super::NotFoundPage;
use crate::components::Loading;

/// Remembers the address this tab last reloaded for, so a path no bundle holds (a mismatch
/// between the loader and a bundle's switch) shows "not found" instead of reloading forever.
const LAST_HANDOFF: &str = "kakehashi.handoff";

#[function_component(Elsewhere)]
pub fn elsewhere() -> Html {
    let here = gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let looping = SessionStorage::get::<String>(LAST_HANDOFF).ok().as_deref() == Some(&here);
    use_effect_with(here.clone(), move |here| {
        if looping {
            SessionStorage::delete(LAST_HANDOFF);
        } else {
            // A full storage only loses the loop guard, never the page.
            let _ = SessionStorage::set(LAST_HANDOFF, here);
            let _ = gloo::utils::window().location().reload();
        }
    });
    if looping {
        html! { <NotFoundPage /> }
    } else {
        html! { <Loading /> }
    }
}
