//! `/applications/:id/messages`: the conversation of one application, for its talent, the
//! company and the hub's coordinator. Oldest first with the sender and the time on each; the
//! newest is in view after sending; what was typed stays if sending fails. Reading marks the
//! conversation read (the API does so on every load).

use kakehashi_shared::application::{Application, Message, MessageInput};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{back_link, parties};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::forms::FormErrors;
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::date_time;
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::TextArea;
use crate::session::use_session;

/// Messages shown at first and added by "show earlier": a long conversation stays quick to
/// open on a phone, with the newest at hand.
const SHOWN: usize = 30;
const BODY_ID: &str = "mg-body";

#[derive(Properties, PartialEq)]
pub struct ConversationProps {
    /// The application's id.
    pub id: i64,
}

#[function_component(ConversationPage)]
pub fn conversation_page(props: &ConversationProps) -> Html {
    use_title(Msg::MgTitle);
    html! {
        <RequireSession>
            <ConversationLoader id={props.id} />
        </RequireSession>
    }
}

#[function_component(ConversationLoader)]
fn conversation_loader(props: &ConversationProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (application, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move { c.application(id).await })
            .await
    });
    match application {
        Remote::Loading => html! { <section class="page narrow"><Loading /></section> },
        Remote::Failed(error) => html! {
            <section class="page narrow">
                <h1>{ Msg::MgTitle.t(lang) }</h1>
                <ErrorAlert {error} on_retry={retry} />
            </section>
        },
        Remote::Ready(application) => html! { <Conversation {application} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ConversationViewProps {
    application: Application,
}

#[function_component(Conversation)]
fn conversation(props: &ConversationViewProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let me = session.session().map(|s| s.user.id);
    let a = &props.application;
    let id = a.id;
    let list = use_state(|| Remote::<Vec<Message>>::Loading);
    let attempt = use_state(|| 0u32);
    let shown = use_state(|| SHOWN);
    let text = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let sent = use_state(|| false);
    // The message to bring into view after the next render (the one just sent).
    let scroll_to = use_state(|| None::<i64>);
    {
        let (list, session) = (list.clone(), session.clone());
        use_effect_with(*attempt, move |_| {
            list.set(Remote::Loading);
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| async move { c.messages(id).await })
                    .await;
                list.set(match result {
                    Ok(page) => Remote::Ready(page.items),
                    Err(error) => Remote::Failed(error),
                });
            });
        });
    }
    use_effect_with(*scroll_to, |target| {
        if let Some(message) = target {
            if let Some(element) =
                gloo::utils::document().get_element_by_id(&format!("msg-{message}"))
            {
                element.scroll_into_view();
            }
        }
    });
    let reload = {
        let (attempt, sent) = (attempt.clone(), sent.clone());
        Callback::from(move |()| {
            sent.set(false);
            attempt.set(*attempt + 1);
        })
    };

    let onsubmit = {
        let (text, errors, problem, busy, sent, list, scroll_to, session) = (
            text.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            sent.clone(),
            list.clone(),
            scroll_to.clone(),
            session.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = MessageInput {
                body: text.trim().to_owned(),
            };
            if let Err(invalid) = body.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&[("body", BODY_ID)]);
                errors.set(invalid);
                return;
            }
            errors.set(FormErrors::default());
            problem.set(None);
            sent.set(false);
            busy.set(true);
            let (text, errors, problem, busy, sent, list, scroll_to, session) = (
                text.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
                sent.clone(),
                list.clone(),
                scroll_to.clone(),
                session.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let body = body.body.clone();
                        async move { c.send_message(id, &body).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(message) => {
                        // Only now is the text cleared: a failure leaves it to send again.
                        text.set(String::new());
                        sent.set(true);
                        scroll_to.set(Some(message.id));
                        if let Remote::Ready(items) = &*list {
                            let mut next = items.clone();
                            next.push(message);
                            list.set(Remote::Ready(next));
                        }
                    }
                    Err(error) => {
                        errors.set(FormErrors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
            });
        })
    };
    let on_input = {
        let (text, errors) = (text.clone(), errors.clone());
        Callback::from(move |v: String| {
            text.set(v);
            crate::forms::clear_error(&errors, "body");
        })
    };

    let body = match &*list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={reload.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => {
            html! { <p class="empty">{ Msg::MgEmpty.t(lang) }</p> }
        }
        Remote::Ready(items) => {
            let hidden = items.len().saturating_sub(*shown);
            let more = {
                let shown = shown.clone();
                Callback::from(move |_: MouseEvent| shown.set(*shown + SHOWN))
            };
            html! {
                <>
                    if hidden > 0 {
                        <div class="more">
                            <button type="button" class="button secondary" onclick={more}>
                                { format!("{}（{}）", Msg::MgOlder.t(lang), hidden) }
                            </button>
                        </div>
                    }
                    <ol class="conversation" aria-label={Msg::MgList.t(lang)}>
                        { for items.iter().skip(hidden).map(|m| message_item(lang, me, m)) }
                    </ol>
                </>
            }
        }
    };
    let refresh = {
        let reload = reload.clone();
        Callback::from(move |_: MouseEvent| reload.emit(()))
    };

    html! {
        <article class="page narrow messages-page">
            <p class="breadcrumb">{ back_link(lang, session.session().map(|s| s.user.role), a) }</p>
            <h1>{ Msg::MgTitle.t(lang) }</h1>
            <p class="listing-meta">{ parties(a) }</p>
            <p class="lead">{ Msg::MgLead.t(lang) }</p>
            <section class="block" aria-labelledby="mg-list-heading">
                <h2 id="mg-list-heading" class="visually-hidden">{ Msg::MgList.t(lang) }</h2>
                { body }
                <div class="actions tight">
                    <button type="button" class="button secondary" onclick={refresh}>{ Msg::MgRefresh.t(lang) }</button>
                </div>
            </section>
            <form class="panel message-form" {onsubmit} novalidate=true>
                if let Some(error) = (*problem).clone() {
                    <ErrorAlert {error} kept_input=true />
                }
                <TextArea id={BODY_ID} label={Msg::MgFieldBody} hint={Msg::MgHintBody}
                    value={(*text).clone()} {on_input} error={errors.get("body")} rows={4} />
                <div class="actions tight">
                    <button type="submit" class="button primary" disabled={*busy}>
                        { if *busy { Msg::MgSending.t(lang) } else { Msg::MgSend.t(lang) } }
                    </button>
                </div>
                if *sent {
                    <p class="saved" role="status">{ Msg::MgSent.t(lang) }</p>
                }
            </form>
        </article>
    }
}

fn message_item(lang: Lang, me: Option<i64>, m: &Message) -> Html {
    let mine = me == Some(m.sender_id);
    let sender = if mine {
        Msg::MgYou.t(lang).to_owned()
    } else {
        m.sender_name.clone()
    };
    html! {
        <li id={format!("msg-{}", m.id)} class={classes!("msg", mine.then_some("mine"))}>
            <p class="msg-head">
                <strong class="msg-sender">{ sender }</strong>
                <span class="msg-time">{ date_time(lang, &m.created_at) }</span>
                if !m.read {
                    <span class="badge badge-active">{ Msg::MgUnread.t(lang) }</span>
                }
            </p>
            <p class="msg-body prewrap">{ m.body.clone() }</p>
        </li>
    }
}
