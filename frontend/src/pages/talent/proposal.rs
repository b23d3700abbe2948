//! The proposal and the screening answers, as applying and accepting a scout both ask for
//! them. The form keeps what was typed whatever the server answers; field errors from the
//! shared rules or the server appear beside their field.

use gloo::storage::{LocalStorage, Storage};
use kakehashi_shared::application::ApplicationInput;
use kakehashi_shared::{FieldError, Validate};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::ErrorAlert;
use crate::forms::focus_element;
use crate::i18n::format::{char_count, question_label};
use crate::i18n::{use_lang, Msg};

pub const PROPOSAL_MAX: usize = 4000;
pub const ANSWER_MAX: usize = 2000;

#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    pub max: usize,
    #[prop_or_default]
    pub error: Option<Msg>,
    #[prop_or(true)]
    pub required: bool,
    #[prop_or(6)]
    pub rows: u32,
}

/// A labelled `<textarea>` with its hint, a character count and its error slot.
#[function_component(TextArea)]
pub fn text_area(props: &TextAreaProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let count_id = format!("{}-count", props.id);
    let invalid = props.error.is_some();
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            on_input.emit(value);
        })
    };
    let used = props.value.chars().count();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>
                { props.label.clone() }
                if props.required {
                    <span class="required">{ Msg::Required.t(lang) }</span>
                }
            </label>
            <p class="hint" id={hint_id.clone()}>{ props.hint.clone() }</p>
            <textarea id={props.id.clone()} name={props.id.clone()} rows={props.rows.to_string()}
                value={props.value.clone()}
                aria-describedby={format!("{hint_id} {count_id} {error_id}")}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-required={if props.required { "true" } else { "false" }}
                {oninput} />
            <p class={classes!("counter", (used > props.max).then_some("over"))} id={count_id}>
                { char_count(lang, used, props.max) }
            </p>
            <p class="field-error" id={error_id}>{ props.error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </div>
    }
}

/// The field error message for the proposal form, with the limits in words.
pub fn proposal_error(field: &str, code: &str) -> Msg {
    match (field, code) {
        ("proposal", "too_short") => Msg::TalProposalShort,
        ("proposal", "too_long") => Msg::TalProposalLong,
        (_, "too_long") => Msg::TalAnswerLong,
        (_, "required") => Msg::FeRequired,
        (f, c) => crate::i18n::field_error(f, c),
    }
}

#[derive(Properties, PartialEq)]
pub struct ProposalFormProps {
    pub questions: Vec<String>,
    pub submit: Msg,
    pub submitting_label: Msg,
    pub submitting: bool,
    /// The server's refusal of the last attempt.
    #[prop_or_default]
    pub problem: Option<ApiError>,
    /// Where the server puts these fields (`application.` inside a scout answer).
    #[prop_or_default]
    pub field_prefix: AttrValue,
    /// Where the unsent text is kept in this browser, so a reload or a closed tab late at
    /// night does not lose a long proposal. The page deletes it once the answer is sent.
    pub draft_key: AttrValue,
    pub on_submit: Callback<ApplicationInput>,
    /// The next step a refusal calls for (a button), shown under its message.
    #[prop_or_default]
    pub children: Html,
}

/// The unsent proposal and answers, as kept in localStorage.
pub fn load_draft(key: &str, questions: usize) -> (String, Vec<String>) {
    let (proposal, mut answers) =
        LocalStorage::get::<(String, Vec<String>)>(key).unwrap_or_default();
    answers.resize(questions, String::new());
    (proposal, answers)
}

/// Forgets the unsent text once it has been sent.
pub fn forget_draft(key: &str) {
    LocalStorage::delete(key);
}

