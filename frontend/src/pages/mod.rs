//! One component per route.

mod home;
mod login;
mod me;
mod not_found;
mod record_links;
mod register;

// Company and coordinator screens.
pub mod company;
pub mod coordinator;

// Public and talent screens.
pub mod public;
pub mod talent;

pub use home::HomePage;
pub use login::LoginPage;
pub use me::MePage;
pub use not_found::NotFoundPage;
pub use record_links::{Record, RecordLinkPage};
pub use register::RegisterPage;
