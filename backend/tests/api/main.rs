//! The one integration-test binary: the real app over HTTP, on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod fixtures;

mod admin;
// Admin screens.
mod admin_api;
// API keys.
mod api_keys;
mod applications;
mod auth;
// Backups.
mod authorization;
mod backup;
mod bad_input;
// Case studies, coordinator dashboard and company profile.
mod case_studies;
mod health;
mod lifecycle;
mod mail;
mod openapi;
// Partners: organisations, origins, programmes.
mod partners;
mod projects;
mod quality;
mod reference;
// Region facts.
mod regions;
mod search;
mod serving;
// Statistics (KPIs).
mod stats;
// Widget and referrals.
mod widget;
// Webhooks.
mod webhooks;
// Faults: kill -9, PostgreSQL restarts, a full disk (spawned: the real binary as a process).
mod faults;
mod spawned;
// Scale-out: two spawned instances on one PostgreSQL database.
mod cluster;
// Privacy (APPI).
mod privacy;
// Contract fuzzing: what the document promises about the extractors.
mod contract;
// Rate limits and client addresses.
mod rate_limits;
// Property tests and fuzzing: what they found, pinned at the API.
mod fuzz_regressions;
// Security (OWASP API Top 10): headers, caps, inventory; the authorization sweep.
mod security;
mod security_sweep;
// Requests racing on one record.
mod races;
