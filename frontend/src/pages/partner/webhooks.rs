//! The webhooks part of `/integrations`: the subscriptions, the form that adds one (URL and
//! event types; the signing secret is shown once), deleting behind a question, and each
//! subscription's delivery log with the receiver's status codes and a redeliver button.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::webhook::{
    DeliveryState, Webhook, WebhookCreated, WebhookDelivery, WebhookEventType, WebhookInput,
};
use kakehashi_shared::Validate;
use yew::prelude::*;

use super::integrations::{owner_label, use_partner_names, SecretOnce};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, TextField};
use crate::forms::{clear_error, focus_element, send, FormErrors};
use crate::hooks::{use_remote, Remote};
use crate::i18n::format::date_time;
use crate::i18n::{join_list, use_lang, Lang, Msg};
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::session::use_session;

const SECRET_PANEL: &str = "webhook-created";
const DELIVERIES_PAGE: u32 = 10;
const FOCUS: &[(&str, &str)] = &[("url", "hook-url"), ("events", "hook-event-0")];

/// The words for an event type, its wire name included.
pub fn event_name(event: WebhookEventType) -> Msg {
    match event {
        WebhookEventType::ProjectPublished => Msg::EvProjectPublished,
        WebhookEventType::ApplicationCreated => Msg::EvApplicationCreated,
        WebhookEventType::ApplicationStatusChanged => Msg::EvApplicationStatusChanged,
        WebhookEventType::ContractAccepted => Msg::EvContractAccepted,
        WebhookEventType::EngagementReportSubmitted => Msg::EvReportSubmitted,
        WebhookEventType::EngagementEnded => Msg::EvEngagementEnded,
        WebhookEventType::CaseStudyPublished => Msg::EvCaseStudyPublished,
    }
}

#[function_component(Webhooks)]
pub fn webhooks() -> Html {
    let lang = use_lang();
    let session = use_session();
    let is_admin = session.session().map(|s| s.user.role) == Some(Role::Admin);
    let (list, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move { c.webhooks().await })
                .await
                .map(|p| p.items)
        })
    };
    // Local changes (added, deleted) over the loaded list, so the page need not reload it.
    let shown = use_state(|| None::<Vec<Webhook>>);
    let items: Remote<Vec<Webhook>> = match (&*shown, &list) {
        (Some(local), _) => Remote::Ready(local.clone()),
        (None, remote) => remote.clone(),
    };
    let created = use_state(|| None::<WebhookCreated>);
    let names = use_partner_names(is_admin);

    let on_created = {
        let (created, shown, items) = (created.clone(), shown.clone(), items.clone());
        Callback::from(move |new: WebhookCreated| {
            if let Remote::Ready(current) = &items {
                // Oldest first, as the API lists them.
                let mut next = current.clone();
                next.push(new.webhook.clone());
                shown.set(Some(next));
            }
            created.set(Some(new));
        })
    };
    let on_deleted = {
        let (shown, items) = (shown.clone(), items.clone());
        Callback::from(move |id: i64| {
            if let Remote::Ready(current) = &items {
                shown.set(Some(
                    current.iter().filter(|w| w.id != id).cloned().collect(),
                ));
            }
        })
    };
    let on_done = {
        let created = created.clone();
        Callback::from(move |()| {
            created.set(None);
            focus_element("hook-url");
        })
    };

    let body = match &items {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry.clone()} /> }
        }
        Remote::Ready(list) if list.is_empty() => html! {
            <div class="empty"><p>{ Msg::InHooksEmpty.t(lang) }</p></div>
        },
        Remote::Ready(list) => html! {
            <ul class="card-list">
                { for list.iter().map(|w| html! {
                    <li class="card" key={w.id}>
                        <HookCard hook={w.clone()}
                            owner={is_admin.then(|| owner_label(lang, &names, w.partner_id))}
                            on_deleted={on_deleted.clone()} />
                    </li>
                }) }
            </ul>
        },
    };

    html! {
        <section class="block" aria-labelledby="hooks-title">
            <h2 id="hooks-title">{ Msg::InHooksTitle.t(lang) }</h2>
            <p>{ Msg::InHooksLead.t(lang) }</p>
            if let Some(new) = (*created).clone() {
                <SecretOnce id={SECRET_PANEL} title={Msg::InHookCreatedTitle} warning={Msg::InSecretOnce}
                    secret={new.secret.clone()} on_done={on_done} />
            }
            <HookForm {on_created} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HookFormProps {
    on_created: Callback<WebhookCreated>,
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    url: String,
    events: Vec<WebhookEventType>,
}

impl Draft {
    fn input(&self) -> Result<WebhookInput, FormErrors> {
        let input = WebhookInput {
            url: self.url.trim().to_owned(),
            events: WebhookEventType::ALL
                .iter()
                .copied()
                .filter(|e| self.events.contains(e))
                .collect(),
        };
        input
            .validate()
            .map(|()| input)
            .map_err(FormErrors::from_validation)
    }
}

#[function_component(HookForm)]
fn hook_form(props: &HookFormProps) -> Html {
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
            let (draft, on_created) = (draft.clone(), on_created.clone());
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let input = input.clone();
                    async move { c.create_webhook(&input).await }
                },
                move |created| {
                    draft.set(Draft::default());
                    on_created.emit(created);
                },
            );
        })
    };
    let on_url = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            draft.set(Draft {
                url: v,
                ..(*draft).clone()
            });
            clear_error(&errors, "url");
        })
    };
    let events_error = errors.get("events");

    html! {
        <form class="panel" {onsubmit} novalidate=true aria-labelledby="hook-form-title">
            <h3 id="hook-form-title">{ Msg::InHookCreateTitle.t(lang) }</h3>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <TextField id="hook-url" label={Msg::FieldHookUrl} hint={Msg::HintHookUrl}
                input_type="url" autocomplete={Some(AttrValue::Static("off"))}
                value={draft.url.clone()} on_input={on_url} error={errors.get("url")} />
            <fieldset class={classes!("group", events_error.is_some().then_some("invalid"))}
                aria-describedby="hook-events-hint hook-events-error">
                <legend>
                    { Msg::FieldHookEvents.t(lang) }
                    <span class="required">{ Msg::Required.t(lang) }</span>
                </legend>
                <p class="hint" id="hook-events-hint">{ Msg::HintHookEvents.t(lang) }</p>
                <div class="checks one">
                    { for WebhookEventType::ALL.iter().enumerate().map(|(i, event)| {
                        let id = format!("hook-event-{i}");
                        let checked = draft.events.contains(event);
                        let onchange = {
                            let (draft, errors, event) = (draft.clone(), errors.clone(), *event);
                            Callback::from(move |_: Event| {
                                let mut next = (*draft).clone();
                                if next.events.contains(&event) {
                                    next.events.retain(|e| *e != event);
                                } else {
                                    next.events.push(event);
                                }
                                draft.set(next);
                                clear_error(&errors, "events");
                            })
                        };
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="checkbox" {id} {checked} {onchange} />
                                <span>{ event_name(*event).t(lang) }</span>
                            </label>
                        }
                    }) }
                </div>
                <p class="field-error" id="hook-events-error">{ events_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { Msg::InHookCreating.t(lang) } else { Msg::InHookCreate.t(lang) } }
                </button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct HookCardProps {
    hook: Webhook,
    /// Whose subscription it is, for admins (who see every organisation's).
    owner: Option<String>,
    on_deleted: Callback<i64>,
}

