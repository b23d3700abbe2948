//! The form that opens a staff account: the kind of account, the hub or partner it belongs
//! to, email and name. The server makes the password; the page shows it once afterwards.

use kakehashi_shared::admin::{AdminHub, StaffCreated, StaffInput};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::partner::Partner;
use kakehashi_shared::{ErrorCode, Validate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorAlert, SelectField, SelectGroup, TextField};
use crate::forms::{clear_error, FormErrors};
use crate::hooks::{use_remote, Remote};
use crate::i18n::{partner_kind_name, role_name, use_lang, with_note, Msg};
use crate::session::use_session;

const FOCUS: &[(&str, &str)] = &[
    ("role", "staff-role"),
    ("hub_id", "staff-hub"),
    ("partner_id", "staff-partner"),
    ("email", "staff-email"),
    ("display_name", "staff-name"),
];

#[derive(Properties, PartialEq)]
pub struct StaffFormProps {
    pub on_created: Callback<StaffCreated>,
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    role: String,
    hub: String,
    partner: String,
    email: String,
    name: String,
}

impl Draft {
    fn input(&self) -> Result<StaffInput, FormErrors> {
        let role = Role::parse(&self.role);
        let mut errors = kakehashi_shared::FieldErrors::new();
        if role.is_none() {
            errors.add("role", "required", "choose the kind of account");
        }
        let role = role.unwrap_or(Role::Admin);
        let input = StaffInput {
            role,
            email: self.email.trim().to_owned(),
            display_name: self.name.trim().to_owned(),
            hub_id: (role == Role::Coordinator)
                .then(|| self.hub.parse().ok())
                .flatten(),
            partner_id: (role == Role::Partner)
                .then(|| self.partner.parse().ok())
                .flatten(),
        };
        if let Err(more) = input.validate() {
            errors.0.extend(more.0);
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(FormErrors::from_validation(errors))
        }
    }
}

