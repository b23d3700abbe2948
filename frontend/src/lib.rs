//! Kakehashi's single-page app (Yew, client-side rendered), built as six bundles so that no
//! first load carries screens of another part of the service (the budget is 400 KB
//! compressed): `public` (the catalogue, case studies, signing in, applying), `account` (the
//! signed-in person's page, a talent's profile, recommendations, applications and scouts,
//! notifications), `work` (what both sides share after an offer: contracts, engagements,
//! messages), `company` (postings, applicants, the contract builder), `hub` (coordinators
//! and admins) and `partner` (figures with their charts, the partner's home, API keys and
//! webhooks). The server sends index.html for every non-API path; its loader picks the
//! bundle from the path, and each bundle hands a path it does not hold back to the loader
//! (`pages::Elsewhere`).

mod api;
mod app;
mod components;
mod download;
mod forms;
mod hooks;
mod i18n;
mod pages;
mod paging;
mod reference;
// Widget and referrals.
mod referral;
pub mod routes;
mod session;

/// Starts the app with one bundle's page switch (`routes::switch::<BUNDLE>`).
pub fn start(render: fn(routes::Route) -> yew::Html) {
    // A partner's link (`?ref=CODE`) may land on any page of any bundle.
    referral::capture();
    yew::Renderer::<app::App>::with_props(app::AppProps { render }).render();
}
