//! API keys: stored as the SHA-256 of the key, never the key.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use kakehashi_shared::api_key::ApiScope;

use super::to_db_time;
use crate::db::schema::{api_keys, users};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_keys)]
pub struct KeyRow {
    pub id: i64,
    pub user_id: i64,
    pub partner_id: Option<i64>,
    pub name: String,
    pub prefix: String,
    pub scopes: String,
    pub rate_limit_per_minute: i32,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// The account a key acts as.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct KeyOwner {
    pub id: i64,
    pub role: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = api_keys)]
pub struct NewKey<'a> {
    pub user_id: i64,
    pub partner_id: Option<i64>,
    pub name: &'a str,
    pub prefix: &'a str,
    pub key_hash: &'a str,
    pub scopes: String,
    pub rate_limit_per_minute: i32,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
}

/// Scopes as stored: a JSON array of their names.
pub fn scopes_text(scopes: &[ApiScope]) -> String {
    let names: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_owned())
}

/// The stored scopes; a name this version does not know (written by a newer one) grants
/// nothing here.
pub fn parse_scopes(text: &str) -> Vec<ApiScope> {
    serde_json::from_str::<Vec<String>>(text)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| ApiScope::parse(s))
        .collect()
}

pub fn insert(conn: &mut AnyConnection, row: &NewKey<'_>) -> QueryResult<i64> {
    diesel::insert_into(api_keys::table)
        .values(row)
        .returning(api_keys::id)
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<KeyRow> {
    api_keys::table
        .find(id)
        .select(KeyRow::as_select())
        .first(conn)
}

/// The key with this hash and the account it acts as.
pub fn find_by_hash(
    conn: &mut AnyConnection,
    hash: &str,
) -> QueryResult<Option<(KeyRow, KeyOwner)>> {
    api_keys::table
        .inner_join(users::table)
        .filter(api_keys::key_hash.eq(hash))
        .select((KeyRow::as_select(), KeyOwner::as_select()))
        .first(conn)
        .optional()
}

/// Keys newest first, before `before`: one partner's (`Some`), or every key (`None`, admins).
pub fn page(
    conn: &mut AnyConnection,
    partner_id: Option<i64>,
    before: Option<i64>,
    fetch: i64,
) -> QueryResult<Vec<KeyRow>> {
    let mut query = api_keys::table
        .order(api_keys::id.desc())
        .limit(fetch)
        .select(KeyRow::as_select())
        .into_boxed();
    if let Some(partner_id) = partner_id {
        query = query.filter(api_keys::partner_id.eq(partner_id));
    }
    if let Some(before) = before {
        query = query.filter(api_keys::id.lt(before));
    }
    query.load(conn)
}

/// Revokes a key unless it already is; answers how many rows changed (0 or 1).
pub fn revoke(
    conn: &mut AnyConnection,
    id: i64,
    by_user_id: i64,
    at: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        api_keys::table
            .find(id)
            .filter(api_keys::revoked_at.is_null()),
    )
    .set((
        api_keys::revoked_at.eq(Some(to_db_time(at))),
        api_keys::revoked_by_user_id.eq(Some(by_user_id)),
    ))
    .execute(conn)
}

/// Records a use of the key, unless one was recorded in the last `granularity_secs` (another
/// request or instance may have written it since the key was read).
pub fn touch(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    granularity_secs: i64,
) -> QueryResult<usize> {
    let fresh = to_db_time(at - Duration::seconds(granularity_secs));
    diesel::update(
        api_keys::table.find(id).filter(
            api_keys::last_used_at
                .is_null()
                .or(api_keys::last_used_at.le(fresh)),
        ),
    )
    .set(api_keys::last_used_at.eq(Some(to_db_time(at))))
    .execute(conn)
}
