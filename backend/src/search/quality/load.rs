//! Puts the set into the database through the repositories, as the product would have
//! stored it: accounts, profiles, companies, published postings, a `search_changes` row for
//! each, and running engagements for talent whose hours are already taken.
//!
//! Not over HTTP: a hundred argon2 hashes would take minutes, and nobody signs in here.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use kakehashi_shared::contract::ContractTerms;
use kakehashi_shared::enums::ContractType;
use kakehashi_shared::project::ProjectDraft;

use super::set::{CompanyEntry, QualitySet, TalentEntry};
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::companies::{self, NewCompanyRow};
use crate::repositories::json::to_text;
use crate::repositories::talents;
use crate::repositories::users::{self, NewUserRow};
use crate::repositories::{
    applications, contracts, engagements, projects, search_changes, to_db_time,
};

/// No one signs in to these accounts, so any well-formed hash will do.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$cXVhbGl0eXNldA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// Database ids of the set's keys.
pub struct Ids {
    pub projects: HashMap<String, i64>,
    pub talents: HashMap<String, i64>,
}

pub fn load(
    conn: &mut AnyConnection,
    set: &QualitySet,
    now: DateTime<Utc>,
) -> Result<Ids, ApiError> {
    let at = to_db_time(now);
    let mut members = HashMap::new();
    for c in &set.companies {
        members.insert(c.key.clone(), company_with_member(conn, c, now)?);
    }
    let mut talent_ids = HashMap::new();
    for t in &set.talents {
        let registered = to_db_time(now - Duration::days(t.registered_days_ago));
        let user = users::insert(
            conn,
            &NewUserRow {
                email: &format!("{}@quality.kakehashi.example", t.key.replace('_', "-")),
                password_hash: DUMMY_HASH,
                display_name: &t.name,
                role: "talent",
                company_id: None,
                hub_id: None,
                partner_id: None,
                created_at: registered,
                updated_at: registered,
            },
        )?;
        let row = crate::services::talents::row(user.id, &t.profile(), registered)?;
        talents::save(conn, &row)?;
        search_changes::record(conn, "talent", user.id, at)?;
        talent_ids.insert(t.key.clone(), user.id);
    }
    let mut project_ids = HashMap::new();
    for p in &set.projects {
        let (company, member) = members[&p.company];
        let published = to_db_time(now - Duration::days(p.published_days_ago));
        let id = publish(conn, company, member, &p.draft(now), published)?;
        search_changes::record(conn, "project", id, at)?;
        project_ids.insert(p.key.clone(), id);
    }
    book_hours(conn, set, &talent_ids, now)?;
    Ok(Ids {
        projects: project_ids,
        talents: talent_ids,
    })
}

/// A company and the member who posts for it: (company id, member's user id).
fn company_with_member(
    conn: &mut AnyConnection,
    c: &CompanyEntry,
    now: DateTime<Utc>,
) -> Result<(i64, i64), ApiError> {
    let at = to_db_time(now - Duration::days(365));
    let company = companies::insert(
        conn,
        &NewCompanyRow {
            name: &c.name,
            industry_code: &c.industry,
            prefecture_code: &c.prefecture,
            municipality: &c.municipality,
            referred_by_partner_id: None,
            created_at: at,
            updated_at: at,
        },
    )?;
    let member = users::insert(
        conn,
        &NewUserRow {
            email: &format!(
                "{}@company.quality.kakehashi.example",
                c.key.replace('_', "-")
            ),
            password_hash: DUMMY_HASH,
            display_name: &c.name,
            role: "company_member",
            company_id: Some(company),
            hub_id: None,
            partner_id: None,
            created_at: at,
            updated_at: at,
        },
    )?;
    Ok((company, member.id))
}

fn publish(
    conn: &mut AnyConnection,
    company: i64,
    member: i64,
    draft: &ProjectDraft,
    published: NaiveDateTime,
) -> Result<i64, ApiError> {
    let cols = projects::DraftColumns {
        draft: to_text(draft)?,
        title: draft.title.clone().unwrap_or_default(),
        monthly_fee: draft.monthly_fee,
        hours_per_month: draft.hours_per_month,
        recruitment_opens_at: draft.recruitment_opens_at.map(to_db_time),
        recruitment_closes_at: draft.recruitment_closes_at.map(to_db_time),
        updated_at: published,
    };
    let id = projects::insert(conn, company, member, &cols, published)?;
    projects::set_status(conn, id, "draft", "published", None, published)?;
    Ok(id)
}

/// Talent with `committed_hours` get a running engagement on an earlier posting of a company
/// outside the set, so free hours come from contracts as they do in production.
fn book_hours(
    conn: &mut AnyConnection,
    set: &QualitySet,
    talent_ids: &HashMap<String, i64>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let busy: Vec<&TalentEntry> = set
        .talents
        .iter()
        .filter(|t| t.committed_hours > 0)
        .collect();
    if busy.is_empty() {
        return Ok(());
    }
    let started = now - Duration::days(90);
    let at = to_db_time(started);
    let elsewhere = CompanyEntry {
        key: "earlier_round".to_owned(),
        name: "株式会社みなと食品".to_owned(),
        industry: "E".to_owned(),
        prefecture: "04".to_owned(),
        municipality: "石巻市".to_owned(),
    };
    let (company, member) = company_with_member(conn, &elsewhere, now)?;
    let earlier = ProjectDraft {
        title: Some("前回募集: 販路開拓の伴走".to_owned()),
        ..Default::default()
    };
    let project = publish(conn, company, member, &earlier, at)?;
    projects::set_status(conn, project, "published", "closed", None, at)?;
    for t in busy {
        let talent = talent_ids[&t.key];
        let application = applications::insert(
            conn,
            &applications::NewApplication {
                project_id: project,
                talent_id: talent,
                proposal: "前職の経験を活かして伴走します。",
                screening_answers: "[]",
                scout_id: None,
                response_due_at: at,
                now: at,
            },
        )?;
        applications::set_status(conn, application, "applied", "contracted", at)?;
        let terms = running_terms(t.committed_hours, started);
        let contract = contracts::insert(conn, application, None, 1, &to_text(&terms)?, at)?;
        let engagement = engagements::insert(conn, application, started.date_naive(), at)?;
        contracts::set_status(conn, contract, "accepted", Some(engagement), None)?;
    }
    Ok(())
}

fn running_terms(hours: i32, started: DateTime<Utc>) -> ContractTerms {
    ContractTerms {
        contract_type: ContractType::QuasiMandate,
        tasks: "販路開拓の計画と商談の同行".to_owned(),
        deliverables: "月次の稼働報告".to_owned(),
        monthly_hours: hours,
        monthly_fee: 80_000,
        payment_days: 30,
        payment_method: "銀行振込".to_owned(),
        expenses: "交通費は実費を委託者が負担".to_owned(),
        acceptance: "月末締めの稼働報告を翌月5日までに確認し検収とする".to_owned(),
        start_date: started.date_naive(),
        term_months: 6,
        renews_monthly: true,
        trial_days: None,
        intellectual_property: "成果物の著作権は検収をもって委託者に移転する".to_owned(),
        confidentiality: "業務上知り得た情報は開示しない".to_owned(),
        nda_required: true,
        change_procedure: "条件の変更は双方の書面合意による".to_owned(),
        defects_and_delays: "不備は受託者が修正する".to_owned(),
    }
}
