//! A labelled text input with its hint and its error slot, wired for screen readers: the hint
//! and the error are read with the field (aria-describedby), and an error marks it invalid.

use yew::prelude::*;

use crate::forms::input_value;
use crate::i18n::{use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The element id; also prefixes the hint's and the error's ids.
    pub id: AttrValue,
    pub label: Msg,
    pub hint: Msg,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub error: Option<Msg>,
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The browser's autofill hint (`email`, `current-password`, `new-password`, …).
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or(true)]
    pub required: bool,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| on_input.emit(input_value(&e)))
    };
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>
                { props.label.t(lang) }
                if props.required {
                    <span class="required">{ Msg::Required.t(lang) }</span>
                }
            </label>
            <p class="hint" id={hint_id.clone()}>{ props.hint.t(lang) }</p>
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                autocomplete={props.autocomplete.clone()}
                aria-describedby={format!("{hint_id} {error_id}")}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-required={if props.required { "true" } else { "false" }}
                disabled={props.disabled}
                {oninput}
            />
            <p class="field-error" id={error_id}>{ props.error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </div>
    }
}
