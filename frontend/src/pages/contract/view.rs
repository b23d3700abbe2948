//! `/contracts/:id`: one contract as the talent, the company and the hub's coordinator read it
//! — the current version's terms, who has accepted — with "accept this version", "ask for
//! changes" and, for the company, "revise". Once both accept, the engagement has started.

use kakehashi_shared::application::Application;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::contract::{Acceptance, ChangeRequest, Contract, ContractStatus};
use kakehashi_shared::enums::Role;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::builder::SentQuery;
use super::terms::terms_view;
use super::{company_side, numbered};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, Notice, RequireSession};
use crate::forms::FormErrors;
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::date_time;
use crate::i18n::{use_lang, with_note, Lang, Msg};
use crate::pages::company::common::{labelled, status_badge, ActionError, TextArea};
use crate::routes::Route;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ContractPageProps {
    pub id: i64,
}

#[function_component(ContractPage)]
pub fn contract_page(props: &ContractPageProps) -> Html {
    use_title(Msg::CnTitle);
    html! {
        <RequireSession>
            <ContractLoader id={props.id} />
        </RequireSession>
    }
}

#[function_component(ContractLoader)]
fn contract_loader(props: &ContractPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move {
                let contract = c.contract(id).await?;
                let application = c.application(contract.application_id).await?;
                Ok((contract, application))
            })
            .await
    });
    // Kept above the page so a message survives the reload it asks for ("the terms changed").
    let flash = use_state(|| None::<Msg>);
    let reload = {
        let flash = flash.clone();
        Callback::from(move |message: Option<Msg>| {
            flash.set(message);
            retry.emit(());
        })
    };
    match loaded {
        Remote::Loading => html! { <section class="page narrow"><Loading /></section> },
        Remote::Failed(error) => {
            let retry = reload.reform(|()| None);
            html! {
                <section class="page narrow">
                    <h1>{ Msg::CnTitle.t(lang) }</h1>
                    <ErrorAlert {error} on_retry={retry} />
                </section>
            }
        }
        Remote::Ready((contract, application)) => html! {
            <ContractDetails {contract} {application} flash={*flash} on_reload={reload} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    contract: Contract,
    application: Application,
    flash: Option<Msg>,
    on_reload: Callback<Option<Msg>>,
}

fn status_of(lang: Lang, status: ContractStatus) -> Html {
    match status {
        ContractStatus::Proposed => status_badge(lang, "badge-wait", Msg::CnStProposed),
        ContractStatus::ChangesRequested => status_badge(lang, "badge-alert", Msg::CnStChanges),
        ContractStatus::Accepted => status_badge(lang, "badge-good", Msg::CnStAccepted),
    }
}

fn acceptance(lang: Lang, who: Msg, accepted: Option<&Acceptance>) -> Html {
    let state = match accepted {
        Some(a) => with_note(lang, Msg::CnAcceptedOn.t(lang), &date_time(lang, &a.at)),
        None => Msg::CnNotYet.t(lang).to_owned(),
    };
    html! {
        <li class={if accepted.is_some() { "accepted" } else { "waiting" }}>
            <span aria-hidden="true">{ if accepted.is_some() { "✓ " } else { "… " } }</span>
            { labelled(lang, who, &state) }
        </li>
    }
}

#[function_component(ContractDetails)]
fn contract_details(props: &DetailsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let sent = use_location()
        .and_then(|l| l.query::<SentQuery>().ok())
        .and_then(|q| q.sent)
        .unwrap_or(false);
    let current = use_state(|| props.contract.clone());
    let done = use_state(|| None::<Msg>);
    let problem = use_state(|| None::<ApiError>);
    let refusal = use_state(|| None::<Msg>);
    let busy = use_state(|| false);
    let asking = use_state(|| false);
    let role = session.session().map(|s| s.user.role);
    let company = company_side(role);
    let c = &*current;
    let a = &props.application;
    let mine = if company {
        c.company_acceptance.as_ref()
    } else {
        c.talent_acceptance.as_ref()
    };
    let proposed = c.status == ContractStatus::Proposed;

    let on_accept = {
        let (session, current, done, problem, refusal, busy, on_reload) = (
            session.clone(),
            current.clone(),
            done.clone(),
            problem.clone(),
            refusal.clone(),
            busy.clone(),
            props.on_reload.clone(),
        );
        let (id, version) = (c.id, c.version);
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            problem.set(None);
            refusal.set(None);
            done.set(None);
            let (session, current, done, problem, refusal, busy, on_reload) = (
                session.clone(),
                current.clone(),
                done.clone(),
                problem.clone(),
                refusal.clone(),
                busy.clone(),
                on_reload.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| async move { c.accept_contract(id, version).await })
                    .await;
                busy.set(false);
                match result {
                    Ok(contract) => {
                        // Both accepted: the page's own "the engagement has started" says it.
                        done.set(
                            (contract.status != ContractStatus::Accepted)
                                .then_some(Msg::CnAcceptedNow),
                        );
                        current.set(contract);
                    }
                    // What was read is no longer the current version: load the new one.
                    Err(error) if code_of(&error) == Some("version_changed") => {
                        on_reload.emit(Some(Msg::CnVersionChanged));
                    }
                    Err(error) if code_of(&error) == Some("already_accepted") => {
                        refusal.set(Some(Msg::CnAlreadyAcceptedErr));
                    }
                    Err(error)
                        if code_of(&error).is_some_and(|c| c.starts_with("illegal_transition")) =>
                    {
                        refusal.set(Some(Msg::CnNotProposed));
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        })
    };
    let on_changes_sent = {
        let (current, done, asking) = (current.clone(), done.clone(), asking.clone());
        Callback::from(move |contract: Contract| {
            current.set(contract);
            asking.set(false);
            done.set(Some(Msg::CnChangesSent));
        })
    };
    let toggle_ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(!*asking))
    };
    let back = if company {
        html! { <Link<Route> to={Route::CompanyProjectBoard { id: a.project_id }}>{ Msg::CnToBoard.t(lang) }</Link<Route>> }
    } else {
        html! { <Link<Route> to={Route::Application { id: a.id }}>{ Msg::CnToApplication.t(lang) }</Link<Route>> }
    };

    html! {
        <article class="page narrow contract-page">
            <p class="breadcrumb">{ back }</p>
            <h1>{ Msg::CnTitle.t(lang) }</h1>
            <p class="listing-meta">{ format!("{} ・ {} ・ {}", a.project_title, a.company_name, a.talent_name) }</p>
            if let Some(message) = props.flash.filter(|_| done.is_none()) {
                <div class="alert info" role="alert"><p>{ message.t(lang) }</p></div>
            }
            if sent && props.flash.is_none() && done.is_none() {
                <Notice message={Msg::CnSent} />
            }
            if role == Some(Role::Coordinator) {
                <Notice message={Msg::CnActingFor} />
            }
            <section class="block status-now contract-status">
                <h2>{ Msg::CnStatus.t(lang) }</h2>
                <p>
                    { status_of(lang, c.status) }
                    <span class="contract-version">
                        { " " }{ numbered(lang, Msg::CnVersion, c.version) }
                        if c.term_number > 1 {
                            { " ・ " }{ numbered(lang, Msg::CnTermNumber, c.term_number) }
                        }
                    </span>
                </p>
                <h3>{ Msg::CnAcceptances.t(lang) }</h3>
                <ul class="acceptances">
                    { acceptance(lang, Msg::CnCompany, c.company_acceptance.as_ref()) }
                    { acceptance(lang, Msg::CnTalent, c.talent_acceptance.as_ref()) }
                </ul>
                if let Some(message) = *done {
                    <p class="saved" role="status">{ message.t(lang) }</p>
                }
                if let Some(message) = *refusal {
                    <div class="alert error" role="alert"><p>{ message.t(lang) }</p></div>
                }
                if let Some(error) = (*problem).clone() {
                    <ActionError {error} />
                }
                if c.status == ContractStatus::Accepted {
                    <div class="alert success" role="status"><p>{ Msg::CnStarted.t(lang) }</p></div>
                    if let Some(engagement) = c.engagement_id {
                        // The engagement screens are their own module; a plain link keeps
                        // this page independent of them.
                        <p><a class="button primary" href={format!("/engagements/{engagement}")}>{ Msg::CnToEngagement.t(lang) }</a></p>
                    }
                }
                if c.status == ContractStatus::ChangesRequested {
                    <p>{ Msg::CnWaitingRevision.t(lang) }</p>
                    if let Some(comment) = c.change_request.clone() {
                        <h3>{ Msg::CnChangeRequest.t(lang) }</h3>
                        <blockquote class="message prewrap">{ comment }</blockquote>
                    }
                }
                if proposed && mine.is_some() {
                    <p>{ Msg::CnYouAccepted.t(lang) }</p>
                }
                if proposed && mine.is_none() {
                    <p class="hint">{ Msg::CnAcceptHint.t(lang) }</p>
                }
                <div class="actions tight">
                    if proposed && mine.is_none() {
                        <button type="button" class="button primary" disabled={*busy} onclick={on_accept}>
                            { numbered(lang, Msg::CnAccept, c.version) }
                        </button>
                    }
                    if proposed {
                        <button type="button" class="button secondary" aria-expanded={if *asking { "true" } else { "false" }}
                            disabled={*busy} onclick={toggle_ask}>{ Msg::CnAskChanges.t(lang) }</button>
                    }
                    if company && c.status != ContractStatus::Accepted {
                        <Link<Route> to={Route::ContractBuilder { id: a.id }}
                            classes={classes!("button", if c.status == ContractStatus::ChangesRequested { "primary" } else { "secondary" })}>
                            { Msg::CnRevise.t(lang) }
                        </Link<Route>>
                    }
                </div>
                if proposed && *asking {
                    <ChangeForm id={c.id} on_done={on_changes_sent} />
                }
            </section>
            <section class="block contract-body">
                <h2>{ numbered(lang, Msg::CnVersion, c.version) }</h2>
                { terms_view(lang, &c.terms) }
            </section>
            <p>
                <Link<Route> to={Route::ApplicationMessages { id: a.id }} classes="button secondary">{ Msg::MgOpen.t(lang) }</Link<Route>>
            </p>
        </article>
    }
}

