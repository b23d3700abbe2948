//! `/coordinator/reviews`: postings submitted by the hub's companies, oldest work first in
//! the API's order, each readable in full, then approved or sent back with comments.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::project::{Project, ReviewComment};
use kakehashi_shared::workflow::ProjectStatus;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::forms::FormErrors;
use crate::hooks::{use_title, Remote};
use crate::i18n::{use_lang, Msg};
use crate::pages::company::common::{
    dated, project_title, use_paged, ActionError, MoreButton, PageLoader, RoleGate, TextArea,
};
use crate::pages::company::PostingDetails;
use crate::session::use_session;

const PAGE: u32 = 20;

#[function_component(ReviewQueuePage)]
pub fn review_queue_page() -> Html {
    use_title(Msg::RqTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Coordinator]} refusal={Msg::ErrNotCoordinator}>
                <Queue />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(Queue)]
fn queue() -> Html {
    let lang = use_lang();
    let session = use_session();
    let loader: PageLoader<Project, ()> = Rc::new(move |(), cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|c: ApiClient| {
                    let cursor = cursor.clone();
                    async move {
                        c.managed_projects(Some(ProjectStatus::InReview), PAGE, cursor.as_deref())
                            .await
                    }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged((), loader);
    // Reviewed postings stay on screen with what happened, so the coordinator sees the result
    // of each decision; they leave the queue on the next load.
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty">
                <h2>{ Msg::RqEmptyTitle.t(lang) }</h2>
                <p>{ Msg::RqEmptyBody.t(lang) }</p>
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="card-list">
                    { for items.iter().map(|p| html! { <ReviewCard key={p.id} project={p.clone()} /> }) }
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
            <h1>{ Msg::RqTitle.t(lang) }</h1>
            <p class="lead">{ Msg::RqLead.t(lang) }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewCardProps {
    project: Project,
}

#[function_component(ReviewCard)]
fn review_card(props: &ReviewCardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let p = &props.project;
    let outcome = use_state(|| None::<Msg>);
    let asking = use_state(|| false);
    let comment = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let comment_id = format!("review-comment-{}", p.id);

    // Approve (`None`) or request changes (`Some(comment)`).
    let decide = {
        let (session, outcome, errors, problem, busy, comment_id) = (
            session.clone(),
            outcome.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            comment_id.clone(),
        );
        let id = p.id;
        Callback::from(move |comment: Option<String>| {
            if *busy {
                return;
            }
            if let Some(text) = &comment {
                let body = ReviewComment {
                    comment: text.trim().to_owned(),
                };
                if let Err(invalid) = body.validate() {
                    let invalid = FormErrors::from_validation(invalid);
                    invalid.focus_first(&[("comment", comment_id.as_str())]);
                    errors.set(invalid);
                    return;
                }
            }
            errors.set(FormErrors::default());
            problem.set(None);
            busy.set(true);
            let (session, outcome, errors, problem, busy) = (
                session.clone(),
                outcome.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let comment = comment.clone();
                        async move {
                            match comment {
                                Some(text) => c.request_project_changes(id, text.trim()).await,
                                None => c.approve_project(id).await,
                            }
                        }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(moved) => outcome.set(Some(if moved.status == ProjectStatus::Published {
                        Msg::RqApproved
                    } else {
                        Msg::RqRequested
                    })),
                    Err(error) => {
                        errors.set(FormErrors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let actions = if let Some(message) = *outcome {
        html! { <p class="saved" role="status">{ message.t(lang) }</p> }
    } else {
        let approve = {
            let decide = decide.clone();
            Callback::from(move |_: MouseEvent| decide.emit(None))
        };
        let toggle = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(!*asking))
        };
        let onsubmit = {
            let (decide, comment) = (decide.clone(), comment.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                decide.emit(Some((*comment).clone()));
            })
        };
        let on_comment = {
            let (comment, errors) = (comment.clone(), errors.clone());
            Callback::from(move |v: String| {
                comment.set(v);
                crate::forms::clear_error(&errors, "comment");
            })
        };
        html! {
            <>
                if let Some(error) = (*problem).clone() {
                    <ActionError {error} kept_input={*asking} />
                }
                <div class="card-actions">
                    <button type="button" class="button primary" disabled={*busy} onclick={approve}>{ Msg::RqApprove.t(lang) }</button>
                    <button type="button" class="button secondary" disabled={*busy} onclick={toggle}
                        aria-expanded={if *asking { "true" } else { "false" }}>{ Msg::RqRequest.t(lang) }</button>
                </div>
                if *asking {
                    <form class="panel" {onsubmit} novalidate=true>
                        <h3>{ Msg::RqRequestTitle.t(lang) }</h3>
                        <TextArea id={comment_id.clone()} label={Msg::FieldReviewComment} hint={Msg::HintReviewComment}
                            value={(*comment).clone()} on_input={on_comment} error={errors.get("comment")} />
                        <button type="submit" class="button primary" disabled={*busy}>{ Msg::RqRequestSend.t(lang) }</button>
                    </form>
                }
            </>
        }
    };

    html! {
        <li class="card">
            <p class="card-company">{ p.company_name.clone() }</p>
            <h2 class="card-title">{ project_title(lang, p) }</h2>
            <p class="meta">{ dated(lang, Msg::RqSubmitted, &p.updated_at) }</p>
            <details>
                <summary>{ Msg::RqShow.t(lang) }</summary>
                <PostingDetails project={p.clone()} />
            </details>
            { actions }
        </li>
    }
}
