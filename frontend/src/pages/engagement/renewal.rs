//! Renewal, shown once both reviews of the term want to continue: the company proposes the
//! next term's fee, hours and length, which creates a contract both sides accept on the
//! contract page; the talent is told to wait for it.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::contract::Contract;
use kakehashi_shared::engagement::{Engagement, RenewalInput};
use kakehashi_shared::enums::Side;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::words::{clear, parse_number, ActionAlert, Done, Errors, Input, Viewer};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading};
use crate::forms::focus_element;
use crate::hooks::{use_remote, Remote};
use crate::i18n::{use_lang, Msg};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct RenewalProps {
    pub engagement: Engagement,
    pub viewer: Viewer,
    /// Told when the next term turns out to be proposed already (or is proposed here).
    #[prop_or_default]
    pub on_proposed: Callback<()>,
}

const ORDER: [(&str, &str); 3] = [
    ("monthly_fee", "renewal-fee"),
    ("monthly_hours", "renewal-hours"),
    ("term_months", "renewal-months"),
];

/// Whether the next term was proposed already: the application's latest contract is then a
/// later term than the engagement's current one.
#[function_component(RenewalSection)]
pub fn renewal_section(props: &RenewalProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let (application_id, current) = (
        props.engagement.application_id,
        props.engagement.current_contract_id,
    );
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|client: ApiClient| async move { client.application(application_id).await })
            .await
    });
    // Told after rendering, not during it: the page's "next step" box then follows.
    let found =
        matches!(&loaded, Remote::Ready(a) if a.contract_id.is_some_and(|id| id != current));
    {
        let on_proposed = props.on_proposed.clone();
        use_effect_with(found, move |found| {
            if *found {
                on_proposed.emit(());
            }
        });
    }
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(application) => match application.contract_id.filter(|id| *id != current) {
            Some(next) => html! {
                <div class="alert info" role="status">
                    <p>{ Msg::EgRenewProposed.t(lang) }</p>
                    <p>{ super::contract_link(lang, next, Msg::EgRenewOpen) }</p>
                </div>
            },
            None => html! {
                <RenewalForm engagement={props.engagement.clone()} viewer={props.viewer}
                    on_proposed={props.on_proposed.clone()} />
            },
        },
    };
    html! {
        <section class="block" id="renewal" aria-labelledby="renewal-heading">
            <h2 id="renewal-heading">{ Msg::EgRenewalTitle.t(lang) }</h2>
            { body }
        </section>
    }
}

#[function_component(RenewalForm)]
fn renewal_form(props: &RenewalProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let e = &props.engagement;
    // Start from what the company itself proposed in its review, if it named figures.
    let proposed = e
        .reviews
        .iter()
        .find(|r| r.term_number == e.term_number && r.side == Side::Company)
        .map(|r| {
            (
                r.answers.proposed_monthly_fee,
                r.answers.proposed_hours_per_month,
            )
        });
    let fee = use_state(|| {
        proposed
            .and_then(|p| p.0)
            .map(|f| f.to_string())
            .unwrap_or_default()
    });
    let hours = use_state(|| {
        proposed
            .and_then(|p| p.1)
            .map(|h| h.to_string())
            .unwrap_or_default()
    });
    let term = use_state(|| "3".to_owned());
    let errors = use_state(Errors::default);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let created = use_state(|| None::<Contract>);

    let text = |name: &'static str, state: &UseStateHandle<String>| {
        let (state, errors) = (state.clone(), errors.clone());
        Callback::from(move |value: String| {
            state.set(value);
            clear(&errors, name);
        })
    };
    let onsubmit = {
        let (fee, hours, term, errors, working, problem, created) = (
            fee.clone(),
            hours.clone(),
            term.clone(),
            errors.clone(),
            working.clone(),
            problem.clone(),
            created.clone(),
        );
        let (session, id, on_proposed) = (session.clone(), e.id, props.on_proposed.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let fee_n = parse_number(&fee);
            let hours_n = parse_number(&hours).and_then(|h| i32::try_from(h).ok());
            let term_n = parse_number(&term).and_then(|t| i32::try_from(t).ok());
            let body = RenewalInput {
                monthly_fee: fee_n.unwrap_or(-1),
                monthly_hours: hours_n.unwrap_or(-1),
                term_months: term_n.unwrap_or(-1),
            };
            let mut found = body
                .validate()
                .err()
                .map(Errors::from_validation)
                .unwrap_or_default();
            for (missing, field) in [
                (fee_n.is_none(), "monthly_fee"),
                (hours_n.is_none(), "monthly_hours"),
                (term_n.is_none(), "term_months"),
            ] {
                if missing {
                    found.clear(field);
                    found.add(field, Msg::FeNumber);
                }
            }
            if !found.is_empty() {
                if let Some(id) = found.first_id(&ORDER) {
                    focus_element(id);
                }
                errors.set(found);
                return;
            }
            errors.set(Errors::default());
            problem.set(None);
            working.set(true);
            let (errors, working, problem, created, session, on_proposed) = (
                errors.clone(),
                working.clone(),
                problem.clone(),
                created.clone(),
                session.clone(),
                on_proposed.clone(),
            );
            spawn_local(async move {
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move { client.renew(id, body).await })
                    .await;
                working.set(false);
                match answer {
                    Ok(contract) => {
                        created.set(Some(contract));
                        on_proposed.emit(());
                    }
                    Err(error) => {
                        let found = Errors::from_api(&error);
                        if let Some(id) = found.first_id(&ORDER) {
                            focus_element(id);
                        }
                        errors.set(found);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let body = if let Some(contract) = (*created).clone() {
        html! {
            <Done message={Msg::EgRenewDone}>
                <p>{ super::contract_link(lang, contract.id, Msg::EgRenewOpen) }</p>
            </Done>
        }
    } else if props.viewer.is_company_side() {
        html! {
            <>
                <p class="hint">{ Msg::EgRenewalLead.t(lang) }</p>
                <form class="eg-form" {onsubmit} novalidate=true>
                    <Input id="renewal-fee" label={Msg::EgRenewFee} hint={Msg::EgRenewFeeHint}
                        value={(*fee).clone()} on_input={text("monthly_fee", &fee)} error={errors.get("monthly_fee")}
                        inputmode={Some(AttrValue::from("numeric"))} />
                    <Input id="renewal-hours" label={Msg::EgRenewHours} hint={Msg::EgRenewHoursHint}
                        value={(*hours).clone()} on_input={text("monthly_hours", &hours)} error={errors.get("monthly_hours")}
                        inputmode={Some(AttrValue::from("numeric"))} />
                    <Input id="renewal-months" label={Msg::EgRenewMonths} hint={Msg::EgRenewMonthsHint}
                        value={(*term).clone()} on_input={text("term_months", &term)} error={errors.get("term_months")}
                        inputmode={Some(AttrValue::from("numeric"))} />
                    if let Some(error) = (*problem).clone() {
                        <ActionAlert {error} />
                    }
                    <div class="actions tight">
                        <button type="submit" class="button primary" disabled={*working}>
                            { if *working { Msg::EgSending.t(lang) } else { Msg::EgRenewSend.t(lang) } }
                        </button>
                    </div>
                </form>
            </>
        }
    } else {
        html! { <p>{ Msg::EgRenewalWait.t(lang) }</p> }
    };
    body
}
