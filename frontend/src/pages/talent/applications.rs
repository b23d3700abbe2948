//! `/talent/applications` (the talent's applications, newest first, a page at a time) and
//! `/talent/applications/:id` (one application: where it stands, its timeline, what was
//! sent, and withdrawing).

use kakehashi_shared::application::{Application, Interview, InterviewConfirm, TransitionInput};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Side;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

use yew::prelude::*;
use yew_router::prelude::*;

use super::TalentOnly;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, Notice, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::{date_time, minutes, question_label};
use crate::i18n::{format_date, use_lang, with_note, Lang, Msg};
use crate::pages::public::names::{
    application_status, application_status_class, application_status_next, decline_reason,
};
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::routes::{AppliedQuery, Route};
use crate::session::use_session;

const PAGE_SIZE: u32 = 20;

#[function_component(ApplicationsPage)]
pub fn applications_page() -> Html {
    use_title(Msg::TalApplicationsTitle);
    html! {
        <RequireSession>
            <TalentOnly>
                <ApplicationList />
            </TalentOnly>
        </RequireSession>
    }
}

/// The list grows page by page ("show more"), so what was read stays in place.
#[function_component(ApplicationList)]
fn application_list() -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<Application, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|client: ApiClient| {
                    let cursor = cursor.clone();
                    async move { client.own_applications(PAGE_SIZE, cursor.as_deref()).await }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged((), loader);
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty-state">
                <p>{ Msg::TalNoApplications.t(lang) }</p>
                <Link<Route> to={Route::Projects} classes="button primary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="listing-list">
                    { for items.iter().map(|a| application_item(lang, a)) }
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
            <h1>{ Msg::TalApplicationsTitle.t(lang) }</h1>
            <p class="lead">{ Msg::TalApplicationsLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn status_badge(lang: Lang, status: ApplicationStatus) -> Html {
    html! { <span class={application_status_class(status)}>{ application_status(status).t(lang) }</span> }
}

fn application_item(lang: Lang, a: &Application) -> Html {
    html! {
        <li>
            <article class="listing">
                <h2 class="listing-title">
                    <Link<Route> to={Route::Application { id: a.id }}>{ a.project_title.clone() }</Link<Route>>
                </h2>
                <p class="listing-meta">{ a.company_name.clone() }</p>
                <p>
                    { status_badge(lang, a.status) }
                    <span class="muted">{ " " }{ Msg::TalAppliedOn.t(lang) }{ " " }{ format_date(lang, &a.created_at) }</span>
                </p>
                if a.status.is_open() {
                    if let Some(due) = a.response_due_at {
                        <p class="muted">{ Msg::TalAnswerBy.t(lang) }{ " " }{ format_date(lang, &due) }</p>
                    }
                }
            </article>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct ApplicationPageProps {
    pub id: i64,
}

#[function_component(ApplicationPage)]
pub fn application_page(props: &ApplicationPageProps) -> Html {
    use_title(Msg::TalApplicationTitle);
    html! {
        <RequireSession>
            <ApplicationLoader id={props.id} />
        </RequireSession>
    }
}

#[function_component(ApplicationLoader)]
fn application_loader(props: &ApplicationPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|client: ApiClient| async move { client.application(id).await })
            .await
    });
    match loaded {
        Remote::Loading => html! { <section class="page narrow"><Loading /></section> },
        Remote::Failed(error) => html! {
            <section class="page narrow">
                <h1>{ Msg::TalApplicationTitle.t(lang) }</h1>
                <ErrorAlert {error} on_retry={retry} />
            </section>
        },
        Remote::Ready(application) => html! { <ApplicationDetails {application} /> },
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    application: Application,
}

#[function_component(ApplicationDetails)]
fn application_details(props: &DetailsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let applied = use_location()
        .and_then(|l| l.query::<AppliedQuery>().ok())
        .and_then(|q| q.applied)
        .unwrap_or(false);
    let current = use_state(|| props.application.clone());
    let confirming = use_state(|| false);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let a = &*current;

    let on_withdraw = {
        let (current, confirming, working, problem, session) = (
            current.clone(),
            confirming.clone(),
            working.clone(),
            problem.clone(),
            session.clone(),
        );
        let id = a.id;
        Callback::from(move |_: MouseEvent| {
            if !*confirming {
                confirming.set(true);
                return;
            }
            working.set(true);
            problem.set(None);
            let (current, confirming, working, problem, session) = (
                current.clone(),
                confirming.clone(),
                working.clone(),
                problem.clone(),
                session.clone(),
            );
            spawn_local(async move {
                let body = TransitionInput {
                    action: ApplicationAction::Withdraw,
                    reason: None,
                    message: None,
                };
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move { client.transition(id, body).await })
                    .await;
                working.set(false);
                confirming.set(false);
                match answer {
                    Ok(updated) => current.set(updated),
                    Err(error) => problem.set(Some(error)),
                }
            });
        })
    };
    let on_keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let can_withdraw = a.status.apply(ApplicationAction::Withdraw).is_ok();

    html! {
        <article class="page narrow">
            <p class="breadcrumb">
                <Link<Route> to={Route::Applications}>{ Msg::TalApplicationsTitle.t(lang) }</Link<Route>>
            </p>
            <h1>{ a.project_title.clone() }</h1>
            <p class="listing-meta">
                { a.company_name.clone() }{ " ・ " }
                <Link<Route> to={Route::Project { id: a.project_id }}>{ Msg::TalSeeProject.t(lang) }</Link<Route>>
            </p>
            // Widget and referrals: the partner whose link led here (coordinators and the talent).
            if let Some(partner) = a.referred_by.as_ref() {
                <p class="listing-meta">{ format!("{}: {}", Msg::MeReferredBy.t(lang), partner.name) }</p>
            }
            if applied {
                <Notice message={Msg::TalAppliedNotice} />
            }
            <section class="block status-now">
                <h2>{ Msg::TalNow.t(lang) }</h2>
                <p>{ status_badge(lang, a.status) }</p>
                <p>{ application_status_next(a.status).t(lang) }</p>
                if a.status.is_open() {
                    if let Some(due) = a.response_due_at {
                        <p>{ Msg::TalAnswerBy.t(lang) }{ " " }<strong>{ format_date(lang, &due) }</strong></p>
                    }
                }
                if let Some(reason) = a.decline_reason {
                    <p>{ Msg::TalDeclineReason.t(lang) }{ " " }{ decline_reason(reason).t(lang) }</p>
                }
                if let Some(message) = a.decline_message.clone() {
                    <blockquote class="message prewrap">{ message }</blockquote>
                }
            </section>
            // Contract and messages screens: the terms once proposed, and the conversation.
            <crate::pages::contract::ApplicationLinks application={a.clone()} />
            if matches!(a.status, ApplicationStatus::Shortlisted | ApplicationStatus::Interviewing | ApplicationStatus::Offered) {
                <Interviews application_id={a.id} />
            }
            <section class="block">
                <h2>{ Msg::TalTimeline.t(lang) }</h2>
                { timeline(lang, a) }
            </section>
            <section class="block">
                <h2>{ Msg::TalYourProposal.t(lang) }</h2>
                <p class="prewrap">{ a.proposal.clone() }</p>
                { for a.screening_questions.iter().zip(a.screening_answers.iter()).enumerate().map(|(i, (q, ans))| html! {
                    <div class="qa">
                        <h3>{ format!("{}: {}", question_label(lang, i + 1), q) }</h3>
                        <p class="prewrap">{ ans.clone() }</p>
                    </div>
                }) }
            </section>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} />
            }
            if can_withdraw {
                <section class="block">
                    <h2>{ Msg::TalWithdrawTitle.t(lang) }</h2>
                    <p class="hint">{ Msg::TalWithdrawHint.t(lang) }</p>
                    if *confirming {
                        <p role="alert"><strong>{ Msg::TalWithdrawConfirm.t(lang) }</strong></p>
                    }
                    <div class="actions tight">
                        <button type="button" class="button danger" onclick={on_withdraw} disabled={*working}>
                            { if *confirming { Msg::TalWithdrawYes.t(lang) } else { Msg::TalWithdraw.t(lang) } }
                        </button>
                        if *confirming {
                            <button type="button" class="button secondary" onclick={on_keep}>{ Msg::TalWithdrawNo.t(lang) }</button>
                        }
                    </div>
                </section>
            }
        </article>
    }
}

