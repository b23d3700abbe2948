//! The one integration-test binary: the real app over HTTP, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod fixtures;

mod admin;
mod applications;
mod auth;
mod authorization;
mod bad_input;
mod health;
mod lifecycle;
mod mail;
mod openapi;
mod projects;
mod quality;
mod reference;
mod search;
mod serving;