#[function_component(StaffForm)]
pub fn staff_form(props: &StaffFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    // Partners: from a partner's card (`?partner=ID`), the form starts as that partner's staff.
    let asked = yew_router::prelude::use_location()
        .and_then(|l| l.query::<crate::routes::PartnerQuery>().ok())
        .and_then(|q| q.partner);
    let draft = use_state(move || match asked {
        Some(id) => Draft {
            role: Role::Partner.as_str().to_owned(),
            partner: id.to_string(),
            ..Draft::default()
        },
        None => Draft::default(),
    });
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let (hubs, hubs_retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move { c.admin_hubs().await })
                .await
                .map(|p| p.items)
        })
    };
    let (partners, partners_retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move { c.admin_partners().await })
                .await
                .map(|p| p.items)
        })
    };

    let onsubmit = {
        let (session, draft, errors, problem, busy) = (
            session.clone(),
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
        );
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let input = match draft.input() {
                Ok(input) => input,
                Err(invalid) => {
                    invalid.focus_first(FOCUS);
                    errors.set(invalid);
                    return;
                }
            };
            errors.set(FormErrors::default());
            problem.set(None);
            busy.set(true);
            let (session, draft, errors, problem, busy, on_created) = (
                session.clone(),
                draft.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
                on_created.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let input = input.clone();
                        async move { c.create_staff(&input).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(created) => {
                        draft.set(Draft::default());
                        on_created.emit(created);
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

    // One setter per field: keep the rest of the draft, forget the field's old error.
    let setter = |field: &'static str, set: fn(&mut Draft, String)| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            let mut next = (*draft).clone();
            set(&mut next, v);
            draft.set(next);
            clear_error(&errors, field);
        })
    };
    let on_role = setter("role", |d, v| d.role = v);
    let on_hub = setter("hub_id", |d, v| d.hub = v);
    let on_partner = setter("partner_id", |d, v| d.partner = v);
    let on_email = setter("email", |d, v| d.email = v);
    let on_name = setter("display_name", |d, v| d.name = v);

    let roles: Vec<SelectGroup> = vec![(
        None,
        [Role::Coordinator, Role::Partner, Role::Admin]
            .iter()
            .map(|r| (r.as_str().to_owned(), role_name(*r).t(lang).to_owned()))
            .collect(),
    )];
    let role = Role::parse(&draft.role);
    let organisation = match role {
        Some(Role::Coordinator) => hub_choice(
            lang,
            &hubs,
            &hubs_retry,
            &draft.hub,
            on_hub,
            errors.get("hub_id"),
        ),
        Some(Role::Partner) => partner_choice(
            lang,
            &partners,
            &partners_retry,
            &draft.partner,
            on_partner,
            errors.get("partner_id"),
        ),
        _ => Html::default(),
    };

    html! {
        <form class="panel admin-form" {onsubmit} novalidate=true aria-labelledby="staff-form-title">
            <h2 id="staff-form-title">{ Msg::SfCreateTitle.t(lang) }</h2>
            // A taken email is said beside the email field; the general sentence for it
            // speaks to people registering themselves, not to an admin.
            if let Some(error) = (*problem).clone().filter(|e| !e.is(ErrorCode::EmailTaken)) {
                <ErrorAlert {error} kept_input=true />
            }
            <SelectField id="staff-role" label={Msg::FieldStaffRole} hint={Msg::HintStaffRole}
                value={draft.role.clone()} on_change={on_role} options={Remote::Ready(roles)}
                on_retry={Callback::noop()} error={errors.get("role")} />
            { organisation }
            <TextField id="staff-email" label={Msg::FieldStaffEmail} hint={Msg::HintStaffEmail}
                input_type="email" autocomplete={Some(AttrValue::Static("off"))}
                value={draft.email.clone()} on_input={on_email} error={errors.get("email")} />
            <TextField id="staff-name" label={Msg::FieldStaffName} hint={Msg::HintStaffName}
                autocomplete={Some(AttrValue::Static("off"))}
                value={draft.name.clone()} on_input={on_name} error={errors.get("display_name")} />
            <p class="hint">{ Msg::SfPasswordNote.t(lang) }</p>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { Msg::SfCreating.t(lang) } else { Msg::SfCreate.t(lang) } }
                </button>
            </div>
        </form>
    }
}

fn hub_choice(
    lang: crate::i18n::Lang,
    hubs: &Remote<Vec<AdminHub>>,
    retry: &Callback<()>,
    value: &str,
    on_change: Callback<String>,
    error: Option<Msg>,
) -> Html {
    if matches!(hubs, Remote::Ready(list) if list.is_empty()) {
        return html! { <div class="alert info" role="status"><p>{ Msg::SfNoHubs.t(lang) }</p></div> };
    }
    let options = hubs.map(|list| {
        vec![(
            None,
            list.iter()
                .map(|h| (h.id.to_string(), h.name.clone()))
                .collect(),
        )]
    });
    html! {
        <SelectField id="staff-hub" label={Msg::FieldStaffHub} hint={Msg::HintStaffHub}
            value={value.to_owned()} {on_change} {options} on_retry={retry.clone()} {error} />
    }
}

fn partner_choice(
    lang: crate::i18n::Lang,
    partners: &Remote<Vec<Partner>>,
    retry: &Callback<()>,
    value: &str,
    on_change: Callback<String>,
    error: Option<Msg>,
) -> Html {
    if matches!(partners, Remote::Ready(list) if list.is_empty()) {
        return html! { <div class="alert info" role="status"><p>{ Msg::SfNoPartners.t(lang) }</p></div> };
    }
    let options = partners.map(|list| {
        vec![(
            None,
            list.iter()
                .map(|p| {
                    let label = with_note(lang, &p.name, partner_kind_name(p.kind).t(lang));
                    (p.id.to_string(), label)
                })
                .collect(),
        )]
    });
    html! {
        <SelectField id="staff-partner" label={Msg::FieldStaffPartner} hint={Msg::HintStaffPartner}
            value={value.to_owned()} {on_change} {options} on_retry={retry.clone()} {error} />
    }
}
