//! A draft's consents: the company's, the talent's and the coordinator's, each with its date
//! or "not yet"; the signed-in person's own button; and, for the coordinator, publication
//! once all three have consented.

use kakehashi_shared::case_study::CaseStudy;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::detail::{side_of, Side};
use crate::api::ApiError;
use crate::components::ErrorAlert;
use crate::i18n::{format_date, use_lang, Msg};
use crate::pages::company::common::is_conflict;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ConsentPanelProps {
    pub study: CaseStudy,
    pub role: Role,
    pub on_change: Callback<CaseStudy>,
}

#[derive(Clone, Copy, PartialEq)]
enum Action {
    Consent,
    Publish,
}

#[function_component(ConsentPanel)]
pub fn consent_panel(props: &ConsentPanelProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let busy = use_state(|| None::<Action>);
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<Action>);
    let s = &props.study;
    let side = side_of(props.role);

    let act = {
        let (busy, error, done, session) =
            (busy.clone(), error.clone(), done.clone(), session.clone());
        let (id, on_change) = (s.id, props.on_change.clone());
        move |action: Action| {
            let (busy, error, done, session, on_change) = (
                busy.clone(),
                error.clone(),
                done.clone(),
                session.clone(),
                on_change.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                if busy.is_some() {
                    return;
                }
                busy.set(Some(action));
                error.set(None);
                let (busy, error, done, session, on_change) = (
                    busy.clone(),
                    error.clone(),
                    done.clone(),
                    session.clone(),
                    on_change.clone(),
                );
                spawn_local(async move {
                    let result = session
                        .call(|c: ApiClient| async move {
                            match action {
                                Action::Consent => c.consent_case_study(id).await,
                                Action::Publish => c.publish_case_study(id).await,
                            }
                        })
                        .await;
                    busy.set(None);
                    match result {
                        Ok(study) => {
                            done.set(Some(action));
                            on_change.emit(study);
                        }
                        Err(e) => error.set(Some(e)),
                    }
                });
            })
        }
    };

    let row = |label: Msg, at: &Option<chrono::DateTime<chrono::Utc>>, mine: bool| {
        let status = match at {
            Some(at) => html! {
                <span class="badge badge-good">{ Msg::CsConsented.t(lang).replace("{date}", &format_date(lang, at)) }</span>
            },
            None => html! { <span class="badge badge-wait">{ Msg::CsNotYet.t(lang) }</span> },
        };
        html! {
            <li class="consent-row">
                <span class="consent-who">
                    { label.t(lang) }
                    if mine {
                        <span class="muted">{ Msg::CsYou.t(lang) }</span>
                    }
                </span>
                { status }
            </li>
        }
    };
    let mine_given = match side {
        Some(Side::Company) => s.consents.company.is_some(),
        Some(Side::Talent) => s.consents.talent.is_some(),
        Some(Side::Coordinator) => s.consents.coordinator.is_some(),
        None => true,
    };
    let all = s.consents.all_given();
    let t = &s.text;
    let incomplete = [&t.trigger, &t.what_was_done, &t.results, &t.success_factors]
        .iter()
        .any(|part| part.trim().is_empty());
    let hub = side == Some(Side::Coordinator);
    let error_html = (*error).clone().map(|e| {
        if e.field_errors().is_empty() && is_conflict(&e) {
            let msg = match &e {
                ApiError::Problem(p) if p.code == "consent_missing" => Msg::CsErrConsentMissing,
                _ => Msg::CsErrChanged,
            };
            html! { <div class="alert error" role="alert"><p>{ msg.t(lang) }</p></div> }
        } else {
            html! { <ErrorAlert error={e} /> }
        }
    });

    html! {
        <section class="panel consent-panel" aria-labelledby="consent-title">
            <h2 id="consent-title">{ Msg::CsConsentTitle.t(lang) }</h2>
            <p>{ Msg::CsConsentLead.t(lang) }</p>
            <ul class="consent-list">
                { row(Msg::CsSideCompany, &s.consents.company, side == Some(Side::Company)) }
                { row(Msg::CsSideTalent, &s.consents.talent, side == Some(Side::Talent)) }
                { row(Msg::CsSideCoordinator, &s.consents.coordinator, hub) }
            </ul>
            { for error_html }
            if *done == Some(Action::Consent) && mine_given {
                <p class="saved" role="status">{ if all { Msg::CsConsentDoneAll.t(lang) } else { Msg::CsConsentDone.t(lang) } }</p>
            }
            if side.is_some() && !mine_given {
                if incomplete {
                    <p class="note">{ Msg::CsConsentEmptyParts.t(lang) }</p>
                }
                <p class="hint">{ Msg::CsConsentHint.t(lang) }</p>
                <button type="button" class="button primary" disabled={busy.is_some()} onclick={act(Action::Consent)}>
                    { if *busy == Some(Action::Consent) { Msg::CsConsenting.t(lang) } else { Msg::CsConsent.t(lang) } }
                </button>
            }
            if hub {
                <div class="publish">
                    if all {
                        <p>{ Msg::CsReadyToPublish.t(lang) }</p>
                    } else {
                        <p class="note">{ Msg::CsPublishWaits.t(lang) }</p>
                    }
                    <button type="button" class={if all { "button primary" } else { "button secondary" }}
                        disabled={!all || busy.is_some()} onclick={act(Action::Publish)}>
                        { if *busy == Some(Action::Publish) { Msg::CsPublishing.t(lang) } else { Msg::CsPublish.t(lang) } }
                    </button>
                </div>
            } else if mine_given {
                <p class="note">{ Msg::CsPublishByHub.t(lang) }</p>
            }
        </section>
    }
}
