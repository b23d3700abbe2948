use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kakehashi_shared::auth::CompanySummary;

use crate::db::schema::{companies, company_visits, users};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = companies)]
pub struct NewCompanyRow<'a> {
    pub name: &'a str,
    pub industry_code: &'a str,
    pub prefecture_code: &'a str,
    pub municipality: &'a str,
    pub referred_by_partner_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = companies)]
pub struct CompanyRow {
    pub id: i64,
    pub name: String,
    pub industry_code: String,
    pub prefecture_code: String,
    pub municipality: String,
    pub referred_by_partner_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub employees: Option<i32>,
    pub revenue_band: Option<String>,
    pub website: Option<String>,
    pub vision: String,
    pub ceo_message: String,
    pub challenges: String,
}

/// The profile fields a company or its coordinator edits.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = companies, treat_none_as_null = true)]
pub struct CompanyProfileChanges {
    pub name: String,
    pub industry_code: String,
    pub municipality: String,
    pub employees: Option<i32>,
    pub revenue_band: Option<String>,
    pub website: Option<String>,
    pub vision: String,
    pub ceo_message: String,
    pub challenges: String,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, row: &NewCompanyRow<'_>) -> QueryResult<i64> {
    diesel::insert_into(companies::table)
        .values(row)
        .returning(companies::id)
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<CompanyRow> {
    companies::table
        .find(id)
        .select(CompanyRow::as_select())
        .first(conn)
}

pub fn update_profile(
    conn: &mut AnyConnection,
    id: i64,
    changes: &CompanyProfileChanges,
) -> QueryResult<()> {
    diesel::update(companies::table.find(id))
        .set(changes)
        .execute(conn)
        .map(|_| ())
}

/// Companies, newest id first, after `before` (cursor); optionally only in `prefectures`.
pub fn list(
    conn: &mut AnyConnection,
    prefectures: Option<&[String]>,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<CompanyRow>> {
    let mut query = companies::table
        .select(CompanyRow::as_select())
        .into_boxed();
    if let Some(codes) = prefectures {
        query = query.filter(companies::prefecture_code.eq_any(codes.to_vec()));
    }
    if let Some(id) = before {
        query = query.filter(companies::id.lt(id));
    }
    query.order(companies::id.desc()).limit(limit).load(conn)
}

pub fn summary(conn: &mut AnyConnection, id: i64) -> QueryResult<CompanySummary> {
    let (id, name, prefecture_code) = companies::table
        .find(id)
        .select((companies::id, companies::name, companies::prefecture_code))
        .first::<(i64, String, String)>(conn)?;
    Ok(CompanySummary {
        id,
        name,
        prefecture_code,
    })
}

/// Member user ids, for notifications.
pub fn member_ids(conn: &mut AnyConnection, company_id: i64) -> QueryResult<Vec<i64>> {
    users::table
        .filter(users::company_id.eq(company_id))
        .select(users::id)
        .load(conn)
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = company_visits)]
pub struct NewVisitRow {
    pub company_id: i64,
    pub coordinator_id: i64,
    pub visited_on: NaiveDate,
    pub notes: String,
    pub diagnosed_challenges: String,
    pub next_action: String,
    pub next_visit_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable)]
pub struct VisitRow {
    pub id: i64,
    pub company_id: i64,
    pub coordinator_id: i64,
    pub coordinator_name: String,
    pub visited_on: NaiveDate,
    pub notes: String,
    pub diagnosed_challenges: String,
    pub next_action: String,
    pub next_visit_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

pub fn insert_visit(conn: &mut AnyConnection, row: &NewVisitRow) -> QueryResult<i64> {
    diesel::insert_into(company_visits::table)
        .values(row)
        .returning(company_visits::id)
        .get_result(conn)
}

pub fn visits(conn: &mut AnyConnection, company_id: i64) -> QueryResult<Vec<VisitRow>> {
    company_visits::table
        .inner_join(users::table.on(users::id.eq(company_visits::coordinator_id)))
        .filter(company_visits::company_id.eq(company_id))
        .order((company_visits::visited_on.desc(), company_visits::id.desc()))
        .select((
            company_visits::id,
            company_visits::company_id,
            company_visits::coordinator_id,
            users::display_name,
            company_visits::visited_on,
            company_visits::notes,
            company_visits::diagnosed_challenges,
            company_visits::next_action,
            company_visits::next_visit_on,
            company_visits::created_at,
        ))
        .load(conn)
}
