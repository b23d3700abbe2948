//! A labelled `<select>` whose options come from the API, with the loading and error states
//! of that request in place of the choices.

use yew::prelude::*;

use crate::api::ApiError;
use crate::forms::select_value;
use crate::hooks::Remote;
use crate::i18n::{problem_message, use_lang, Lang, Msg};

/// Options under an optional group heading: `(heading, [(value, label)])`.
pub type SelectGroup = (Option<String>, Vec<(String, String)>);

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: Msg,
    pub hint: Msg,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    /// The choices, or the state of the request that fetches them.
    pub options: Remote<Vec<SelectGroup>>,
    /// Fetches the choices again after a failure.
    pub on_retry: Callback<()>,
    #[prop_or_default]
    pub error: Option<Msg>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| on_change.emit(select_value(&e)))
    };
    let option = |(value, label): &(String, String)| {
        let selected = *value == *props.value;
        html! { <option value={value.clone()} {selected}>{ label.clone() }</option> }
    };
    let (choices, status) = match &props.options {
        Remote::Ready(groups) => {
            let groups = groups.iter().map(|(heading, options)| match heading {
                Some(heading) => html! {
                    <optgroup label={heading.clone()}>{ for options.iter().map(option) }</optgroup>
                },
                None => html! { for options.iter().map(option) },
            });
            (html! { for groups }, Html::default())
        }
        Remote::Loading => (Html::default(), loading_status(lang)),
        Remote::Failed(error) => (Html::default(), failed_status(lang, error, &props.on_retry)),
    };
    let ready = matches!(props.options, Remote::Ready(_));
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>
                { props.label.t(lang) }
                <span class="required">{ Msg::Required.t(lang) }</span>
            </label>
            <p class="hint" id={hint_id.clone()}>{ props.hint.t(lang) }</p>
            <select
                id={props.id.clone()}
                name={props.id.clone()}
                aria-describedby={format!("{hint_id} {error_id}")}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-required="true"
                disabled={props.disabled || !ready}
                {onchange}
            >
                <option value="" selected={props.value.is_empty()}>
                    { if ready { Msg::SelectPlaceholder.t(lang) } else { Msg::OptionsLoading.t(lang) } }
                </option>
                { choices }
            </select>
            { status }
            <p class="field-error" id={error_id}>{ props.error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </div>
    }
}

fn loading_status(lang: Lang) -> Html {
    html! {
        <p class="loading small" role="status">
            <span class="spinner" aria-hidden="true"></span>
            { Msg::OptionsLoading.t(lang) }
        </p>
    }
}

fn failed_status(lang: Lang, error: &ApiError, on_retry: &Callback<()>) -> Html {
    let on_retry = on_retry.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(()));
    html! {
        <div class="alert error small" role="alert">
            <p>{ Msg::OptionsFailed.t(lang) }</p>
            <p>{ problem_message(error).t(lang) }</p>
            <button type="button" class="button secondary" {onclick}>{ Msg::Retry.t(lang) }</button>
        </div>
    }
}
