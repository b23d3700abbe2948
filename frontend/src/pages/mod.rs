//! One component per route.

mod elsewhere;
mod home;
mod login;
mod me;
mod not_found;
mod record_links;
mod register;

// Admin screens.
pub mod admin;

// Company and coordinator screens.
pub mod company;
pub mod coordinator;
// Case studies, coordinator dashboard and company profile.
pub mod case_study;

// Engagement screens.
pub mod engagement;

// Contract and messages screens.
pub mod contract;
pub mod messages;

// Notifications screen.
pub mod notifications;

// Partners: the partner's home and programmes.
pub mod partner;
// Statistics (KPIs).
pub mod stats;

// Privacy (APPI): the account page's data and privacy section.
pub mod privacy;
// Public and talent screens.
pub mod public;
pub mod talent;

pub use elsewhere::Elsewhere;
pub use home::HomePage;
pub use login::LoginPage;
pub use me::MePage;
pub use not_found::NotFoundPage;
pub use record_links::{Record, RecordLinkPage};
pub use register::RegisterPage;
