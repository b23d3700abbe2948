//! What every form needs: field errors from the shared validation or from the server, keyed
//! by the API's field paths, and small readers for input events.

use kakehashi_shared::{FieldError, FieldErrors};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{field_error, Msg};

/// The invalid fields of a form, by API path (`email`, `company.prefecture_code`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    /// From the shared rules, checked before sending.
    pub fn from_validation(errors: FieldErrors) -> Self {
        FormErrors(errors.0)
    }

    /// From the server's answer. `email_taken` carries no field list but is about the email.
    pub fn from_api(error: &ApiError) -> Self {
        let mut errors = error.field_errors().to_vec();
        if error.is(kakehashi_shared::ErrorCode::EmailTaken) {
            errors.push(FieldError {
                field: "email".to_owned(),
                code: "email_taken".to_owned(),
                message: String::new(),
            });
        }
        FormErrors(errors)
    }

    /// The message for a field's first error.
    pub fn get(&self, field: &str) -> Option<Msg> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| field_error(&e.field, &e.code))
    }

    // Partners: one textarea holds every origin, so `origins[2]` is shown beside it.
    /// The message for the first error of a list field or any of its items (`origins`,
    /// `origins[2]`).
    pub fn get_list(&self, field: &str) -> Option<Msg> {
        let item = format!("{field}[");
        self.0
            .iter()
            .find(|e| e.field == field || e.field.starts_with(&item))
            .map(|e| field_error(&e.field, &e.code))
    }

    /// Drops the errors of a list field and of its items.
    pub fn clear_list(&mut self, field: &str) {
        let item = format!("{field}[");
        self.0
            .retain(|e| e.field != field && !e.field.starts_with(&item));
    }

    /// Drops the error of a field the person is correcting, so stale advice does not linger.
    pub fn clear(&mut self, field: &str) {
        self.0.retain(|e| e.field != field);
    }

    /// Moves keyboard focus to the first invalid field of `order` (the fields as they appear
    /// on screen), so people using a keyboard or a screen reader land where work is needed.
    pub fn focus_first(&self, order: &[(&str, &str)]) {
        let first = order
            .iter()
            .find(|(field, _)| self.0.iter().any(|e| e.field == *field));
        if let Some((_, id)) = first {
            focus_element(id);
        }
    }
}

/// Forgets a field's error once the person edits it.
pub fn clear_error(errors: &UseStateHandle<FormErrors>, field: &str) {
    if errors.get(field).is_some() {
        let mut next = (**errors).clone();
        next.clear(field);
        errors.set(next);
    }
}

/// Focuses the element with this id, if it is on the page.
pub fn focus_element(id: &str) {
    let element = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The value of the `<input>` an input event came from.
pub fn input_value(event: &InputEvent) -> String {
    event
        .target_dyn_into::<HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The value of the `<select>` a change event came from.
pub fn select_value(event: &Event) -> String {
    event
        .target_dyn_into::<HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}

/// Sends a form's request as every form does: clears the last errors, marks the form busy, and
/// on failure keeps the problem and the server's field errors beside their fields (what was
/// typed stays in the form's own state). `done` receives the answer.
pub fn send<T, F, Fut>(
    session: &crate::session::SessionHandle,
    (errors, problem, busy): (
        &UseStateHandle<FormErrors>,
        &UseStateHandle<Option<ApiError>>,
        &UseStateHandle<bool>,
    ),
    request: F,
    done: impl FnOnce(T) + 'static,
) where
    T: 'static,
    F: Fn(kakehashi_shared::client::ApiClient) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, kakehashi_shared::client::ClientError>> + 'static,
{
    errors.set(FormErrors::default());
    problem.set(None);
    busy.set(true);
    let (session, errors, problem, busy) = (
        session.clone(),
        errors.clone(),
        problem.clone(),
        busy.clone(),
    );
    wasm_bindgen_futures::spawn_local(async move {
        let result = session.call(request).await;
        busy.set(false);
        match result {
            Ok(answer) => done(answer),
            Err(error) => {
                errors.set(FormErrors::from_api(&error));
                problem.set(Some(error));
            }
        }
    });
}
