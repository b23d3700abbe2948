//! 日本語 / English, in the header of every page.

use yew::prelude::*;

use crate::i18n::{use_lang, use_set_lang, Lang, Msg};

#[function_component(LangSwitch)]
pub fn lang_switch() -> Html {
    let lang = use_lang();
    let set_lang = use_set_lang();
    let button = |choice: Lang, label: Msg| {
        let set_lang = set_lang.clone();
        let onclick = Callback::from(move |_: MouseEvent| set_lang.emit(choice));
        let pressed = if lang == choice { "true" } else { "false" };
        // `lang` on the button lets screen readers pronounce each name in its own language.
        html! {
            <button type="button" class="lang-option" lang={choice.tag()} aria-pressed={pressed} {onclick}>
                { label.t(lang) }
            </button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={Msg::LangSwitch.t(lang)}>
            { button(Lang::Ja, Msg::LangJa) }
            { button(Lang::En, Msg::LangEn) }
        </div>
    }
}
