//! The rules: validation that needs the database, authorization, state changes, transactions.
//! Handlers call services; services call repositories.

pub mod accounts;
// Admin screens.
pub mod admin;
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
pub mod engagements;
pub mod mail;
pub mod notify;
pub mod projects;
pub mod reference;
// Region facts.
pub mod regions;
pub mod scouts;
pub mod search;
pub mod talents;
