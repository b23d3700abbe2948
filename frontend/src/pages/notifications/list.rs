//! `/notifications`: the signed-in person's notifications, newest first, a page at a time.
//! Opening one marks it read, then goes to the record it is about.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::notification::Notification;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::kinds;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_title, Remote};
use crate::i18n::format::date_time;
use crate::i18n::{use_lang, Lang, Msg};
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::session::{now_ms, use_session};

const PAGE_SIZE: u32 = 20;

#[function_component(NotificationsPage)]
pub fn notifications_page() -> Html {
    use_title(Msg::NtTitle);
    html! {
        <RequireSession>
            <NotificationList />
        </RequireSession>
    }
}

#[function_component(NotificationList)]
fn notification_list() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    // The notification being opened (its read mark is on its way).
    let opening = use_state(|| None::<i64>);
    let loader: PageLoader<Notification, ()> = {
        let session = session.clone();
        Rc::new(move |(), cursor| {
            let session = session.clone();
            Box::pin(async move {
                session
                    .call(|client: ApiClient| {
                        let cursor = cursor.clone();
                        async move { client.notifications(PAGE_SIZE, cursor.as_deref()).await }
                    })
                    .await
                    .map(|page| (page.items, page.next_cursor))
            })
        })
    };
    let paged = use_paged((), loader);

    // Marks the notification read (if it is not yet), then opens its page. A failed read mark
    // does not keep the person from the record: it stays unread and can be opened again.
    let on_open = {
        let (session, opening, update) = (session.clone(), opening.clone(), paged.update.clone());
        let items = match &paged.list {
            Remote::Ready(items) => items.clone(),
            _ => Vec::new(),
        };
        Callback::from(move |n: Notification| {
            let to = kinds::target(&n);
            if n.read_at.is_some() {
                if let Some(navigator) = &navigator {
                    navigator.push(&to);
                }
                return;
            }
            let (session, opening, update, navigator) = (
                session.clone(),
                opening.clone(),
                update.clone(),
                navigator.clone(),
            );
            let mut items = items.clone();
            opening.set(Some(n.id));
            spawn_local(async move {
                let id = n.id;
                let marked = session
                    .call(|client: ApiClient| async move { client.read_notification(id).await })
                    .await;
                if marked.is_ok() {
                    let now = chrono::DateTime::from_timestamp_millis(now_ms() as i64);
                    for item in items.iter_mut().filter(|i| i.id == id) {
                        item.read_at = now;
                    }
                    update.emit(items);
                }
                opening.set(None);
                if let Some(navigator) = navigator {
                    navigator.push(&to);
                }
            });
        })
    };

    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty-state">
                <p>{ Msg::NtEmpty.t(lang) }</p>
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="listing-list note-list" aria-label={Msg::NtList.t(lang)}>
                    { for items.iter().map(|n| item(lang, n, *opening == Some(n.id), &on_open)) }
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
        <section class="page narrow">
            <h1>{ Msg::NtTitle.t(lang) }</h1>
            <p class="lead">{ Msg::NtLead.t(lang) }</p>
            { body }
        </section>
    }
}

/// One notification: read state in words (not colour alone), time, headline as the link,
/// and the record's own words below.
fn item(lang: Lang, n: &Notification, opening: bool, on_open: &Callback<Notification>) -> Html {
    let unread = n.read_at.is_none();
    let href = kinds::target(n).to_path();
    let onclick = {
        let (on_open, n) = (on_open.clone(), n.clone());
        Callback::from(move |e: MouseEvent| {
            // A new tab or window (modifier keys, middle button) opens the address itself.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            on_open.emit(n.clone());
        })
    };
    let (badge_class, badge) = if unread {
        ("badge badge-active", Msg::NtUnread)
    } else {
        ("badge badge-neutral", Msg::NtRead)
    };
    html! {
        <li>
            <article class={classes!("listing", "note", unread.then_some("note-unread"))}>
                <p class="listing-meta">
                    <span class={badge_class}>{ badge.t(lang) }</span>
                    { " " }
                    <time datetime={n.created_at.to_rfc3339()}>{ date_time(lang, &n.created_at) }</time>
                </p>
                <h2 class="listing-title note-title">
                    <a {href} {onclick} aria-busy={opening.then_some("true")}>{ kinds::title(lang, n) }</a>
                </h2>
                if let Some(detail) = kinds::detail(lang, n) {
                    <p class="note-detail pre">{ detail }</p>
                }
                if opening {
                    <p class="muted" role="status">{ Msg::NtOpening.t(lang) }</p>
                }
            </article>
        </li>
    }
}
