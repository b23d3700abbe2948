//! The one integration-test binary: the real app over HTTP, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod fixtures;

mod admin;
// Admin screens.
mod admin_api;
mod applications;
mod auth;
mod authorization;
mod bad_input;
// Case studies, coordinator dashboard and company profile.
mod case_studies;
mod health;
mod lifecycle;
mod mail;
mod openapi;
mod projects;
mod quality;
mod reference;
// Region facts.
mod regions;
mod search;
mod serving;
