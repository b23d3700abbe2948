//! `/register`: open a talent account, or a company account together with its company.
//! Afterwards the person is signed in and taken to /me.

mod company_fields;
mod draft;

use kakehashi_shared::enums::AccountType;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use self::company_fields::CompanyFields;
use self::draft::{Draft, Field};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, TextField};
use crate::forms::FormErrors;
use crate::hooks::use_title;
use crate::i18n::{use_lang, Lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[function_component(RegisterPage)]
pub fn register_page() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    use_title(Msg::RegisterTitle);

    let draft = use_state(Draft::default);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let submitting = use_state(|| false);

    // Signed in (just registered, or already when arriving): the account page is next.
    use_effect_with(session.is_signed_in(), move |signed_in| {
        if let (true, Some(navigator)) = (*signed_in, navigator) {
            navigator.replace(&Route::Me);
        }
    });

    let on_change = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |(field, value): (Field, String)| {
            draft.set(draft.with(field, value));
            crate::forms::clear_error(&errors, field.path());
        })
    };
    let on_account_type = {
        let draft = draft.clone();
        Callback::from(move |account_type: AccountType| {
            draft.set(Draft {
                account_type,
                ..(*draft).clone()
            })
        })
    };

    let onsubmit = {
        let (draft, errors, problem, submitting, session) = (
            draft.clone(),
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
            let request = draft.to_request();
            if let Err(invalid) = request.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&Field::focus_order());
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
                match api::client().register(&request).await {
                    // The effect above moves on to /me once the session is in place.
                    Ok(tokens) => {
                        // The server ignores a code no partner has (a stale link): forget it.
                        if request.referral_code.is_some() && tokens.user.referred_by.is_none() {
                            crate::referral::forget();
                        }
                        session.sign_in(tokens)
                    }
                    Err(error) => {
                        let error = ApiError::from(error);
                        let invalid = FormErrors::from_api(&error);
                        invalid.focus_first(&Field::focus_order());
                        errors.set(invalid);
                        problem.set(Some(error));
                    }
                }
                submitting.set(false);
            });
        })
    };

    let text_field = |field: Field,
                      label: Msg,
                      hint: Msg,
                      kind: &'static str,
                      fill: &'static str| {
        let on_change = on_change.clone();
        html! {
            <TextField id={field.id()} {label} {hint} input_type={kind} autocomplete={fill}
                value={draft.get(field).to_owned()} error={errors.get(field.path())}
                on_input={Callback::from(move |value: String| on_change.emit((field, value)))} />
        }
    };

    html! {
        <section class="page narrow">
            <h1>{ Msg::RegisterTitle.t(lang) }</h1>
            <p class="lead">{ Msg::RegisterLead.t(lang) }</p>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <form class="form" {onsubmit} novalidate=true aria-busy={if *submitting { "true" } else { "false" }}>
                { account_type_choice(lang, draft.account_type, on_account_type) }
                { text_field(Field::DisplayName, Msg::FieldDisplayName, Msg::HintDisplayName, "text", "name") }
                { text_field(Field::Email, Msg::FieldEmail, Msg::HintEmailRegister, "email", "email") }
                { text_field(Field::Password, Msg::FieldPassword, Msg::HintPasswordRegister, "password", "new-password") }
                if draft.account_type == AccountType::Company {
                    <CompanyFields draft={(*draft).clone()} errors={(*errors).clone()} on_change={on_change.clone()} />
                }
                // Privacy (APPI): registering records consent to the versions in force.
                <p class="hint">{ Msg::RegisterConsent.t(lang) }</p>
                <button type="submit" class="button primary wide" disabled={*submitting}>
                    { if *submitting { Msg::RegisterSubmitting.t(lang) } else { Msg::RegisterSubmit.t(lang) } }
                </button>
            </form>
            <p class="switch-form">
                { Msg::RegisterHaveAccount.t(lang) }
                <Link<Route> to={Route::Login}>{ Msg::NavLogin.t(lang) }</Link<Route>>
            </p>
        </section>
    }
}

/// 人材 or 企業, as two large radio cards with a line each on who they are for.
fn account_type_choice(lang: Lang, current: AccountType, on_pick: Callback<AccountType>) -> Html {
    let option = |value: AccountType, label: Msg, hint: Msg| {
        let id = format!("register-type-{}", value.as_str());
        let hint_id = format!("{id}-hint");
        let on_pick = on_pick.clone();
        let onchange = Callback::from(move |_: Event| on_pick.emit(value));
        html! {
            <label class="choice" for={id.clone()}>
                <input type="radio" name="account_type" id={id} value={value.as_str()}
                    checked={current == value} aria-describedby={hint_id.clone()} {onchange} />
                <span class="choice-text">
                    <span class="choice-label">{ label.t(lang) }</span>
                    <span class="choice-hint" id={hint_id}>{ hint.t(lang) }</span>
                </span>
            </label>
        }
    };
    html! {
        <fieldset class="group choices">
            <legend>{ Msg::AccountTypeLegend.t(lang) }</legend>
            { option(AccountType::Talent, Msg::AccountTalent, Msg::AccountTalentHint) }
            { option(AccountType::Company, Msg::AccountCompany, Msg::AccountCompanyHint) }
        </fieldset>
    }
}
