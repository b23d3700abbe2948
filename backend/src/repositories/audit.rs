use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::to_db_time;
use crate::db::schema::audit_log;
use crate::db::AnyConnection;

/// One state change for the audit log.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry<'a> {
    pub actor_user_id: Option<i64>,
    pub on_behalf_of_company_id: Option<i64>,
    pub entity: &'a str,
    pub entity_id: i64,
    pub action: &'a str,
    pub from_state: Option<&'a str>,
    pub to_state: Option<&'a str>,
    pub created_at: chrono::NaiveDateTime,
}

impl<'a> AuditEntry<'a> {
    pub fn new(entity: &'a str, entity_id: i64, action: &'a str, at: DateTime<Utc>) -> Self {
        Self {
            actor_user_id: None,
            on_behalf_of_company_id: None,
            entity,
            entity_id,
            action,
            from_state: None,
            to_state: None,
            created_at: to_db_time(at),
        }
    }

    pub fn by(mut self, user_id: i64) -> Self {
        self.actor_user_id = Some(user_id);
        self
    }
}

pub fn record(conn: &mut AnyConnection, entry: &AuditEntry<'_>) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values(entry)
        .execute(conn)
        .map(|_| ())
}

/// The actions recorded for one record, oldest first (for tests and the coordinator's view).
pub fn actions_for(
    conn: &mut AnyConnection,
    entity: &str,
    entity_id: i64,
) -> QueryResult<Vec<String>> {
    audit_log::table
        .filter(audit_log::entity.eq(entity))
        .filter(audit_log::entity_id.eq(entity_id))
        .order(audit_log::id.asc())
        .select(audit_log::action)
        .load(conn)
}

impl<'a> AuditEntry<'a> {
    /// A state change: from, to.
    pub fn moved(mut self, from: &'a str, to: &'a str) -> Self {
        self.from_state = Some(from);
        self.to_state = Some(to);
        self
    }

    pub fn to_state(mut self, state: &'a str) -> Self {
        self.to_state = Some(state);
        self
    }
}
