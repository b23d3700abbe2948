//! Types that cross the wire between the Kakehashi backend, its Yew app and integrators.
//!
//! No I/O lives here, so the same crate compiles for the server and for `wasm32-unknown-unknown`.
//! The `openapi` feature adds utoipa derives; the `client` feature adds a typed API client.

// Admin screens.
pub mod admin;
// API keys.
pub mod api_key;
pub mod application;
pub mod auth;
pub mod case_study;
pub mod company;
pub mod contract;
// Widget and referrals.
pub mod embed;
pub mod engagement;
pub mod enums;
pub mod health;
pub mod notification;
pub mod page;
// Partners: organisations, their origins and programmes.
pub mod partner;
// Privacy (APPI).
pub mod privacy;
pub mod problem;
pub mod project;
pub mod reference;
// Region facts.
pub mod region;
pub mod search;
// Statistics (KPIs).
pub mod stats;
pub mod talent;
pub mod validation;
// Webhooks.
pub mod webhook;
pub mod workflow;

#[cfg(feature = "client")]
pub mod client;

pub use page::Page;
pub use problem::{ErrorCode, FieldError, Problem};
pub use validation::{FieldErrors, Validate};
