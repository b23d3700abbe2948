//! The loading state every request shows.

use yew::prelude::*;

use crate::i18n::{use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// What is loading, when "loading" alone would be vague.
    #[prop_or(Msg::Loading)]
    pub message: Msg,
}

#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    let lang = use_lang();
    html! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            { props.message.t(lang) }
        </p>
    }
}
