//! The widget's reads and its counters: partners by referral code, their allowed origins,
//! the postings a widget shows, and views and clicks per partner, day and prefecture.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{companies, partner_origins, partners, prefectures, projects};
use crate::db::AnyConnection;

/// The partner a referral code names: (id, name).
pub fn partner_by_code(conn: &mut AnyConnection, code: &str) -> QueryResult<Option<(i64, String)>> {
    partners::table
        .filter(partners::referral_code.eq(code))
        .select((partners::id, partners::name))
        .first(conn)
        .optional()
}

pub fn partner_name(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<String>> {
    partners::table
        .find(id)
        .select(partners::name)
        .first(conn)
        .optional()
}

/// Whether `origin` (as the browser sends it: lower-case, no default port) may read the
/// partner's widget data.
pub fn origin_allowed(
    conn: &mut AnyConnection,
    partner_id: i64,
    origin: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        partner_origins::table
            .filter(partner_origins::partner_id.eq(partner_id))
            .filter(partner_origins::origin.eq(origin)),
    ))
    .get_result(conn)
}

/// A prefecture's names (ja, en).
pub fn prefecture_names(
    conn: &mut AnyConnection,
    code: &str,
) -> QueryResult<Option<(String, String)>> {
    prefectures::table
        .find(code)
        .select((prefectures::name_ja, prefectures::name_en))
        .first(conn)
        .optional()
}

/// What the widget shows of a posting.
#[derive(Debug, Clone, Queryable)]
pub struct EmbedRow {
    pub id: i64,
    pub title: String,
    pub draft: String,
    pub monthly_fee: Option<i64>,
    pub hours_per_month: Option<i32>,
    pub recruitment_closes_at: Option<NaiveDateTime>,
    pub company_name: String,
    pub municipality: String,
    pub prefecture_code: String,
}

/// The published postings among `ids` (any order).
pub fn published(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<Vec<EmbedRow>> {
    projects::table
        .inner_join(companies::table)
        .filter(projects::id.eq_any(ids))
        .filter(projects::status.eq("published"))
        .select((
            projects::id,
            projects::title,
            projects::draft,
            projects::monthly_fee,
            projects::hours_per_month,
            projects::recruitment_closes_at,
            companies::name,
            companies::municipality,
            companies::prefecture_code,
        ))
        .load(conn)
}

/// Whether the posting is published (a click may lead only to a page anyone can open).
pub fn is_published(conn: &mut AnyConnection, project_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        projects::table
            .find(project_id)
            .filter(projects::status.eq("published")),
    ))
    .get_result(conn)
}

/// Adds views and clicks to the partner's row of the day and prefecture: "update, and insert
/// if nothing was updated", inside the caller's transaction (the same SQL on both backends).
pub fn add_counts(
    conn: &mut AnyConnection,
    partner_id: i64,
    day: &str,
    prefecture_code: &str,
    views: i64,
    clicks: i64,
) -> QueryResult<()> {
    use crate::db::schema::widget_counts as w;
    let updated = diesel::update(
        w::table
            .filter(w::partner_id.eq(partner_id))
            .filter(w::day.eq(day))
            .filter(w::prefecture_code.eq(prefecture_code)),
    )
    .set((
        w::views.eq(w::views + views),
        w::clicks.eq(w::clicks + clicks),
    ))
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(w::table)
            .values((
                w::partner_id.eq(partner_id),
                w::day.eq(day),
                w::prefecture_code.eq(prefecture_code),
                w::views.eq(views),
                w::clicks.eq(clicks),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The partner's counters, one row per day and prefecture: (day, prefecture, views, clicks).
pub fn counts(
    conn: &mut AnyConnection,
    partner_id: i64,
) -> QueryResult<Vec<(String, String, i64, i64)>> {
    use crate::db::schema::widget_counts as w;
    w::table
        .filter(w::partner_id.eq(partner_id))
        .order((w::day.asc(), w::prefecture_code.asc()))
        .select((w::day, w::prefecture_code, w::views, w::clicks))
        .load(conn)
}

/// The partner that referred a company (recorded when it registered or was created).
pub fn company_referral(conn: &mut AnyConnection, company_id: i64) -> QueryResult<Option<i64>> {
    use crate::db::schema::companies;
    companies::table
        .find(company_id)
        .select(companies::referred_by_partner_id)
        .first(conn)
}

/// Records the partner whose link brought a talent to register.
pub fn set_user_referral(
    conn: &mut AnyConnection,
    user_id: i64,
    partner_id: i64,
) -> QueryResult<usize> {
    use crate::db::schema::users;
    diesel::update(users::table.find(user_id))
        .set(users::referred_by_partner_id.eq(partner_id))
        .execute(conn)
}

/// Records the partner whose link led to an application.
pub fn set_application_referral(
    conn: &mut AnyConnection,
    application_id: i64,
    partner_id: i64,
) -> QueryResult<usize> {
    use crate::db::schema::applications;
    diesel::update(applications::table.find(application_id))
        .set(applications::referred_by_partner_id.eq(partner_id))
        .execute(conn)
}
