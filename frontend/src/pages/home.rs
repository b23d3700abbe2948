//! `/`: what Kakehashi is, the programme's live figures (from the catalogue's own counts),
//! the newest open projects, and the way in.

use kakehashi_shared::enums::Role;
use kakehashi_shared::search::{ProjectSearchPage, ProjectSearchParams};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, welcome, Lang, Msg};
use crate::pages::public::{load_refs, ProjectCard, Refs};
use crate::routes::Route;
use crate::session::use_session;

/// How many postings the home page shows.
const FEATURED: i64 = 3;

#[function_component(HomePage)]
pub fn home_page() -> Html {
    let lang = use_lang();
    let session = use_session();
    use_title(Msg::AppTagline);

    let actions = match session.session() {
        Some(signed_in) => html! {
            <>
                <p class="welcome">{ welcome(lang, &signed_in.user.display_name) }</p>
                <div class="actions">
                    if signed_in.user.role == Role::Talent {
                        <Link<Route> to={Route::Recommended} classes="button primary">{ Msg::TalRecommendedTitle.t(lang) }</Link<Route>>
                        <Link<Route> to={Route::Projects} classes="button secondary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
                    } else {
                        <Link<Route> to={Route::Me} classes="button primary">{ Msg::HomeToMe.t(lang) }</Link<Route>>
                        <Link<Route> to={Route::Projects} classes="button secondary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
                    }
                </div>
            </>
        },
        None => html! {
            <div class="actions">
                <Link<Route> to={Route::Projects} classes="button primary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
                <Link<Route> to={Route::Register} classes="button secondary">{ Msg::HomeRegister.t(lang) }</Link<Route>>
                <Link<Route> to={Route::Login} classes="button secondary">{ Msg::HomeLogin.t(lang) }</Link<Route>>
            </div>
        },
    };

    html! {
        <>
            <section class="hero">
                // Privacy (APPI): after an account's deletion the app lands here.
                <crate::pages::privacy::AccountDeletedNotice />
                <h1>{ Msg::HomeHeading.t(lang) }</h1>
                <p class="lead">{ Msg::HomeLead.t(lang) }</p>
                { actions }
            </section>
            <section class="block how">
                <h2>{ Msg::PubHowTitle.t(lang) }</h2>
                <ol class="how-steps">
                    <li><strong>{ Msg::PubHow1.t(lang) }</strong><span>{ Msg::PubHow1Text.t(lang) }</span></li>
                    <li><strong>{ Msg::PubHow2.t(lang) }</strong><span>{ Msg::PubHow2Text.t(lang) }</span></li>
                    <li><strong>{ Msg::PubHow3.t(lang) }</strong><span>{ Msg::PubHow3Text.t(lang) }</span></li>
                </ol>
            </section>
            <Featured />
            // Case studies, coordinator dashboard and company profile.
            <crate::pages::case_study::LatestCaseStudies />
            // Statistics (KPIs): the public figures, 「データで見る架け橋」.
            <section class="block stats-link" aria-labelledby="stats-link-title">
                <h2 id="stats-link-title">{ Msg::StTitle.t(lang) }</h2>
                <p>{ Msg::StHomeText.t(lang) }</p>
                <Link<Route> to={Route::Stats} classes="button secondary">{ Msg::StHomeLink.t(lang) }</Link<Route>>
            </section>
        </>
    }
}

async fn load_featured() -> Result<(ProjectSearchPage, Refs), ApiError> {
    let refs = load_refs().await?;
    let params = ProjectSearchParams {
        sort: Some("newest".to_owned()),
        limit: Some(FEATURED),
        ..ProjectSearchParams::default()
    };
    let page = api::client().search_projects(&params).await?;
    Ok((page, refs))
}

#[function_component(Featured)]
fn featured() -> Html {
    let lang = use_lang();
    let (loaded, retry) = use_remote(load_featured);
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready((page, refs)) => featured_list(lang, &page, &refs),
    };
    html! {
        <section class="block featured" aria-labelledby="featured-title">
            <h2 id="featured-title">{ Msg::PubFeaturedTitle.t(lang) }</h2>
            { body }
        </section>
    }
}

fn featured_list(lang: Lang, page: &ProjectSearchPage, refs: &Refs) -> Html {
    let total = page.total.unwrap_or(page.items.len() as u64);
    let prefectures = page.facets.as_ref().map_or(0, |f| f.prefecture.len());
    let remote = page
        .facets
        .as_ref()
        .and_then(|f| f.remote.iter().find(|c| c.value == "true"))
        .map_or(0, |c| c.count);
    if page.items.is_empty() {
        return html! {
            <div class="empty-state">
                <p>{ Msg::PubNoOpenProjects.t(lang) }</p>
                <Link<Route> to={Route::Register} classes="button primary">{ Msg::HomeRegister.t(lang) }</Link<Route>>
            </div>
        };
    }
    html! {
        <>
            <dl class="figures">
                <div class="figure"><dt>{ Msg::PubFigureOpen.t(lang) }</dt><dd>{ total }</dd></div>
                <div class="figure"><dt>{ Msg::PubFigurePrefectures.t(lang) }</dt><dd>{ prefectures }</dd></div>
                <div class="figure"><dt>{ Msg::PubFigureRemote.t(lang) }</dt><dd>{ remote }</dd></div>
            </dl>
            <ul class="listing-list">
                { for page.items.iter().map(|project| html! {
                    <li><ProjectCard project={project.clone()} refs={refs.clone()} heading="h3" /></li>
                }) }
            </ul>
            <Link<Route> to={Route::Projects} classes="button secondary">{ Msg::PubSeeAll.t(lang) }</Link<Route>>
        </>
    }
}
