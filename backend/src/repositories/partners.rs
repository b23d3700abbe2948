//! Partners beyond their summary (in `organisations`): the origins allowed to embed the
//! widget, who they referred, their staff, and the region programmes they maintain.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    companies, partner_origins, partner_prefectures, partners, region_programmes, users,
};
use crate::db::AnyConnection;

/// What `partners` holds besides the prefectures.
#[derive(Debug, Queryable)]
pub struct PartnerRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub referral_code: String,
    pub created_at: NaiveDateTime,
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<PartnerRow>> {
    partners::table
        .find(id)
        .select((
            partners::id,
            partners::name,
            partners::kind,
            partners::referral_code,
            partners::created_at,
        ))
        .first(conn)
        .optional()
}

/// Every partner id, oldest first.
pub fn ids(conn: &mut AnyConnection) -> QueryResult<Vec<i64>> {
    partners::table
        .order(partners::id.asc())
        .select(partners::id)
        .load(conn)
}

pub fn referral_code_taken(conn: &mut AnyConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        partners::table.filter(partners::referral_code.eq(code)),
    ))
    .get_result(conn)
}

pub fn rename(conn: &mut AnyConnection, id: i64, name: &str) -> QueryResult<usize> {
    diesel::update(partners::table.find(id))
        .set(partners::name.eq(name))
        .execute(conn)
}

pub fn prefectures(conn: &mut AnyConnection, id: i64) -> QueryResult<Vec<String>> {
    partner_prefectures::table
        .filter(partner_prefectures::partner_id.eq(id))
        .order(partner_prefectures::prefecture_code.asc())
        .select(partner_prefectures::prefecture_code)
        .load(conn)
}

pub fn set_prefectures(conn: &mut AnyConnection, id: i64, codes: &[String]) -> QueryResult<()> {
    diesel::delete(partner_prefectures::table.filter(partner_prefectures::partner_id.eq(id)))
        .execute(conn)?;
    for code in codes {
        diesel::insert_into(partner_prefectures::table)
            .values((
                partner_prefectures::partner_id.eq(id),
                partner_prefectures::prefecture_code.eq(code),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The partner's origins in text order.
pub fn origins(conn: &mut AnyConnection, id: i64) -> QueryResult<Vec<String>> {
    partner_origins::table
        .filter(partner_origins::partner_id.eq(id))
        .order(partner_origins::origin.asc())
        .select(partner_origins::origin)
        .load(conn)
}

/// Replaces the partner's origins; `origins` must be normalised and without duplicates.
pub fn set_origins(conn: &mut AnyConnection, id: i64, origins: &[String]) -> QueryResult<()> {
    diesel::delete(partner_origins::table.filter(partner_origins::partner_id.eq(id)))
        .execute(conn)?;
    for origin in origins {
        diesel::insert_into(partner_origins::table)
            .values((
                partner_origins::partner_id.eq(id),
                partner_origins::origin.eq(origin),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Companies and talent that registered through the partner.
pub fn referred_counts(conn: &mut AnyConnection, id: i64) -> QueryResult<(i64, i64)> {
    let companies = companies::table
        .filter(companies::referred_by_partner_id.eq(id))
        .count()
        .get_result(conn)?;
    let talents = users::table
        .filter(users::referred_by_partner_id.eq(id))
        .filter(users::role.eq("talent"))
        .count()
        .get_result(conn)?;
    Ok((companies, talents))
}

pub fn staff_count(conn: &mut AnyConnection, id: i64) -> QueryResult<i64> {
    users::table
        .filter(users::partner_id.eq(id))
        .count()
        .get_result(conn)
}

/// A row of `region_programmes`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = region_programmes)]
pub struct ProgrammeRow {
    pub id: i64,
    pub partner_id: i64,
    pub prefecture_code: String,
    pub title: String,
    pub amount: String,
    pub eligibility: String,
    pub url: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The texts of a programme, as inserted or updated.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = region_programmes)]
pub struct ProgrammeChange<'a> {
    pub prefecture_code: Option<&'a str>,
    pub title: Option<&'a str>,
    pub amount: Option<&'a str>,
    pub eligibility: Option<&'a str>,
    pub url: Option<&'a str>,
    pub updated_at: NaiveDateTime,
}

pub struct NewProgramme<'a> {
    pub partner_id: i64,
    pub prefecture_code: &'a str,
    pub title: &'a str,
    pub amount: &'a str,
    pub eligibility: &'a str,
    pub url: &'a str,
}

pub fn insert_programme(
    conn: &mut AnyConnection,
    p: &NewProgramme<'_>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(region_programmes::table)
        .values((
            region_programmes::partner_id.eq(p.partner_id),
            region_programmes::prefecture_code.eq(p.prefecture_code),
            region_programmes::title.eq(p.title),
            region_programmes::amount.eq(p.amount),
            region_programmes::eligibility.eq(p.eligibility),
            region_programmes::url.eq(p.url),
            region_programmes::created_at.eq(now),
            region_programmes::updated_at.eq(now),
        ))
        .returning(region_programmes::id)
        .get_result(conn)
}

pub fn programme(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ProgrammeRow>> {
    region_programmes::table
        .find(id)
        .select(ProgrammeRow::as_select())
        .first(conn)
        .optional()
}

/// The partner's programmes, oldest first.
pub fn programmes_of(conn: &mut AnyConnection, partner_id: i64) -> QueryResult<Vec<ProgrammeRow>> {
    region_programmes::table
        .filter(region_programmes::partner_id.eq(partner_id))
        .order(region_programmes::id.asc())
        .select(ProgrammeRow::as_select())
        .load(conn)
}

pub fn update_programme(
    conn: &mut AnyConnection,
    id: i64,
    change: &ProgrammeChange<'_>,
) -> QueryResult<usize> {
    diesel::update(region_programmes::table.find(id))
        .set(change)
        .execute(conn)
}

pub fn delete_programme(conn: &mut AnyConnection, id: i64) -> QueryResult<usize> {
    diesel::delete(region_programmes::table.find(id)).execute(conn)
}

/// The programmes for a prefecture with the name of the partner maintaining each, oldest
/// first. Only programmes whose partner still covers the prefecture are listed: a partner
/// that stops covering it no longer speaks for it.
pub fn programmes_in(
    conn: &mut AnyConnection,
    prefecture_code: &str,
) -> QueryResult<Vec<(ProgrammeRow, String)>> {
    region_programmes::table
        .inner_join(partners::table)
        .filter(region_programmes::prefecture_code.eq(prefecture_code))
        .filter(diesel::dsl::exists(
            partner_prefectures::table
                .filter(partner_prefectures::partner_id.eq(region_programmes::partner_id))
                .filter(partner_prefectures::prefecture_code.eq(prefecture_code)),
        ))
        .order(region_programmes::id.asc())
        .select((ProgrammeRow::as_select(), partners::name))
        .load(conn)
}