/// Every step on the way to a contract: the ones reached with their dates, the next ones
/// greyed, and an ending (declined, withdrawn) where it happened.
fn timeline(lang: Lang, a: &Application) -> Html {
    use ApplicationStatus as S;
    let path = [
        S::Applied,
        S::Shortlisted,
        S::Interviewing,
        S::Offered,
        S::Contracted,
    ];
    let ended = matches!(a.status, S::Declined | S::Withdrawn);
    let reached = |s: S| a.timeline.iter().find(|t| t.status == s).map(|t| t.at);
    let mut steps: Vec<Html> = Vec::new();
    for s in path {
        let at = reached(s);
        if ended && at.is_none() {
            continue;
        }
        let class = classes!(
            "tl-step",
            if at.is_some() { "done" } else { "todo" },
            (a.status == s).then_some("current")
        );
        steps.push(html! {
            <li class={class} aria-current={if a.status == s { "tl-step" } else { "false" }}>
                <span class="tl-name">{ application_status(s).t(lang) }</span>
                <span class="tl-date">{ at.map(|t| format_date(lang, &t)).unwrap_or_else(|| Msg::TalNotYet.t(lang).to_owned()) }</span>
            </li>
        });
    }
    if ended {
        let at = reached(a.status).or(Some(a.updated_at));
        steps.push(html! {
            <li class="tl-step done ended current" aria-current="tl-step">
                <span class="tl-name">{ application_status(a.status).t(lang) }</span>
                <span class="tl-date">{ at.map(|t| format_date(lang, &t)).unwrap_or_default() }</span>
            </li>
        });
    }
    html! { <ol class="timeline">{ for steps }</ol> }
}

