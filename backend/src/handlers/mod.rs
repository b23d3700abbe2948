//! HTTP handlers: extract, call a service, return a DTO. No SQL and no rules here.

pub mod admin;
pub mod applications;
pub mod auth;
pub mod case_studies;
pub mod companies;
pub mod contracts;
pub mod conversations;
pub mod engagements;
pub mod health;
pub mod me;
pub mod notifications;
pub mod projects;
pub mod reference;
pub mod scouts;
pub mod talents;

use actix_web::web;

use crate::state::AppState;

pub type State = web::Data<AppState>;
