//! Editing a draft's text (any party or the hub may). Saving new text clears every consent,
//! since each side agreed to the words they read; the form says so before anyone saves.

use kakehashi_shared::case_study::{CaseStudy, CaseStudyText};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::TextField;
use crate::forms::{clear_error, FormErrors};
use crate::i18n::{use_lang, Msg};
use crate::pages::company::common::{ActionError, TextArea};
use crate::session::use_session;

const FOCUS: &[(&str, &str)] = &[
    ("title", "cs-title"),
    ("trigger", "cs-trigger"),
    ("what_was_done", "cs-done"),
    ("results", "cs-results"),
    ("success_factors", "cs-factors"),
];

#[derive(Properties, PartialEq)]
pub struct TextEditorProps {
    pub study: CaseStudy,
    pub on_change: Callback<CaseStudy>,
}

#[function_component(TextEditor)]
pub fn text_editor(props: &TextEditorProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let open = use_state(|| false);
    let text = use_state(|| props.study.text.clone());
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);

    let toggle = {
        let (open, text, study, saved) = (
            open.clone(),
            text.clone(),
            props.study.text.clone(),
            saved.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if !*open {
                // Start from the text as it stands now (someone may have edited it).
                text.set(study.clone());
                saved.set(false);
            }
            open.set(!*open);
        })
    };
    let set = {
        let (text, errors) = (text.clone(), errors.clone());
        move |field: &'static str, change: fn(&mut CaseStudyText, String)| {
            let (text, errors) = (text.clone(), errors.clone());
            Callback::from(move |value: String| {
                let mut next = (*text).clone();
                change(&mut next, value);
                text.set(next);
                clear_error(&errors, field);
            })
        }
    };
    let onsubmit = {
        let (text, errors, problem, busy, saved, open, session) = (
            text.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            saved.clone(),
            open.clone(),
            session.clone(),
        );
        let (id, on_change) = (props.study.id, props.on_change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = (*text).clone();
            if let Err(list) = body.validate() {
                let found = FormErrors::from_validation(list);
                found.focus_first(FOCUS);
                errors.set(found);
                return;
            }
            busy.set(true);
            problem.set(None);
            let (errors, problem, busy, saved, open, session, on_change) = (
                errors.clone(),
                problem.clone(),
                busy.clone(),
                saved.clone(),
                open.clone(),
                session.clone(),
                on_change.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let body = body.clone();
                        async move {
                            c.put::<_, CaseStudy>(&format!("/api/v1/case-studies/{id}"), &body)
                                .await
                        }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(study) => {
                        saved.set(true);
                        open.set(false);
                        on_change.emit(study);
                    }
                    Err(error) => {
                        let found = FormErrors::from_api(&error);
                        found.focus_first(FOCUS);
                        errors.set(found);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    html! {
        <section class="panel case-editor" aria-labelledby="case-edit-title">
            <h2 id="case-edit-title">{ Msg::CsEditTitle.t(lang) }</h2>
            <p>{ Msg::CsEditLead.t(lang) }</p>
            if *saved {
                <p class="saved" role="status">{ Msg::CsEditSaved.t(lang) }</p>
            }
            <button type="button" class="button secondary" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="case-edit-form" onclick={toggle}>
                { if *open { Msg::CsEditClose.t(lang) } else { Msg::CsEditOpen.t(lang) } }
            </button>
            if *open {
                <form id="case-edit-form" class="form" {onsubmit} novalidate=true>
                    <div class="alert info" role="note"><p>{ Msg::CsEditWarning.t(lang) }</p></div>
                    if let Some(error) = (*problem).clone() {
                        <ActionError {error} kept_input=true />
                    }
                    <TextField id="cs-title" label={Msg::CsFieldTitle} hint={Msg::CsHintTitle}
                        value={text.title.clone()} on_input={set("title", |t, v| t.title = v)}
                        error={errors.get("title")} />
                    <TextArea id="cs-trigger" label={Msg::CsTrigger} hint={Msg::CsHintTrigger}
                        value={text.trigger.clone()} on_input={set("trigger", |t, v| t.trigger = v)}
                        error={errors.get("trigger")} />
                    <TextArea id="cs-done" label={Msg::CsWhatWasDone} hint={Msg::CsHintWhatWasDone}
                        value={text.what_was_done.clone()} on_input={set("what_was_done", |t, v| t.what_was_done = v)}
                        error={errors.get("what_was_done")} />
                    <TextArea id="cs-results" label={Msg::CsResultsTitle} hint={Msg::CsHintResults}
                        value={text.results.clone()} on_input={set("results", |t, v| t.results = v)}
                        error={errors.get("results")} />
                    <TextArea id="cs-factors" label={Msg::CsSuccessFactors} hint={Msg::CsHintSuccessFactors}
                        value={text.success_factors.clone()} on_input={set("success_factors", |t, v| t.success_factors = v)}
                        error={errors.get("success_factors")} />
                    <div class="actions">
                        <button type="submit" class="button primary" disabled={*busy}>
                            { if *busy { Msg::PfSaving.t(lang) } else { Msg::CsEditSave.t(lang) } }
                        </button>
                    </div>
                </form>
            }
        </section>
    }
}
