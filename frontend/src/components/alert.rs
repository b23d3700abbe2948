//! Messages above a form or in place of a page's content.

use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{problem_message, use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct ErrorAlertProps {
    pub error: ApiError,
    /// On a form: after a transient failure, tell the person their input is still there,
    /// so nobody retypes a long form before trying again.
    #[prop_or_default]
    pub kept_input: bool,
    /// Offer a "try again" button (loads that failed).
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// A failed request, in words, announced to screen readers as it appears.
#[function_component(ErrorAlert)]
pub fn error_alert(props: &ErrorAlertProps) -> Html {
    let lang = use_lang();
    let retry = props.on_retry.clone().map(|on_retry| {
        let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(()));
        html! { <button type="button" class="button secondary" {onclick}>{ Msg::Retry.t(lang) }</button> }
    });
    html! {
        <div class="alert error" role="alert">
            <p>{ problem_message(&props.error).t(lang) }</p>
            if props.kept_input && props.error.is_transient() {
                <p>{ Msg::ErrKept.t(lang) }</p>
            }
            { for retry }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub message: Msg,
}

/// Neutral information, such as why the person landed on the sign-in page.
#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="alert info" role="status">
            <p>{ props.message.t(lang) }</p>
        </div>
    }
}
