use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{contract_versions, contracts};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contracts)]
pub struct ContractRow {
    pub id: i64,
    pub application_id: i64,
    pub engagement_id: Option<i64>,
    pub term_number: i32,
    pub version: i32,
    pub status: String,
    pub terms: String,
    pub company_accepted_by: Option<i64>,
    pub company_accepted_at: Option<NaiveDateTime>,
    pub talent_accepted_by: Option<i64>,
    pub talent_accepted_at: Option<NaiveDateTime>,
    pub change_request: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<ContractRow> {
    contracts::table
        .find(id)
        .select(ContractRow::as_select())
        .first(conn)
}

pub fn find_term(
    conn: &mut AnyConnection,
    application_id: i64,
    term: i32,
) -> QueryResult<Option<ContractRow>> {
    contracts::table
        .filter(contracts::application_id.eq(application_id))
        .filter(contracts::term_number.eq(term))
        .select(ContractRow::as_select())
        .first(conn)
        .optional()
}

pub fn latest(conn: &mut AnyConnection, application_id: i64) -> QueryResult<Option<ContractRow>> {
    contracts::table
        .filter(contracts::application_id.eq(application_id))
        .order(contracts::term_number.desc())
        .select(ContractRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(
    conn: &mut AnyConnection,
    application_id: i64,
    engagement_id: Option<i64>,
    term: i32,
    terms: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(contracts::table)
        .values((
            contracts::application_id.eq(application_id),
            contracts::engagement_id.eq(engagement_id),
            contracts::term_number.eq(term),
            contracts::version.eq(1),
            contracts::status.eq("proposed"),
            contracts::terms.eq(terms),
            contracts::created_at.eq(now),
        ))
        .returning(contracts::id)
        .get_result(conn)
}

pub fn insert_version(
    conn: &mut AnyConnection,
    contract_id: i64,
    version: i32,
    terms: &str,
    created_by: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(contract_versions::table)
        .values((
            contract_versions::contract_id.eq(contract_id),
            contract_versions::version.eq(version),
            contract_versions::terms.eq(terms),
            contract_versions::created_by.eq(created_by),
            contract_versions::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// New terms: a new version, waiting for both acceptances again.
pub fn revise(conn: &mut AnyConnection, id: i64, version: i32, terms: &str) -> QueryResult<()> {
    diesel::update(contracts::table.find(id))
        .set((
            contracts::version.eq(version),
            contracts::terms.eq(terms),
            contracts::status.eq("proposed"),
            contracts::company_accepted_by.eq(None::<i64>),
            contracts::company_accepted_at.eq(None::<NaiveDateTime>),
            contracts::talent_accepted_by.eq(None::<i64>),
            contracts::talent_accepted_at.eq(None::<NaiveDateTime>),
            contracts::change_request.eq(None::<String>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records one side's acceptance of the current version; false if it was already given or
/// the contract is no longer waiting for it.
pub fn accept(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    company_side: bool,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    // The version the party read: an acceptance never lands on terms they did not see.
    let target = contracts::table
        .filter(contracts::id.eq(id))
        .filter(contracts::version.eq(version))
        .filter(contracts::status.eq("proposed"));
    let n = if company_side {
        diesel::update(target.filter(contracts::company_accepted_at.is_null()))
            .set((
                contracts::company_accepted_by.eq(user_id),
                contracts::company_accepted_at.eq(now),
            ))
            .execute(conn)?
    } else {
        diesel::update(target.filter(contracts::talent_accepted_at.is_null()))
            .set((
                contracts::talent_accepted_by.eq(user_id),
                contracts::talent_accepted_at.eq(now),
            ))
            .execute(conn)?
    };
    Ok(n == 1)
}

pub fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    engagement_id: Option<i64>,
    change_request: Option<&str>,
) -> QueryResult<()> {
    diesel::update(contracts::table.find(id))
        .set((
            contracts::status.eq(status),
            contracts::engagement_id.eq(engagement_id),
            contracts::change_request.eq(change_request),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn clear_acceptances(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    diesel::update(contracts::table.find(id))
        .set((
            contracts::company_accepted_by.eq(None::<i64>),
            contracts::company_accepted_at.eq(None::<NaiveDateTime>),
            contracts::talent_accepted_by.eq(None::<i64>),
            contracts::talent_accepted_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
}
