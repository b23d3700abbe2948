//! The hub form, for a new hub and for changes to one: name, prefectures and the answer
//! deadline, checked with the API's own rules before sending and kept as typed on failure.

use std::rc::Rc;

use kakehashi_shared::admin::{AdminHub, HubInput, HubPatch};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::reference::Prefecture;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::prefecture_picker::{first_checkbox_id, PrefecturePicker};
use crate::api::ApiError;
use crate::components::{ErrorAlert, TextField};
use crate::forms::{clear_error, FormErrors};
use crate::hooks::Remote;
use crate::i18n::{use_lang, Msg};
use crate::session::use_session;

/// A new hub starts with the usual two weeks to answer.
const DEFAULT_DEADLINE_DAYS: &str = "14";

#[derive(Properties, PartialEq)]
pub struct HubFormProps {
    /// The hub being changed; `None` creates a new one.
    #[prop_or_default]
    pub hub: Option<AdminHub>,
    pub prefectures: Remote<Rc<Vec<Prefecture>>>,
    pub on_prefectures_retry: Callback<()>,
    pub on_saved: Callback<AdminHub>,
    /// Offered when editing: close the form without saving.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

#[derive(Clone, PartialEq)]
struct Draft {
    name: String,
    codes: Vec<String>,
    days: String,
}

impl Draft {
    fn of(hub: Option<&AdminHub>) -> Self {
        match hub {
            Some(h) => Draft {
                name: h.name.clone(),
                codes: h.prefecture_codes.clone(),
                days: h.response_deadline_days.to_string(),
            },
            None => Draft {
                name: String::new(),
                codes: Vec::new(),
                days: DEFAULT_DEADLINE_DAYS.to_owned(),
            },
        }
    }

    fn input(&self) -> HubInput {
        let mut codes = self.codes.clone();
        // JIS order reads naturally (北から南) and is how the API lists them back.
        codes.sort();
        HubInput {
            name: self.name.trim().to_owned(),
            prefecture_codes: codes,
            // Anything but a whole number fails the range rule, with the same message.
            response_deadline_days: self.days.trim().parse().unwrap_or(0),
        }
    }
}

#[function_component(HubForm)]
pub fn hub_form(props: &HubFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = use_state(|| Draft::of(props.hub.as_ref()));
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let created = use_state(|| None::<String>);
    let prefix = match &props.hub {
        Some(h) => format!("hub-{}", h.id),
        None => "hub-new".to_owned(),
    };
    let (name_id, picker_id, days_id) = (
        format!("{prefix}-name"),
        format!("{prefix}-pref"),
        format!("{prefix}-days"),
    );

    let onsubmit = {
        let (session, draft, errors, problem, busy, created) = (
            session.clone(),
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            created.clone(),
        );
        let (on_saved, editing) = (props.on_saved.clone(), props.hub.as_ref().map(|h| h.id));
        let order = [
            ("name".to_owned(), name_id.clone()),
            ("prefecture_codes".to_owned(), first_checkbox_id(&picker_id)),
            ("response_deadline_days".to_owned(), days_id.clone()),
        ];
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let order: Vec<(&str, &str)> = order
                .iter()
                .map(|(f, i)| (f.as_str(), i.as_str()))
                .collect();
            let input = draft.input();
            if let Err(invalid) = input.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&order);
                errors.set(invalid);
                return;
            }
            errors.set(FormErrors::default());
            problem.set(None);
            created.set(None);
            busy.set(true);
            let (session, draft, errors, problem, busy, created, on_saved) = (
                session.clone(),
                draft.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
                created.clone(),
                on_saved.clone(),
            );
            let order: Vec<(String, String)> = order
                .iter()
                .map(|(f, i)| ((*f).to_owned(), (*i).to_owned()))
                .collect();
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let input = input.clone();
                        async move {
                            match editing {
                                Some(id) => {
                                    let patch = HubPatch {
                                        name: Some(input.name),
                                        prefecture_codes: Some(input.prefecture_codes),
                                        response_deadline_days: Some(input.response_deadline_days),
                                    };
                                    c.update_hub(id, &patch).await
                                }
                                None => c.create_hub(&input).await,
                            }
                        }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(hub) => {
                        if editing.is_none() {
                            draft.set(Draft::of(None));
                            created.set(Some(hub.name.clone()));
                        }
                        on_saved.emit(hub);
                    }
                    Err(error) => {
                        let found = FormErrors::from_api(&error);
                        let order: Vec<(&str, &str)> = order
                            .iter()
                            .map(|(f, i)| (f.as_str(), i.as_str()))
                            .collect();
                        found.focus_first(&order);
                        errors.set(found);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let on_name = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                name: v,
                ..(*draft).clone()
            });
            clear_error(&errors, "name");
        })
    };
    let on_toggle = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |code: String| {
            let mut next = (*draft).clone();
            if let Some(at) = next.codes.iter().position(|c| *c == code) {
                next.codes.remove(at);
            } else {
                next.codes.push(code);
            }
            draft.set(next);
            clear_error(&errors, "prefecture_codes");
        })
    };
    let on_days = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                days: v,
                ..(*draft).clone()
            });
            clear_error(&errors, "response_deadline_days");
        })
    };
    let cancel = props.on_cancel.clone().map(|on_cancel| {
        let onclick = Callback::from(move |_: MouseEvent| on_cancel.emit(()));
        html! {
            <button type="button" class="button secondary" {onclick}>{ Msg::HbCancel.t(lang) }</button>
        }
    });
    let (title, submit) = if props.hub.is_some() {
        (Msg::HbEditTitle, Msg::HbSave)
    } else {
        (Msg::HbCreateTitle, Msg::HbCreate)
    };
    let title_id = format!("{prefix}-title");

    html! {
        <form class="panel admin-form" {onsubmit} novalidate=true aria-labelledby={title_id.clone()}>
            // A section of its own when creating; inside a hub's card when editing.
            <@{if props.hub.is_some() { "h4" } else { "h2" }} id={title_id}>{ title.t(lang) }</@>
            if let Some(name) = (*created).clone() {
                <p class="saved" role="status">{ Msg::HbCreated.t(lang).replace("{name}", &name) }</p>
            }
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <TextField id={name_id.clone()} label={Msg::FieldHubName} hint={Msg::HintHubName}
                value={draft.name.clone()} on_input={on_name} error={errors.get("name")} />
            <PrefecturePicker id={picker_id.clone()} selected={draft.codes.clone()} {on_toggle}
                prefectures={props.prefectures.clone()} on_retry={props.on_prefectures_retry.clone()}
                error={errors.get("prefecture_codes")} />
            <TextField id={days_id.clone()} label={Msg::FieldDeadline} hint={Msg::HintDeadline}
                input_type="number" value={draft.days.clone()} on_input={on_days}
                error={errors.get("response_deadline_days")} />
            <div class="form-actions">
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { Msg::HbSaving.t(lang) } else { submit.t(lang) } }
                </button>
                { for cancel }
            </div>
        </form>
    }
}
