//! The rules: validation that needs the database, authorization, state changes, transactions.
//! Handlers call services; services call repositories.

pub mod accounts;
// Admin screens.
pub mod admin;
// API keys.
pub mod api_keys;
pub mod applications;
pub mod auth;
pub mod case_studies;
pub mod codes;
pub mod companies;
pub mod context;
pub mod contracts;
pub mod conversations;
pub mod deadlines;
pub mod decline;
// Widget and referrals.
pub mod embed;
pub mod engagements;
pub mod mail;
pub mod notify;
// Partners: organisations, origins, programmes.
pub mod partners;
// Privacy (APPI).
pub mod privacy;
pub mod projects;
pub mod reference;
// Region facts.
pub mod regions;
pub mod scouts;
pub mod search;
// Statistics (KPIs).
pub mod stats;
pub mod talents;
// Webhooks.
pub mod webhook_delivery;
pub mod webhooks;
