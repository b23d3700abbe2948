//! `/admin/outbox`: the email the service has queued, newest first, readable in full. Without
//! a mail server this is the only place email can be read, so each message shows whole.

use std::rc::Rc;

use kakehashi_shared::admin::OutboxEmail;
use kakehashi_shared::client::ApiClient;
use yew::prelude::*;

use super::frame::{AdminMenu, AdminOnly};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_title, Remote};
use crate::i18n::{format::date_time, use_lang, Lang, Msg};
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::routes::Route;
use crate::session::use_session;

const PAGE: u32 = 20;

#[function_component(AdminOutboxPage)]
pub fn admin_outbox_page() -> Html {
    use_title(Msg::ObTitle);
    html! {
        <AdminOnly>
            <Outbox />
        </AdminOnly>
    }
}

#[function_component(Outbox)]
fn outbox() -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<OutboxEmail, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|c: ApiClient| {
                    let cursor = cursor.clone();
                    async move { c.admin_outbox(PAGE, cursor.as_deref()).await }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged((), loader);
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::ObEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="card-list">
                    { for items.iter().map(|m| html! { <li class="card email" key={m.id}>{ email(lang, m) }</li> }) }
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
            <h1>{ Msg::ObTitle.t(lang) }</h1>
            <AdminMenu current={Route::AdminOutbox} />
            <p class="lead">{ Msg::ObLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn email(lang: Lang, m: &OutboxEmail) -> Html {
    let (badge, state) = match (&m.sent_at, &m.last_error) {
        (Some(_), _) => ("badge-good", Msg::ObSent),
        (None, Some(_)) => ("badge-alert", Msg::ObFailed),
        (None, None) => ("badge-wait", Msg::ObWaiting),
    };
    let row = |label: Msg, value: String| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd class="wrap-anywhere">{ value }</dd>
            </div>
        }
    };
    html! {
        <>
            <div class="card-head">
                <h2 class="card-title">{ m.subject.clone() }</h2>
                <span class={classes!("badge", badge)}>{ state.t(lang) }</span>
            </div>
            <dl class="details">
                { row(Msg::ObTo, m.to.clone()) }
                { row(Msg::ObCreated, date_time(lang, &m.created_at)) }
                if let Some(sent) = &m.sent_at {
                    { row(Msg::ObSentAt, date_time(lang, sent)) }
                }
                if let Some(error) = &m.last_error {
                    { row(Msg::ObError, format!("{error} ({})", Msg::ObAttempts.t(lang).replace("{n}", &m.attempts.to_string()))) }
                }
            </dl>
            <div class="email-body prewrap">{ m.body.clone() }</div>
        </>
    }
}
