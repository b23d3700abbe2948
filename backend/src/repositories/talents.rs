use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{applications, companies, engagements, projects, talent_profiles, users};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = talent_profiles, treat_none_as_null = true)]
pub struct TalentRow {
    pub user_id: i64,
    pub headline: String,
    pub bio: String,
    pub skills: String,
    pub challenges: String,
    pub residence_prefecture_code: Option<String>,
    pub residence_country: Option<String>,
    pub ties: String,
    pub age_band: String,
    pub employer_type: String,
    pub available_hours_per_month: i32,
    pub onsite_days_per_month: i32,
    pub desired_monthly_fee: i64,
    pub remote_only: bool,
    pub contract_types: String,
    pub motivations: String,
    pub discoverable: bool,
    pub has_liability_insurance: bool,
    pub has_side_job_permission: bool,
    pub phone: Option<String>,
    pub updated_at: NaiveDateTime,
}

pub fn find(
    conn: &mut AnyConnection,
    user_id: i64,
) -> QueryResult<Option<(TalentRow, String, String)>> {
    talent_profiles::table
        .inner_join(users::table)
        .filter(talent_profiles::user_id.eq(user_id))
        .select((TalentRow::as_select(), users::display_name, users::email))
        .first(conn)
        .optional()
}

/// Inserts or replaces the profile (update first; insert if there was none).
pub fn save(conn: &mut AnyConnection, row: &TalentRow) -> QueryResult<()> {
    let updated = diesel::update(talent_profiles::table.find(row.user_id))
        .set(row)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(talent_profiles::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Discoverable talent, newest id first, optionally living in `prefecture`.
pub fn list_discoverable(
    conn: &mut AnyConnection,
    prefecture: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<(TalentRow, String, String)>> {
    let mut query = talent_profiles::table
        .inner_join(users::table)
        .filter(talent_profiles::discoverable.eq(true))
        .select((TalentRow::as_select(), users::display_name, users::email))
        .into_boxed();
    if let Some(code) = prefecture {
        query = query.filter(talent_profiles::residence_prefecture_code.eq(code));
    }
    if let Some(id) = before {
        query = query.filter(talent_profiles::user_id.lt(id));
    }
    query
        .order(talent_profiles::user_id.desc())
        .limit(limit)
        .load(conn)
}

/// Whether the talent applied to a project of `company_id` (so the company may see them
/// even when they are not discoverable).
pub fn applied_to_company(
    conn: &mut AnyConnection,
    talent_id: i64,
    company_id: i64,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        applications::table
            .inner_join(projects::table)
            .filter(applications::talent_id.eq(talent_id))
            .filter(projects::company_id.eq(company_id)),
    ))
    .get_result(conn)
}

/// Whether the talent applied to a project in one of `prefectures`.
pub fn applied_in_prefectures(
    conn: &mut AnyConnection,
    talent_id: i64,
    prefectures: &[String],
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        applications::table
            .inner_join(projects::table.inner_join(companies::table))
            .filter(applications::talent_id.eq(talent_id))
            .filter(companies::prefecture_code.eq_any(prefectures.to_vec())),
    ))
    .get_result(conn)
}

/// Whether the talent and the company have an engagement, i.e. an accepted contract.
pub fn engaged_with_company(
    conn: &mut AnyConnection,
    talent_id: i64,
    company_id: i64,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        engagements::table
            .inner_join(applications::table.inner_join(projects::table))
            .filter(applications::talent_id.eq(talent_id))
            .filter(projects::company_id.eq(company_id)),
    ))
    .get_result(conn)
}

/// Every talent profile with the account's name and creation time (to build the index).
pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
    talent_profiles::table.count().get_result(conn)
}

/// Profiles by user id after `after_id`, `limit` at a time (the search index loads in pages).
pub fn page_for_index(
    conn: &mut AnyConnection,
    after_id: i64,
    limit: i64,
) -> QueryResult<Vec<(TalentRow, String, NaiveDateTime)>> {
    talent_profiles::table
        .inner_join(users::table)
        .filter(talent_profiles::user_id.gt(after_id))
        .order(talent_profiles::user_id)
        .limit(limit)
        .select((
            TalentRow::as_select(),
            users::display_name,
            users::created_at,
        ))
        .load(conn)
}

pub fn find_for_index(
    conn: &mut AnyConnection,
    user_id: i64,
) -> QueryResult<Option<(TalentRow, String, NaiveDateTime)>> {
    talent_profiles::table
        .inner_join(users::table)
        .filter(talent_profiles::user_id.eq(user_id))
        .select((
            TalentRow::as_select(),
            users::display_name,
            users::created_at,
        ))
        .first(conn)
        .optional()
}

/// Contract terms (JSON) of the running term of each active engagement, by talent.
pub fn active_terms(
    conn: &mut AnyConnection,
    talent_id: Option<i64>,
) -> QueryResult<Vec<(i64, String)>> {
    use crate::db::schema::contracts;
    let mut query = engagements::table
        .inner_join(applications::table)
        .inner_join(
            contracts::table.on(contracts::application_id
                .eq(engagements::application_id)
                .and(contracts::term_number.eq(engagements::term_number))),
        )
        .filter(engagements::status.eq("active"))
        .select((applications::talent_id, contracts::terms))
        .into_boxed();
    if let Some(id) = talent_id {
        query = query.filter(applications::talent_id.eq(id));
    }
    query.load(conn)
}

/// Talent ids and how many applications they have, and how many got any answer: the talent's
/// side of responsiveness is whether they keep their applications alive (not withdrawn).
pub fn application_ids_of(conn: &mut AnyConnection, talent_id: i64) -> QueryResult<Vec<i64>> {
    applications::table
        .filter(applications::talent_id.eq(talent_id))
        .select(applications::project_id)
        .load(conn)
}
