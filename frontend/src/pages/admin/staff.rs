//! `/admin/staff`: staff accounts, newest first, a page at a time, and the form that opens
//! one. The generated password is shown once, right after, with how to pass it on.

use std::rc::Rc;

use kakehashi_shared::admin::StaffCreated;
use kakehashi_shared::auth::Me;
use kakehashi_shared::client::ApiClient;
use yew::prelude::*;

use super::frame::{AdminMenu, AdminOnly};
use super::staff_form::StaffForm;
use crate::components::{ErrorAlert, Loading};
use crate::forms::focus_element;
use crate::hooks::{use_title, Remote};
use crate::i18n::{format_date, role_name, use_lang, Lang, Msg};
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::routes::Route;
use crate::session::use_session;

const PAGE: u32 = 20;
const PASSWORD_PANEL: &str = "staff-created";

#[function_component(AdminStaffPage)]
pub fn admin_staff_page() -> Html {
    use_title(Msg::SfTitle);
    html! {
        <AdminOnly>
            <Staff />
        </AdminOnly>
    }
}

#[function_component(Staff)]
fn staff() -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<Me, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|c: ApiClient| {
                    let cursor = cursor.clone();
                    async move { c.admin_staff(PAGE, cursor.as_deref()).await }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged((), loader);
    let created = use_state(|| None::<StaffCreated>);

    // The new account goes to the top of the list (newest first) and its password on screen.
    let on_created = {
        let (created, list, update) = (created.clone(), paged.list.clone(), paged.update.clone());
        Callback::from(move |new: StaffCreated| {
            if let Remote::Ready(items) = &list {
                let mut next = vec![new.account.clone()];
                next.extend(items.iter().cloned());
                update.emit(next);
            }
            created.set(Some(new));
        })
    };
    use_effect_with(created.is_some(), |shown| {
        if *shown {
            focus_element(PASSWORD_PANEL);
        }
    });
    let on_done = {
        let created = created.clone();
        Callback::from(move |_: MouseEvent| {
            created.set(None);
            focus_element("staff-role");
        })
    };

    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::SfEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="card-list">
                    { for items.iter().map(|m| html! { <li class="card" key={m.id}>{ account(lang, m) }</li> }) }
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
            <h1>{ Msg::SfTitle.t(lang) }</h1>
            <AdminMenu current={Route::AdminStaff} />
            <p class="lead">{ Msg::SfLead.t(lang) }</p>
            if let Some(new) = (*created).clone() {
                <div id={PASSWORD_PANEL} class="alert success password-once" role="status" tabindex="-1">
                    <h2>{ Msg::SfCreatedTitle.t(lang) }</h2>
                    <p>
                        { Msg::SfCreatedFor.t(lang)
                            .replace("{name}", &new.account.display_name)
                            .replace("{email}", &new.account.email) }
                    </p>
                    <p class="password-value"><code translate="no">{ new.password.clone() }</code></p>
                    <p><strong>{ Msg::SfPasswordOnce.t(lang) }</strong></p>
                    <p>{ Msg::SfPasswordAdvice.t(lang) }</p>
                    <button type="button" class="button secondary" onclick={on_done}>{ Msg::SfPasswordDone.t(lang) }</button>
                </div>
            }
            <StaffForm {on_created} />
            <h2>{ Msg::SfListTitle.t(lang) }</h2>
            { body }
        </section>
    }
}

fn account(lang: Lang, m: &Me) -> Html {
    let organisation = match (&m.hub, &m.partner) {
        (Some(hub), _) => Some((Msg::MeHub, hub.name.clone())),
        (None, Some(partner)) => Some((Msg::MePartner, partner.name.clone())),
        _ => None,
    };
    html! {
        <>
            <div class="card-head">
                <h3 class="card-title">{ m.display_name.clone() }</h3>
                <span class="badge badge-neutral">{ role_name(m.role).t(lang) }</span>
            </div>
            <dl class="details">
                <div class="detail-row">
                    <dt>{ Msg::MeEmail.t(lang) }</dt>
                    <dd class="wrap-anywhere">{ m.email.clone() }</dd>
                </div>
                if let Some((label, name)) = organisation {
                    <div class="detail-row">
                        <dt>{ label.t(lang) }</dt>
                        <dd>{ name }</dd>
                    </div>
                }
                <div class="detail-row">
                    <dt>{ Msg::MeCreatedAt.t(lang) }</dt>
                    <dd>{ format_date(lang, &m.created_at) }</dd>
                </div>
            </dl>
        </>
    }
}
