//! `/engagements`: the caller's engagements, newest first, a page at a time, each with the
//! project, the other party, where it stands and what needs doing next.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::Engagement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::next::{next_list, next_steps};
use super::words::{status_badge, term_label, today, Viewer};
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::{format_day, labelled};
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::routes::Route;
use crate::session::use_session;

const PAGE_SIZE: u32 = 20;

#[function_component(EngagementsPage)]
pub fn engagements_page() -> Html {
    use_title(Msg::EgListTitle);
    html! {
        <RequireSession>
            <EngagementList />
        </RequireSession>
    }
}

#[function_component(EngagementList)]
fn engagement_list() -> Html {
    let lang = use_lang();
    let session = use_session();
    let viewer = Viewer::from_role(session.session().map(|s| s.user.role));
    let loader: PageLoader<Engagement, ()> = {
        let session = session.clone();
        Rc::new(move |(), cursor| {
            let session = session.clone();
            Box::pin(async move {
                session
                    .call(|client: ApiClient| {
                        let cursor = cursor.clone();
                        async move { client.engagements(PAGE_SIZE, cursor.as_deref()).await }
                    })
                    .await
                    .map(|page| (page.items, page.next_cursor))
            })
        })
    };
    let paged = use_paged((), loader);
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty-state">
                <p>{ Msg::EgListEmpty.t(lang) }</p>
                { empty_action(lang, viewer) }
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="listing-list">
                    { for items.iter().map(|e| item(lang, viewer, e)) }
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
            <h1>{ Msg::EgListTitle.t(lang) }</h1>
            <p class="lead">{ Msg::EgListLead.t(lang) }</p>
            { body }
        </section>
    }
}

/// The one button that leads towards a first engagement, for each side.
fn empty_action(lang: Lang, viewer: Viewer) -> Html {
    match viewer {
        Viewer::Talent => html! {
            <Link<Route> to={Route::Projects} classes="button primary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
        },
        Viewer::Company | Viewer::Staff => html! {
            <Link<Route> to={Route::CompanyProjects} classes="button primary">{ Msg::NavCompanyProjects.t(lang) }</Link<Route>>
        },
    }
}

fn item(lang: Lang, viewer: Viewer, e: &Engagement) -> Html {
    // The other party for the sides; both for staff, who follow the pair.
    let parties = match viewer {
        Viewer::Talent => labelled(lang, Msg::EgCompany, &e.company_name),
        Viewer::Company => labelled(lang, Msg::EgTalent, &e.talent_name),
        Viewer::Staff => format!(
            "{} ・ {}",
            labelled(lang, Msg::EgCompany, &e.company_name),
            labelled(lang, Msg::EgTalent, &e.talent_name)
        ),
    };
    let steps = next_steps(e, viewer, today());
    html! {
        <li>
            <article class="listing">
                <h2 class="listing-title">
                    <Link<Route> to={Route::Engagement { id: e.id }}>{ e.project_title.clone() }</Link<Route>>
                </h2>
                <p class="listing-meta">{ parties }</p>
                <p>
                    { status_badge(lang, e.status) }
                    <span class="muted">
                        { " " }{ term_label(lang, e.term_number) }{ " ・ " }
                        { labelled(lang, Msg::EgStartedOn, &format_day(lang, e.started_on)) }
                    </span>
                </p>
                <div class="eg-next-box">
                    <p class="eg-next-label">{ Msg::EgNextLabel.t(lang) }</p>
                    { next_list(lang, &steps, false) }
                </div>
            </article>
        </li>
    }
}
