//! SQL lives here, written once for both backends. Repositories take `&mut AnyConnection`;
//! services own transactions.

// Admin screens.
pub mod admin;
// API keys.
pub mod api_keys;
pub mod applications;
pub mod audit;
pub mod case_studies;
pub mod companies;
pub mod contracts;
pub mod conversations;
pub mod engagements;
pub mod json;
pub mod notifications;
pub mod organisations;
// Partners: origins, referrals, programmes.
pub mod partners;
// Privacy (APPI).
pub mod privacy;
pub mod projects;
pub mod reference;
pub mod refresh_tokens;
pub mod responsiveness;
pub mod scouts;
pub mod search_changes;
// Statistics (KPIs).
pub mod stats;
pub mod talents;
pub mod users;
// Widget and referrals.
pub mod widget;
// Webhooks.
pub mod webhooks;

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};

/// Timestamps are stored as UTC without a zone (portable `TIMESTAMP`), to the microsecond,
/// which is what PostgreSQL keeps: both backends then return the same value.
pub fn to_db_time(t: DateTime<Utc>) -> NaiveDateTime {
    t.trunc_subsecs(6).naive_utc()
}

pub fn from_db_time(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}
