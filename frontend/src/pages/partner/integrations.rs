//! `/integrations`: a partner's (or the platform's) connections to other systems. API keys:
//! the list with what each may do and when it was last used, the form that creates one (the
//! key is shown once, with a copy button), and revoking with a confirmation. Webhooks are in
//! `webhooks.rs`.

use std::rc::Rc;

use chrono::{NaiveDate, TimeZone, Utc};
use kakehashi_shared::api_key::{
    ApiKey, ApiKeyCreated, ApiKeyInput, ApiScope, ADMIN_RATE_LIMIT_MAX, PARTNER_RATE_LIMIT_MAX,
};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::webhooks::Webhooks;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession, TextField};
use crate::forms::{clear_error, focus_element, send, FormErrors};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::date_time;
use crate::i18n::{format_date, join_list, use_lang, Lang, Msg};
use crate::pages::company::common::RoleGate;
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::session::use_session;

const KEY_PANEL: &str = "api-key-created";
const FOCUS: &[(&str, &str)] = &[
    ("name", "key-name"),
    ("scopes", "key-scope-0"),
    ("expires_at", "key-expires"),
    ("rate_limit_per_minute", "key-limit"),
];

#[function_component(IntegrationsPage)]
pub fn integrations_page() -> Html {
    use_title(Msg::InTitle);
    let lang = use_lang();
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Partner]} refusal={Msg::InNotForYou}>
                <section class="page narrow">
                    <h1>{ Msg::InTitle.t(lang) }</h1>
                    <p class="lead">{ Msg::InLead.t(lang) }</p>
                    // The server's own page (Swagger UI over /api/openapi.json), not an app route.
                    <p><a href="/api/docs">{ Msg::InApiDocs.t(lang) }</a></p>
                    <ApiKeys />
                    <Webhooks />
                </section>
            </RoleGate>
        </RequireSession>
    }
}

/// The words for a scope, its wire name included so developers recognise it.
pub fn scope_name(scope: ApiScope) -> Msg {
    match scope {
        ApiScope::ProjectsRead => Msg::ScopeProjectsRead,
        ApiScope::ProjectsWrite => Msg::ScopeProjectsWrite,
        ApiScope::StatsRead => Msg::ScopeStatsRead,
        ApiScope::WebhooksManage => Msg::ScopeWebhooksManage,
    }
}

/// Copies `text` to the clipboard and says whether it worked. Without the clipboard (an
/// address that is not https), the person is told to copy by hand from the field.
pub fn copy_text(text: String, status: UseStateHandle<Option<Msg>>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    if clipboard.is_undefined() {
        status.set(Some(Msg::PtCopyFailed));
        return;
    }
    spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
        status.set(Some(if done.is_ok() {
            Msg::PtCopied
        } else {
            Msg::PtCopyFailed
        }));
    });
}

#[derive(Properties, PartialEq)]
pub struct SecretOnceProps {
    /// The element id, focused when the panel appears.
    pub id: AttrValue,
    pub title: Msg,
    pub warning: Msg,
    pub secret: AttrValue,
    pub on_done: Callback<()>,
}

/// A secret shown once: the value in a read-only field (selectable by hand), a copy button,
/// the warning that it will not be shown again, and a button to put it away.
#[function_component(SecretOnce)]
pub fn secret_once(props: &SecretOnceProps) -> Html {
    let lang = use_lang();
    let status = use_state(|| None::<Msg>);
    {
        let id = props.id.clone();
        use_effect_with((), move |_| focus_element(&id));
    }
    let on_copy = {
        let (secret, status) = (props.secret.to_string(), status.clone());
        Callback::from(move |_: MouseEvent| copy_text(secret.clone(), status.clone()))
    };
    let on_done = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(()))
    };
    let field_id = format!("{}-value", props.id);
    html! {
        <div id={props.id.clone()} class="alert success password-once" role="status" tabindex="-1">
            <h3>{ props.title.t(lang) }</h3>
            <p><strong>{ props.warning.t(lang) }</strong></p>
            <div class="copy-row">
                <input id={field_id} class="copy-value" type="text" readonly=true translate="no"
                    value={props.secret.clone()} aria-label={props.title.t(lang)}
                    onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                            input.select();
                        }
                    })} />
                <button type="button" class="button secondary" onclick={on_copy}>{ Msg::InCopy.t(lang) }</button>
            </div>
            <p aria-live="polite">{ status.map(|m| m.t(lang)).unwrap_or_default() }</p>
            <button type="button" class="button primary" onclick={on_done}>{ Msg::InStored.t(lang) }</button>
        </div>
    }
}

