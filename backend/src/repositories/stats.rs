//! The rows the figures are computed from. Each query applies the period, prefecture and
//! partner limits in SQL and returns only the columns a figure needs; medians, JSON columns
//! and month arithmetic are done in Rust (`services::stats`) so the SQL stays portable.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{
    application_status_history, applications, companies, contracts, engagements, projects, reviews,
    talent_profiles, users,
};
use crate::db::AnyConnection;

/// The limits every query applies. `prefectures: None` is all of Japan; an empty list
/// matches nothing (a hub without prefectures).
#[derive(Debug, Clone, Default)]
pub struct Limits {
    /// First instant included.
    pub from: Option<NaiveDateTime>,
    /// First instant excluded.
    pub until: Option<NaiveDateTime>,
    pub prefectures: Option<Vec<String>>,
    pub partner: Option<i64>,
}

/// A talent account and its profile, if written.
#[derive(Debug, Queryable)]
pub struct TalentRow {
    pub residence_prefecture_code: Option<String>,
    pub residence_country: Option<String>,
    /// JSON list of `{prefecture_code, kind}`.
    pub ties: Option<String>,
    pub age_band: Option<String>,
    pub employer_type: Option<String>,
    /// JSON list of `{code, years}`.
    pub skills: Option<String>,
}

