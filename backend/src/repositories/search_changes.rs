use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::search_changes;
use crate::db::AnyConnection;

/// Records that `entity` `id` changed, for every instance's search index.
pub fn record(
    conn: &mut AnyConnection,
    entity: &str,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(search_changes::table)
        .values((
            search_changes::entity.eq(entity),
            search_changes::entity_id.eq(id),
            search_changes::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Changes after `after`, oldest first.
pub fn after(
    conn: &mut AnyConnection,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<(i64, String, i64)>> {
    search_changes::table
        .filter(search_changes::id.gt(after))
        .order(search_changes::id.asc())
        .limit(limit)
        .select((
            search_changes::id,
            search_changes::entity,
            search_changes::entity_id,
        ))
        .load(conn)
}

pub fn latest(conn: &mut AnyConnection) -> QueryResult<i64> {
    Ok(search_changes::table
        .select(diesel::dsl::max(search_changes::id))
        .first::<Option<i64>>(conn)?
        .unwrap_or(0))
}
