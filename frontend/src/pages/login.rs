//! `/login`: sign in, then go back to `?next=` (or the role's starting page).

use kakehashi_shared::auth::LoginRequest;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Notice, TextField};
use crate::forms::{clear_error, FormErrors};
use crate::hooks::use_title;
use crate::i18n::{use_lang, Msg};
use crate::routes::{after_sign_in, LoginQuery, Route};
use crate::session::use_session;

/// The fields as they appear on screen: (API field, element id), for focusing the first error.
const FIELDS: &[(&str, &str)] = &[("email", "login-email"), ("password", "login-password")];

#[function_component(LoginPage)]
pub fn login_page() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let query = use_location()
        .and_then(|location| location.query::<LoginQuery>().ok())
        .unwrap_or_default();
    use_title(Msg::LoginTitle);

    let email = use_state(String::new);
    let password = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let submitting = use_state(|| false);

    // Signed in (just now, or already when arriving): go where the person was heading.
    {
        let next = query.next.clone();
        let role = session.session().map(|s| s.user.role);
        use_effect_with(session.is_signed_in(), move |signed_in| {
            if let (true, Some(navigator)) = (*signed_in, navigator) {
                navigator.replace(&after_sign_in(next.as_deref(), role));
            }
        });
    }

    let onsubmit = {
        let (email, password, errors, problem, submitting, session) = (
            email.clone(),
            password.clone(),
            errors.clone(),
            problem.clone(),
            submitting.clone(),
            session.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *submitting {
                return;
            }
            let request = LoginRequest {
                email: email.trim().to_owned(),
                password: (*password).clone(),
            };
            if let Err(invalid) = request.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(FIELDS);
                errors.set(invalid);
                problem.set(None);
                return;
            }
            errors.set(FormErrors::default());
            problem.set(None);
            submitting.set(true);
            let (errors, problem, submitting, session) = (
                errors.clone(),
                problem.clone(),
                submitting.clone(),
                session.clone(),
            );
            spawn_local(async move {
                match api::client().login(&request).await {
                    // The effect above navigates once the session is in place.
                    Ok(tokens) => session.sign_in(tokens),
                    Err(error) => {
                        let error = ApiError::from(error);
                        errors.set(FormErrors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
                submitting.set(false);
            });
        })
    };

    let on_email = {
        let (email, errors) = (email.clone(), errors.clone());
        Callback::from(move |value: String| {
            email.set(value);
            clear_error(&errors, "email");
        })
    };
    let on_password = {
        let (password, errors) = (password.clone(), errors.clone());
        Callback::from(move |value: String| {
            password.set(value);
            clear_error(&errors, "password");
        })
    };

    let notice = if session.expired() {
        Some(Msg::SessionExpired)
    } else if query.next.is_some() {
        Some(Msg::LoginRequired)
    } else {
        None
    };

    html! {
        <section class="page narrow">
            <h1>{ Msg::LoginTitle.t(lang) }</h1>
            <p class="lead">{ Msg::LoginLead.t(lang) }</p>
            if let Some(message) = notice {
                <Notice {message} />
            }
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <form class="form" {onsubmit} novalidate=true aria-busy={if *submitting { "true" } else { "false" }}>
                <TextField id="login-email" label={Msg::FieldEmail} hint={Msg::HintEmailLogin}
                    input_type="email" autocomplete="email" value={(*email).clone()}
                    on_input={on_email} error={errors.get("email")} />
                <TextField id="login-password" label={Msg::FieldPassword} hint={Msg::HintPasswordLogin}
                    input_type="password" autocomplete="current-password" value={(*password).clone()}
                    on_input={on_password} error={errors.get("password")} />
                <button type="submit" class="button primary wide" disabled={*submitting}>
                    { if *submitting { Msg::LoginSubmitting.t(lang) } else { Msg::LoginSubmit.t(lang) } }
                </button>
            </form>
            <p class="switch-form">
                { Msg::LoginNoAccount.t(lang) }
                <Link<Route> to={Route::Register}>{ Msg::NavRegister.t(lang) }</Link<Route>>
            </p>
        </section>
    }
}
