//! The chosen language, kept in localStorage so it survives a reload, and mirrored on
//! `<html lang>` so screen readers and the browser's fonts follow it.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use super::Lang;

const STORAGE_KEY: &str = "kakehashi.lang";

#[derive(Clone, PartialEq)]
struct LangContext {
    lang: Lang,
    set: Callback<Lang>,
}

fn stored_lang() -> Lang {
    LocalStorage::get::<String>(STORAGE_KEY)
        .ok()
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    pub children: Html,
}

#[function_component(LangProvider)]
pub fn lang_provider(props: &LangProviderProps) -> Html {
    let lang = use_state(stored_lang);

    use_effect_with(*lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            // Failing to tag the page is harmless; the text itself is already right.
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    let set = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            // A full or disabled storage only means the choice is not remembered.
            let _ = LocalStorage::set(STORAGE_KEY, next.tag());
            lang.set(next);
        })
    };
    let context = LangContext { lang: *lang, set };

    html! {
        <ContextProvider<LangContext> {context}>
            { props.children.clone() }
        </ContextProvider<LangContext>>
    }
}

/// The language every text on screen is in.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>()
        .map(|c| c.lang)
        .unwrap_or_default()
}

/// Changes the language of the whole app.
#[hook]
pub fn use_set_lang() -> Callback<Lang> {
    use_context::<LangContext>()
        .map(|c| c.set)
        .unwrap_or_default()
}
