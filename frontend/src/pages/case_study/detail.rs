//! `/case-studies/{id}`: one case study as the public reads it (the talent anonymised). For a
//! draft, the parties and the hub also see whose consent is still missing, give their own,
//! edit the text, and the coordinator publishes it. Notifications link here.

use kakehashi_shared::case_study::{CaseStudy, CaseStudyStatus};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use super::consent::ConsentPanel;
use super::edit::TextEditor;
use super::story::{challenge_list, place_line, status_badge, talent_line};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::pages::company::common::labelled;
use crate::pages::public::{load_refs, Refs};
use crate::routes::{current_path, LoginQuery, Route};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct CaseStudyPageProps {
    pub id: i64,
}

#[function_component(CaseStudyPage)]
pub fn case_study_page(props: &CaseStudyPageProps) -> Html {
    let lang = use_lang();
    use_title(Msg::CsDetailTitle);
    let session = use_session();
    let role = session.session().map(|s| s.user.role);
    let id = props.id;
    // Drafts are shown only to the signed-in parties, so a signed-in reader asks with the token.
    let (loaded, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            let refs = load_refs().await?;
            let study = if session.is_signed_in() {
                session
                    .call(|c: ApiClient| async move {
                        c.get::<CaseStudy>(&format!("/api/v1/case-studies/{id}"))
                            .await
                    })
                    .await?
            } else {
                api::client()
                    .get::<CaseStudy>(&format!("/api/v1/case-studies/{id}"))
                    .await?
            };
            Ok::<_, ApiError>((study, refs))
        })
    };
    // The latest answer of a consent, an edit or publication replaces the loaded one.
    let current = use_state(|| None::<CaseStudy>);
    let on_change = {
        let current = current.clone();
        Callback::from(move |s: CaseStudy| current.set(Some(s)))
    };

    let body = match &loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(ApiError::Problem(p)) if p.status == 404 && role.is_none() => {
            let query = LoginQuery {
                next: Some(current_path()),
            };
            html! {
                <div class="alert info" role="status">
                    <p>{ Msg::CsNotFoundSignIn.t(lang) }</p>
                    <Link<Route, LoginQuery> to={Route::Login} query={Some(query)} classes="button secondary">{ Msg::NavLogin.t(lang) }</Link<Route, LoginQuery>>
                </div>
            }
        }
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry} /> }
        }
        Remote::Ready((study, refs)) => {
            let published_now = study.status == CaseStudyStatus::Draft
                && current
                    .as_ref()
                    .is_some_and(|c| c.status == CaseStudyStatus::Published);
            let study = (*current)
                .clone()
                .filter(|s| s.id == study.id)
                .unwrap_or_else(|| study.clone());
            html! {
                <>
                    if published_now {
                        <p class="saved" role="status">{ Msg::CsPublishedNow.t(lang) }</p>
                    }
                    { story(lang, &study, refs) }
                    if study.status == CaseStudyStatus::Draft {
                        if let Some(role) = role {
                            <ConsentPanel study={study.clone()} {role} on_change={on_change.clone()} />
                            <TextEditor study={study.clone()} on_change={on_change.clone()} />
                        }
                    }
                </>
            }
        }
    };
    html! {
        <article class="page narrow case-study">
            <p><Link<Route> to={Route::CaseStudies}>{ Msg::CsBackToList.t(lang) }</Link<Route>></p>
            { body }
        </article>
    }
}

fn story(lang: Lang, s: &CaseStudy, refs: &Refs) -> Html {
    let draft = s.status == CaseStudyStatus::Draft;
    // The first draft is drawn from the engagement's records and may leave a part empty;
    // a draft says so where the part belongs, a published story leaves it out.
    let body = |text: &str| {
        if text.trim().is_empty() {
            html! { <p class="muted">{ Msg::CsEmptyPart.t(lang) }</p> }
        } else {
            html! { <p class="pre">{ text.to_owned() }</p> }
        }
    };
    let section = |title: Msg, text: &str| {
        if !draft && text.trim().is_empty() {
            return Html::default();
        }
        html! {
            <section class="case-section">
                <h2>{ title.t(lang) }</h2>
                { body(text) }
            </section>
        }
    };
    let challenges = challenge_list(lang, s, refs);
    html! {
        <>
            <div class="card-head">
                { status_badge(lang, s.status) }
            </div>
            <h1>{ s.text.title.clone() }</h1>
            if s.status == CaseStudyStatus::Draft {
                <p class="note">{ Msg::CsDraftNote.t(lang) }</p>
            }
            <dl class="details case-facts">
                <div class="detail-row"><dt>{ Msg::CsCompany.t(lang) }</dt><dd>{ s.company_name.clone() }</dd></div>
                <div class="detail-row"><dt>{ Msg::CsWhere.t(lang) }</dt><dd>{ place_line(lang, s, refs) }</dd></div>
                <div class="detail-row"><dt>{ Msg::CsTalent.t(lang) }</dt><dd>{ talent_line(lang, &s.talent, refs) }</dd></div>
                if !challenges.is_empty() {
                    <div class="detail-row"><dt>{ Msg::CsChallenges.t(lang) }</dt><dd>{ challenges }</dd></div>
                }
            </dl>
            { section(Msg::CsTrigger, &s.text.trigger) }
            { section(Msg::CsWhatWasDone, &s.text.what_was_done) }
            <section class="case-section">
                <h2>{ Msg::CsResultsTitle.t(lang) }</h2>
                if !s.kpis.is_empty() {
                    <ul class="case-kpis">
                        { for s.kpis.iter().map(|k| html! { <li>{ k.clone() }</li> }) }
                    </ul>
                }
                if draft || !s.text.results.trim().is_empty() {
                    { body(&s.text.results) }
                }
            </section>
            { section(Msg::CsSuccessFactors, &s.text.success_factors) }
            if let Some(at) = s.published_at.as_ref() {
                <p class="meta">{ labelled(lang, Msg::CsPublishedOn, &format_date(lang, at)) }</p>
            }
        </>
    }
}

/// Which consent the signed-in person gives: the API records it by their side.
pub fn side_of(role: Role) -> Option<Side> {
    match role {
        Role::Talent => Some(Side::Talent),
        Role::CompanyMember => Some(Side::Company),
        Role::Coordinator | Role::Admin => Some(Side::Coordinator),
        Role::Partner => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Company,
    Talent,
    Coordinator,
}
