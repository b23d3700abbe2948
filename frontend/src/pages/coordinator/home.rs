//! `/coordinator`: the coordinator's home. The hub's queues one tap away, and the hub's
//! companies, each with its last visit (and the next one planned), so the coordinator sees
//! whom to call on next; a company without an account yet is registered from here.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::company::Company;
use kakehashi_shared::enums::Role;
use kakehashi_shared::Page;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, with_note, Msg};
use crate::pages::company::common::{
    format_day, labelled, use_paged, MoreButton, PageLoader, RoleGate,
};
use crate::pages::public::{load_refs, Refs};
use crate::routes::Route;
use crate::session::use_session;

/// Companies per page; a hub has tens of them.
const PAGE: u32 = 20;

#[function_component(CoordinatorHomePage)]
pub fn coordinator_home_page() -> Html {
    use_title(Msg::CdTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Coordinator]} refusal={Msg::ErrNotCoordinator}>
                <Dashboard />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(Dashboard)]
fn dashboard() -> Html {
    let lang = use_lang();
    let session = use_session();
    let hub = session
        .session()
        .and_then(|s| s.user.hub.as_ref())
        .map(|h| h.name.clone());
    let (refs, retry_refs) = use_remote(load_refs);
    let loader: PageLoader<Company, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|c: ApiClient| {
                    let mut path = format!("/api/v1/companies?limit={PAGE}");
                    if let Some(cursor) = &cursor {
                        let encoded: String = js_sys::encode_uri_component(cursor).into();
                        path.push_str(&format!("&cursor={encoded}"));
                    }
                    async move { c.get::<Page<Company>>(&path).await }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged((), loader);

    let companies = match (&paged.list, &refs) {
        (Remote::Failed(error), _) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        (_, Remote::Failed(error)) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry_refs.clone()} /> }
        }
        (Remote::Loading, _) | (_, Remote::Loading) => html! { <Loading /> },
        (Remote::Ready(items), Remote::Ready(_)) if items.is_empty() => html! {
            <div class="empty">
                <p>{ Msg::CdNoCompanies.t(lang) }</p>
            </div>
        },
        (Remote::Ready(items), Remote::Ready(refs)) => html! {
            <>
                <ul class="card-list company-list">
                    { for items.iter().map(|c| html! { <CompanyCard company={c.clone()} refs={refs.clone()} /> }) }
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
        <section class="page coordinator-home">
            <h1>{ Msg::CdTitle.t(lang) }</h1>
            if let Some(hub) = hub {
                <p class="card-sub">{ labelled(lang, Msg::CdHub, &hub) }</p>
            }
            <p class="lead">{ Msg::CdLead.t(lang) }</p>
            <nav class="quick-links" aria-label={Msg::CdQueues.t(lang)}>
                <Link<Route> to={Route::ReviewQueue} classes="button secondary">{ Msg::NavReviewQueue.t(lang) }</Link<Route>>
                <Link<Route> to={Route::Pipeline} classes="button secondary">{ Msg::NavPipeline.t(lang) }</Link<Route>>
                <Link<Route> to={Route::CompanyProjects} classes="button secondary">{ Msg::NavHubProjects.t(lang) }</Link<Route>>
                <Link<Route> to={Route::CaseStudies} classes="button secondary">{ Msg::CsTitle.t(lang) }</Link<Route>>
                // Statistics (KPIs).
                <Link<Route> to={Route::StatsDashboard} classes="button secondary">{ Msg::StDashTitle.t(lang) }</Link<Route>>
            </nav>
            <section class="board-section" aria-labelledby="companies-title">
                <h2 id="companies-title">{ Msg::CdCompanies.t(lang) }</h2>
                <div class="actions">
                    <Link<Route> to={Route::CoordinatorNewCompany} classes="button primary">{ Msg::CdNewCompany.t(lang) }</Link<Route>>
                </div>
                { companies }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CompanyCardProps {
    company: Company,
    refs: Refs,
}

#[function_component(CompanyCard)]
fn company_card(props: &CompanyCardProps) -> Html {
    let lang = use_lang();
    let c = &props.company;
    let place = format!(
        "{} {} ・ {}",
        props.refs.prefecture(lang, &c.prefecture_code),
        c.municipality,
        props.refs.industry(lang, &c.industry_code)
    );
    html! {
        <li class="card company-card">
            <h3 class="card-title">
                <Link<Route> to={Route::CoordinatorCompany { id: c.id }}>{ c.name.clone() }</Link<Route>>
            </h3>
            <p class="card-sub">{ place }</p>
            <LastVisit company_id={c.id} />
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct LastVisitProps {
    company_id: i64,
}

/// The latest entry of the company's visit log (the list API has no visit dates, so each card
/// asks for its own log; a hub's page holds at most twenty companies).
#[function_component(LastVisit)]
fn last_visit(props: &LastVisitProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.company_id;
    let (visit, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move { c.visits(id).await })
            .await
            .map(|page| page.items.into_iter().next())
    });
    match visit {
        Remote::Loading => html! { <p class="meta">{ Msg::Loading.t(lang) }</p> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(None) => {
            html! { <p class="meta flag-soft">{ Msg::CdNeverVisited.t(lang) }</p> }
        }
        Remote::Ready(Some(v)) => html! {
            <p class="meta">
                <span class="meta-item">{ labelled(lang, Msg::CdLastVisit, &with_note(lang, &format_day(lang, v.visited_on), &v.coordinator_name)) }</span>
                if let Some(next) = v.next_visit_on {
                    <span class="meta-item">{ labelled(lang, Msg::VsNextVisit, &format_day(lang, next)) }</span>
                }
            </p>
        },
    }
}