/// The problem's code, for the conflicts this page answers in its own words.
fn code_of(error: &ApiError) -> Option<&str> {
    match error {
        ApiError::Problem(p) => Some(p.code.as_str()),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
struct ChangeFormProps {
    id: i64,
    on_done: Callback<Contract>,
}

/// What to change, in the party's own words; the company then sends a new version.
#[function_component(ChangeForm)]
fn change_form(props: &ChangeFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let comment = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let field = format!("cn-comment-{}", props.id);

    let onsubmit = {
        let (comment, errors, problem, busy, session, on_done) = (
            comment.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            session.clone(),
            props.on_done.clone(),
        );
        let (id, field) = (props.id, field.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = ChangeRequest {
                comment: comment.trim().to_owned(),
            };
            if let Err(invalid) = body.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&[("comment", field.as_str())]);
                errors.set(invalid);
                return;
            }
            let on_done = on_done.clone();
            crate::forms::send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let text = body.comment.clone();
                    async move { c.request_contract_changes(id, &text).await }
                },
                move |contract| on_done.emit(contract),
            );
        })
    };
    let on_input = {
        let (comment, errors) = (comment.clone(), errors.clone());
        Callback::from(move |v: String| {
            comment.set(v);
            crate::forms::clear_error(&errors, "comment");
        })
    };
    html! {
        <form class="panel" {onsubmit} novalidate=true>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <TextArea id={field} label={Msg::CnFieldComment} hint={Msg::CnHintComment}
                value={(*comment).clone()} {on_input} error={errors.get("comment")} rows={4} />
            <button type="submit" class="button primary" disabled={*busy}>{ Msg::CnSendComment.t(lang) }</button>
        </form>
    }
}
