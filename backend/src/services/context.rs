//! Facts about the caller that authorization needs and the token does not carry.

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::Actor;
use crate::repositories::organisations;

/// The prefectures of a coordinator's hub; empty for everyone else.
pub fn hub_prefectures(conn: &mut AnyConnection, actor: &Actor) -> Result<Vec<String>, ApiError> {
    match actor.hub_id {
        Some(hub) => Ok(organisations::hub_prefecture_codes(conn, hub)?),
        None => Ok(Vec::new()),
    }
}

/// Days a company has to answer an application in `prefecture`: the setting of the hub that
/// covers it (the shortest, if several do), else 14.
pub fn response_deadline_days(conn: &mut AnyConnection, prefecture: &str) -> Result<i64, ApiError> {
    Ok(organisations::deadline_for_prefecture(conn, prefecture)?.map_or(14, i64::from))
}
