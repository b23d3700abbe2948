//! The talent's screens: profile, recommendations, applying, applications and scouts.

mod applications;
mod apply;
mod profile;
mod proposal;
mod recommended;
mod scouts;

use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

pub use applications::{ApplicationPage, ApplicationsPage};
pub use apply::ApplyPage;
pub use profile::TalentProfilePage;
pub use recommended::RecommendedPage;
pub use scouts::{ScoutPage, ScoutsPage};

use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct TalentOnlyProps {
    pub children: Html,
}

/// Inside `RequireSession`: these screens are for talent accounts; anyone else is told so
/// (a company member who followed a talent's link), not shown an error.
#[function_component(TalentOnly)]
pub fn talent_only(props: &TalentOnlyProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let role = session.session().map(|s| s.user.role);
    if role == Some(Role::Talent) {
        props.children.clone()
    } else {
        html! {
            <section class="page narrow">
                <div class="alert info" role="status">
                    <p>{ Msg::TalOnlyForTalent.t(lang) }</p>
                </div>
                <Link<Route> to={Route::Home} classes="button secondary">{ Msg::BackHome.t(lang) }</Link<Route>>
            </section>
        }
    }
}
