//! The top of every page: the name, the language switch and the main menu.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::LangSwitch;
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[function_component(Header)]
pub fn header() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let signing_out = use_state(|| false);

    let on_logout = {
        let (session, signing_out) = (session.clone(), signing_out.clone());
        Callback::from(move |_: MouseEvent| {
            let (session, signing_out, navigator) =
                (session.clone(), signing_out.clone(), navigator.clone());
            signing_out.set(true);
            // Leave first: a protected page would otherwise see the session vanish and send
            // the person to /login, which is not what signing out means.
            if let Some(navigator) = navigator {
                navigator.push(&Route::Home);
            }
            spawn_local(async move {
                session.logout().await;
                signing_out.set(false);
            });
        })
    };

    // Public and talent screens: the catalogue for everyone but staff and companies, and
    // the talent's own screens once a talent is signed in.
    let role = session.session().map(|s| s.user.role);
    let public_and_talent = match role {
        None => html! {
            <li><Link<Route> to={Route::Projects} classes="nav-link">{ Msg::NavFindProjects.t(lang) }</Link<Route>></li>
        },
        Some(kakehashi_shared::enums::Role::Talent) => html! {
            <>
                <li><Link<Route> to={Route::Projects} classes="nav-link">{ Msg::NavFindProjects.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::Recommended} classes="nav-link">{ Msg::NavTalRecommended.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::Applications} classes="nav-link">{ Msg::NavTalApplications.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::Scouts} classes="nav-link">{ Msg::NavTalScouts.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::TalentProfile} classes="nav-link">{ Msg::NavTalProfile.t(lang) }</Link<Route>></li>
            </>
        },
        Some(_) => Html::default(),
    };

    // Company and coordinator screens: the role's own work queues, in the menu once signed in.
    let company_and_coordinator = match session.session().map(|s| s.user.role) {
        Some(kakehashi_shared::enums::Role::CompanyMember) => html! {
            <li><Link<Route> to={Route::CompanyProjects} classes="nav-link">{ Msg::NavCompanyProjects.t(lang) }</Link<Route>></li>
        },
        Some(kakehashi_shared::enums::Role::Coordinator) => html! {
            <>
                <li><Link<Route> to={Route::ReviewQueue} classes="nav-link">{ Msg::NavReviewQueue.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::Pipeline} classes="nav-link">{ Msg::NavPipeline.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::CompanyProjects} classes="nav-link">{ Msg::NavHubProjects.t(lang) }</Link<Route>></li>
            </>
        },
        _ => Html::default(),
    };

    // Engagement screens: the running engagements, for both sides and the hub.
    let engagements = match session.session().map(|s| s.user.role) {
        Some(
            kakehashi_shared::enums::Role::Talent
            | kakehashi_shared::enums::Role::CompanyMember
            | kakehashi_shared::enums::Role::Coordinator,
        ) => html! {
            <li><Link<Route> to={Route::Engagements} classes="nav-link">{ Msg::NavEngagements.t(lang) }</Link<Route>></li>
        },
        _ => Html::default(),
    };

    // Case studies, coordinator dashboard and company profile: the coordinator's home first
    // in the coordinator's menu; the company's profile for members; published case studies
    // for everyone.
    let role_home = match session.session().map(|s| s.user.role) {
        Some(kakehashi_shared::enums::Role::Coordinator) => html! {
            <li><Link<Route> to={Route::CoordinatorHome} classes="nav-link">{ Msg::NavCoordinatorHome.t(lang) }</Link<Route>></li>
        },
        Some(kakehashi_shared::enums::Role::CompanyMember) => html! {
            <li><Link<Route> to={Route::CompanyProfile} classes="nav-link">{ Msg::NavCompanyProfile.t(lang) }</Link<Route>></li>
        },
        _ => Html::default(),
    };
    let case_studies = html! {
        <li><Link<Route> to={Route::CaseStudies} classes="nav-link">{ Msg::NavCaseStudies.t(lang) }</Link<Route>></li>
    };

    // Admin screens: the admin's home, first in the admin's menu.
    let admin_home = match session.session().map(|s| s.user.role) {
        Some(kakehashi_shared::enums::Role::Admin) => html! {
            <li><Link<Route> to={Route::Admin} classes="nav-link">{ Msg::NavAdmin.t(lang) }</Link<Route>></li>
        },
        _ => Html::default(),
    };

    // Partners: the partner staff's home, figures and integrations.
    let partner_menu = match session.session().map(|s| s.user.role) {
        Some(kakehashi_shared::enums::Role::Partner) => html! {
            <>
                <li><Link<Route> to={Route::PartnerHome} classes="nav-link">{ Msg::NavPartnerHome.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::StatsDashboard} classes="nav-link">{ Msg::NavPartnerStats.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::Integrations} classes="nav-link">{ Msg::NavPartnerIntegrations.t(lang) }</Link<Route>></li>
            </>
        },
        _ => Html::default(),
    };

    let menu = if session.is_signed_in() {
        html! {
            <>
                { admin_home }
                { partner_menu }
                { role_home }
                { public_and_talent.clone() }
                { company_and_coordinator }
                { engagements }
                { case_studies }
                // Notifications screen: for every signed-in person, with the unread count.
                <li><crate::pages::notifications::NotificationsLink /></li>
                <li><Link<Route> to={Route::Me} classes="nav-link">{ Msg::NavMe.t(lang) }</Link<Route>></li>
                <li>
                    <button type="button" class="nav-link" onclick={on_logout} disabled={*signing_out}>
                        { if *signing_out { Msg::LoggingOut.t(lang) } else { Msg::NavLogout.t(lang) } }
                    </button>
                </li>
            </>
        }
    } else {
        html! {
            <>
                { public_and_talent }
                { case_studies }
                <li><Link<Route> to={Route::Login} classes="nav-link">{ Msg::NavLogin.t(lang) }</Link<Route>></li>
                <li><Link<Route> to={Route::Register} classes="nav-link">{ Msg::NavRegister.t(lang) }</Link<Route>></li>
            </>
        }
    };

    html! {
        <header class="site-header">
            <a class="skip-link" href="#main">{ Msg::SkipToContent.t(lang) }</a>
            <div class="header-bar">
                <Link<Route> to={Route::Home} classes="brand">
                    <span class="brand-name">{ Msg::AppName.t(lang) }</span>
                    <span class="brand-tagline">{ Msg::AppTagline.t(lang) }</span>
                </Link<Route>>
                <LangSwitch />
            </div>
            <nav class="main-nav" aria-label={Msg::MainNav.t(lang)}>
                <ul>{ menu }</ul>
            </nav>
        </header>
    }
}
