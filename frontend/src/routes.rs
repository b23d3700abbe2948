//! The app's addresses. The server answers index.html for any unknown non-API path, so each of
//! these works as a deep link or after a reload.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages::{
    HomePage, LoginPage, MePage, NotFoundPage, Record, RecordLinkPage, RegisterPage,
};
// Company and coordinator screens.
use crate::pages::company::{ApplicantsBoardPage, CompanyProjectsPage, ProjectWizardPage};
use crate::pages::coordinator::{PipelinePage, ReviewQueuePage};
// Public and talent screens.
use crate::pages::public::{ProjectPage, ProjectSearch};
use crate::pages::talent::{
    ApplicationPage, ApplicationsPage, ApplyPage, RecommendedPage, ScoutPage, ScoutsPage,
    TalentProfilePage,
};

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/login")]
    Login,
    #[at("/register")]
    Register,
    #[at("/me")]
    Me,
    // The addresses notifications and emails link to, for every role.
    #[at("/applications/:id")]
    ApplicationLink { id: i64 },
    #[at("/scouts/:id")]
    ScoutLink { id: i64 },
    // Company and coordinator screens.
    #[at("/company/projects")]
    CompanyProjects,
    #[at("/company/projects/new")]
    CompanyProjectNew,
    #[at("/company/projects/:id/edit")]
    CompanyProjectEdit { id: i64 },
    #[at("/company/projects/:id")]
    CompanyProjectBoard { id: i64 },
    #[at("/coordinator/reviews")]
    ReviewQueue,
    #[at("/coordinator/pipeline")]
    Pipeline,
    // Public and talent screens.
    #[at("/projects")]
    Projects,
    #[at("/projects/:id")]
    Project { id: i64 },
    #[at("/projects/:id/apply")]
    Apply { id: i64 },
    #[at("/talent/profile")]
    TalentProfile,
    #[at("/talent/recommended")]
    Recommended,
    #[at("/talent/applications")]
    Applications,
    #[at("/talent/applications/:id")]
    Application { id: i64 },
    #[at("/talent/scouts")]
    Scouts,
    #[at("/talent/scouts/:id")]
    Scout { id: i64 },
    #[not_found]
    #[at("/404")]
    NotFound,
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Login => html! { <LoginPage /> },
        Route::Register => html! { <RegisterPage /> },
        Route::Me => html! { <MePage /> },
        Route::ApplicationLink { id } => {
            html! { <RecordLinkPage record={Record::Application} {id} /> }
        }
        Route::ScoutLink { id } => html! { <RecordLinkPage record={Record::Scout} {id} /> },
        // Company and coordinator screens. Both wizard routes render the same component at
        // the same place, so moving from /new to /{id}/edit after the first save keeps the form.
        Route::CompanyProjects => html! { <CompanyProjectsPage /> },
        Route::CompanyProjectNew => html! { <ProjectWizardPage /> },
        Route::CompanyProjectEdit { id } => html! { <ProjectWizardPage id={Some(id)} /> },
        Route::CompanyProjectBoard { id } => html! { <ApplicantsBoardPage {id} /> },
        Route::ReviewQueue => html! { <ReviewQueuePage /> },
        Route::Pipeline => html! { <PipelinePage /> },
        // Public and talent screens.
        Route::Projects => html! { <ProjectSearch /> },
        Route::Project { id } => html! { <ProjectPage {id} /> },
        Route::Apply { id } => html! { <ApplyPage {id} /> },
        Route::TalentProfile => html! { <TalentProfilePage /> },
        Route::Recommended => html! { <RecommendedPage /> },
        Route::Applications => html! { <ApplicationsPage /> },
        Route::Application { id } => html! { <ApplicationPage {id} /> },
        Route::Scouts => html! { <ScoutsPage /> },
        Route::Scout { id } => html! { <ScoutPage {id} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// `/login?next=/me`: where to go back to after signing in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoginQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// `/talent/applications/:id?applied=true`: the application was just sent, so the page
/// says so and what happens next.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppliedQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied: Option<bool>,
}

/// The path the browser shows now (path only; the app's pages take no query but /login's).
pub fn current_path() -> String {
    gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".to_owned())
}

/// Where to go after signing in or registering: `next` if it is a page of this app, else /me.
/// Only same-site paths are accepted, so a crafted link cannot send people elsewhere.
pub fn after_sign_in(next: Option<&str>) -> Route {
    let Some(next) = next else { return Route::Me };
    let is_local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if !is_local {
        return Route::Me;
    }
    let path = next.split(['?', '#']).next().unwrap_or(next);
    match Route::recognize(path) {
        Some(Route::Login | Route::Register | Route::NotFound) | None => Route::Me,
        Some(route) => route,
    }
}