/// Partner names by id, for admins, who see every partner's keys and webhooks. Partner staff
/// see only their own, so nothing is loaded for them. If the list cannot be read, owners are
/// named by id: the owner is a detail, not worth an error on the page.
#[hook]
pub fn use_partner_names(is_admin: bool) -> Rc<Vec<(i64, String)>> {
    let session = use_session();
    let (names, _) = use_remote(move || async move {
        if !is_admin {
            return Ok(Vec::new());
        }
        session
            .call(|c: ApiClient| async move { c.admin_partners().await })
            .await
            .map(|page| page.items.into_iter().map(|p| (p.id, p.name)).collect())
    });
    Rc::new(match names {
        Remote::Ready(names) => names,
        _ => Vec::new(),
    })
}

/// Who a key or webhook belongs to: the partner by name (or id), or the platform.
pub fn owner_label(lang: Lang, names: &[(i64, String)], partner_id: Option<i64>) -> String {
    match partner_id {
        Some(id) => match names.iter().find(|(known, _)| *known == id) {
            Some((_, name)) => name.clone(),
            None => Msg::InKeyOwnerPartner
                .t(lang)
                .replace("{id}", &id.to_string()),
        },
        None => Msg::InKeyOwnerPlatform.t(lang).to_owned(),
    }
}

#[function_component(ApiKeys)]
fn api_keys() -> Html {
    let lang = use_lang();
    let session = use_session();
    let is_admin = session.session().map(|s| s.user.role) == Some(Role::Admin);
    let loader: PageLoader<ApiKey, ()> = {
        let session = session.clone();
        Rc::new(move |(), cursor| {
            let session = session.clone();
            Box::pin(async move {
                session
                    .call(|c: ApiClient| {
                        let cursor = cursor.clone();
                        async move { c.api_keys(cursor.as_deref()).await }
                    })
                    .await
                    .map(|page| (page.items, page.next_cursor))
            })
        })
    };
    let paged = use_paged((), loader);
    let created = use_state(|| None::<ApiKeyCreated>);
    let names = use_partner_names(is_admin);

    // The new key goes to the top of the list (newest first) and the key itself on screen.
    let on_created = {
        let (created, list, update) = (created.clone(), paged.list.clone(), paged.update.clone());
        Callback::from(move |new: ApiKeyCreated| {
            if let Remote::Ready(items) = &list {
                let mut next = vec![new.api_key.clone()];
                next.extend(items.iter().cloned());
                update.emit(next);
            }
            created.set(Some(new));
        })
    };
    let on_done = {
        let created = created.clone();
        Callback::from(move |()| {
            created.set(None);
            focus_element("key-name");
        })
    };
    // A revoked key is replaced in place, so the list keeps its order.
    let on_revoked = {
        let (list, update) = (paged.list.clone(), paged.update.clone());
        Callback::from(move |key: ApiKey| {
            if let Remote::Ready(items) = &list {
                update.emit(
                    items
                        .iter()
                        .map(|k| {
                            if k.id == key.id {
                                key.clone()
                            } else {
                                k.clone()
                            }
                        })
                        .collect(),
                );
            }
        })
    };

    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::InKeysEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="card-list">
                    { for items.iter().map(|k| html! {
                        <li class="card" key={k.id}>
                            <KeyCard key_data={k.clone()}
                                owner={is_admin.then(|| owner_label(lang, &names, k.partner_id))}
                                on_revoked={on_revoked.clone()} />
                        </li>
                    }) }
                </ul>
                if let Some(error) = paged.more_error.clone() {
                    <ErrorAlert {error} />
                }
                if paged.has_more {
                    <MoreButton loading={paged.loading_more} on_click={paged.load_more.clone()} />
                }
            </>
        },
    };

    html! {
        <section class="block" aria-labelledby="keys-title">
            <h2 id="keys-title">{ Msg::InKeysTitle.t(lang) }</h2>
            <p>{ Msg::InKeysLead.t(lang) }</p>
            if let Some(new) = (*created).clone() {
                <SecretOnce id={KEY_PANEL} title={Msg::InKeyCreatedTitle} warning={Msg::InKeyOnce}
                    secret={new.key.clone()} on_done={on_done} />
            }
            <KeyForm {is_admin} {on_created} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct KeyFormProps {
    is_admin: bool,
    on_created: Callback<ApiKeyCreated>,
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    name: String,
    scopes: Vec<ApiScope>,
    /// `YYYY-MM-DD` from the date input, or empty.
    expires: String,
    /// Requests a minute as typed, or empty for the default.
    limit: String,
}

impl Draft {
    fn input(&self, is_admin: bool) -> Result<ApiKeyInput, FormErrors> {
        let mut errors = kakehashi_shared::FieldErrors::new();
        let rate_limit_per_minute = match self.limit.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(n) => {
                    let max = if is_admin {
                        ADMIN_RATE_LIMIT_MAX
                    } else {
                        PARTNER_RATE_LIMIT_MAX
                    };
                    if !(1..=max).contains(&n) {
                        errors.add("rate_limit_per_minute", "out_of_range", "out of range");
                    }
                    Some(n)
                }
                Err(_) => {
                    errors.add("rate_limit_per_minute", "invalid_format", "a whole number");
                    None
                }
            },
        };
        let expires_at = match self.expires.trim() {
            "" => None,
            text => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                // The end of the chosen day in Japan (UTC+9): 15:00 UTC.
                Ok(day) => day.and_hms_opt(15, 0, 0).map(|t| Utc.from_utc_datetime(&t)),
                Err(_) => {
                    errors.add("expires_at", "invalid_format", "YYYY-MM-DD");
                    None
                }
            },
        };
        // Keep the scopes in their usual order, whatever order they were ticked in.
        let scopes = ApiScope::ALL
            .iter()
            .copied()
            .filter(|s| self.scopes.contains(s))
            .collect();
        let input = ApiKeyInput {
            name: self.name.trim().to_owned(),
            scopes,
            expires_at,
            rate_limit_per_minute,
        };
        if expires_at.is_some_and(|at| at <= Utc::now()) {
            errors.add("expires_at", "out_of_range", "must be in the future");
        }
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

