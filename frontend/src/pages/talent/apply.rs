//! `/projects/:id/apply`: the proposal and the screening answers. Afterwards the person
//! lands on the application, which says when the company will answer.

use kakehashi_shared::application::ApplicationInput;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::project::Project;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::proposal::{forget_draft, ProposalForm};
use super::TalentOnly;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::{monthly_fee, monthly_hours};
use crate::i18n::{use_lang, Msg};
use crate::pages::public::{load_project, Refs};
use crate::routes::{AppliedQuery, Route};
use crate::session::use_session;

fn has_code(error: &ApiError, code: &str) -> bool {
    matches!(error, ApiError::Problem(p) if p.code == code)
}

/// Where the unsent application to a posting is kept in this browser.
fn draft_key(project_id: i64) -> String {
    format!("kakehashi.apply-draft.{project_id}")
}

#[derive(Properties, PartialEq)]
pub struct ApplyPageProps {
    pub id: i64,
}

#[function_component(ApplyPage)]
pub fn apply_page(props: &ApplyPageProps) -> Html {
    use_title(Msg::TalApplyTitle);
    html! {
        <RequireSession>
            <TalentOnly>
                <ApplyLoader id={props.id} />
            </TalentOnly>
        </RequireSession>
    }
}

#[function_component(ApplyLoader)]
fn apply_loader(props: &ApplyPageProps) -> Html {
    let lang = use_lang();
    let id = props.id;
    let (loaded, retry) = use_remote(move || load_project(id));
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready((project, refs)) => html! { <ApplyForm {project} {refs} /> },
    };
    html! {
        <section class="page narrow">
            <h1>{ Msg::TalApplyTitle.t(lang) }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ApplyFormProps {
    project: Project,
    refs: Refs,
}

#[function_component(ApplyForm)]
fn apply_form(props: &ApplyFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let submitting = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let p = &props.project;
    let d = &p.draft;

    let on_submit = {
        let (submitting, problem) = (submitting.clone(), problem.clone());
        let id = p.id;
        Callback::from(move |input: ApplicationInput| {
            submitting.set(true);
            problem.set(None);
            let (submitting, problem, session, navigator) = (
                submitting.clone(),
                problem.clone(),
                session.clone(),
                navigator.clone(),
            );
            spawn_local(async move {
                let input = &input;
                let answer = session
                    .call(|client: ApiClient| async move { client.apply(id, input).await })
                    .await;
                submitting.set(false);
                match answer {
                    Ok(application) => {
                        forget_draft(&draft_key(id));
                        if let Some(navigator) = navigator {
                            let route = Route::Application { id: application.id };
                            let query = AppliedQuery {
                                applied: Some(true),
                            };
                            if navigator.push_with_query(&route, &query).is_err() {
                                navigator.push(&route);
                            }
                        }
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        })
    };

    let summary = [
        d.monthly_fee.map(|f| monthly_fee(lang, f)),
        d.hours_per_month.map(|h| monthly_hours(lang, h)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ・ ");

    html! {
        <>
            <div class="listing">
                <p class="listing-title">
                    <Link<Route> to={Route::Project { id: p.id }}>{ d.title.clone().unwrap_or_default() }</Link<Route>>
                </p>
                <p class="listing-meta">{ p.company_name.clone() }</p>
                <p>{ summary }</p>
            </div>
            <p class="lead">{ Msg::TalApplyLead.t(lang) }</p>
            <ProposalForm questions={d.screening_questions.clone().unwrap_or_default()}
                submit={Msg::TalApplySubmit} submitting_label={Msg::TalApplySubmitting}
                submitting={*submitting} problem={(*problem).clone()} draft_key={draft_key(p.id)} {on_submit}>
                // The refusals that have a next step get its button (what was typed is kept).
                if problem.as_ref().is_some_and(|e| has_code(e, "profile_required")) {
                    <Link<Route> to={Route::TalentProfile} classes="button primary">{ Msg::TalWriteProfile.t(lang) }</Link<Route>>
                }
                if problem.as_ref().is_some_and(|e| has_code(e, "application_exists")) {
                    <Link<Route> to={Route::Applications} classes="button primary">{ Msg::TalApplicationsTitle.t(lang) }</Link<Route>>
                }
            </ProposalForm>
        </>
    }
}
