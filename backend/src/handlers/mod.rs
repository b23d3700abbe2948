//! HTTP handlers: extract, call a service, return a DTO. No SQL and no rules here.

pub mod auth;
pub mod health;
pub mod me;
pub mod reference;

use actix_web::web;

use crate::state::AppState;

pub type State = web::Data<AppState>;
