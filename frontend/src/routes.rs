//! The app's addresses. The server answers index.html for any unknown non-API path, so each of
//! these works as a deep link or after a reload.

use kakehashi_shared::enums::Role;
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages::{
    Elsewhere, HomePage, LoginPage, MePage, NotFoundPage, Record, RecordLinkPage, RegisterPage,
};
// Admin screens.
use crate::pages::admin::{AdminHomePage, AdminHubsPage, AdminOutboxPage, AdminStaffPage};
// Partners.
use crate::pages::admin::AdminPartnersPage;
use crate::pages::partner::PartnerHomePage;
// Integrations.
use crate::pages::partner::IntegrationsPage;
// Statistics (KPIs).
use crate::pages::stats::{StatsDashboardPage, StatsPage};
// Company and coordinator screens.
use crate::pages::company::{ApplicantsBoardPage, CompanyProjectsPage, ProjectWizardPage};
use crate::pages::coordinator::{PipelinePage, ReviewQueuePage};
// Case studies, coordinator dashboard and company profile.
use crate::pages::case_study::{CaseStudiesPage, CaseStudyPage};
use crate::pages::company::CompanyProfilePage;
use crate::pages::coordinator::{CoordinatorCompanyPage, CoordinatorHomePage, NewCompanyPage};
// Engagement screens.
use crate::pages::engagement::{EngagementPage, EngagementsPage};
// Contract and messages screens.
use crate::pages::contract::{ContractBuilderPage, ContractPage};
use crate::pages::messages::{ConversationPage, QuestionnairePage};
// Notifications screen.
use crate::pages::notifications::NotificationsPage;
// Public and talent screens.
use crate::pages::public::{ProjectPage, ProjectSearch};
use crate::pages::talent::{
    ApplicationPage, ApplicationsPage, ApplyPage, RecommendedPage, ScoutPage, ScoutsPage,
    TalentProfilePage,
};