/// One subscription: its URL and events, deleting behind a question, and its delivery log.
#[function_component(HookCard)]
fn hook_card(props: &HookCardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let confirming = use_state(|| false);
    let log_open = use_state(|| false);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let w = &props.hook;
    let confirm_id = format!("delete-hook-{}", w.id);

    let ask = {
        let (confirming, id) = (confirming.clone(), confirm_id.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(true);
            let id = id.clone();
            gloo::timers::callback::Timeout::new(0, move || focus_element(&id)).forget();
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let delete = {
        let (session, errors, problem, busy) = (
            session.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
        );
        let (id, on_deleted) = (w.id, props.on_deleted.clone());
        Callback::from(move |_: MouseEvent| {
            let on_deleted = on_deleted.clone();
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| async move { c.delete_webhook(id).await },
                move |()| on_deleted.emit(id),
            );
        })
    };
    let toggle_log = {
        let log_open = log_open.clone();
        Callback::from(move |_: MouseEvent| log_open.set(!*log_open))
    };
    let events: Vec<String> = w
        .events
        .iter()
        .map(|e| event_name(*e).t(lang).to_owned())
        .collect();
    let log_id = format!("hook-log-{}", w.id);

    html! {
        <>
            <div class="card-head">
                <h3 class="card-title wrap-anywhere" translate="no">{ w.url.clone() }</h3>
            </div>
            <dl class="details">
                <div class="detail-row">
                    <dt>{ Msg::InHookEvents.t(lang) }</dt>
                    <dd>{ join_list(lang, &events) }</dd>
                </div>
                if let Some(owner) = props.owner.clone() {
                    <div class="detail-row">
                        <dt>{ Msg::InHookOwner.t(lang) }</dt>
                        <dd>{ owner }</dd>
                    </div>
                }
                <div class="detail-row">
                    <dt>{ Msg::InKeyCreatedAt.t(lang) }</dt>
                    <dd>{ date_time(lang, &w.created_at) }</dd>
                </div>
            </dl>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} />
            }
            if *confirming {
                <div id={confirm_id} class="alert info" role="alertdialog" tabindex="-1"
                    aria-label={Msg::InHookDelete.t(lang)}>
                    <p>{ Msg::InHookDeleteConfirm.t(lang) }</p>
                    <div class="form-actions">
                        <button type="button" class="button danger" disabled={*busy} onclick={delete}>
                            { if *busy { Msg::InHookDeleting.t(lang) } else { Msg::InHookDeleteYes.t(lang) } }
                        </button>
                        <button type="button" class="button secondary" onclick={cancel}>{ Msg::InCancel.t(lang) }</button>
                    </div>
                </div>
            }
            <div class="form-actions">
                <button type="button" class="button secondary" onclick={toggle_log}
                    aria-expanded={log_open.to_string()} aria-controls={log_id.clone()}>
                    { if *log_open { Msg::InDeliveriesHide.t(lang) } else { Msg::InDeliveries.t(lang) } }
                </button>
                if !*confirming {
                    <button type="button" class="button secondary" onclick={ask}>{ Msg::InHookDelete.t(lang) }</button>
                }
            </div>
            if *log_open {
                <div id={log_id}>
                    <DeliveryLog webhook_id={w.id} />
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DeliveryLogProps {
    webhook_id: i64,
}

/// A subscription's deliveries, newest first, a page at a time.
#[function_component(DeliveryLog)]
fn delivery_log(props: &DeliveryLogProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<WebhookDelivery, i64> = {
        let session = session.clone();
        Rc::new(move |id, cursor| {
            let session = session.clone();
            Box::pin(async move {
                session
                    .call(|c: ApiClient| {
                        let cursor = cursor.clone();
                        async move {
                            c.webhook_deliveries(id, DELIVERIES_PAGE, cursor.as_deref())
                                .await
                        }
                    })
                    .await
                    .map(|page| (page.items, page.next_cursor))
            })
        })
    };
    let paged = use_paged(props.webhook_id, loader);
    let queued = use_state(|| false);
    // A redelivery is a new delivery: it goes to the top of the log.
    let on_redelivered = {
        let (list, update, queued) = (paged.list.clone(), paged.update.clone(), queued.clone());
        Callback::from(move |new: WebhookDelivery| {
            if let Remote::Ready(items) = &list {
                let mut next = vec![new];
                next.extend(items.iter().cloned());
                update.emit(next);
            }
            queued.set(true);
        })
    };

    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::InDeliveriesEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="delivery-list">
                    { for items.iter().map(|d| html! {
                        <li key={d.id}>
                            <DeliveryRow delivery={d.clone()} on_redelivered={on_redelivered.clone()} />
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
        <section aria-label={Msg::InDeliveriesTitle.t(lang)}>
            <h4>{ Msg::InDeliveriesTitle.t(lang) }</h4>
            <p aria-live="polite">{ if *queued { Msg::InRedelivered.t(lang) } else { "" } }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DeliveryRowProps {
    delivery: WebhookDelivery,
    on_redelivered: Callback<WebhookDelivery>,
}

#[function_component(DeliveryRow)]
fn delivery_row(props: &DeliveryRowProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let d = &props.delivery;
    let (state, badge) = match d.state {
        DeliveryState::Pending => (Msg::InDeliveryPending, "badge-wait"),
        DeliveryState::Delivered => (Msg::InDeliveryDelivered, "badge-good"),
        DeliveryState::GivenUp => (Msg::InDeliveryGivenUp, "badge-alert"),
    };
    let redeliver = {
        let (session, errors, problem, busy) = (
            session.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
        );
        let (id, on_redelivered) = (d.id, props.on_redelivered.clone());
        Callback::from(move |_: MouseEvent| {
            let on_redelivered = on_redelivered.clone();
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| async move { c.redeliver_webhook(id).await },
                move |new| on_redelivered.emit(new),
            );
        })
    };
    let response = response_text(lang, d);
    html! {
        <>
            <div class="card-head">
                <span><code translate="no">{ d.event_type.as_str() }</code>{ " " }{ date_time(lang, &d.created_at) }</span>
                <span class={classes!("badge", badge)}>{ state.t(lang) }</span>
            </div>
            <p>
                { format!("{}: {}", Msg::InDeliveryResponse.t(lang), response) }
                { " · " }
                { Msg::InDeliveryAttempts.t(lang).replace("{n}", &d.attempts.to_string()) }
                if let (DeliveryState::Pending, Some(at)) = (d.state, d.next_attempt_at) {
                    { " · " }{ format!("{}: {}", Msg::InDeliveryNext.t(lang), date_time(lang, &at)) }
                }
            </p>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} />
            }
            <button type="button" class="button secondary" disabled={*busy} onclick={redeliver}>
                { if *busy { Msg::InRedelivering.t(lang) } else { Msg::InRedeliver.t(lang) } }
            </button>
        </>
    }
}

/// The receiver's last status code (`HTTP 500`), or the error when none came.
fn response_text(lang: Lang, d: &WebhookDelivery) -> String {
    match (d.last_status, d.last_error.as_deref()) {
        (Some(status), _) => format!("HTTP {status}"),
        (None, Some(error)) => format!("{} ({error})", Msg::InDeliveryNoAnswer.t(lang)),
        (None, None) if d.attempts == 0 => "—".to_owned(),
        (None, None) => Msg::InDeliveryNoAnswer.t(lang).to_owned(),
    }
}
