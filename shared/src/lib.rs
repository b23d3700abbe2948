//! Types that cross the wire between the Kakehashi backend, its Yew app and integrators.
//!
//! No I/O lives here, so the same crate compiles for the server and for `wasm32-unknown-unknown`.
//! The `openapi` feature adds utoipa derives; the `client` feature adds a typed API client.

pub mod auth;
pub mod enums;
pub mod health;
pub mod page;
pub mod problem;
pub mod reference;
pub mod validation;
pub mod workflow;

#[cfg(feature = "client")]
pub mod client;

pub use page::Page;
pub use problem::{ErrorCode, FieldError, Problem};
pub use validation::{FieldErrors, Validate};
