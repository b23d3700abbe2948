//! Hubs (拠点) and regional partners, with the prefectures each covers.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use kakehashi_shared::auth::{HubSummary, PartnerSummary};
use kakehashi_shared::enums::PartnerKind;

use crate::db::schema::{hub_prefectures, hubs, partner_prefectures, partners};
use crate::db::AnyConnection;

pub fn insert_hub(
    conn: &mut AnyConnection,
    name: &str,
    response_deadline_days: i32,
    prefecture_codes: &[String],
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let id = diesel::insert_into(hubs::table)
        .values((
            hubs::name.eq(name),
            hubs::response_deadline_days.eq(response_deadline_days),
            hubs::created_at.eq(now),
        ))
        .returning(hubs::id)
        .get_result(conn)?;
    for code in prefecture_codes {
        diesel::insert_into(hub_prefectures::table)
            .values((
                hub_prefectures::hub_id.eq(id),
                hub_prefectures::prefecture_code.eq(code),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

pub fn hub_prefecture_codes(conn: &mut AnyConnection, hub_id: i64) -> QueryResult<Vec<String>> {
    hub_prefectures::table
        .filter(hub_prefectures::hub_id.eq(hub_id))
        .order(hub_prefectures::prefecture_code.asc())
        .select(hub_prefectures::prefecture_code)
        .load(conn)
}

pub fn hub_summary(conn: &mut AnyConnection, id: i64) -> QueryResult<HubSummary> {
    let (id, name, response_deadline_days) = hubs::table
        .find(id)
        .select((hubs::id, hubs::name, hubs::response_deadline_days))
        .first::<(i64, String, i32)>(conn)?;
    Ok(HubSummary {
        id,
        name,
        prefecture_codes: hub_prefecture_codes(conn, id)?,
        response_deadline_days,
    })
}

pub fn list_hubs(conn: &mut AnyConnection) -> QueryResult<Vec<HubSummary>> {
    let ids: Vec<i64> = hubs::table
        .order(hubs::id.asc())
        .select(hubs::id)
        .load(conn)?;
    ids.into_iter().map(|id| hub_summary(conn, id)).collect()
}

pub fn insert_partner(
    conn: &mut AnyConnection,
    name: &str,
    kind: PartnerKind,
    referral_code: &str,
    prefecture_codes: &[String],
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let id = diesel::insert_into(partners::table)
        .values((
            partners::name.eq(name),
            partners::kind.eq(kind.as_str()),
            partners::referral_code.eq(referral_code),
            partners::created_at.eq(now),
        ))
        .returning(partners::id)
        .get_result(conn)?;
    for code in prefecture_codes {
        diesel::insert_into(partner_prefectures::table)
            .values((
                partner_prefectures::partner_id.eq(id),
                partner_prefectures::prefecture_code.eq(code),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

pub fn partner_summary(conn: &mut AnyConnection, id: i64) -> QueryResult<PartnerSummary> {
    let (id, name, kind) = partners::table
        .find(id)
        .select((partners::id, partners::name, partners::kind))
        .first::<(i64, String, String)>(conn)?;
    let prefecture_codes = partner_prefectures::table
        .filter(partner_prefectures::partner_id.eq(id))
        .order(partner_prefectures::prefecture_code.asc())
        .select(partner_prefectures::prefecture_code)
        .load(conn)?;
    Ok(PartnerSummary {
        id,
        name,
        // The CHECK constraint keeps unknown kinds out; `Other` covers a row edited by hand.
        kind: PartnerKind::parse(&kind).unwrap_or(PartnerKind::Other),
        prefecture_codes,
    })
}

pub fn list_partners(conn: &mut AnyConnection) -> QueryResult<Vec<PartnerSummary>> {
    let ids: Vec<i64> = partners::table
        .order(partners::id.asc())
        .select(partners::id)
        .load(conn)?;
    ids.into_iter()
        .map(|id| partner_summary(conn, id))
        .collect()
}

pub fn deadline_for_prefecture(
    conn: &mut AnyConnection,
    prefecture: &str,
) -> QueryResult<Option<i32>> {
    hubs::table
        .inner_join(hub_prefectures::table)
        .filter(hub_prefectures::prefecture_code.eq(prefecture))
        .select(diesel::dsl::min(hubs::response_deadline_days))
        .first(conn)
}

pub fn partner_id_by_referral(conn: &mut AnyConnection, code: &str) -> QueryResult<Option<i64>> {
    partners::table
        .filter(partners::referral_code.eq(code))
        .select(partners::id)
        .first(conn)
        .optional()
}
