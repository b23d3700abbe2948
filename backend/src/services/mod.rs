//! The rules: validation that needs the database, authorization, state changes, transactions.
//! Handlers call services; services call repositories.

pub mod accounts;
pub mod auth;
pub mod codes;
pub mod companies;
pub mod context;
pub mod notify;
pub mod projects;
pub mod reference;
pub mod talents;