#[function_component(ProposalForm)]
pub fn proposal_form(props: &ProposalFormProps) -> Html {
    let lang = use_lang();
    let initial = use_memo(
        (props.draft_key.clone(), props.questions.len()),
        |(key, n)| load_draft(key, *n),
    );
    let proposal = use_state(|| initial.0.clone());
    let answers = use_state(|| initial.1.clone());
    {
        // A full or disabled storage only means the draft is not kept.
        let key = props.draft_key.clone();
        use_effect_with(((*proposal).clone(), (*answers).clone()), move |draft| {
            if !draft.0.is_empty() || draft.1.iter().any(|a| !a.is_empty()) {
                let _ = LocalStorage::set(key.as_str(), draft);
            }
        });
    }
    let local = use_state(Vec::<FieldError>::new);

    // The server's field errors, without the prefix, so they sit beside the same fields.
    let server = props.problem.as_ref().map(|p| {
        let mut errors = p.field_errors().to_vec();
        for e in &mut errors {
            if let Some(rest) = e.field.strip_prefix(props.field_prefix.as_str()) {
                e.field = rest.to_owned();
            }
        }
        errors
    });
    let error_for = |field: &str| -> Option<Msg> {
        let from_local = local
            .iter()
            .find(|e| e.field == field)
            .map(|e| proposal_error(field, &e.code));
        from_local.or_else(|| {
            server.as_ref().and_then(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| proposal_error(field, &e.code))
            })
        })
    };

    let onsubmit = {
        let (proposal, answers, local, on_submit) = (
            proposal.clone(),
            answers.clone(),
            local.clone(),
            props.on_submit.clone(),
        );
        let submitting = props.submitting;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if submitting {
                return;
            }
            let input = ApplicationInput {
                proposal: proposal.trim().to_owned(),
                screening_answers: answers.iter().map(|a| a.trim().to_owned()).collect(),
                // The partner whose link led here, if the talent followed one in the last 30 days.
                referral_code: crate::referral::stored(),
            };
            if let Err(invalid) = input.validate() {
                let invalid = invalid.0;
                // Focus the first field in screen order: the proposal, then the answers.
                let first = if invalid.iter().any(|e| e.field == "proposal") {
                    Some("apply-proposal".to_owned())
                } else {
                    (0..input.screening_answers.len())
                        .find(|i| {
                            invalid
                                .iter()
                                .any(|e| e.field == format!("screening_answers[{i}]"))
                        })
                        .map(|i| format!("apply-answer-{i}"))
                };
                if let Some(id) = first {
                    focus_element(&id);
                }
                local.set(invalid);
                return;
            }
            local.set(Vec::new());
            on_submit.emit(input);
        })
    };

    let on_proposal = {
        let (proposal, local) = (proposal.clone(), local.clone());
        Callback::from(move |v: String| {
            proposal.set(v);
            forget(&local, "proposal");
        })
    };

    let answer_fields = props.questions.iter().enumerate().map(|(i, q)| {
        let value = answers.get(i).cloned().unwrap_or_default();
        let (answers, local) = (answers.clone(), local.clone());
        let field = format!("screening_answers[{i}]");
        let on_input = {
            let field = field.clone();
            Callback::from(move |v: String| {
                let mut next = (*answers).clone();
                if let Some(slot) = next.get_mut(i) {
                    *slot = v;
                }
                answers.set(next);
                forget(&local, &field);
            })
        };
        html! {
            <TextArea id={format!("apply-answer-{i}")}
                label={format!("{}: {}", question_label(lang, i + 1), q)}
                hint={Msg::TalAnswerHint.t(lang)}
                {value}
                max={ANSWER_MAX} rows={4} error={error_for(&field)} {on_input} />
        }
    });

    html! {
        <form class="form" {onsubmit} novalidate=true aria-busy={if props.submitting { "true" } else { "false" }}>
            if let Some(error) = props.problem.clone() {
                <ErrorAlert {error} kept_input=true />
                if props.children != Html::default() {
                    <div class="actions tight next-step">{ props.children.clone() }</div>
                }
            }
            <TextArea id="apply-proposal" label={Msg::TalProposal.t(lang)} hint={Msg::TalProposalHint.t(lang)}
                value={(*proposal).clone()} max={PROPOSAL_MAX} rows={8}
                error={error_for("proposal")} on_input={on_proposal} />
            { for answer_fields }
            <button type="submit" class="button primary wide" disabled={props.submitting}>
                { if props.submitting { props.submitting_label.t(lang) } else { props.submit.t(lang) } }
            </button>
        </form>
    }
}

/// Drops a field's error once the person edits it.
fn forget(errors: &UseStateHandle<Vec<FieldError>>, field: &str) {
    if errors.iter().any(|e| e.field == field) {
        errors.set(
            errors
                .iter()
                .filter(|e| e.field != field)
                .cloned()
                .collect(),
        );
    }
}
