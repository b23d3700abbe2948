//! `/coordinator/pipeline`: every application across the hub's companies, filterable by
//! status, with those past the company's answer deadline flagged (and a filter for only them)
//! so the coordinator knows whom to call.

use std::rc::Rc;

use kakehashi_shared::application::Application;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::workflow::ApplicationStatus;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::forms::select_value;
use crate::hooks::{use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::{
    application_badge, application_status_name, dated, use_paged, MoreButton, PageLoader, RoleGate,
};
use crate::routes::Route;
use crate::session::use_session;

const PAGE: u32 = 30;

#[function_component(PipelinePage)]
pub fn pipeline_page() -> Html {
    use_title(Msg::PlTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Coordinator]} refusal={Msg::ErrNotCoordinator}>
                <Pipeline />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(Pipeline)]
fn pipeline() -> Html {
    let lang = use_lang();
    let session = use_session();
    let overdue = use_state(|| false);
    let status = use_state(|| None::<ApplicationStatus>);
    let loader: PageLoader<Application, (bool, Option<ApplicationStatus>)> =
        Rc::new(move |(overdue, status), cursor| {
            let session = session.clone();
            Box::pin(async move {
                session
                    .call(|c: ApiClient| {
                        let cursor = cursor.clone();
                        async move {
                            c.applications(None, status, overdue, PAGE, cursor.as_deref())
                                .await
                        }
                    })
                    .await
                    .map(|page| (page.items, page.next_cursor))
            })
        });
    let paged = use_paged((*overdue, *status), loader);

    let on_overdue = {
        let overdue = overdue.clone();
        Callback::from(move |_: Event| overdue.set(!*overdue))
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |e: Event| status.set(ApplicationStatus::parse(&select_value(&e))))
    };
    let filters = html! {
        <div class="filters">
            <label class="check" for="pl-overdue">
                <input type="checkbox" id="pl-overdue" checked={*overdue} onchange={on_overdue} />
                <span>{ Msg::PlOverdueOnly.t(lang) }</span>
            </label>
            <div class="field">
                <label for="pl-status">{ Msg::PlStatusFilter.t(lang) }</label>
                <select id="pl-status" onchange={on_status}>
                    <option value="" selected={status.is_none()}>{ Msg::PlAllStatuses.t(lang) }</option>
                    { for ApplicationStatus::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={*status == Some(*s)}>{ application_status_name(*s).t(lang) }</option>
                    }) }
                </select>
            </div>
        </div>
    };
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => {
            html! { <p class="empty">{ Msg::PlEmpty.t(lang) }</p> }
        }
        Remote::Ready(items) => html! {
            <>
                <ul class="card-list">
                    { for items.iter().map(|a| row(lang, a)) }
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
            <h1>{ Msg::PlTitle.t(lang) }</h1>
            <p class="lead">{ Msg::PlLead.t(lang) }</p>
            { filters }
            { body }
        </section>
    }
}

fn row(lang: Lang, a: &Application) -> Html {
    html! {
        <li class={classes!("card", "applicant", a.overdue.then_some("overdue"))}>
            <div class="card-head">
                { application_badge(lang, a.status) }
                <h2 class="card-title">{ a.talent_name.clone() }</h2>
            </div>
            <dl class="pairs">
                <div><dt>{ Msg::PlCompany.t(lang) }</dt><dd>{ a.company_name.clone() }</dd></div>
                <div><dt>{ Msg::PlProject.t(lang) }</dt><dd>
                    <Link<Route> to={Route::CompanyProjectBoard { id: a.project_id }}>{ a.project_title.clone() }</Link<Route>>
                </dd></div>
                // Widget and referrals: the partner whose link led to the application.
                if let Some(partner) = a.referred_by.as_ref() {
                    <div><dt>{ Msg::MeReferredBy.t(lang) }</dt><dd>{ partner.name.clone() }</dd></div>
                }
            </dl>
            <p class="meta">
                { dated(lang, Msg::BdAppliedOn, &a.created_at) }
                if a.status.is_open() {
                    if let Some(due) = a.response_due_at.as_ref() {
                        { dated(lang, Msg::BdDueBy, due) }
                    }
                }
            </p>
            if a.overdue {
                <p class="flag">{ Msg::BdOverdue.t(lang) }</p>
            }
        </li>
    }
}
