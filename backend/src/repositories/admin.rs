//! Admin screens: staff accounts and hub changes (hub and partner reads are in
//! `organisations`).

use diesel::prelude::*;
use kakehashi_shared::enums::Role;

use super::users::UserRow;
use crate::db::schema::{audit_log, hub_prefectures, hubs, partners, users};
use crate::db::AnyConnection;

const STAFF_ROLES: [&str; 3] = ["coordinator", "partner", "admin"];

/// Hub ids of every coordinator account, one per account (hubs and staff are few).
pub fn coordinator_hub_ids(conn: &mut AnyConnection) -> QueryResult<Vec<Option<i64>>> {
    users::table
        .filter(users::role.eq(Role::Coordinator.as_str()))
        .select(users::hub_id)
        .load(conn)
}

/// Staff accounts (coordinators, partner staff, admins), newest first, before `before`.
pub fn staff_page(
    conn: &mut AnyConnection,
    before: Option<i64>,
    fetch: i64,
) -> QueryResult<Vec<UserRow>> {
    let mut query = users::table
        .filter(users::role.eq_any(STAFF_ROLES))
        .order(users::id.desc())
        .limit(fetch)
        .select(UserRow::as_select())
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(users::id.lt(before));
    }
    query.load(conn)
}

pub fn hub_exists(conn: &mut AnyConnection, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(hubs::table.find(id))).get_result(conn)
}

pub fn partner_exists(conn: &mut AnyConnection, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(partners::table.find(id))).get_result(conn)
}

pub fn rename_hub(conn: &mut AnyConnection, id: i64, name: &str) -> QueryResult<usize> {
    diesel::update(hubs::table.find(id))
        .set(hubs::name.eq(name))
        .execute(conn)
}

pub fn set_hub_deadline(conn: &mut AnyConnection, id: i64, days: i32) -> QueryResult<usize> {
    diesel::update(hubs::table.find(id))
        .set(hubs::response_deadline_days.eq(days))
        .execute(conn)
}

/// Replaces the prefectures a hub covers.
pub fn set_hub_prefectures(
    conn: &mut AnyConnection,
    id: i64,
    prefecture_codes: &[String],
) -> QueryResult<()> {
    diesel::delete(hub_prefectures::table.filter(hub_prefectures::hub_id.eq(id))).execute(conn)?;
    for code in prefecture_codes {
        diesel::insert_into(hub_prefectures::table)
            .values((
                hub_prefectures::hub_id.eq(id),
                hub_prefectures::prefecture_code.eq(code),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Names the admin behind a creation that `accounts` logged without an actor (the command
/// line has none), so the audit log says who opened a hub or an account from the screens.
pub fn attribute_creation(
    conn: &mut AnyConnection,
    entity: &str,
    entity_id: i64,
    action: &str,
    actor_user_id: i64,
) -> QueryResult<usize> {
    diesel::update(
        audit_log::table
            .filter(audit_log::entity.eq(entity))
            .filter(audit_log::entity_id.eq(entity_id))
            .filter(audit_log::action.eq(action))
            .filter(audit_log::actor_user_id.is_null()),
    )
    .set(audit_log::actor_user_id.eq(actor_user_id))
    .execute(conn)
}
