//! `/admin/partners`: every regional partner with what it covers, its referral code, the sites
//! allowed to show its widget, its staff and what it referred; each can be edited in place, a
//! form below registers a new one, and a link opens the staff screen to give it an account.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::partner::Partner;
use kakehashi_shared::reference::Prefecture;
use yew::prelude::*;
use yew_router::prelude::*;

use super::frame::{AdminMenu, AdminOnly};
use super::partner_form::PartnerForm;
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{partner_kind_name, use_lang, Msg};
use crate::reference::{place_names, prefectures};
use crate::routes::{PartnerQuery, Route};
use crate::session::use_session;

#[function_component(AdminPartnersPage)]
pub fn admin_partners_page() -> Html {
    use_title(Msg::ApTitle);
    html! {
        <AdminOnly>
            <Partners />
        </AdminOnly>
    }
}

#[function_component(Partners)]
fn partners() -> Html {
    let lang = use_lang();
    let session = use_session();
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move { c.admin_partners().await })
            .await
            .map(|page| page.items)
    });
    let (places, places_retry) = use_remote(prefectures);
    // Partners saved on this screen, over what was loaded, so the list shows them at once.
    let local = use_state(Vec::<Partner>::new);
    let list: Remote<Vec<Partner>> = loaded.map(|items| {
        let mut all: Vec<Partner> = items
            .iter()
            .map(|p| local.iter().find(|l| l.id == p.id).unwrap_or(p).clone())
            .collect();
        all.extend(
            local
                .iter()
                .filter(|l| !items.iter().any(|p| p.id == l.id))
                .cloned(),
        );
        all
    });
    let on_saved = {
        let local = local.clone();
        Callback::from(move |partner: Partner| {
            let mut next: Vec<Partner> = local
                .iter()
                .filter(|l| l.id != partner.id)
                .cloned()
                .collect();
            next.push(partner);
            local.set(next);
        })
    };

    let body = match &list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::ApEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <ul class="card-list">
                { for items.iter().map(|p| html! {
                    <PartnerCard key={p.id} partner={p.clone()} places={places.clone()}
                        on_places_retry={places_retry.clone()} on_saved={on_saved.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <section class="page narrow">
            <h1>{ Msg::ApTitle.t(lang) }</h1>
            <AdminMenu current={Route::AdminPartners} />
            <p class="lead">{ Msg::ApLead.t(lang) }</p>
            <h2>{ Msg::ApListTitle.t(lang) }</h2>
            { body }
            <PartnerForm prefectures={places.clone()} on_prefectures_retry={places_retry.clone()}
                on_saved={on_saved.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PartnerCardProps {
    partner: Partner,
    places: Remote<Rc<Vec<Prefecture>>>,
    on_places_retry: Callback<()>,
    on_saved: Callback<Partner>,
}

#[function_component(PartnerCard)]
fn partner_card(props: &PartnerCardProps) -> Html {
    let lang = use_lang();
    let editing = use_state(|| false);
    let updated = use_state(|| false);
    let p = &props.partner;
    let edit_id = format!("partner-{}-edit", p.id);
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
            Callback::from(move |partner: Partner| {
                editing.set(false);
                updated.set(true);
                on_saved.emit(partner);
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
            <PartnerForm partner={Some(p.clone())} prefectures={props.places.clone()}
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
                    { Msg::ApEdit.t(lang) }
                    <span class="visually-hidden">{ format!(" {}", p.name) }</span>
                </button>
                <Link<Route, PartnerQuery> to={Route::PartnerHome}
                    query={Some(PartnerQuery { partner: Some(p.id) })} classes="button secondary">
                    { Msg::ApOpenHome.t(lang) }
                    <span class="visually-hidden">{ format!(" {}", p.name) }</span>
                </Link<Route, PartnerQuery>>
                <Link<Route, PartnerQuery> to={Route::AdminStaff}
                    query={Some(PartnerQuery { partner: Some(p.id) })} classes="button secondary">
                    { Msg::ApAddStaff.t(lang) }
                    <span class="visually-hidden">{ format!(" {}", p.name) }</span>
                </Link<Route, PartnerQuery>>
            </div>
        }
    };
    let origins = if p.origins.is_empty() {
        Msg::ApNoOrigins.t(lang).to_owned()
    } else {
        p.origins.join(", ")
    };
    let referred = Msg::PtReferredCount
        .t(lang)
        .replace("{companies}", &p.referred_companies.to_string())
        .replace("{talents}", &p.referred_talents.to_string());
    html! {
        <li class="card">
            <h3 class="card-title">{ p.name.clone() }</h3>
            if *updated {
                <p class="saved" role="status">{ Msg::ApUpdated.t(lang).replace("{name}", &p.name) }</p>
            }
            <dl class="details">
                { row(Msg::PtKind, partner_kind_name(p.kind).t(lang).to_owned()) }
                { row(Msg::PtPrefectures, place_names(lang, &props.places, &p.prefecture_codes)) }
                { row(Msg::PtReferralCode, p.referral_code.clone()) }
                { row(Msg::ApOrigins, origins) }
                { row(Msg::ApStaff, Msg::ApStaffCount.t(lang).replace("{n}", &p.staff_count.to_string())) }
                { row(Msg::PtReferred, referred) }
            </dl>
            { form }
        </li>
    }
}
