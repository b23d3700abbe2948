//! Ending the engagement (the company or the talent), with a reason and a second press to
//! confirm, since it cannot be undone.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::{EndInput, Engagement, EngagementStatus};
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::words::{clear, ActionAlert, Done, Errors};
use crate::api::ApiError;
use crate::forms::focus_element;
use crate::i18n::{use_lang, Msg};
use crate::pages::company::common::TextArea;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct EndProps {
    pub engagement: Engagement,
    pub on_change: Callback<Engagement>,
}

#[function_component(EndSection)]
pub fn end_section(props: &EndProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let reason = use_state(String::new);
    let errors = use_state(Errors::default);
    let confirming = use_state(|| false);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let ended = use_state(|| false);

    let on_reason = {
        let (reason, errors, confirming) = (reason.clone(), errors.clone(), confirming.clone());
        Callback::from(move |v: String| {
            reason.set(v);
            confirming.set(false);
            clear(&errors, "reason");
        })
    };
    let onsubmit = {
        let (reason, errors, confirming, working, problem, ended) = (
            reason.clone(),
            errors.clone(),
            confirming.clone(),
            working.clone(),
            problem.clone(),
            ended.clone(),
        );
        let (session, on_change, id) = (
            session.clone(),
            props.on_change.clone(),
            props.engagement.id,
        );
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let body = EndInput {
                reason: reason.trim().to_owned(),
            };
            if let Err(found) = body.validate() {
                errors.set(Errors::from_validation(found));
                focus_element("end-reason");
                return;
            }
            // The first press asks; the second (on "yes") ends.
            if !*confirming {
                confirming.set(true);
                return;
            }
            problem.set(None);
            working.set(true);
            let (errors, confirming, working, problem, ended, session, on_change) = (
                errors.clone(),
                confirming.clone(),
                working.clone(),
                problem.clone(),
                ended.clone(),
                session.clone(),
                on_change.clone(),
            );
            spawn_local(async move {
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move {
                        client.end_engagement(id, &body.reason).await
                    })
                    .await;
                working.set(false);
                confirming.set(false);
                match answer {
                    Ok(updated) => {
                        ended.set(true);
                        on_change.emit(updated);
                    }
                    Err(error) => {
                        errors.set(Errors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
            });
        })
    };
    let on_keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };

    if *ended {
        return html! {
            <section class="block" aria-live="polite">
                <Done message={Msg::EgEndDone} />
            </section>
        };
    }
    if props.engagement.status != EngagementStatus::Active {
        return Html::default();
    }
    html! {
        <section class="block" id="end" aria-labelledby="end-heading">
            <h2 id="end-heading">{ Msg::EgEndTitle.t(lang) }</h2>
            <p class="hint">{ Msg::EgEndLead.t(lang) }</p>
            <form class="eg-form" {onsubmit} novalidate=true>
                <TextArea id="end-reason" label={Msg::EgEndReason} hint={Msg::EgEndReasonHint}
                    value={(*reason).clone()} on_input={on_reason} error={errors.get("reason")} rows={3} />
                if let Some(error) = (*problem).clone() {
                    <ActionAlert {error} />
                }
                if *confirming {
                    <p role="alert"><strong>{ Msg::EgEndConfirm.t(lang) }</strong></p>
                }
                <div class="actions tight">
                    <button type="submit" class="button danger" disabled={*working}>
                        { if *working { Msg::EgSending.t(lang) } else if *confirming { Msg::EgEndYes.t(lang) } else { Msg::EgEndButton.t(lang) } }
                    </button>
                    if *confirming {
                        <button type="button" class="button secondary" onclick={on_keep}>{ Msg::EgEndNo.t(lang) }</button>
                    }
                </div>
            </form>
        </section>
    }
}
