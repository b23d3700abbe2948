//! HTTP handlers: extract, call a service, return a DTO. No SQL and no rules here.

pub mod admin;
// API keys.
pub mod api_keys;
pub mod applications;
pub mod auth;
pub mod case_studies;
pub mod companies;
pub mod contracts;
pub mod conversations;
// Widget and referrals.
pub mod embed;
pub mod engagements;
pub mod health;
pub mod me;
pub mod notifications;
// Partners: organisations, origins, programmes.
pub mod partners;
// Privacy (APPI).
pub mod privacy;
pub mod projects;
pub mod recommendations;
pub mod reference;
// Region facts.
pub mod regions;
pub mod scouts;
// Statistics (KPIs).
pub mod stats;
pub mod talents;
// Webhooks.
pub mod webhooks;

use actix_web::web;

use crate::state::AppState;

pub type State = web::Data<AppState>;

/// Runs a write that search and matching must see, then brings this instance's index up to
/// date before answering, so the caller's next search finds the change.
pub async fn write_indexed<T, F>(state: &State, work: F) -> Result<T, crate::error::ApiError>
where
    F: Fn(&mut crate::db::AnyConnection) -> Result<T, crate::error::ApiError> + Send + 'static,
    T: Send + 'static,
{
    let out = state.db.write(work).await?;
    state.sync_search().await;
    Ok(out)
}
