//! `/coordinator/companies/{id}`: one of the hub's companies, for its coordinator. The
//! profile (editable for the company, with the company's own form), its postings with the
//! way to each applicants board and to a new posting written for the company, and the visit
//! log with the form to log a visit.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::company::Company;
use kakehashi_shared::enums::Role;
use kakehashi_shared::project::Project;
use kakehashi_shared::search::ProjectSearchPage;
use kakehashi_shared::workflow::ProjectStatus;
use yew::prelude::*;
use yew_router::prelude::*;

use super::visits::VisitLog;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::{
    dated, project_badge, project_title, use_paged, MoreButton, PageLoader, RoleGate,
};
use crate::pages::company::{CompanyDetails, CompanyForm};
use crate::routes::Route;
use crate::session::use_session;

const PAGE: u32 = 20;

#[derive(Properties, PartialEq)]
pub struct CoordinatorCompanyProps {
    pub id: i64,
}

#[function_component(CoordinatorCompanyPage)]
pub fn coordinator_company_page(props: &CoordinatorCompanyProps) -> Html {
    use_title(Msg::CcTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Coordinator]} refusal={Msg::ErrNotCoordinator}>
                <CompanyPage id={props.id} />
            </RoleGate>
        </RequireSession>
    }
}

/// `?created=true`: the company was just registered from `/coordinator/companies/new`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Created {
    #[serde(default)]
    pub created: bool,
}

/// The query of `/company/projects/new` when a coordinator writes for a company.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
struct ForCompany {
    company_id: i64,
}

/// `/company/projects/new?company_id=ID`: the posting wizard, writing for this company.
fn new_posting_link(lang: Lang, id: i64) -> Html {
    let query = ForCompany { company_id: id };
    html! {
        <Link<Route, ForCompany> to={Route::CompanyProjectNew} query={Some(query)} classes="button primary">
            { Msg::CcWritePosting.t(lang) }
        </Link<Route, ForCompany>>
    }
}

#[function_component(CompanyPage)]
fn company_page(props: &CoordinatorCompanyProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move { c.company(id).await })
            .await
    });
    let saved = use_state(|| None::<Company>);
    let editing = use_state(|| false);
    let created = use_location()
        .and_then(|l| l.query::<Created>().ok())
        .is_some_and(|q| q.created);

    let body = match &loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert error={error.clone()} on_retry={retry} /> },
        Remote::Ready(company) => {
            let company = (*saved).clone().unwrap_or_else(|| company.clone());
            let profile = if *editing {
                let on_saved = {
                    let (saved, editing) = (saved.clone(), editing.clone());
                    Callback::from(move |c: Company| {
                        saved.set(Some(c));
                        editing.set(false);
                    })
                };
                let on_cancel = {
                    let editing = editing.clone();
                    Callback::from(move |()| editing.set(false))
                };
                html! { <CompanyForm company={Some(company.clone())} {on_saved} on_cancel={Some(on_cancel)} /> }
            } else {
                let onclick = {
                    let editing = editing.clone();
                    Callback::from(move |_: MouseEvent| editing.set(true))
                };
                html! {
                    <>
                        if saved.is_some() {
                            <p class="saved" role="status">{ Msg::CcProfileSaved.t(lang) }</p>
                        }
                        <CompanyDetails company={company.clone()} />
                        <button type="button" class="button secondary" {onclick}>{ Msg::CcEditProfile.t(lang) }</button>
                    </>
                }
            };
            html! {
                <>
                    <h1>{ company.name.clone() }</h1>
                    if created {
                        <p class="saved" role="status">{ Msg::NcCreated.t(lang) }</p>
                    }
                    <p class="lead">{ Msg::CcLead.t(lang) }</p>
                    <div class="actions">
                        { new_posting_link(lang, id) }
                        <a href="#visits-title" class="button secondary">{ Msg::CcToVisits.t(lang) }</a>
                    </div>
                    <section class="board-section" aria-labelledby="profile-title">
                        <h2 id="profile-title">{ Msg::CcProfile.t(lang) }</h2>
                        { profile }
                    </section>
                    <CompanyPostings company_id={id} />
                    <VisitLog company_id={id} />
                </>
            }
        }
    };
    html! {
        <section class="page narrow coordinator-company">
            <p><Link<Route> to={Route::CoordinatorHome}>{ Msg::CdBack.t(lang) }</Link<Route>></p>
            if !matches!(loaded, Remote::Ready(_)) {
                <h1>{ Msg::CcTitle.t(lang) }</h1>
            }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CompanyPostingsProps {
    company_id: i64,
}

/// The company's postings in every status, each with its next step for the coordinator.
#[function_component(CompanyPostings)]
fn company_postings(props: &CompanyPostingsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<Project, i64> = Rc::new(move |company_id, cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|c: ApiClient| {
                    let mut path =
                        format!("/api/v1/projects?mine=true&company_id={company_id}&limit={PAGE}");
                    if let Some(cursor) = &cursor {
                        let encoded: String = js_sys::encode_uri_component(cursor).into();
                        path.push_str(&format!("&cursor={encoded}"));
                    }
                    async move { c.get::<ProjectSearchPage>(&path).await }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged(props.company_id, loader);
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty">
                <p>{ Msg::CcNoPostings.t(lang) }</p>
                { new_posting_link(lang, props.company_id) }
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="card-list">
                    { for items.iter().map(|p| posting(lang, p)) }
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
        <section class="board-section" aria-labelledby="postings-title">
            <h2 id="postings-title">{ Msg::CcPostings.t(lang) }</h2>
            <p class="lead">{ Msg::CcPostingsLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn posting(lang: Lang, p: &Project) -> Html {
    let id = p.id;
    let next = match p.status {
        ProjectStatus::Draft | ProjectStatus::ChangesRequested => html! {
            <Link<Route> to={Route::CompanyProjectEdit { id }} classes="button secondary">{ Msg::CcContinuePosting.t(lang) }</Link<Route>>
        },
        ProjectStatus::InReview => html! {
            <Link<Route> to={Route::ReviewQueue} classes="button secondary">{ Msg::NavReviewQueue.t(lang) }</Link<Route>>
        },
        ProjectStatus::Published | ProjectStatus::Closed => html! {
            <Link<Route> to={Route::CompanyProjectBoard { id }} classes="button secondary">{ Msg::CcBoard.t(lang) }</Link<Route>>
        },
    };
    html! {
        <li class="card">
            <div class="card-head">
                { project_badge(lang, p.status) }
                <h3 class="card-title">{ project_title(lang, p) }</h3>
            </div>
            <p class="meta">{ dated(lang, Msg::CpUpdated, &p.updated_at) }</p>
            { next }
        </li>
    }
}
