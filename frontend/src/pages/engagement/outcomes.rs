//! Outcomes: direct ones (a KPI with before and after) and indirect ones (in words), recorded
//! by either side while the engagement runs and after it ended; case studies draw on them.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::{Engagement, Outcome, OutcomeInput, OutcomeKind};
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::words::{clear, ActionAlert, Done, Errors, Input};
use crate::api::ApiError;
use crate::forms::focus_element;
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::pages::company::common::{labelled, TextArea};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct OutcomesProps {
    pub engagement: Engagement,
    pub on_change: Callback<Engagement>,
}

fn outcome_item(lang: Lang, o: &Outcome) -> Html {
    let kind = match o.outcome.kind {
        OutcomeKind::Direct => Msg::EgDirect,
        OutcomeKind::Indirect => Msg::EgIndirect,
    };
    html! {
        <li class="eg-outcome">
            <p class="muted">{ kind.t(lang) }{ " ・ " }{ labelled(lang, Msg::EgRecordedOn, &format_date(lang, &o.created_at)) }</p>
            if let Some(line) = o.outcome.kpi_line() {
                <p><strong>{ line }</strong></p>
            }
            if !o.outcome.description.trim().is_empty() {
                <p class="prewrap">{ o.outcome.description.clone() }</p>
            }
        </li>
    }
}

#[derive(Clone, PartialEq)]
struct Draft {
    kind: OutcomeKind,
    kpi_name: String,
    before: String,
    after: String,
    description: String,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            kind: OutcomeKind::Direct,
            kpi_name: String::new(),
            before: String::new(),
            after: String::new(),
            description: String::new(),
        }
    }
}

const ORDER: [(&str, &str); 4] = [
    ("kpi_name", "outcome-kpi"),
    ("before", "outcome-before"),
    ("after", "outcome-after"),
    ("description", "outcome-description"),
];

#[function_component(OutcomesSection)]
pub fn outcomes_section(props: &OutcomesProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let e = &props.engagement;
    let draft = use_state(Draft::default);
    let errors = use_state(Errors::default);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let added = use_state(|| false);

    let text = |name: &'static str| {
        let (draft, errors, added) = (draft.clone(), errors.clone(), added.clone());
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            match name {
                "kpi_name" => next.kpi_name = value,
                "before" => next.before = value,
                "after" => next.after = value,
                _ => next.description = value,
            }
            draft.set(next);
            added.set(false);
            clear(&errors, name);
        })
    };
    let pick = |kind: OutcomeKind| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            next.kind = kind;
            draft.set(next);
            errors.set(Errors::default());
        })
    };
    let onsubmit = {
        let (draft, errors, working, problem, added) = (
            draft.clone(),
            errors.clone(),
            working.clone(),
            problem.clone(),
            added.clone(),
        );
        let (session, on_change, engagement) =
            (session.clone(), props.on_change.clone(), e.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let direct = draft.kind == OutcomeKind::Direct;
            let kpi = |v: &str| direct.then(|| v.trim().to_owned());
            let body = OutcomeInput {
                kind: draft.kind,
                kpi_name: kpi(&draft.kpi_name),
                before: kpi(&draft.before),
                after: kpi(&draft.after),
                description: draft.description.trim().to_owned(),
            };
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
            added.set(false);
            working.set(true);
            let (draft, errors, working, problem, added, session, on_change, engagement) = (
                draft.clone(),
                errors.clone(),
                working.clone(),
                problem.clone(),
                added.clone(),
                session.clone(),
                on_change.clone(),
                engagement.clone(),
            );
            let id = engagement.id;
            spawn_local(async move {
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move { client.add_outcome(id, body).await })
                    .await;
                working.set(false);
                match answer {
                    Ok(outcome) => {
                        added.set(true);
                        draft.set(Draft {
                            kind: draft.kind,
                            ..Draft::default()
                        });
                        let mut next = engagement.clone();
                        next.outcomes.push(outcome);
                        on_change.emit(next);
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

    let direct = draft.kind == OutcomeKind::Direct;
    html! {
        <section class="block" id="outcomes" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{ Msg::EgOutcomesTitle.t(lang) }</h2>
            <p class="hint">{ Msg::EgOutcomesLead.t(lang) }</p>
            if e.outcomes.is_empty() {
                <p class="muted">{ Msg::EgOutcomesNone.t(lang) }</p>
            } else {
                <ul class="eg-outcomes">{ for e.outcomes.iter().map(|o| outcome_item(lang, o)) }</ul>
            }
            <h3>{ Msg::EgOutcomeNew.t(lang) }</h3>
            if *added {
                <Done message={Msg::EgOutcomeAdded} />
            }
            <form class="eg-form" {onsubmit} novalidate=true>
                <fieldset class="group">
                    <legend>{ Msg::EgOutcomeKind.t(lang) }</legend>
                    <div class="choices">
                        <label class="choice" for="outcome-direct">
                            <input type="radio" id="outcome-direct" name="outcome-kind"
                                checked={direct} onchange={pick(OutcomeKind::Direct)} />
                            <span class="choice-text"><span class="choice-label">{ Msg::EgDirect.t(lang) }</span></span>
                        </label>
                        <label class="choice" for="outcome-indirect">
                            <input type="radio" id="outcome-indirect" name="outcome-kind"
                                checked={!direct} onchange={pick(OutcomeKind::Indirect)} />
                            <span class="choice-text"><span class="choice-label">{ Msg::EgIndirect.t(lang) }</span></span>
                        </label>
                    </div>
                </fieldset>
                if direct {
                    <Input id="outcome-kpi" label={Msg::EgKpiName} hint={Msg::EgKpiNameHint}
                        value={draft.kpi_name.clone()} on_input={text("kpi_name")} error={errors.get("kpi_name")} />
                    <Input id="outcome-before" label={Msg::EgBefore} hint={Msg::EgBeforeHint}
                        value={draft.before.clone()} on_input={text("before")} error={errors.get("before")} />
                    <Input id="outcome-after" label={Msg::EgAfter} hint={Msg::EgAfterHint}
                        value={draft.after.clone()} on_input={text("after")} error={errors.get("after")} />
                }
                <TextArea id="outcome-description" label={Msg::EgDescription}
                    hint={if direct { Msg::EgDescriptionDirectHint } else { Msg::EgDescriptionIndirectHint }}
                    required={!direct}
                    value={draft.description.clone()} on_input={text("description")} error={errors.get("description")} rows={3} />
                if let Some(error) = (*problem).clone() {
                    <ActionAlert {error} />
                }
                <div class="actions tight">
                    <button type="submit" class="button primary" disabled={*working}>
                        { if *working { Msg::EgSending.t(lang) } else { Msg::EgOutcomeAdd.t(lang) } }
                    </button>
                </div>
            </form>
        </section>
    }
}
