//! The kickoff plan: what both sides agreed in the first meeting (goals, deliverables, steps,
//! the weekly meeting slot, members, contact channels, reporting cadence). Either side may
//! write or update it while the engagement runs.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::{Engagement, EngagementStatus, Kickoff};
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::words::{clear, lines, ActionAlert, Done, Errors, Input};
use crate::api::ApiError;
use crate::forms::focus_element;
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::TextArea;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct KickoffProps {
    pub engagement: Engagement,
    pub on_change: Callback<Engagement>,
}

/// The form's text: lists are one item per line.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    goals: String,
    deliverables: String,
    steps: String,
    meeting_slot: String,
    members: String,
    contact_channels: String,
    reporting_cadence: String,
}

impl Draft {
    fn from(k: Option<&Kickoff>) -> Self {
        k.map(|k| Draft {
            goals: k.goals.join("\n"),
            deliverables: k.deliverables.clone(),
            steps: k.steps.join("\n"),
            meeting_slot: k.meeting_slot.clone(),
            members: k.members.join("\n"),
            contact_channels: k.contact_channels.join("\n"),
            reporting_cadence: k.reporting_cadence.clone(),
        })
        .unwrap_or_default()
    }

    fn to_kickoff(&self) -> Kickoff {
        Kickoff {
            goals: lines(&self.goals),
            deliverables: self.deliverables.trim().to_owned(),
            steps: lines(&self.steps),
            meeting_slot: self.meeting_slot.trim().to_owned(),
            members: lines(&self.members),
            contact_channels: lines(&self.contact_channels),
            reporting_cadence: self.reporting_cadence.trim().to_owned(),
        }
    }
}

const ORDER: [(&str, &str); 7] = [
    ("goals", "kickoff-goals"),
    ("deliverables", "kickoff-deliverables"),
    ("steps", "kickoff-steps"),
    ("meeting_slot", "kickoff-meeting-slot"),
    ("members", "kickoff-members"),
    ("contact_channels", "kickoff-contact-channels"),
    ("reporting_cadence", "kickoff-reporting-cadence"),
];

fn list_view(lang: Lang, label: Msg, items: &[String]) -> Html {
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd>
                if items.is_empty() {
                    <span class="muted">{ "—" }</span>
                } else {
                    <ul class="eg-items">{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                }
            </dd>
        </div>
    }
}

fn text_view(lang: Lang, label: Msg, text: &str) -> Html {
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd class="prewrap">{ text.to_owned() }</dd>
        </div>
    }
}

fn plan_view(lang: Lang, k: &Kickoff) -> Html {
    html! {
        <dl class="details">
            { list_view(lang, Msg::EgGoals, &k.goals) }
            { text_view(lang, Msg::EgDeliverables, &k.deliverables) }
            { list_view(lang, Msg::EgSteps, &k.steps) }
            { text_view(lang, Msg::EgMeetingSlot, &k.meeting_slot) }
            { list_view(lang, Msg::EgMembers, &k.members) }
            { list_view(lang, Msg::EgChannels, &k.contact_channels) }
            { text_view(lang, Msg::EgCadence, &k.reporting_cadence) }
        </dl>
    }
}

