//! `/talent/scouts` (invitations received) and `/talent/scouts/:id` (read one, then accept
//! it with a proposal, which becomes an application, or decline it courteously).

use kakehashi_shared::application::{ApplicationInput, Scout, ScoutAnswer, ScoutStatus};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::project::Project;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

use yew::prelude::*;
use yew_router::prelude::*;

use super::proposal::{forget_draft, ProposalForm};
use super::TalentOnly;
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::pages::public::names::scout_status;
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::routes::{AppliedQuery, Route};
use crate::session::use_session;

const PAGE_SIZE: u32 = 20;

#[function_component(ScoutsPage)]
pub fn scouts_page() -> Html {
    use_title(Msg::TalScoutsTitle);
    html! {
        <RequireSession>
            <TalentOnly>
                <ScoutList />
            </TalentOnly>
        </RequireSession>
    }
}

#[function_component(ScoutList)]
fn scout_list() -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<Scout, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|client: ApiClient| {
                    let cursor = cursor.clone();
                    async move { client.received_scouts(PAGE_SIZE, cursor.as_deref()).await }
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
                <p>{ Msg::TalNoScouts.t(lang) }</p>
                <Link<Route> to={Route::TalentProfile} classes="button primary">{ Msg::TalEditProfile.t(lang) }</Link<Route>>
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="listing-list">{ for items.iter().map(|s| scout_item(lang, s)) }</ul>
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
            <h1>{ Msg::TalScoutsTitle.t(lang) }</h1>
            <p class="lead">{ Msg::TalScoutsLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn scout_badge(lang: Lang, status: ScoutStatus) -> Html {
    let class = match status {
        ScoutStatus::Pending => "pill active",
        ScoutStatus::Accepted => "pill done",
        ScoutStatus::Declined => "pill ended",
    };
    html! { <span class={class}>{ scout_status(status).t(lang) }</span> }
}

fn scout_item(lang: Lang, s: &Scout) -> Html {
    html! {
        <li>
            <article class="listing">
                <h2 class="listing-title">
                    <Link<Route> to={Route::Scout { id: s.id }}>{ s.project_title.clone() }</Link<Route>>
                </h2>
                <p>
                    { scout_badge(lang, s.status) }
                    <span class="muted">{ " " }{ format_date(lang, &s.created_at) }</span>
                </p>
            </article>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct ScoutPageProps {
    pub id: i64,
}

#[function_component(ScoutPage)]
pub fn scout_page(props: &ScoutPageProps) -> Html {
    use_title(Msg::TalScoutTitle);
    html! {
        <RequireSession>
            <TalentOnly>
                <ScoutLoader id={props.id} />
            </TalentOnly>
        </RequireSession>
    }
}

#[function_component(ScoutLoader)]
fn scout_loader(props: &ScoutPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    // The scout, then its posting (for the screening questions an acceptance must answer).
    let (loaded, retry) = use_remote(move || async move {
        let scout = session
            .call(|client: ApiClient| async move { client.scout_by_id(id).await })
            .await?;
        let project = api::client().project(scout.project_id).await?;
        Ok::<_, ApiError>((scout, project))
    });
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready((scout, project)) => html! { <ScoutDetails {scout} {project} /> },
    };
    html! {
        <section class="page narrow">
            <p class="breadcrumb">
                <Link<Route> to={Route::Scouts}>{ Msg::TalScoutsTitle.t(lang) }</Link<Route>>
            </p>
            <h1>{ Msg::TalScoutTitle.t(lang) }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    scout: Scout,
    project: Project,
}

#[function_component(ScoutDetails)]
fn scout_details(props: &DetailsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let scout = use_state(|| props.scout.clone());
    let submitting = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let declining = use_state(|| false);
    let id = scout.id;

    let send = {
        let (scout, submitting, problem, session, navigator) = (
            scout.clone(),
            submitting.clone(),
            problem.clone(),
            session.clone(),
            navigator.clone(),
        );
        move |answer: ScoutAnswer| {
            submitting.set(true);
            problem.set(None);
            let (scout, submitting, problem, session, navigator) = (
                scout.clone(),
                submitting.clone(),
                problem.clone(),
                session.clone(),
                navigator.clone(),
            );
            spawn_local(async move {
                let body = &answer;
                let result = session
                    .call(|client: ApiClient| async move { client.answer_scout(id, body).await })
                    .await;
                submitting.set(false);
                match result {
                    Ok(updated) => {
                        forget_draft(&format!("kakehashi.scout-draft.{id}"));
                        // An acceptance is now an application: show it, as applying does.
                        if let (Some(app), Some(navigator)) = (updated.application_id, navigator) {
                            let route = Route::Application { id: app };
                            let query = AppliedQuery {
                                applied: Some(true),
                            };
                            if navigator.push_with_query(&route, &query).is_err() {
                                navigator.push(&route);
                            }
                        }
                        scout.set(updated);
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        }
    };
    let on_accept = {
        let send = send.clone();
        Callback::from(move |input: ApplicationInput| {
            send(ScoutAnswer {
                accept: true,
                application: Some(input),
            })
        })
    };
    let on_decline = {
        let declining = declining.clone();
        Callback::from(move |_: MouseEvent| {
            if *declining {
                send(ScoutAnswer {
                    accept: false,
                    application: None,
                });
                declining.set(false);
            } else {
                declining.set(true);
            }
        })
    };
    let s = &*scout;
    let questions = props
        .project
        .draft
        .screening_questions
        .clone()
        .unwrap_or_default();

    html! {
        <>
            <div class="listing">
                <p class="listing-title">
                    <Link<Route> to={Route::Project { id: s.project_id }}>{ s.project_title.clone() }</Link<Route>>
                </p>
                <p class="listing-meta">{ props.project.company_name.clone() }{ " ・ " }{ format_date(lang, &s.created_at) }</p>
                <p>{ scout_badge(lang, s.status) }</p>
            </div>
            <section class="block">
                <h2>{ Msg::TalScoutMessage.t(lang) }</h2>
                <blockquote class="message prewrap">{ s.message.clone() }</blockquote>
            </section>
            if s.status == ScoutStatus::Pending {
                <section class="block">
                    <h2>{ Msg::TalScoutAccept.t(lang) }</h2>
                    <p class="hint">{ Msg::TalScoutAcceptHint.t(lang) }</p>
                    <ProposalForm {questions} submit={Msg::TalScoutAcceptSubmit} submitting_label={Msg::TalApplySubmitting}
                        submitting={*submitting} problem={(*problem).clone()} field_prefix="application." draft_key={format!("kakehashi.scout-draft.{id}")} on_submit={on_accept}>
                        // Accepting needs a profile, as applying does: say where to write it.
                        if problem.as_ref().is_some_and(super::recommended::is_profile_required) {
                            <Link<Route> to={Route::TalentProfile} classes="button primary">{ Msg::TalWriteProfile.t(lang) }</Link<Route>>
                        }
                    </ProposalForm>
                </section>
                <section class="block">
                    <h2>{ Msg::TalScoutDecline.t(lang) }</h2>
                    <p class="hint">{ Msg::TalScoutDeclineHint.t(lang) }</p>
                    if *declining {
                        <p role="alert"><strong>{ Msg::TalScoutDeclineConfirm.t(lang) }</strong></p>
                    }
                    <button type="button" class="button secondary" onclick={on_decline} disabled={*submitting}>
                        { if *declining { Msg::TalScoutDeclineYes.t(lang) } else { Msg::TalScoutDecline.t(lang) } }
                    </button>
                </section>
            } else if let Some(app) = s.application_id {
                <Link<Route> to={Route::Application { id: app }} classes="button primary">{ Msg::TalSeeApplication.t(lang) }</Link<Route>>
            } else {
                <p>{ Msg::TalScoutDeclinedDone.t(lang) }</p>
            }
        </>
    }
}