/// The bundles, as `switch`'s parameter: which pages each one's wasm holds. index.html's loader
/// holds the same split by path.
pub const PUBLIC: u8 = 0;
pub const ACCOUNT: u8 = 1;
pub const WORK: u8 = 2;
pub const COMPANY: u8 = 3;
pub const HUB: u8 = 4;
pub const PARTNER: u8 = 5;

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
    // Admin screens.
    #[at("/admin")]
    Admin,
    #[at("/admin/hubs")]
    AdminHubs,
    #[at("/admin/staff")]
    AdminStaff,
    #[at("/admin/outbox")]
    AdminOutbox,
    // Partners: the admin's partner screen (hub bundle).
    #[at("/admin/partners")]
    AdminPartners,
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
    // Case studies, coordinator dashboard and company profile.
    #[at("/case-studies")]
    CaseStudies,
    #[at("/case-studies/:id")]
    CaseStudy { id: i64 },
    #[at("/coordinator")]
    CoordinatorHome,
    #[at("/coordinator/companies/new")]
    CoordinatorNewCompany,
    #[at("/coordinator/companies/:id")]
    CoordinatorCompany { id: i64 },
    #[at("/company/profile")]
    CompanyProfile,
    // Engagement screens.
    #[at("/engagements")]
    Engagements,
    #[at("/engagements/:id")]
    Engagement { id: i64 },
    // Contract and messages screens.
    #[at("/company/applications/:id/contract")]
    ContractBuilder { id: i64 },
    #[at("/contracts/:id")]
    Contract { id: i64 },
    #[at("/applications/:id/messages")]
    ApplicationMessages { id: i64 },
    #[at("/applications/:id/questionnaire")]
    ApplicationQuestionnaire { id: i64 },
    // Notifications screen.
    #[at("/notifications")]
    Notifications,
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
    // Figures: the public summary and the staff dashboards (partner bundle).
    #[at("/stats")]
    Stats,
    #[at("/stats/dashboard")]
    StatsDashboard,
    // Partners: the partner's home (referral link, widget, programmes) (partner bundle).
    #[at("/partner")]
    PartnerHome,
    // Integrations: API keys and webhooks for partners and admins (partner bundle).
    #[at("/integrations")]
    Integrations,
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The page for each address in one bundle (`PUBLIC`, `ACCOUNT`, `WORK`, `COMPANY`, `HUB` or
/// `PARTNER`;
/// see lib.rs). The guards are constants in each bundle's copy of this function, so the
/// compiler leaves the other bundles' pages out of its wasm; their addresses hand over to the
/// loader.
pub fn switch<const BUNDLE: u8>(route: Route) -> Html {
    match route {
        Route::Home if BUNDLE == PUBLIC => html! { <HomePage /> },
        Route::Login if BUNDLE == PUBLIC => html! { <LoginPage /> },
        Route::Register if BUNDLE == PUBLIC => html! { <RegisterPage /> },
        Route::Me if BUNDLE == ACCOUNT => html! { <MePage /> },
        Route::ApplicationLink { id } if BUNDLE == ACCOUNT => {
            html! { <RecordLinkPage record={Record::Application} {id} /> }
        }
        Route::ScoutLink { id } if BUNDLE == ACCOUNT => {
            html! { <RecordLinkPage record={Record::Scout} {id} /> }
        }
        // Admin screens.
        Route::Admin if BUNDLE == HUB => html! { <AdminHomePage /> },
        Route::AdminHubs if BUNDLE == HUB => html! { <AdminHubsPage /> },
        Route::AdminStaff if BUNDLE == HUB => html! { <AdminStaffPage /> },
        Route::AdminOutbox if BUNDLE == HUB => html! { <AdminOutboxPage /> },
        // Partners: the admin's partner screen and the partner's home.
        Route::AdminPartners if BUNDLE == HUB => html! { <AdminPartnersPage /> },
        Route::PartnerHome if BUNDLE == PARTNER => html! { <PartnerHomePage /> },
        // Integrations: API keys and webhooks.
        Route::Integrations if BUNDLE == PARTNER => html! { <IntegrationsPage /> },
        // Statistics (KPIs).
        Route::Stats if BUNDLE == PARTNER => html! { <StatsPage /> },
        Route::StatsDashboard if BUNDLE == PARTNER => html! { <StatsDashboardPage /> },
        // Company and coordinator screens. Both wizard routes render the same component at
        // the same place, so moving from /new to /{id}/edit after the first save keeps the form.
        Route::CompanyProjects if BUNDLE == COMPANY => html! { <CompanyProjectsPage /> },
        Route::CompanyProjectNew if BUNDLE == COMPANY => html! { <ProjectWizardPage /> },
        Route::CompanyProjectEdit { id } if BUNDLE == COMPANY => {
            html! { <ProjectWizardPage id={Some(id)} /> }
        }
        Route::CompanyProjectBoard { id } if BUNDLE == COMPANY => {
            html! { <ApplicantsBoardPage {id} /> }
        }
        Route::ReviewQueue if BUNDLE == HUB => html! { <ReviewQueuePage /> },
        Route::Pipeline if BUNDLE == HUB => html! { <PipelinePage /> },
        // Case studies, coordinator dashboard and company profile.
        Route::CaseStudies if BUNDLE == PUBLIC => html! { <CaseStudiesPage /> },
        Route::CaseStudy { id } if BUNDLE == PUBLIC => html! { <CaseStudyPage {id} /> },
        Route::CoordinatorHome if BUNDLE == HUB => html! { <CoordinatorHomePage /> },
        Route::CoordinatorNewCompany if BUNDLE == HUB => html! { <NewCompanyPage /> },
        Route::CoordinatorCompany { id } if BUNDLE == HUB => {
            html! { <CoordinatorCompanyPage {id} /> }
        }
        Route::CompanyProfile if BUNDLE == COMPANY => html! { <CompanyProfilePage /> },
        // Engagement screens.
        Route::Engagements if BUNDLE == WORK => html! { <EngagementsPage /> },
        Route::Engagement { id } if BUNDLE == WORK => html! { <EngagementPage {id} /> },
        // Contract and messages screens.
        Route::ContractBuilder { id } if BUNDLE == COMPANY => {
            html! { <ContractBuilderPage {id} /> }
        }
        Route::Contract { id } if BUNDLE == WORK => html! { <ContractPage {id} /> },
        Route::ApplicationMessages { id } if BUNDLE == WORK => {
            html! { <ConversationPage {id} /> }
        }
        Route::ApplicationQuestionnaire { id } if BUNDLE == WORK => {
            html! { <QuestionnairePage {id} /> }
        }
        // Notifications screen.
        Route::Notifications if BUNDLE == ACCOUNT => html! { <NotificationsPage /> },
        // Public and talent screens.
        Route::Projects if BUNDLE == PUBLIC => html! { <ProjectSearch /> },
        Route::Project { id } if BUNDLE == PUBLIC => html! { <ProjectPage {id} /> },
        Route::Apply { id } if BUNDLE == PUBLIC => html! { <ApplyPage {id} /> },
        Route::TalentProfile if BUNDLE == ACCOUNT => html! { <TalentProfilePage /> },
        Route::Recommended if BUNDLE == ACCOUNT => html! { <RecommendedPage /> },
        Route::Applications if BUNDLE == ACCOUNT => html! { <ApplicationsPage /> },
        Route::Application { id } if BUNDLE == ACCOUNT => html! { <ApplicationPage {id} /> },
        Route::Scouts if BUNDLE == ACCOUNT => html! { <ScoutsPage /> },
        Route::Scout { id } if BUNDLE == ACCOUNT => html! { <ScoutPage {id} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <Elsewhere /> },
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

// Partners.
/// `/partner?partner=3`: the partner home an admin opens from the partners list (partner staff
/// always see their own, whatever the query says); `/admin/staff?partner=3`: the staff form
/// set to that partner's staff.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartnerQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<i64>,
}

/// The path the browser shows now (path only; the app's pages take no query but /login's).
pub fn current_path() -> String {
    gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".to_owned())
}

/// Where to go after signing in: `next` if it is a page of this app, else the role's own
/// starting page (a coordinator's queue of companies rather than the account page). Only
/// same-site paths are accepted, so a crafted link cannot send people elsewhere.
pub fn after_sign_in(next: Option<&str>, role: Option<Role>) -> Route {
    let home = match role {
        Some(Role::Talent) => Route::Recommended,
        Some(Role::CompanyMember) => Route::CompanyProjects,
        Some(Role::Coordinator) => Route::CoordinatorHome,
        Some(Role::Admin) => Route::Admin,
        Some(Role::Partner) => Route::PartnerHome,
        None => Route::Me,
    };
    let Some(next) = next else { return home };
    let is_local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if !is_local {
        return home;
    }
    let path = next.split(['?', '#']).next().unwrap_or(next);
    match Route::recognize(path) {
        Some(Route::Login | Route::Register | Route::NotFound) | None => home,
        Some(route) => route,
    }
}
