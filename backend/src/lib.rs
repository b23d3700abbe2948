//! Kakehashi's API server as a library, so the binary and the tests build the same app.

// Widget and referrals.
pub mod api_cors;
pub mod app;
pub mod auth;
pub mod backup;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod handlers;
pub mod json;
pub mod openapi;
pub mod pagination;
pub mod policy;
pub mod repositories;
pub mod seed;
pub mod services;
pub mod state;
pub mod static_files;

pub use app::build_app;
pub mod search;
// Contract fuzzing: the extractors' responses in the OpenAPI document.
pub mod openapi_common;
// Rate limits and client addresses.
pub mod client_addr;
pub mod rate_limit;
// Security headers.
pub mod security_headers;
