//! `/admin/hubs`: every hub with what it covers, its answer deadline and its coordinators;
//! each can be edited in place, and a form below creates a new one.

use std::rc::Rc;

use kakehashi_shared::admin::AdminHub;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::reference::Prefecture;
use yew::prelude::*;

use super::frame::{AdminMenu, AdminOnly};
use super::hub_form::HubForm;
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{format, use_lang, Msg};
use crate::reference::{place_names, prefectures};
use crate::routes::Route;
use crate::session::use_session;

#[function_component(AdminHubsPage)]
pub fn admin_hubs_page() -> Html {
    use_title(Msg::HbTitle);
    html! {
        <AdminOnly>
            <Hubs />
        </AdminOnly>
    }
}

#[function_component(Hubs)]
fn hubs() -> Html {
    let lang = use_lang();
    let session = use_session();
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move { c.admin_hubs().await })
            .await
            .map(|page| page.items)
    });
    let (places, places_retry) = use_remote(prefectures);
    // Hubs saved on this screen, over what was loaded, so the list shows them at once.
    let local = use_state(Vec::<AdminHub>::new);
    let list: Remote<Vec<AdminHub>> = loaded.map(|items| {
        let mut all: Vec<AdminHub> = items
            .iter()
            .map(|h| local.iter().find(|l| l.id == h.id).unwrap_or(h).clone())
            .collect();
        all.extend(
            local
                .iter()
                .filter(|l| !items.iter().any(|h| h.id == l.id))
                .cloned(),
        );
        all
    });
    let on_saved = {
        let local = local.clone();
        Callback::from(move |hub: AdminHub| {
            let mut next: Vec<AdminHub> =
                local.iter().filter(|l| l.id != hub.id).cloned().collect();
            next.push(hub);
            local.set(next);
        })
    };

    let body = match &list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::HbEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <ul class="card-list">
                { for items.iter().map(|h| html! {
                    <HubCard key={h.id} hub={h.clone()} places={places.clone()}
                        on_places_retry={places_retry.clone()} on_saved={on_saved.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <section class="page narrow">
            <h1>{ Msg::HbTitle.t(lang) }</h1>
            <AdminMenu current={Route::AdminHubs} />
            <p class="lead">{ Msg::HbLead.t(lang) }</p>
            <h2>{ Msg::HbListTitle.t(lang) }</h2>
            { body }
            <HubForm prefectures={places.clone()} on_prefectures_retry={places_retry.clone()}
                on_saved={on_saved.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HubCardProps {
    hub: AdminHub,
    places: Remote<Rc<Vec<Prefecture>>>,
    on_places_retry: Callback<()>,
    on_saved: Callback<AdminHub>,
}

#[function_component(HubCard)]
fn hub_card(props: &HubCardProps) -> Html {
    let lang = use_lang();
    let editing = use_state(|| false);
    let updated = use_state(|| false);
    let h = &props.hub;
    let edit_id = format!("hub-{}-edit", h.id);
    let row = |label: Msg, value: String| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    let form = if *editing {
        let on_saved = {
            let (on_saved, editing, updated) =
                (props.on_saved.clone(), editing.clone(), updated.clone());
            Callback::from(move |hub: AdminHub| {
                editing.set(false);
                updated.set(true);
                on_saved.emit(hub);
            })
        };
        let on_cancel = {
            let (editing, edit_id) = (editing.clone(), edit_id.clone());
            Callback::from(move |()| {
                editing.set(false);
                crate::forms::focus_element(&edit_id);
            })
        };
        html! {
            <HubForm hub={Some(h.clone())} prefectures={props.places.clone()}
                on_prefectures_retry={props.on_places_retry.clone()} {on_saved} on_cancel={Some(on_cancel)} />
        }
    } else {
        let onclick = {
            let (editing, updated) = (editing.clone(), updated.clone());
            Callback::from(move |_: MouseEvent| {
                updated.set(false);
                editing.set(true);
            })
        };
        html! {
            <div class="card-actions">
                <button type="button" id={edit_id.clone()} class="button secondary" {onclick}>
                    { Msg::HbEdit.t(lang) }
                    <span class="visually-hidden">{ format!(" {}", h.name) }</span>
                </button>
            </div>
        }
    };
    html! {
        <li class="card">
            <h3 class="card-title">{ h.name.clone() }</h3>
            if *updated {
                <p class="saved" role="status">{ Msg::HbUpdated.t(lang).replace("{name}", &h.name) }</p>
            }
            <dl class="details">
                { row(Msg::HbCoverage, place_names(lang, &props.places, &h.prefecture_codes)) }
                { row(Msg::HbDeadline, format::days(lang, h.response_deadline_days)) }
                { row(Msg::HbCoordinators, Msg::HbCoordinatorCount.t(lang).replace("{n}", &h.coordinator_count.to_string())) }
            </dl>
            { form }
        </li>
    }
}
