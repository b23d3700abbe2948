//! `/me`: the signed-in person's account, as `GET /api/v1/me` reports it.

use kakehashi_shared::auth::Me;
use kakehashi_shared::client::ApiClient;
use yew::prelude::*;

use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{
    format_date, join_list, partner_kind_name, role_name, use_lang, with_note, Lang, Msg,
};
use crate::reference::{prefecture_name, prefectures};
use crate::session::use_session;

#[function_component(MePage)]
pub fn me_page() -> Html {
    use_title(Msg::MeTitle);
    html! {
        <RequireSession>
            <AccountDetails />
        </RequireSession>
    }
}

#[function_component(AccountDetails)]
fn account_details() -> Html {
    let lang = use_lang();
    let session = use_session();
    let (me, retry) = use_remote(move || async move {
        session
            .call(|client: ApiClient| async move { client.me().await })
            .await
    });

    let body = match me {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(me) => details(lang, &me),
    };
    html! {
        <section class="page narrow">
            <h1>{ Msg::MeTitle.t(lang) }</h1>
            <p class="lead">{ Msg::MeLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn details(lang: Lang, me: &Me) -> Html {
    let row = |label: Msg, value: Html| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    let names = |codes: &[String]| html! { <PlaceNames codes={codes.to_vec()} /> };

    let company = me.company.as_ref().map(|c| {
        html! {
            <>
                { row(Msg::MeCompany, html! { c.name.clone() }) }
                { row(Msg::MeLocation, names(std::slice::from_ref(&c.prefecture_code))) }
            </>
        }
    });
    let hub = me.hub.as_ref().map(|h| {
        html! {
            <>
                { row(Msg::MeHub, html! { h.name.clone() }) }
                { row(Msg::MeCoverage, names(&h.prefecture_codes)) }
            </>
        }
    });
    let partner = me.partner.as_ref().map(|p| {
        let name = with_note(lang, &p.name, partner_kind_name(p.kind).t(lang));
        html! {
            <>
                { row(Msg::MePartner, html! { name }) }
                { row(Msg::MeCoverage, names(&p.prefecture_codes)) }
            </>
        }
    });

    html! {
        <>
            <dl class="details">
                { row(Msg::MeName, html! { me.display_name.clone() }) }
                { row(Msg::MeEmail, html! { me.email.clone() }) }
                { row(Msg::MeRole, html! { role_name(me.role).t(lang) }) }
                { for company }
                { for hub }
                { for partner }
                // Widget and referrals: the partner whose link brought the person (or company).
                { for me.referred_by.as_ref().map(|r| row(Msg::MeReferredBy, html! { r.name.clone() })) }
                { row(Msg::MeCreatedAt, html! { format_date(lang, &me.created_at) }) }
            </dl>
            // Admin screens: the admin's home.
            if me.role == kakehashi_shared::enums::Role::Admin {
                <p>
                    <yew_router::prelude::Link<crate::routes::Route> to={crate::routes::Route::Admin} classes="button primary">
                        { Msg::MeAdminLink.t(lang) }
                    </yew_router::prelude::Link<crate::routes::Route>>
                </p>
            }
            // Case studies, coordinator dashboard and company profile: each role's own home.
            if me.role == kakehashi_shared::enums::Role::Coordinator {
                <p>
                    <yew_router::prelude::Link<crate::routes::Route> to={crate::routes::Route::CoordinatorHome} classes="button primary">
                        { Msg::MeCoordinatorHome.t(lang) }
                    </yew_router::prelude::Link<crate::routes::Route>>
                </p>
            }
            if me.role == kakehashi_shared::enums::Role::CompanyMember && me.company.is_some() {
                <p>
                    <yew_router::prelude::Link<crate::routes::Route> to={crate::routes::Route::CompanyProfile}>
                        { Msg::MeCompanyProfile.t(lang) }
                    </yew_router::prelude::Link<crate::routes::Route>>
                </p>
            }
            // Engagement screens: where both sides and the hub follow the running work.
            if matches!(
                me.role,
                kakehashi_shared::enums::Role::Talent
                    | kakehashi_shared::enums::Role::CompanyMember
                    | kakehashi_shared::enums::Role::Coordinator
            ) {
                <p>
                    <yew_router::prelude::Link<crate::routes::Route> to={crate::routes::Route::Engagements}>
                        { Msg::NavEngagements.t(lang) }
                    </yew_router::prelude::Link<crate::routes::Route>>
                </p>
            }
            // Privacy (APPI): export, consents, deletion.
            <crate::pages::privacy::PrivacySection role={me.role} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PlaceNamesProps {
    codes: Vec<String>,
}

/// Prefecture names for JIS codes, with the prefecture list's own loading and error states.
/// Mounted only where an organisation has prefectures, so talent accounts fetch nothing.
#[function_component(PlaceNames)]
fn place_names(props: &PlaceNamesProps) -> Html {
    let lang = use_lang();
    let (places, retry) = use_remote(prefectures);
    match places {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(list) => {
            let named: Vec<String> = props
                .codes
                .iter()
                .filter_map(|code| prefecture_name(&list, lang, code))
                .collect();
            html! { join_list(lang, &named) }
        }
    }
}