#[function_component(KeyForm)]
fn key_form(props: &KeyFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = use_state(Draft::default);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (session, draft, errors, problem, busy) = (
            session.clone(),
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
        );
        let (on_created, is_admin) = (props.on_created.clone(), props.is_admin);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let input = match draft.input(is_admin) {
                Ok(input) => input,
                Err(invalid) => {
                    invalid.focus_first(FOCUS);
                    errors.set(invalid);
                    return;
                }
            };
            let (draft, on_created) = (draft.clone(), on_created.clone());
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let input = input.clone();
                    async move { c.create_api_key(&input).await }
                },
                move |created| {
                    draft.set(Draft::default());
                    on_created.emit(created);
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
    let on_expires = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            draft.set(Draft {
                expires: crate::forms::input_value(&e),
                ..(*draft).clone()
            });
            clear_error(&errors, "expires_at");
        })
    };
    let on_limit = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                limit: v,
                ..(*draft).clone()
            });
            clear_error(&errors, "rate_limit_per_minute");
        })
    };
    // Partner staff cannot draft projects, so their keys are not offered projects:write.
    let offered: Vec<ApiScope> = ApiScope::ALL
        .iter()
        .copied()
        .filter(|s| props.is_admin || s.partner_may_grant())
        .collect();
    let scope_error = errors.get("scopes");
    let expires_error = errors.get("expires_at");

    html! {
        <form class="panel" {onsubmit} novalidate=true aria-labelledby="key-form-title">
            <h3 id="key-form-title">{ Msg::InKeyCreateTitle.t(lang) }</h3>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <TextField id="key-name" label={Msg::FieldKeyName} hint={Msg::HintKeyName}
                autocomplete={Some(AttrValue::Static("off"))}
                value={draft.name.clone()} on_input={on_name} error={errors.get("name")} />
            <fieldset class={classes!("group", scope_error.is_some().then_some("invalid"))}
                aria-describedby="key-scopes-hint key-scopes-error">
                <legend>
                    { Msg::FieldKeyScopes.t(lang) }
                    <span class="required">{ Msg::Required.t(lang) }</span>
                </legend>
                <p class="hint" id="key-scopes-hint">{ Msg::HintKeyScopes.t(lang) }</p>
                <div class="checks one">
                    { for offered.iter().enumerate().map(|(i, scope)| {
                        let id = format!("key-scope-{i}");
                        let checked = draft.scopes.contains(scope);
                        let onchange = {
                            let (draft, errors, scope) = (draft.clone(), errors.clone(), *scope);
                            Callback::from(move |_: Event| {
                                let mut next = (*draft).clone();
                                if next.scopes.contains(&scope) {
                                    next.scopes.retain(|s| *s != scope);
                                } else {
                                    next.scopes.push(scope);
                                }
                                draft.set(next);
                                clear_error(&errors, "scopes");
                            })
                        };
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="checkbox" {id} {checked} {onchange} />
                                <span>{ scope_name(*scope).t(lang) }</span>
                            </label>
                        }
                    }) }
                </div>
                <p class="field-error" id="key-scopes-error">{ scope_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </fieldset>
            <div class={classes!("field", expires_error.is_some().then_some("invalid"))}>
                <label for="key-expires">{ Msg::FieldKeyExpires.t(lang) }</label>
                <p class="hint" id="key-expires-hint">{ Msg::HintKeyExpires.t(lang) }</p>
                <input id="key-expires" type="date" value={draft.expires.clone()} oninput={on_expires}
                    aria-invalid={expires_error.is_some().to_string()}
                    aria-describedby="key-expires-hint key-expires-error" />
                <p class="field-error" id="key-expires-error">{ expires_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </div>
            <TextField id="key-limit" label={Msg::FieldKeyLimit}
                hint={if props.is_admin { Msg::HintKeyLimitAdmin } else { Msg::HintKeyLimitPartner }}
                input_type="number" required={false} autocomplete={Some(AttrValue::Static("off"))}
                value={draft.limit.clone()} on_input={on_limit} error={errors.get("rate_limit_per_minute")} />
            <div class="form-actions">
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { Msg::InKeyCreating.t(lang) } else { Msg::InKeyCreate.t(lang) } }
                </button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct KeyCardProps {
    key_data: ApiKey,
    /// Whose key it is, for admins (who see every organisation's keys).
    owner: Option<String>,
    on_revoked: Callback<ApiKey>,
}

/// One key: its name and state, what it may do, its dates, and revoking behind a question.
#[function_component(KeyCard)]
fn key_card(props: &KeyCardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let confirming = use_state(|| false);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let k = &props.key_data;
    let expired = k.expires_at.is_some_and(|at| at <= Utc::now());
    let (state, badge) = if k.revoked_at.is_some() {
        (Msg::InKeyRevoked, "badge-neutral")
    } else if expired {
        (Msg::InKeyExpired, "badge-wait")
    } else {
        (Msg::InKeyActive, "badge-good")
    };
    let confirm_id = format!("revoke-{}", k.id);

    let ask = {
        let (confirming, id) = (confirming.clone(), confirm_id.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            // The question takes the focus, so a keyboard or screen-reader user hears it.
            let id = id.clone();
            gloo::timers::callback::Timeout::new(0, move || focus_element(&id)).forget();
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let revoke = {
        let (session, errors, problem, busy, confirming) = (
            session.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            confirming.clone(),
        );
        let (id, on_revoked) = (k.id, props.on_revoked.clone());
        Callback::from(move |_: MouseEvent| {
            let confirming = confirming.clone();
            let on_revoked = on_revoked.clone();
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| async move { c.revoke_api_key(id).await },
                move |key| {
                    confirming.set(false);
                    on_revoked.emit(key);
                },
            );
        })
    };
    let scopes: Vec<String> = k
        .scopes
        .iter()
        .map(|s| scope_name(*s).t(lang).to_owned())
        .collect();
    html! {
        <>
            <div class="card-head">
                <h3 class="card-title">{ k.name.clone() }</h3>
                <span class={classes!("badge", badge)}>{ state.t(lang) }</span>
            </div>
            <dl class="details">
                { row(Msg::InKeyPrefix, html! { <code translate="no">{ format!("{}…", k.prefix) }</code> }, lang) }
                { row(Msg::InKeyScopes, html! { { join_list(lang, &scopes) } }, lang) }
                if let Some(owner) = props.owner.clone() {
                    { row(Msg::InKeyOwner, html! { { owner } }, lang) }
                }
                { row(Msg::InKeyCreatedAt, html! { { format_date(lang, &k.created_at) } }, lang) }
                { row(Msg::InKeyExpires, html! { {
                    k.expires_at.map(|at| format_date(lang, &at)).unwrap_or_else(|| Msg::InKeyNoExpiry.t(lang).to_owned())
                } }, lang) }
                { row(Msg::InKeyLastUsed, html! { {
                    k.last_used_at.map(|at| date_time(lang, &at)).unwrap_or_else(|| Msg::InKeyNeverUsed.t(lang).to_owned())
                } }, lang) }
                { row(Msg::InKeyLimit, html! { {
                    Msg::InKeyPerMinute.t(lang).replace("{n}", &k.rate_limit_per_minute.to_string())
                } }, lang) }
                if let Some(at) = k.revoked_at {
                    { row(Msg::InKeyRevoked, html! { { date_time(lang, &at) } }, lang) }
                }
            </dl>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} />
            }
            if k.revoked_at.is_none() {
                if *confirming {
                    <div id={confirm_id} class="alert info" role="alertdialog" tabindex="-1"
                        aria-label={Msg::InRevoke.t(lang)}>
                        <p>{ Msg::InRevokeConfirm.t(lang).replace("{name}", &k.name) }</p>
                        <div class="form-actions">
                            <button type="button" class="button danger" disabled={*busy} onclick={revoke}>
                                { if *busy { Msg::InRevoking.t(lang) } else { Msg::InRevokeYes.t(lang) } }
                            </button>
                            <button type="button" class="button secondary" onclick={cancel}>{ Msg::InCancel.t(lang) }</button>
                        </div>
                    </div>
                } else {
                    <div class="form-actions">
                        <button type="button" class="button secondary" onclick={ask}>{ Msg::InRevoke.t(lang) }</button>
                    </div>
                }
            }
        </>
    }
}

fn row(label: Msg, value: Html, lang: Lang) -> Html {
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd>{ value }</dd>
        </div>
    }
}
