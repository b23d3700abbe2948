//! Drafting a case study from the engagement's records (parties and the hub's coordinator);
//! the draft opens on its own page, where both sides consent before it is published.

use kakehashi_shared::client::ApiClient;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::words::ActionAlert;
use crate::api::ApiError;
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct CaseStudyProps {
    pub engagement_id: i64,
    /// The draft made from this engagement already, if any.
    pub case_study_id: Option<i64>,
}

#[function_component(CaseStudySection)]
pub fn case_study_section(props: &CaseStudyProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let navigator = use_navigator();
    let onclick = {
        let (working, problem, session, id) = (
            working.clone(),
            problem.clone(),
            session.clone(),
            props.engagement_id,
        );
        Callback::from(move |_: MouseEvent| {
            let (working, problem, session, navigator) = (
                working.clone(),
                problem.clone(),
                session.clone(),
                navigator.clone(),
            );
            working.set(true);
            problem.set(None);
            spawn_local(async move {
                let answer = session
                    .call(|client: ApiClient| async move { client.draft_case_study(id).await })
                    .await;
                working.set(false);
                match answer {
                    Ok(study) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::CaseStudy { id: study.id });
                        }
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        })
    };
    html! {
        <section class="block" id="case-study" aria-labelledby="case-study-heading">
            <h2 id="case-study-heading">{ Msg::EgCaseTitle.t(lang) }</h2>
            <p class="hint">{ Msg::EgCaseLead.t(lang) }</p>
            if let Some(id) = props.case_study_id {
                <p>{ Msg::EgCaseExists.t(lang) }</p>
                <div class="actions tight">
                    <Link<Route> to={Route::CaseStudy { id }} classes="button secondary">{ Msg::EgCaseOpenDraft.t(lang) }</Link<Route>>
                </div>
            } else {
            if let Some(error) = (*problem).clone() {
                <ActionAlert {error} />
            }
            <div class="actions tight">
                <button type="button" class="button secondary" {onclick} disabled={*working}>
                    { if *working { Msg::EgCaseWorking.t(lang) } else { Msg::EgCaseButton.t(lang) } }
                </button>
            </div>
            }
        </section>
    }
}
