//! `/company/applications/:id/contract`: the company (or its hub's coordinator acting for it)
//! writes the terms for an offered applicant. The first version starts from the posting; after
//! a request for changes the last version is loaded to revise. Each send is a new version.

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use kakehashi_shared::application::Application;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::contract::{Contract, ContractStatus};
use kakehashi_shared::enums::{ContractType, Role};
use kakehashi_shared::workflow::ApplicationStatus;
use serde::{Deserialize, Serialize};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::form::TermsForm;
use super::numbered;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, Notice, RequireSession, TextField};
use crate::forms::FormErrors;
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::{
    contract_type_name, labelled, ActionError, RoleGate, TextArea,
};
use crate::routes::Route;
use crate::session::use_session;

/// `/contracts/:id?sent=true`: the terms were just sent, so the page says what happens next.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SentQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<bool>,
}

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    /// The application's id.
    pub id: i64,
}

#[function_component(ContractBuilderPage)]
pub fn contract_builder_page(props: &BuilderProps) -> Html {
    use_title(Msg::CnBuilderTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::CompanyMember, Role::Coordinator]} refusal={Msg::ErrNotCompany}>
                <BuilderLoader id={props.id} />
            </RoleGate>
        </RequireSession>
    }
}

/// What the builder starts from: the application, and the contract already proposed (to
/// revise) or else the posting (to start from).
#[derive(Clone, PartialEq)]
struct Start {
    application: Application,
    contract: Option<Contract>,
    form: TermsForm,
}

#[function_component(BuilderLoader)]
fn builder_loader(props: &BuilderProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (start, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move {
                let application = c.application(id).await?;
                let contract = match application.contract_id {
                    Some(contract_id) => Some(c.contract(contract_id).await?),
                    None => None,
                };
                let form = match &contract {
                    Some(contract) => TermsForm::from_terms(&contract.terms),
                    None => {
                        TermsForm::from_posting(&c.project(application.project_id).await?.draft)
                    }
                };
                Ok(Start {
                    application,
                    contract,
                    form,
                })
            })
            .await
    });
    match start {
        Remote::Loading => html! { <section class="page narrow"><Loading /></section> },
        Remote::Failed(error) => html! {
            <section class="page narrow">
                <h1>{ Msg::CnBuilderTitle.t(lang) }</h1>
                <ErrorAlert {error} on_retry={retry} />
            </section>
        },
        Remote::Ready(start) => html! { <Builder start={Rc::new(start)} /> },
    }
}

/// One edit of the form; a reducer so fast typing in several fields is never lost.
enum Edit {
    Text(&'static str, String),
    Type(ContractType),
    Renews(bool),
    Nda(bool),
    Standard(Lang),
    Replace(TermsForm),
}

#[derive(Clone, PartialEq)]
struct FormState(TermsForm);

impl Reducible for FormState {
    type Action = Edit;

    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut next = self.0.clone();
        match action {
            Edit::Text(field, value) => next.set_text(field, value),
            Edit::Type(kind) => next.contract_type = kind,
            Edit::Renews(on) => next.renews_monthly = on,
            Edit::Nda(on) => next.nda_required = on,
            Edit::Standard(lang) => next.fill_standard(lang),
            Edit::Replace(form) => next = form,
        }
        Rc::new(FormState(next))
    }
}

/// The fields as they appear on screen, by API name and element id, for moving focus to the
/// first one that needs work.
const ORDER: [&str; 17] = [
    "contract_type",
    "tasks",
    "deliverables",
    "monthly_hours",
    "monthly_fee",
    "payment_days",
    "payment_method",
    "expenses",
    "acceptance",
    "start_date",
    "term_months",
    "trial_days",
    "intellectual_property",
    "confidentiality",
    "change_procedure",
    "defects_and_delays",
    "renews_monthly",
];

fn draft_key(application: i64, version: Option<i32>) -> String {
    format!(
        "kakehashi.contract-draft.{application}.{}",
        version.unwrap_or(0)
    )
}

fn field_id(field: &str) -> String {
    format!("cn-{field}")
}

#[derive(Properties, PartialEq)]
struct BuilderFormProps {
    start: Rc<Start>,
}

