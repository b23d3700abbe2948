//! `/talent/recommended`: open postings for this talent, best first, each with its score and
//! every reason in words; points taken away are marked as such, not by colour alone.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::search::{Reason, RecommendedProject};
use yew::prelude::*;
use yew_router::prelude::*;

use super::TalentOnly;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_title, Remote};
use crate::i18n::format::{points, score};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::public::{load_refs, ProjectCard, Refs};
use crate::routes::Route;
use crate::session::use_session;

/// Recommendations come as one ranked list; "more" asks for a longer one, up to the API's 100.
const STEP: u32 = 10;
const MAX: u32 = 100;

#[function_component(RecommendedPage)]
pub fn recommended_page() -> Html {
    use_title(Msg::TalRecommendedTitle);
    html! {
        <RequireSession>
            <TalentOnly>
                <Recommended />
            </TalentOnly>
        </RequireSession>
    }
}

#[function_component(Recommended)]
fn recommended() -> Html {
    let lang = use_lang();
    let session = use_session();
    let limit = use_state(|| STEP);
    let attempt = use_state(|| 0u32);
    let state = use_state(|| Remote::<(Vec<RecommendedProject>, Refs)>::Loading);
    {
        let (state, session) = (state.clone(), session.clone());
        use_effect_with((*limit, *attempt), move |(limit, _)| {
            let limit = *limit;
            // Keep the list already shown while a longer one loads.
            if !matches!(*state, Remote::Ready(_)) {
                state.set(Remote::Loading);
            }
            wasm_bindgen_futures::spawn_local(async move {
                let answer = async {
                    let refs = load_refs().await?;
                    let list = session
                        .call(|client: ApiClient| async move {
                            client.recommended_projects(limit).await
                        })
                        .await?;
                    Ok::<_, ApiError>((list, refs))
                }
                .await;
                state.set(match answer {
                    Ok(data) => Remote::Ready(data),
                    Err(error) => Remote::Failed(error),
                });
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    let body = match &*state {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) if is_profile_required(error) => html! {
            <div class="empty-state">
                <p>{ Msg::TalNeedProfile.t(lang) }</p>
                <Link<Route> to={Route::TalentProfile} classes="button primary">{ Msg::TalWriteProfile.t(lang) }</Link<Route>>
            </div>
        },
        Remote::Failed(error) => html! { <ErrorAlert error={error.clone()} on_retry={retry} /> },
        Remote::Ready((list, _)) if list.is_empty() => {
            html! {
                <div class="empty-state">
                    <p>{ Msg::TalNoRecommendations.t(lang) }</p>
                    <div class="actions tight">
                        <Link<Route> to={Route::Projects} classes="button primary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
                        <Link<Route> to={Route::TalentProfile} classes="button secondary">{ Msg::TalEditProfile.t(lang) }</Link<Route>>
                    </div>
                </div>
            }
        }
        Remote::Ready((list, refs)) => {
            let more = (list.len() as u32 >= *limit && *limit < MAX).then(|| {
                let limit = limit.clone();
                let onclick = Callback::from(move |_: MouseEvent| limit.set((*limit + STEP).min(MAX)));
                html! { <button type="button" class="button secondary" {onclick}>{ Msg::TalMore.t(lang) }</button> }
            });
            html! {
                <>
                    <ul class="listing-list">
                        { for list.iter().map(|r| recommendation(lang, r, refs)) }
                    </ul>
                    { for more }
                </>
            }
        }
    };

    html! {
        <section class="page">
            <h1>{ Msg::TalRecommendedTitle.t(lang) }</h1>
            <p class="lead">{ Msg::TalRecommendedLead.t(lang) }</p>
            { body }
        </section>
    }
}

pub fn is_profile_required(error: &ApiError) -> bool {
    matches!(error, ApiError::Problem(p) if p.code == "profile_required")
}

fn recommendation(lang: Lang, r: &RecommendedProject, refs: &Refs) -> Html {
    let width = format!("width: {}%", r.score.clamp(0, 100));
    html! {
        <li>
            <ProjectCard project={r.project.clone()} refs={refs.clone()}>
                <div class="match">
                    <p class="match-score">
                        <strong>{ score(lang, r.score) }</strong>
                        <span class="meter" aria-hidden="true"><span class="meter-fill" style={width}></span></span>
                    </p>
                    <h3 class="reasons-title">{ Msg::TalReasons.t(lang) }</h3>
                    <ul class="match-reasons">
                        { for r.reasons.iter().map(|reason| reason_item(lang, reason)) }
                    </ul>
                    <Link<Route> to={Route::Apply { id: r.project.id }} classes="button primary">{ Msg::PubApply.t(lang) }</Link<Route>>
                </div>
            </ProjectCard>
        </li>
    }
}

fn reason_item(lang: Lang, reason: &Reason) -> Html {
    let negative = reason.points < 0;
    html! {
        <li class={classes!("match-reason", negative.then_some("negative"))}>
            <span class="points">{ points(reason.points) }</span>
            <span>
                if negative {
                    <span class="caution">{ Msg::TalCaution.t(lang) }</span>{ " " }
                }
                { lang.pick(&reason.text_ja, &reason.text_en).to_owned() }
            </span>
        </li>
    }
}
