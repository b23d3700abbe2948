//! Reference taxonomies: read for the API, written idempotently at start-up.

use diesel::prelude::*;
use kakehashi_shared::reference::{Challenge, Industry, Prefecture, Skill};

use crate::db::schema::{challenges, industries, prefectures, skills};
use crate::db::AnyConnection;

pub fn prefectures(conn: &mut AnyConnection) -> QueryResult<Vec<Prefecture>> {
    let rows = prefectures::table
        .order(prefectures::sort_order.asc())
        .select((
            prefectures::code,
            prefectures::name_ja,
            prefectures::name_en,
            prefectures::region_ja,
            prefectures::region_en,
            prefectures::capital_ja,
        ))
        .load::<(String, String, String, String, String, String)>(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(code, name_ja, name_en, region_ja, region_en, capital_ja)| Prefecture {
                code,
                name_ja,
                name_en,
                region_ja,
                region_en,
                capital_ja,
            },
        )
        .collect())
}

pub fn industries(conn: &mut AnyConnection) -> QueryResult<Vec<Industry>> {
    let rows = industries::table
        .order(industries::sort_order.asc())
        .select((industries::code, industries::name_ja, industries::name_en))
        .load::<(String, String, String)>(conn)?;
    Ok(rows
        .into_iter()
        .map(|(code, name_ja, name_en)| Industry {
            code,
            name_ja,
            name_en,
        })
        .collect())
}

type GroupedRow = (String, String, String, String, String, String);

pub fn challenges(conn: &mut AnyConnection) -> QueryResult<Vec<Challenge>> {
    let rows = challenges::table
        .order(challenges::sort_order.asc())
        .select((
            challenges::code,
            challenges::group_code,
            challenges::group_ja,
            challenges::group_en,
            challenges::name_ja,
            challenges::name_en,
        ))
        .load::<GroupedRow>(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(code, group_code, group_ja, group_en, name_ja, name_en)| Challenge {
                code,
                group_code,
                group_ja,
                group_en,
                name_ja,
                name_en,
            },
        )
        .collect())
}

pub fn skills(conn: &mut AnyConnection) -> QueryResult<Vec<Skill>> {
    let rows = skills::table
        .order(skills::sort_order.asc())
        .select((
            skills::code,
            skills::group_code,
            skills::group_ja,
            skills::group_en,
            skills::name_ja,
            skills::name_en,
        ))
        .load::<GroupedRow>(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(code, group_code, group_ja, group_en, name_ja, name_en)| Skill {
                code,
                group_code,
                group_ja,
                group_en,
                name_ja,
                name_en,
            },
        )
        .collect())
}

pub fn prefecture_exists(conn: &mut AnyConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(prefectures::table.find(code))).get_result(conn)
}

pub fn industry_exists(conn: &mut AnyConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(industries::table.find(code))).get_result(conn)
}

/// Inserts or updates one prefecture. Update-then-insert is written once for both backends.
pub fn upsert_prefecture(conn: &mut AnyConnection, p: &Prefecture, order: i32) -> QueryResult<()> {
    let values = (
        prefectures::name_ja.eq(&p.name_ja),
        prefectures::name_en.eq(&p.name_en),
        prefectures::region_ja.eq(&p.region_ja),
        prefectures::region_en.eq(&p.region_en),
        prefectures::capital_ja.eq(&p.capital_ja),
        prefectures::sort_order.eq(order),
    );
    let updated = diesel::update(prefectures::table.find(&p.code))
        .set(values)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(prefectures::table)
            .values((prefectures::code.eq(&p.code), values))
            .execute(conn)?;
    }
    Ok(())
}

pub fn upsert_industry(conn: &mut AnyConnection, i: &Industry, order: i32) -> QueryResult<()> {
    let values = (
        industries::name_ja.eq(&i.name_ja),
        industries::name_en.eq(&i.name_en),
        industries::sort_order.eq(order),
    );
    let updated = diesel::update(industries::table.find(&i.code))
        .set(values)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(industries::table)
            .values((industries::code.eq(&i.code), values))
            .execute(conn)?;
    }
    Ok(())
}

pub fn upsert_challenge(conn: &mut AnyConnection, c: &Challenge, order: i32) -> QueryResult<()> {
    let values = (
        challenges::group_code.eq(&c.group_code),
        challenges::group_ja.eq(&c.group_ja),
        challenges::group_en.eq(&c.group_en),
        challenges::name_ja.eq(&c.name_ja),
        challenges::name_en.eq(&c.name_en),
        challenges::sort_order.eq(order),
    );
    let updated = diesel::update(challenges::table.find(&c.code))
        .set(values)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(challenges::table)
            .values((challenges::code.eq(&c.code), values))
            .execute(conn)?;
    }
    Ok(())
}

pub fn upsert_skill(conn: &mut AnyConnection, s: &Skill, order: i32) -> QueryResult<()> {
    let values = (
        skills::group_code.eq(&s.group_code),
        skills::group_ja.eq(&s.group_ja),
        skills::group_en.eq(&s.group_en),
        skills::name_ja.eq(&s.name_ja),
        skills::name_en.eq(&s.name_en),
        skills::sort_order.eq(order),
    );
    let updated = diesel::update(skills::table.find(&s.code))
        .set(values)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(skills::table)
            .values((skills::code.eq(&s.code), values))
            .execute(conn)?;
    }
    Ok(())
}

/// The codes of `codes` that are not in the challenge taxonomy.
pub fn unknown_challenges(conn: &mut AnyConnection, codes: &[String]) -> QueryResult<Vec<String>> {
    let known: Vec<String> = challenges::table
        .filter(challenges::code.eq_any(codes.to_vec()))
        .select(challenges::code)
        .load(conn)?;
    Ok(codes
        .iter()
        .filter(|c| !known.contains(c))
        .cloned()
        .collect())
}

/// The codes of `codes` that are not in the skills taxonomy.
pub fn unknown_skills(conn: &mut AnyConnection, codes: &[String]) -> QueryResult<Vec<String>> {
    let known: Vec<String> = skills::table
        .filter(skills::code.eq_any(codes.to_vec()))
        .select(skills::code)
        .load(conn)?;
    Ok(codes
        .iter()
        .filter(|c| !known.contains(c))
        .cloned()
        .collect())
}
