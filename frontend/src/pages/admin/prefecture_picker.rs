//! Several prefectures at once: a checkbox per prefecture under its region. Checkboxes work
//! with Tab and Space and wrap to two columns at 360 px, which a multiple `<select>` does not.

use std::rc::Rc;

use kakehashi_shared::reference::Prefecture;
use yew::prelude::*;

use crate::components::{ErrorAlert, Loading};
use crate::hooks::Remote;
use crate::i18n::{use_lang, Msg};
use crate::reference::prefecture_groups;

#[derive(Properties, PartialEq)]
pub struct PrefecturePickerProps {
    /// Prefixes the ids of the checkboxes (`{id}-03`), the hint and the error.
    pub id: AttrValue,
    pub selected: Vec<String>,
    pub on_toggle: Callback<String>,
    pub prefectures: Remote<Rc<Vec<Prefecture>>>,
    pub on_retry: Callback<()>,
    #[prop_or_default]
    pub error: Option<Msg>,
    /// The legend and hint: a hub's by default; the partner form names its own.
    #[prop_or(Msg::FieldHubPrefectures)]
    pub label: Msg,
    #[prop_or(Msg::HintHubPrefectures)]
    pub hint: Msg,
}

/// The id of the first checkbox, to move focus to when nothing is chosen.
pub fn first_checkbox_id(id: &str) -> String {
    format!("{id}-01")
}

#[function_component(PrefecturePicker)]
pub fn prefecture_picker(props: &PrefecturePickerProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    let choices = match &props.prefectures {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={props.on_retry.clone()} /> }
        }
        Remote::Ready(list) => {
            let groups = prefecture_groups(list, lang);
            html! {
                { for groups.into_iter().map(|(region, options)| html! {
                    <div class="check-group">
                        <p class="check-group-title">{ region }</p>
                        <div class="checks two">
                            { for options.into_iter().map(|(code, name)| {
                                let id = format!("{}-{code}", props.id);
                                let checked = props.selected.contains(&code);
                                let on_toggle = props.on_toggle.clone();
                                let onchange = Callback::from(move |_: Event| on_toggle.emit(code.clone()));
                                html! {
                                    <label class="check" for={id.clone()}>
                                        <input type="checkbox" {id} {checked} {onchange}
                                            aria-describedby={format!("{hint_id} {error_id}")} />
                                        <span>{ name }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </div>
                }) }
            }
        }
    };
    let count = Msg::HbSelected
        .t(lang)
        .replace("{n}", &props.selected.len().to_string());
    html! {
        <fieldset class={classes!("group", invalid.then_some("invalid"))}>
            <legend>
                { props.label.t(lang) }
                <span class="required">{ Msg::Required.t(lang) }</span>
            </legend>
            <p class="hint" id={hint_id.clone()}>{ props.hint.t(lang) }</p>
            <p class="count" aria-live="polite">{ count }</p>
            { choices }
            <p class="field-error" id={error_id.clone()}>{ props.error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </fieldset>
    }
}
