//! The partner form, for a new partner and for changes to one: name, type, prefectures, the
//! sites allowed to show the widget, and (when registering) the referral code. Checked with
//! the API's own rules before sending and kept as typed on failure. The type and the code do
//! not change later: links already printed carry the code.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::PartnerKind;
use kakehashi_shared::partner::{Partner, PartnerInput, PartnerPatch};
use kakehashi_shared::reference::Prefecture;
use kakehashi_shared::Validate;
use yew::prelude::*;

use super::prefecture_picker::{first_checkbox_id, PrefecturePicker};
use crate::api::ApiError;
use crate::components::{ErrorAlert, SelectField, TextField};
use crate::forms::{clear_error, send, FormErrors};
use crate::hooks::Remote;
use crate::i18n::{partner_kind_name, use_lang, Msg};
use crate::pages::company::common::TextArea;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct PartnerFormProps {
    /// The partner being changed; `None` registers a new one.
    #[prop_or_default]
    pub partner: Option<Partner>,
    pub prefectures: Remote<Rc<Vec<Prefecture>>>,
    pub on_prefectures_retry: Callback<()>,
    pub on_saved: Callback<Partner>,
    /// Offered when editing: close the form without saving.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

#[derive(Clone, PartialEq)]
struct Draft {
    name: String,
    kind: String,
    codes: Vec<String>,
    origins: String,
    referral_code: String,
}

impl Draft {
    fn of(partner: Option<&Partner>) -> Self {
        match partner {
            Some(p) => Draft {
                name: p.name.clone(),
                kind: p.kind.as_str().to_owned(),
                codes: p.prefecture_codes.clone(),
                origins: p.origins.join("\n"),
                referral_code: p.referral_code.clone(),
            },
            None => Draft {
                name: String::new(),
                kind: String::new(),
                codes: Vec::new(),
                origins: String::new(),
                referral_code: String::new(),
            },
        }
    }

    /// `None` while no type is chosen (the form says so beside the field).
    fn input(&self) -> Option<PartnerInput> {
        let mut codes = self.codes.clone();
        codes.sort();
        Some(PartnerInput {
            name: self.name.trim().to_owned(),
            kind: PartnerKind::parse(&self.kind)?,
            prefecture_codes: codes,
            origins: self
                .origins
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            referral_code: Some(self.referral_code.trim().to_owned()).filter(|c| !c.is_empty()),
        })
    }
}

#[function_component(PartnerForm)]
pub fn partner_form(props: &PartnerFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = {
        let partner = props.partner.clone();
        use_state(move || Draft::of(partner.as_ref()))
    };
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let created = use_state(|| None::<String>);
    let prefix = match &props.partner {
        Some(p) => format!("partner-{}", p.id),
        None => "partner-new".to_owned(),
    };
    let id = |f: &str| format!("{prefix}-{f}");
    let picker_id = id("pref");
    let order = [
        ("name", id("name")),
        ("kind", id("kind")),
        ("prefecture_codes", first_checkbox_id(&picker_id)),
        ("origins", id("origins")),
        ("referral_code", id("code")),
    ];

    let onsubmit = {
        let (session, draft, errors, problem, busy, created) = (
            session.clone(),
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            created.clone(),
        );
        let (on_saved, editing) = (props.on_saved.clone(), props.partner.as_ref().map(|p| p.id));
        let order = order.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let order: Vec<(&str, &str)> = order.iter().map(|(f, i)| (*f, i.as_str())).collect();
            let Some(input) = draft.input() else {
                let mut invalid = kakehashi_shared::FieldErrors::new();
                invalid.add("kind", "required", "choose a type");
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&order);
                errors.set(invalid);
                return;
            };
            // An edit does not send the code, so its rule does not apply.
            let checked = match editing {
                Some(_) => PartnerInput {
                    referral_code: None,
                    ..input.clone()
                },
                None => input.clone(),
            };
            if let Err(invalid) = checked.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&order);
                errors.set(invalid);
                return;
            }
            created.set(None);
            let (draft, created, on_saved) = (draft.clone(), created.clone(), on_saved.clone());
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let input = input.clone();
                    async move {
                        match editing {
                            Some(id) => {
                                let patch = PartnerPatch {
                                    name: Some(input.name),
                                    prefecture_codes: Some(input.prefecture_codes),
                                    origins: Some(input.origins),
                                };
                                c.update_partner(id, &patch).await
                            }
                            None => c.create_partner(&input).await,
                        }
                    }
                },
                move |partner: Partner| {
                    if editing.is_none() {
                        draft.set(Draft::of(None));
                        created.set(Some(partner.name.clone()));
                    }
                    on_saved.emit(partner);
                },
            );
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
    let on_kind = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                kind: v,
                ..(*draft).clone()
            });
            clear_error(&errors, "kind");
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
    let on_origins = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                origins: v,
                ..(*draft).clone()
            });
            let mut next = (*errors).clone();
            next.clear_list("origins");
            errors.set(next);
        })
    };
    let on_code = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                referral_code: v,
                ..(*draft).clone()
            });
            clear_error(&errors, "referral_code");
        })
    };
    let kinds = Remote::Ready(vec![(
        None,
        PartnerKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_owned(),
                    partner_kind_name(*k).t(lang).to_owned(),
                )
            })
            .collect(),
    )]);
    let cancel = props.on_cancel.clone().map(|on_cancel| {
        let onclick = Callback::from(move |_: MouseEvent| on_cancel.emit(()));
        html! {
            <button type="button" class="button secondary" {onclick}>{ Msg::PtCancel.t(lang) }</button>
        }
    });
    let (title, submit) = if props.partner.is_some() {
        (Msg::ApEditTitle, Msg::PtSave)
    } else {
        (Msg::ApCreateTitle, Msg::ApCreate)
    };
    let title_id = id("title");
    let editing = props.partner.is_some();
    html! {
        <form class="panel admin-form" {onsubmit} novalidate=true aria-labelledby={title_id.clone()}>
            <@{if editing { "h4" } else { "h2" }} id={title_id}>{ title.t(lang) }</@>
            if let Some(name) = (*created).clone() {
                <p class="saved" role="status">{ Msg::ApCreated.t(lang).replace("{name}", &name) }</p>
            }
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <TextField id={id("name")} label={Msg::FieldPartnerName} hint={Msg::HintPartnerName}
                value={draft.name.clone()} on_input={on_name} error={errors.get("name")} />
            <SelectField id={id("kind")} label={Msg::FieldPartnerKind} hint={Msg::HintPartnerKind}
                value={draft.kind.clone()} on_change={on_kind} options={kinds}
                on_retry={Callback::noop()} error={errors.get("kind")} disabled={editing} />
            <PrefecturePicker id={picker_id.clone()} selected={draft.codes.clone()} {on_toggle}
                prefectures={props.prefectures.clone()} on_retry={props.on_prefectures_retry.clone()}
                error={errors.get("prefecture_codes")}
                label={Msg::FieldPartnerPrefectures} hint={Msg::HintPartnerPrefectures} />
            <TextArea id={id("origins")} label={Msg::FieldOriginsOptional} hint={Msg::HintOrigins}
                value={draft.origins.clone()} on_input={on_origins} required={false} rows={3}
                error={errors.get_list("origins")} />
            <TextField id={id("code")} label={Msg::FieldReferralCode} hint={Msg::HintReferralCode}
                value={draft.referral_code.clone()} on_input={on_code} required={false}
                disabled={editing} error={errors.get("referral_code")} />
            <div class="form-actions">
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { Msg::PtSaving.t(lang) } else { submit.t(lang) } }
                </button>
                { for cancel }
            </div>
        </form>
    }
}