#[function_component(KickoffSection)]
pub fn kickoff_section(props: &KickoffProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let e = &props.engagement;
    let editing = use_state(|| false);
    let draft = use_state(|| Draft::from(e.kickoff.as_ref()));
    let errors = use_state(Errors::default);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let active = e.status == EngagementStatus::Active;

    let open = {
        let (editing, draft, saved) = (editing.clone(), draft.clone(), saved.clone());
        let kickoff = e.kickoff.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(Draft::from(kickoff.as_ref()));
            saved.set(false);
            editing.set(true);
        })
    };
    let cancel = {
        let (editing, errors, problem) = (editing.clone(), errors.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            editing.set(false);
            errors.set(Errors::default());
            problem.set(None);
        })
    };
    let onsubmit = {
        let (draft, errors, working, problem, saved, editing) = (
            draft.clone(),
            errors.clone(),
            working.clone(),
            problem.clone(),
            saved.clone(),
            editing.clone(),
        );
        let (session, on_change, id) = (session.clone(), props.on_change.clone(), e.id);
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let body = draft.to_kickoff();
            if let Err(found) = body.validate() {
                let found = Errors::from_validation(found);
                if let Some(id) = found.first_id(&ORDER) {
                    focus_element(id);
                }
                errors.set(found);
                return;
            }
            errors.set(Errors::default());
            problem.set(None);
            working.set(true);
            let (errors, working, problem, saved, editing, session, on_change) = (
                errors.clone(),
                working.clone(),
                problem.clone(),
                saved.clone(),
                editing.clone(),
                session.clone(),
                on_change.clone(),
            );
            spawn_local(async move {
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move { client.save_kickoff(id, body).await })
                    .await;
                working.set(false);
                match answer {
                    Ok(updated) => {
                        saved.set(true);
                        editing.set(false);
                        on_change.emit(updated);
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

    let field = |name: &'static str| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            match name {
                "goals" => next.goals = value,
                "deliverables" => next.deliverables = value,
                "steps" => next.steps = value,
                "meeting_slot" => next.meeting_slot = value,
                "members" => next.members = value,
                "contact_channels" => next.contact_channels = value,
                _ => next.reporting_cadence = value,
            }
            draft.set(next);
            clear(&errors, name);
        })
    };

    let form = html! {
        <form class="eg-form" {onsubmit} novalidate=true>
            <TextArea id="kickoff-goals" label={Msg::EgGoals} hint={Msg::EgGoalsHint}
                value={draft.goals.clone()} on_input={field("goals")} error={errors.get("goals")} rows={3} />
            <TextArea id="kickoff-deliverables" label={Msg::EgDeliverables} hint={Msg::EgDeliverablesHint}
                value={draft.deliverables.clone()} on_input={field("deliverables")} error={errors.get("deliverables")} rows={3} />
            <TextArea id="kickoff-steps" label={Msg::EgSteps} hint={Msg::EgStepsHint} required={false}
                value={draft.steps.clone()} on_input={field("steps")} error={errors.get("steps")} rows={4} />
            <Input id="kickoff-meeting-slot" label={Msg::EgMeetingSlot} hint={Msg::EgMeetingSlotHint}
                value={draft.meeting_slot.clone()} on_input={field("meeting_slot")} error={errors.get("meeting_slot")} />
            <TextArea id="kickoff-members" label={Msg::EgMembers} hint={Msg::EgMembersHint} required={false}
                value={draft.members.clone()} on_input={field("members")} error={errors.get("members")} rows={3} />
            <TextArea id="kickoff-contact-channels" label={Msg::EgChannels} hint={Msg::EgChannelsHint} required={false}
                value={draft.contact_channels.clone()} on_input={field("contact_channels")} error={errors.get("contact_channels")} rows={2} />
            <Input id="kickoff-reporting-cadence" label={Msg::EgCadence} hint={Msg::EgCadenceHint}
                value={draft.reporting_cadence.clone()} on_input={field("reporting_cadence")} error={errors.get("reporting_cadence")} />
            if let Some(error) = (*problem).clone() {
                <ActionAlert {error} />
            }
            <div class="actions tight">
                <button type="submit" class="button primary" disabled={*working}>
                    { if *working { Msg::EgSaving.t(lang) } else { Msg::EgKickoffSave.t(lang) } }
                </button>
                if e.kickoff.is_some() {
                    <button type="button" class="button secondary" onclick={cancel}>{ Msg::EgCancel.t(lang) }</button>
                }
            </div>
        </form>
    };

    // Without a plan the form is open straight away: writing it is the next step.
    let show_form = active && (*editing || e.kickoff.is_none());
    html! {
        <section class="block" id="kickoff" aria-labelledby="kickoff-heading">
            <h2 id="kickoff-heading">{ Msg::EgKickoffTitle.t(lang) }</h2>
            <p class="hint">{ Msg::EgKickoffLead.t(lang) }</p>
            if *saved {
                <Done message={Msg::EgKickoffSaved} />
            }
            if show_form {
                { form }
            } else {
                if let Some(k) = e.kickoff.as_ref() {
                    { plan_view(lang, k) }
                } else {
                    <p>{ Msg::EgKickoffNone.t(lang) }</p>
                }
                if active {
                    <div class="actions tight">
                        <button type="button" class="button secondary" onclick={open}>
                            { if e.kickoff.is_some() { Msg::EgKickoffEdit.t(lang) } else { Msg::EgKickoffStart.t(lang) } }
                        </button>
                    </div>
                }
            }
        </section>
    }
}
