//! `/company/projects`: the company's postings with their status and, when a coordinator
//! asked for changes, the comments, each with the one next step that fits its status.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::project::Project;
use kakehashi_shared::workflow::ProjectStatus;
use yew::prelude::*;
use yew_router::prelude::*;

use super::common::{
    dated, format_fee, format_hours, project_badge, project_title, use_paged, MoreButton,
    PageLoader, RoleGate,
};
use crate::components::{ErrorAlert, Loading, RequireSession, SelectField};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

/// Postings per page: a company rarely has more, so most see one page.
const PAGE: u32 = 20;

#[function_component(CompanyProjectsPage)]
pub fn company_projects_page() -> Html {
    use_title(Msg::CpTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::CompanyMember, Role::Coordinator]} refusal={Msg::ErrNotCompany}>
                <Postings />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(Postings)]
fn postings() -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<Project, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|client: ApiClient| {
                    let cursor = cursor.clone();
                    async move { client.managed_projects(None, PAGE, cursor.as_deref()).await }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged((), loader);
    // Coordinators see the hub's postings, with each company's name, and start postings for
    // companies rather than for themselves.
    let hub = use_session().session().map(|s| s.user.role) == Some(Role::Coordinator);

    let new_button = if hub {
        html! { <ActForCompany /> }
    } else {
        html! {
            <Link<Route> to={Route::CompanyProjectNew} classes="button primary">{ Msg::CpNew.t(lang) }</Link<Route>>
        }
    };
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty">
                <h2>{ Msg::CpEmptyTitle.t(lang) }</h2>
                <p>{ Msg::CpEmptyBody.t(lang) }</p>
                { new_button.clone() }
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <div class="actions">{ new_button.clone() }</div>
                <ul class="card-list">
                    { for items.iter().map(|p| posting_card(lang, p, hub)) }
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
        <section class="page">
            <h1>{ Msg::CpTitle.t(lang) }</h1>
            <p class="lead">{ if hub { Msg::CpLeadHub.t(lang) } else { Msg::CpLead.t(lang) } }</p>
            { body }
        </section>
    }
}

fn posting_card(lang: Lang, project: &Project, hub: bool) -> Html {
    let id = project.id;
    let terms: Vec<String> = [
        project.draft.monthly_fee.map(|f| format_fee(lang, f)),
        project.draft.hours_per_month.map(|h| format_hours(lang, h)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let next = match project.status {
        ProjectStatus::Draft => html! {
            <Link<Route> to={Route::CompanyProjectEdit { id }} classes="button primary">{ Msg::CpContinue.t(lang) }</Link<Route>>
        },
        ProjectStatus::ChangesRequested => html! {
            <Link<Route> to={Route::CompanyProjectEdit { id }} classes="button primary">{ Msg::CpFix.t(lang) }</Link<Route>>
        },
        ProjectStatus::InReview => html! { <p class="note">{ Msg::CpInReviewNote.t(lang) }</p> },
        ProjectStatus::Published | ProjectStatus::Closed => html! {
            <Link<Route> to={Route::CompanyProjectBoard { id }} classes="button secondary">{ Msg::CpApplicants.t(lang) }</Link<Route>>
        },
    };
    let comment = project
        .review_comment
        .as_ref()
        .filter(|_| project.status == ProjectStatus::ChangesRequested);
    html! {
        <li class="card">
            if hub {
                <p class="card-company">{ project.company_name.clone() }</p>
            }
            <div class="card-head">
                { project_badge(lang, project.status) }
                <h2 class="card-title">{ project_title(lang, project) }</h2>
            </div>
            <p class="meta">
                { dated(lang, Msg::CpUpdated, &project.updated_at) }
                if let Some(at) = project.published_at.as_ref() {
                    { dated(lang, Msg::CpPublished, at) }
                }
                if !terms.is_empty() {
                    <span class="meta-item">{ terms.join(" ・ ") }</span>
                }
            </p>
            if let Some(comment) = comment {
                <div class="review-comment">
                    <h3>{ Msg::CpReviewComment.t(lang) }</h3>
                    <p class="pre">{ comment.clone() }</p>
                </div>
            }
            { next }
        </li>
    }
}

/// A coordinator picks one of the hub's companies and starts a posting for it.
#[function_component(ActForCompany)]
fn act_for_company() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let chosen = use_state(String::new);
    // A hub has tens of companies, not thousands: one page of 100 holds them.
    let (companies, retry) = use_remote(move || async move {
        session
            .call(|c: ApiClient| async move { c.companies(100).await })
            .await
            .map(|page| {
                vec![(
                    None,
                    page.items
                        .into_iter()
                        .map(|c| (c.id.to_string(), c.name))
                        .collect::<Vec<_>>(),
                )]
            })
    });
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |value: String| chosen.set(value))
    };
    let onsubmit = {
        let chosen = chosen.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Ok(id), Some(navigator)) = (chosen.parse::<i64>(), navigator.as_ref()) else {
                return;
            };
            let query = super::wizard::NewQuery {
                company_id: Some(id),
            };
            if navigator
                .push_with_query(&Route::CompanyProjectNew, &query)
                .is_err()
            {
                navigator.push(&Route::CompanyProjectNew);
            }
        })
    };
    html! {
        <form class="panel" {onsubmit}>
            <h2>{ Msg::CpActFor.t(lang) }</h2>
            <SelectField id="act-for-company" label={Msg::FieldCompany} hint={Msg::CpActForHint}
                value={(*chosen).clone()} {on_change} options={companies} on_retry={retry} />
            <button type="submit" class="button primary" disabled={chosen.is_empty()}>{ Msg::CpActForStart.t(lang) }</button>
        </form>
    }
}