/// Talent registered in the period (and referred by the partner). The prefecture limit needs
/// the JSON ties, so the service applies it.
pub fn talents(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<TalentRow>> {
    let mut q = users::table
        .left_join(talent_profiles::table)
        .filter(users::role.eq("talent"))
        .select((
            talent_profiles::residence_prefecture_code.nullable(),
            talent_profiles::residence_country.nullable(),
            talent_profiles::ties.nullable(),
            talent_profiles::age_band.nullable(),
            talent_profiles::employer_type.nullable(),
            talent_profiles::skills.nullable(),
        ))
        .into_boxed();
    if let Some(from) = l.from {
        q = q.filter(users::created_at.ge(from));
    }
    if let Some(until) = l.until {
        q = q.filter(users::created_at.lt(until));
    }
    if let Some(p) = l.partner {
        q = q.filter(users::referred_by_partner_id.eq(p));
    }
    q.load(conn)
}

#[derive(Debug, Queryable)]
pub struct CompanyRow {
    pub industry_code: String,
    pub prefecture_code: String,
    pub employees: Option<i32>,
}

/// Companies registered in the period, in the prefectures, referred by the partner.
pub fn companies(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<CompanyRow>> {
    let mut q = companies::table
        .select((
            companies::industry_code,
            companies::prefecture_code,
            companies::employees,
        ))
        .into_boxed();
    if let Some(from) = l.from {
        q = q.filter(companies::created_at.ge(from));
    }
    if let Some(until) = l.until {
        q = q.filter(companies::created_at.lt(until));
    }
    if let Some(p) = &l.prefectures {
        q = q.filter(companies::prefecture_code.eq_any(p.clone()));
    }
    if let Some(p) = l.partner {
        q = q.filter(companies::referred_by_partner_id.eq(p));
    }
    q.load(conn)
}

#[derive(Debug, Queryable)]
pub struct ApplicationRow {
    pub id: i64,
    pub created_at: NaiveDateTime,
    pub decline_reason: Option<String>,
}

/// Applications created in the period to postings of companies in the prefectures; with a
/// partner, those the partner referred or to a company the partner referred.
pub fn applications(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<ApplicationRow>> {
    let mut q = applications::table
        .inner_join(projects::table.inner_join(companies::table))
        .select((
            applications::id,
            applications::created_at,
            applications::decline_reason,
        ))
        .into_boxed();
    if let Some(from) = l.from {
        q = q.filter(applications::created_at.ge(from));
    }
    if let Some(until) = l.until {
        q = q.filter(applications::created_at.lt(until));
    }
    if let Some(p) = &l.prefectures {
        q = q.filter(companies::prefecture_code.eq_any(p.clone()));
    }
    if let Some(p) = l.partner {
        q = q.filter(
            applications::referred_by_partner_id
                .eq(p)
                .or(companies::referred_by_partner_id.eq(p)),
        );
    }
    q.order(applications::id.asc()).load(conn)
}

/// `(application id, status, when)` for the given applications, oldest first.
pub fn history(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String, NaiveDateTime)>> {
    let mut out = Vec::new();
    // Chunks keep the bound parameters well under SQLite's limit.
    for chunk in ids.chunks(500) {
        out.extend(
            application_status_history::table
                .filter(application_status_history::application_id.eq_any(chunk.to_vec()))
                .order(application_status_history::id.asc())
                .select((
                    application_status_history::application_id,
                    application_status_history::status,
                    application_status_history::created_at,
                ))
                .load::<(i64, String, NaiveDateTime)>(conn)?,
        );
    }
    Ok(out)
}

#[derive(Debug, Queryable)]
pub struct EngagementRow {
    pub started_on: NaiveDate,
    pub ended_at: Option<NaiveDateTime>,
}

/// Engagements started in the period (by `started_on`), same prefecture and partner rule as
/// applications.
pub fn engagements(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<EngagementRow>> {
    let mut q = engagements::table
        .inner_join(applications::table.inner_join(projects::table.inner_join(companies::table)))
        .select((engagements::started_on, engagements::ended_at))
        .into_boxed();
    if let Some(from) = l.from {
        q = q.filter(engagements::started_on.ge(from.date()));
    }
    if let Some(until) = l.until {
        q = q.filter(engagements::started_on.lt(until.date()));
    }
    if let Some(p) = &l.prefectures {
        q = q.filter(companies::prefecture_code.eq_any(p.clone()));
    }
    if let Some(p) = l.partner {
        q = q.filter(
            applications::referred_by_partner_id
                .eq(p)
                .or(companies::referred_by_partner_id.eq(p)),
        );
    }
    q.load(conn)
}

#[derive(Debug, Queryable)]
pub struct ContractRow {
    /// `shared::contract::ContractTerms` as JSON.
    pub terms: String,
    pub company_accepted_at: Option<NaiveDateTime>,
    pub talent_accepted_at: Option<NaiveDateTime>,
}

/// Accepted contracts (every term) in the prefectures and partner; the period applies to the
/// later of the two acceptances, which the service reads.
pub fn accepted_contracts(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<ContractRow>> {
    let mut q = contracts::table
        .inner_join(applications::table.inner_join(projects::table.inner_join(companies::table)))
        .filter(contracts::status.eq("accepted"))
        .select((
            contracts::terms,
            contracts::company_accepted_at,
            contracts::talent_accepted_at,
        ))
        .into_boxed();
    if let Some(p) = &l.prefectures {
        q = q.filter(companies::prefecture_code.eq_any(p.clone()));
    }
    if let Some(p) = l.partner {
        q = q.filter(
            applications::referred_by_partner_id
                .eq(p)
                .or(companies::referred_by_partner_id.eq(p)),
        );
    }
    q.load(conn)
}

/// The posting fields (JSON) of postings first published in the period, in the prefectures,
/// of companies the partner referred.
pub fn published_drafts(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<String>> {
    let mut q = projects::table
        .inner_join(companies::table)
        .filter(projects::published_at.is_not_null())
        .select(projects::draft)
        .into_boxed();
    if let Some(from) = l.from {
        q = q.filter(projects::published_at.ge(from));
    }
    if let Some(until) = l.until {
        q = q.filter(projects::published_at.lt(until));
    }
    if let Some(p) = &l.prefectures {
        q = q.filter(companies::prefecture_code.eq_any(p.clone()));
    }
    if let Some(p) = l.partner {
        q = q.filter(companies::referred_by_partner_id.eq(p));
    }
    q.load(conn)
}

/// `(side, satisfaction)` of the reviews written in the period, same rule as applications.
pub fn reviews(conn: &mut AnyConnection, l: &Limits) -> QueryResult<Vec<(String, i32)>> {
    let mut q = reviews::table
        .inner_join(engagements::table.inner_join(
            applications::table.inner_join(projects::table.inner_join(companies::table)),
        ))
        .select((reviews::side, reviews::satisfaction))
        .into_boxed();
    if let Some(from) = l.from {
        q = q.filter(reviews::created_at.ge(from));
    }
    if let Some(until) = l.until {
        q = q.filter(reviews::created_at.lt(until));
    }
    if let Some(p) = &l.prefectures {
        q = q.filter(companies::prefecture_code.eq_any(p.clone()));
    }
    if let Some(p) = l.partner {
        q = q.filter(
            applications::referred_by_partner_id
                .eq(p)
                .or(companies::referred_by_partner_id.eq(p)),
        );
    }
    q.load(conn)
}