#[derive(Properties, PartialEq)]
struct InterviewsProps {
    application_id: i64,
}

/// The interview times the company proposed: the talent picks one (or sees the one fixed).
#[function_component(Interviews)]
fn interviews(props: &InterviewsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.application_id;
    let (loaded, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|client: ApiClient| async move { client.interviews(id).await })
                .await
        })
    };
    let confirmed = use_state(|| None::<Interview>);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);

    let list = match loaded {
        Remote::Loading => return html! { <Loading /> },
        Remote::Failed(error) => return html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(page) => page.items,
    };
    if list.is_empty() {
        return Html::default();
    }
    let items = list.into_iter().map(|interview| {
        // The answer to a confirmation replaces the interview it confirmed.
        let interview = match &*confirmed {
            Some(c) if c.id == interview.id => c.clone(),
            _ => interview,
        };
        let when = interview.confirmed_slot.map(|slot| {
            let fixed = format!("{} {}", Msg::TalInterviewFixed.t(lang), date_time(lang, &slot));
            html! { <p><strong>{ with_note(lang, &fixed, &minutes(lang, interview.duration_minutes)) }</strong></p> }
        });
        let can_pick = interview.confirmed_slot.is_none() && interview.proposed_by == Side::Company;
        let busy = *working;
        let slots = interview.slots.iter().map(|slot| {
            let label = date_time(lang, slot);
            if can_pick {
                let (session, confirmed, working, problem) = (session.clone(), confirmed.clone(), working.clone(), problem.clone());
                let (interview_id, slot) = (interview.id, *slot);
                let onclick = Callback::from(move |_: MouseEvent| {
                    let (session, confirmed, working, problem) = (session.clone(), confirmed.clone(), working.clone(), problem.clone());
                    working.set(true);
                    problem.set(None);
                    spawn_local(async move {
                        let body = InterviewConfirm { slot };
                        let body = &body;
                        let answer = session
                            .call(|client: ApiClient| async move { client.confirm_interview(interview_id, body).await })
                            .await;
                        working.set(false);
                        match answer {
                            Ok(done) => confirmed.set(Some(done)),
                            Err(error) => problem.set(Some(error)),
                        }
                    });
                });
                html! { <li><button type="button" class="button secondary" {onclick} disabled={busy}>{ label }</button></li> }
            } else {
                html! { <li>{ label }</li> }
            }
        });
        html! {
            <div class="interview">
                { for when }
                if interview.confirmed_slot.is_none() {
                    <p>{ with_note(lang, if can_pick { Msg::TalInterviewPick.t(lang) } else { Msg::TalInterviewWaiting.t(lang) }, &minutes(lang, interview.duration_minutes)) }</p>
                    <ul class="slots">{ for slots }</ul>
                }
                if let Some(url) = interview.meeting_url.clone() {
                    <p>{ Msg::TalInterviewUrl.t(lang) }{ " " }<a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url }</a></p>
                }
            </div>
        }
    });
    html! {
        <section class="block">
            <h2>{ Msg::TalInterviews.t(lang) }</h2>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} />
            }
            { for items }
        </section>
    }
}
