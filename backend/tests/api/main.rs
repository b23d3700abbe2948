//! The one integration-test binary: the real app over HTTP, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod admin;
mod auth;
mod bad_input;
mod health;
mod openapi;
mod reference;
mod serving;
