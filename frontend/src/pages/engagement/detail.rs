//! `/engagements/:id`: one engagement, the address notifications link to. Sections in the
//! order the work happens (parties and contract, kickoff, reports, review, renewal, end,
//! outcomes, case study), each with its own form; a jump list at the top keeps it usable on
//! a phone.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::{Engagement, EngagementStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use super::case_study::CaseStudySection;
use super::end::EndSection;
use super::kickoff::KickoffSection;
use super::next::{next_list, next_steps, review_state, Next};
use super::outcomes::OutcomesSection;
use super::parties::PartiesSection;
use super::renewal::RenewalSection;
use super::reports::ReportsSection;
use super::review::ReviewSection;
use super::words::{status_badge, term_label, today, Viewer};
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct EngagementPageProps {
    pub id: i64,
}

#[function_component(EngagementPage)]
pub fn engagement_page(props: &EngagementPageProps) -> Html {
    use_title(Msg::EgTitle);
    html! {
        <RequireSession>
            <EngagementLoader id={props.id} />
        </RequireSession>
    }
}

#[function_component(EngagementLoader)]
fn engagement_loader(props: &EngagementPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|client: ApiClient| async move { client.engagement(id).await })
            .await
    });
    match loaded {
        Remote::Loading => html! { <section class="page narrow"><Loading /></section> },
        Remote::Failed(error) => html! {
            <section class="page narrow">
                <p class="breadcrumb">
                    <Link<Route> to={Route::Engagements}>{ Msg::EgListTitle.t(lang) }</Link<Route>>
                </p>
                <h1>{ Msg::EgTitle.t(lang) }</h1>
                <ErrorAlert {error} on_retry={retry} />
            </section>
        },
        Remote::Ready(engagement) => html! { <EngagementView {engagement} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    engagement: Engagement,
}

#[function_component(EngagementView)]
fn engagement_view(props: &ViewProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let viewer = Viewer::from_role(session.session().map(|s| s.user.role));
    // The page's copy of the engagement: every action's answer updates it in place, so the
    // forms below keep their state and the "next step" box follows.
    let current = use_state(|| props.engagement.clone());
    let on_change = {
        let current = current.clone();
        Callback::from(move |e: Engagement| current.set(e))
    };
    // Whether the next term's contract exists (the renewal section finds out).
    let proposed = use_state(|| false);
    let on_proposed = {
        let proposed = proposed.clone();
        Callback::from(move |()| {
            if !*proposed {
                proposed.set(true);
            }
        })
    };
    let e = (*current).clone();
    let active = e.status == EngagementStatus::Active;
    let mut steps = next_steps(&e, viewer, today());
    if *proposed {
        for step in steps.iter_mut() {
            if matches!(step, Next::RenewCompany | Next::RenewTalent) {
                *step = Next::AcceptRenewal;
            }
        }
    }
    let (_, _, renew) = review_state(&e);
    let show_renewal = active && renew;

    let toc_items = [
        (Some("parties"), Msg::EgPartiesTitle),
        (Some("kickoff"), Msg::EgKickoffTitle),
        (Some("reports"), Msg::EgReportsTitle),
        (Some("review"), Msg::EgReviewTitle),
        (show_renewal.then_some("renewal"), Msg::EgRenewalTitle),
        (Some("outcomes"), Msg::EgOutcomesTitle),
        (Some("case-study"), Msg::EgCaseTitle),
        (active.then_some("end"), Msg::EgEndTitle),
    ];

    html! {
        <article class="page narrow eg-page">
            <p class="breadcrumb">
                <Link<Route> to={Route::Engagements}>{ Msg::EgListTitle.t(lang) }</Link<Route>>
            </p>
            <h1>{ e.project_title.clone() }</h1>
            <p class="listing-meta">
                { e.company_name.clone() }{ " ・ " }{ e.talent_name.clone() }
            </p>
            <p>
                { status_badge(lang, e.status) }
                <span class="muted">{ " " }{ term_label(lang, e.term_number) }</span>
            </p>
            <section class="eg-next-box" aria-labelledby="eg-next-heading">
                <h2 id="eg-next-heading" class="eg-next-label">{ Msg::EgNextLabel.t(lang) }</h2>
                { next_list(lang, &steps, true) }
            </section>
            <nav class="toc" aria-label={Msg::EgTitle.t(lang)}>
                <ol>
                    { for toc_items.iter().filter_map(|(id, label)| id.map(|id| html! {
                        <li><a href={format!("#{id}")}>{ label.t(lang) }</a></li>
                    })) }
                </ol>
            </nav>
            <PartiesSection engagement={e.clone()} {viewer} />
            <KickoffSection engagement={e.clone()} on_change={on_change.clone()} />
            <ReportsSection engagement={e.clone()} {viewer} on_change={on_change.clone()} />
            <ReviewSection engagement={e.clone()} {viewer} on_change={on_change.clone()} />
            if show_renewal {
                <RenewalSection engagement={e.clone()} {viewer} {on_proposed} />
            }
            <OutcomesSection engagement={e.clone()} on_change={on_change.clone()} />
            <CaseStudySection engagement_id={e.id} case_study_id={e.case_study_id} />
            <EndSection engagement={e} {on_change} />
        </article>
    }
}
