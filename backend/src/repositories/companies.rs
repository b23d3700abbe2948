use chrono::NaiveDateTime;
use diesel::prelude::*;
use kakehashi_shared::auth::CompanySummary;

use crate::db::schema::companies;
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

pub fn insert(conn: &mut AnyConnection, row: &NewCompanyRow<'_>) -> QueryResult<i64> {
    diesel::insert_into(companies::table)
        .values(row)
        .returning(companies::id)
        .get_result(conn)
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
