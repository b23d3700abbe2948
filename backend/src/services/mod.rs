//! The rules: validation that needs the database, authorization, state changes, transactions.
//! Handlers call services; services call repositories.

pub mod accounts;
pub mod auth;
pub mod reference;