#[function_component(Builder)]
fn builder(props: &BuilderFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let start = &props.start;
    // Unsent typing is kept in this browser per application and version, so a closed tab or
    // a dropped connection does not lose a long form; it is restored with a notice.
    let key = draft_key(
        start.application.id,
        start.contract.as_ref().map(|c| c.version),
    );
    let restored = use_state(|| {
        LocalStorage::get::<TermsForm>(&key)
            .ok()
            .filter(|d| *d != start.form)
    });
    let form = {
        let first = (*restored).clone().unwrap_or_else(|| start.form.clone());
        use_reducer(move || FormState(first))
    };
    {
        let (key, baseline) = (key.clone(), start.form.clone());
        use_effect_with(form.0.clone(), move |typed| {
            if *typed == baseline {
                LocalStorage::delete(&key);
            } else {
                // A full or disabled storage only means the draft is not kept.
                let _ = LocalStorage::set(&key, typed);
            }
        });
    }
    let discard = {
        let (form, restored, baseline) = (form.clone(), restored.clone(), start.form.clone());
        Callback::from(move |_: MouseEvent| {
            form.dispatch(Edit::Replace(baseline.clone()));
            restored.set(None);
        })
    };
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let filled = use_state(|| false);
    let coordinator = session.session().map(|s| s.user.role) == Some(Role::Coordinator);
    let a = &start.application;
    let pending = start
        .contract
        .as_ref()
        .filter(|c| c.status != ContractStatus::Accepted);
    let accepted = start
        .contract
        .as_ref()
        .filter(|c| c.status == ContractStatus::Accepted);

    let back = html! {
        <p class="breadcrumb">
            <Link<Route> to={Route::CompanyProjectBoard { id: a.project_id }}>{ Msg::CnToBoard.t(lang) }</Link<Route>>
        </p>
    };
    let heading = html! {
        <>
            { back }
            <h1>{ Msg::CnBuilderTitle.t(lang) }</h1>
            <p class="card-company">{ labelled(lang, Msg::CnBuilderFor, &format!("{} ・ {}", a.talent_name, a.project_title)) }</p>
        </>
    };
    // The first term is written for an offer; a pending version (also of a renewal) may be
    // revised. Anything else would be refused by the server, so say why here instead.
    if let Some(contract) = accepted {
        return html! {
            <section class="page narrow">
                { heading }
                <Notice message={Msg::CnAlreadyAccepted} />
                <p><Link<Route> to={Route::Contract { id: contract.id }} classes="button primary">{ Msg::CnSee.t(lang) }</Link<Route>></p>
            </section>
        };
    }
    if pending.is_none() && a.status != ApplicationStatus::Offered {
        return html! {
            <section class="page narrow">
                { heading }
                <Notice message={Msg::CnNotOffered} />
            </section>
        };
    }

    let onsubmit = {
        let (form, errors, problem, busy, session) = (
            form.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            session.clone(),
        );
        let (id, key) = (a.id, key.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let terms = match form.0.to_terms() {
                Ok(terms) => terms,
                Err(invalid) => {
                    let invalid = FormErrors::from_validation(invalid);
                    focus_invalid(&invalid);
                    errors.set(invalid);
                    problem.set(None);
                    return;
                }
            };
            errors.set(FormErrors::default());
            problem.set(None);
            busy.set(true);
            let (errors, problem, busy, session, navigator, key) = (
                errors.clone(),
                problem.clone(),
                busy.clone(),
                session.clone(),
                navigator.clone(),
                key.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let terms = terms.clone();
                        async move { c.propose_contract(id, &terms).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(contract) => {
                        LocalStorage::delete(&key);
                        if let Some(navigator) = navigator {
                            let to = Route::Contract { id: contract.id };
                            let query = SentQuery { sent: Some(true) };
                            if navigator.push_with_query(&to, &query).is_err() {
                                navigator.push(&to);
                            }
                        }
                    }
                    Err(error) => {
                        // The server's field errors (payment_too_late…) go beside their fields;
                        // everything typed stays.
                        let invalid = FormErrors::from_api(&error);
                        focus_invalid(&invalid);
                        errors.set(invalid);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let f = &form.0;
    let text = |field: &'static str, label: Msg, hint: Msg, rows: u32| {
        let form = form.clone();
        let errors_handle = errors.clone();
        let on_input = Callback::from(move |v: String| {
            form.dispatch(Edit::Text(field, v));
            crate::forms::clear_error(&errors_handle, field);
        });
        html! {
            <TextArea id={field_id(field)} {label} {hint} value={f.text(field).to_owned()}
                {on_input} error={errors.get(field)} {rows} />
        }
    };
    let input = |field: &'static str, label: Msg, hint: Msg, kind: &'static str, required: bool| {
        let form = form.clone();
        let errors_handle = errors.clone();
        let on_input = Callback::from(move |v: String| {
            form.dispatch(Edit::Text(field, v));
            crate::forms::clear_error(&errors_handle, field);
        });
        html! {
            <TextField id={field_id(field)} {label} {hint} input_type={kind} value={f.text(field).to_owned()}
                {on_input} error={errors.get(field)} {required} />
        }
    };
    let check = |field: &'static str,
                 label: Msg,
                 hint: Msg,
                 checked: bool,
                 edit: fn(bool) -> Edit| {
        let form = form.clone();
        let id = field_id(field);
        let onchange = Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.checked())
                .unwrap_or(false);
            form.dispatch(edit(on));
        });
        html! {
            <div class="field">
                <label class="check" for={id.clone()}>
                    <input type="checkbox" id={id.clone()} {checked} {onchange} aria-describedby={format!("{id}-hint")} />
                    <span>{ label.t(lang) }</span>
                </label>
                <p class="hint" id={format!("{id}-hint")}>{ hint.t(lang) }</p>
            </div>
        }
    };
    let kinds = {
        let error = errors.get("contract_type");
        let id = field_id("contract_type");
        html! {
            <fieldset class={classes!("group", "choices", error.is_some().then_some("invalid"))}
                aria-describedby={format!("{id}-hint {id}-error")}>
                <legend>{ Msg::CnFieldType.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
                <p class="hint" id={format!("{id}-hint")}>{ Msg::CnHintType.t(lang) }</p>
                { for ContractType::ALL.iter().map(|kind| {
                    let kind = *kind;
                    let option_id = format!("{id}-{}", kind.as_str());
                    let form = form.clone();
                    let onchange = Callback::from(move |_: Event| form.dispatch(Edit::Type(kind)));
                    html! {
                        <label class="choice" for={option_id.clone()}>
                            <input type="radio" name={id.clone()} id={option_id.clone()} value={kind.as_str()}
                                checked={f.contract_type == kind} {onchange} />
                            <span class="choice-text"><span class="choice-label">{ contract_type_name(kind).t(lang) }</span></span>
                        </label>
                    }
                }) }
                <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </fieldset>
        }
    };
    let fill = {
        let (form, filled) = (form.clone(), filled.clone());
        Callback::from(move |_: MouseEvent| {
            form.dispatch(Edit::Standard(lang));
            filled.set(true);
        })
    };
    let revising = pending.map(|c| {
        let (msg, comment) = if c.status == ContractStatus::ChangesRequested {
            (Msg::CnRevising, c.change_request.clone())
        } else {
            (Msg::CnRevisingPending, None)
        };
        html! {
            <div class="alert info" role="status">
                <p>{ numbered(lang, msg, c.version) }</p>
                if let Some(comment) = comment {
                    <p><strong>{ Msg::CnChangeRequest.t(lang) }</strong></p>
                    <blockquote class="message prewrap">{ comment }</blockquote>
                }
            </div>
        }
    });

    html! {
        <section class="page narrow contract-builder">
            { heading }
            <p class="lead">{ Msg::CnBuilderLead.t(lang) }</p>
            if coordinator {
                <Notice message={Msg::CnActingFor} />
            }
            { for revising }
            if restored.is_some() {
                <div class="alert info" role="status">
                    <p>{ Msg::CnRestored.t(lang) }</p>
                    <button type="button" class="button secondary" onclick={discard}>{ Msg::CnDiscard.t(lang) }</button>
                </div>
            }
            <form class="form" {onsubmit} novalidate=true aria-busy={if *busy { "true" } else { "false" }}>
                if let Some(error) = (*problem).clone() {
                    <ActionError {error} kept_input=true />
                } else if ORDER.iter().any(|f| errors.get(f).is_some()) {
                    <div class="alert error" role="alert"><p>{ Msg::CnFixFields.t(lang) }</p></div>
                }
                { progress(lang, f) }
                <div class="template">
                    <p>{ Msg::CnFillStandardHint.t(lang) }</p>
                    <button type="button" class="button secondary" onclick={fill}>{ Msg::CnFillStandard.t(lang) }</button>
                    if *filled {
                        <p class="saved" role="status">{ Msg::CnFilled.t(lang) }</p>
                    }
                </div>
                <section class="block" id="cn-sec-work">
                    <h2>{ Msg::CnSecWork.t(lang) }</h2>
                    { kinds }
                    { text("tasks", Msg::CnFieldTasks, Msg::CnHintTasks, 5) }
                    { text("deliverables", Msg::CnFieldDeliverables, Msg::CnHintDeliverables, 3) }
                    { input("monthly_hours", Msg::CnFieldHours, Msg::CnHintHours, "number", true) }
                </section>
                <section class="block" id="cn-sec-pay">
                    <h2>{ Msg::CnSecPay.t(lang) }</h2>
                    { input("monthly_fee", Msg::CnFieldFee, Msg::CnHintFee, "number", true) }
                    { input("payment_days", Msg::CnFieldPaymentDays, Msg::CnHintPaymentDays, "number", true) }
                    { text("payment_method", Msg::CnFieldPaymentMethod, Msg::CnHintPaymentMethod, 2) }
                    { text("expenses", Msg::CnFieldExpenses, Msg::CnHintExpenses, 3) }
                    { text("acceptance", Msg::CnFieldAcceptance, Msg::CnHintAcceptance, 3) }
                </section>
                <section class="block" id="cn-sec-term">
                    <h2>{ Msg::CnSecTerm.t(lang) }</h2>
                    { input("start_date", Msg::CnFieldStart, Msg::CnHintStart, "date", true) }
                    { input("term_months", Msg::CnFieldTerm, Msg::CnHintTerm, "number", true) }
                    { check("renews_monthly", Msg::CnFieldRenews, Msg::CnHintRenews, f.renews_monthly, Edit::Renews) }
                    { input("trial_days", Msg::CnFieldTrial, Msg::CnHintTrial, "number", false) }
                </section>
                <section class="block" id="cn-sec-rights">
                    <h2>{ Msg::CnSecRights.t(lang) }</h2>
                    { text("intellectual_property", Msg::CnFieldIp, Msg::CnHintIp, 3) }
                    { text("confidentiality", Msg::CnFieldConfidentiality, Msg::CnHintConfidentiality, 3) }
                    { check("nda_required", Msg::CnFieldNda, Msg::CnHintNda, f.nda_required, Edit::Nda) }
                </section>
                <section class="block" id="cn-sec-trouble">
                    <h2>{ Msg::CnSecTrouble.t(lang) }</h2>
                    { text("change_procedure", Msg::CnFieldChange, Msg::CnHintChange, 3) }
                    { text("defects_and_delays", Msg::CnFieldDefects, Msg::CnHintDefects, 3) }
                </section>
                <div class="actions">
                    <button type="submit" class="button primary" disabled={*busy}>
                        { if *busy { Msg::CnSending } else if pending.is_some() { Msg::CnSendRevision } else { Msg::CnSend }.t(lang) }
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The five groups of the terms, each with the fields it needs filled in, for the progress list.
const SECTIONS: [(&str, Msg, &[&str]); 5] = [
    (
        "work",
        Msg::CnSecWork,
        &["tasks", "deliverables", "monthly_hours"],
    ),
    (
        "pay",
        Msg::CnSecPay,
        &[
            "monthly_fee",
            "payment_days",
            "payment_method",
            "expenses",
            "acceptance",
        ],
    ),
    ("term", Msg::CnSecTerm, &["start_date", "term_months"]),
    (
        "rights",
        Msg::CnSecRights,
        &["intellectual_property", "confidentiality"],
    ),
    (
        "trouble",
        Msg::CnSecTrouble,
        &["change_procedure", "defects_and_delays"],
    ),
];

/// Where the form stands: each group, linked, with how many of its fields are filled in, so
/// a long form shows what is left (the rules themselves are checked on sending).
fn progress(lang: Lang, f: &TermsForm) -> Html {
    html! {
        <nav class="contract-progress" aria-label={Msg::CnProgress.t(lang)}>
            <ol>
                { for SECTIONS.iter().map(|(key, title, fields)| {
                    let filled = fields.iter().filter(|field| !f.text(field).trim().is_empty()).count();
                    let done = filled == fields.len();
                    html! {
                        <li class={if done { "done" } else { "todo" }}>
                            <a href={format!("#cn-sec-{key}")}>{ title.t(lang) }</a>
                            <span class="contract-progress-count">
                                { format!(" {filled}/{}", fields.len()) }
                                { if done { Msg::CnSecDone.t(lang) } else { Msg::CnSecTodo.t(lang) } }
                            </span>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// Focus lands on the first field that needs work (the radio group's first option for the
/// contract type).
fn focus_invalid(errors: &FormErrors) {
    let ids: Vec<(String, String)> = ORDER
        .iter()
        .map(|field| {
            let id = if *field == "contract_type" {
                format!(
                    "{}-{}",
                    field_id(field),
                    ContractType::QuasiMandate.as_str()
                )
            } else {
                field_id(field)
            };
            ((*field).to_owned(), id)
        })
        .collect();
    let order: Vec<(&str, &str)> = ids.iter().map(|(f, i)| (f.as_str(), i.as_str())).collect();
    errors.focus_first(&order);
}
