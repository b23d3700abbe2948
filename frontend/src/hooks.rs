//! Small hooks every page uses: data that loads with a visible loading and error state, and
//! the browser tab's title.

use std::future::Future;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{page_title, use_lang, Msg};

/// Data from the API, as a page shows it: loading, there, or failed with a reason.
#[derive(Clone, Debug, PartialEq)]
pub enum Remote<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Remote<T> {
    /// The same state with the data transformed (e.g. into a select's options).
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Remote<U> {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Ready(data) => Remote::Ready(f(data)),
            Remote::Failed(error) => Remote::Failed(error.clone()),
        }
    }
}

/// Loads data when the component mounts and whenever `retry` is called (the "try again"
/// button of an error state).
#[hook]
pub fn use_remote<T, F, Fut>(load: F) -> (Remote<T>, Callback<()>)
where
    T: Clone + 'static,
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(|| Remote::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            state.set(Remote::Loading);
            spawn_local(async move {
                state.set(match load().await {
                    Ok(data) => Remote::Ready(data),
                    Err(error) => Remote::Failed(error),
                });
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    ((*state).clone(), retry)
}

/// Names the browser tab after the page, in the current language.
#[hook]
pub fn use_title(page: Msg) {
    let lang = use_lang();
    use_effect_with((lang, page), |(lang, page)| {
        gloo::utils::document().set_title(&page_title(*lang, *page));
    });
}
