//! Case studies (事例): drafted from an engagement, published only with the company's, the
//! talent's and the coordinator's consent. The talent is anonymised to age band, region and
//! employer type.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::case_study::{
    AnonymisedTalent, CaseStudy, CaseStudyStatus, CaseStudyText, Consents,
};
use kakehashi_shared::engagement::{Kickoff, OutcomeInput, ReviewInput};
use kakehashi_shared::enums::{AgeBand, EmployerType};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::Page;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::{Actor, CompanyAccess, Party};
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::case_studies::{self as repo, CaseStudyRow};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::{
    applications, engagements, from_db_time, reference, talents, to_db_time,
};
use crate::services::engagements::load as load_engagement;
use crate::services::notify::{self, Note};

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

fn to_dto(
    conn: &mut AnyConnection,
    row: CaseStudyRow,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    let engagement = engagements::find(conn, row.engagement_id)?;
    let ctx = applications::find(conn, engagement.application_id)?;
    let talent = match talents::find(conn, ctx.application.talent_id)? {
        Some((t, _, _)) => {
            let region = match &t.residence_prefecture_code {
                Some(code) => reference::prefectures(conn)?
                    .into_iter()
                    .find(|p| &p.code == code)
                    .map_or_else(String::new, |p| p.region_ja),
                None => "海外".to_owned(),
            };
            AnonymisedTalent {
                age_band: AgeBand::parse(&t.age_band),
                residence_region: region,
                employer_type: EmployerType::parse(&t.employer_type),
            }
        }
        None => AnonymisedTalent {
            age_band: None,
            residence_region: String::new(),
            employer_type: None,
        },
    };
    let end = engagement.ended_at.map(from_db_time).unwrap_or(now);
    let months = end
        .date_naive()
        .signed_duration_since(engagement.started_on)
        .num_days()
        .max(0)
        / 30;
    let mut kpis = Vec::new();
    for (_, body, _, _) in engagements::outcomes(conn, row.engagement_id)? {
        kpis.extend(from_text::<OutcomeInput>(&body)?.kpi_line());
    }
    Ok(CaseStudy {
        id: row.id,
        engagement_id: row.engagement_id,
        status: CaseStudyStatus::parse(&row.status)
            .ok_or_else(|| ApiError::internal("unknown case study status"))?,
        company_name: ctx.company_name,
        prefecture_code: row.prefecture_code,
        industry_code: row.industry_code,
        challenges: from_text(&row.challenges)?,
        text: from_text(&row.text)?,
        talent,
        months: i32::try_from(months).unwrap_or(i32::MAX),
        kpis,
        consents: Consents {
            company: row.company_consent_at.map(from_db_time),
            talent: row.talent_consent_at.map(from_db_time),
            coordinator: row.coordinator_consent_at.map(from_db_time),
        },
        published_at: row.published_at.map(from_db_time),
        created_at: from_db_time(row.created_at),
    })
}

/// A first draft from what the engagement recorded: the posting's background, the kickoff
/// goals, the outcomes and what both sides were glad of in their reviews.
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    engagement_id: i64,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    conn.transaction(|conn| {
        let (row, ctx, _) = load_engagement(conn, actor, engagement_id)?;
        if repo::for_engagement(conn, engagement_id)?.is_some() {
            return Err(conflict(
                "case_study_exists",
                "This engagement already has a case study.",
            ));
        }
        let draft: ProjectDraft = from_text(&ctx.project_draft)?;
        let kickoff: Option<Kickoff> = row.kickoff.as_deref().map(from_text).transpose()?;
        let outcomes: Vec<OutcomeInput> = engagements::outcomes(conn, engagement_id)?
            .into_iter()
            .map(|(_, b, _, _)| from_text(&b))
            .collect::<Result<_, _>>()?;
        let reviews: Vec<ReviewInput> = engagements::reviews(conn, engagement_id)?
            .into_iter()
            .map(|r| from_text(&r.3))
            .collect::<Result<_, _>>()?;
        let results = outcomes
            .iter()
            .map(|o| o.kpi_line().unwrap_or_else(|| o.description.clone()))
            .collect::<Vec<_>>()
            .join("\n");
        let text = CaseStudyText {
            title: format!("{}：{}", ctx.company_name, ctx.project_title),
            trigger: draft.background.unwrap_or_default(),
            what_was_done: [
                draft.tasks.unwrap_or_default(),
                kickoff.map(|k| k.goals.join("、")).unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
            results,
            success_factors: reviews
                .iter()
                .map(|r| r.glad.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let company = crate::repositories::companies::find(conn, ctx.company_id)?;
        let challenges = to_text(&draft.challenges.unwrap_or_default())?;
        let id = repo::insert(
            conn,
            engagement_id,
            &to_text(&text)?,
            &company.prefecture_code,
            &company.industry_code,
            &challenges,
            to_db_time(now),
        )?;
        audit::record(
            conn,
            &AuditEntry::new("case_study", id, "drafted", now)
                .by(actor.user_id)
                .to_state("draft"),
        )?;
        // Each side must read and consent: everyone but the drafter is told where the draft is.
        let mut readers = crate::repositories::companies::member_ids(conn, ctx.company_id)?;
        readers.push(ctx.application.talent_id);
        readers.extend(crate::repositories::notifications::coordinators_for(
            conn,
            &company.prefecture_code,
        )?);
        readers.retain(|id| *id != actor.user_id);
        readers.sort_unstable();
        readers.dedup();
        notify::users(
            conn,
            &readers,
            &Note {
                kind: "case_study.drafted",
                title: "事例の下書きができました。内容を確認し、公開への同意をお願いします",
                body: &text.title,
                link: format!("/case-studies/{id}"),
            },
            now,
        )?;
        let row = repo::find(conn, id)?;
        to_dto(conn, row, now)
    })
}

fn load(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<(CaseStudyRow, Party), ApiError> {
    let row = repo::find(conn, id)?;
    let (_, _, party) = load_engagement(conn, actor, row.engagement_id)?;
    Ok((row, party))
}

/// Published ones are public; drafts only for the parties and the hub.
pub fn get(
    conn: &mut AnyConnection,
    actor: Option<&Actor>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    let row = repo::find(conn, id)?;
    if row.status != CaseStudyStatus::Published.as_str() {
        let actor = actor.ok_or(ApiError::NotFound)?;
        load_engagement(conn, actor, row.engagement_id)?;
    }
    to_dto(conn, row, now)
}

pub fn update_text(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    text: &CaseStudyText,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    conn.transaction(|conn| {
        let (row, _) = load(conn, actor, id)?;
        if row.status != CaseStudyStatus::Draft.as_str() {
            return Err(conflict(
                "illegal_transition:published:edit",
                "A published case study is not edited.",
            ));
        }
        repo::set_text(conn, id, &to_text(text)?)?;
        // Privacy (APPI): consents were given to the old text; they lapse with it.
        crate::repositories::privacy::lapse_case_study_consents(conn, id, to_db_time(now))?;
        audit::record(
            conn,
            &AuditEntry::new("case_study", id, "edited", now).by(actor.user_id),
        )?;
        let row = repo::find(conn, id)?;
        to_dto(conn, row, now)
    })
}

/// Records the caller's consent: the talent's, the company's own (a member's), or the hub's.
pub fn consent(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    conn.transaction(|conn| {
        let (row, party) = load(conn, actor, id)?;
        if row.status != CaseStudyStatus::Draft.as_str() {
            return Err(conflict(
                "illegal_transition:published:consent",
                "Already published.",
            ));
        }
        let who = match party {
            Party::Talent => "talent",
            Party::Company(CompanyAccess::Member) => "company",
            Party::Company(CompanyAccess::Coordinator | CompanyAccess::Admin) => "coordinator",
        };
        repo::consent(conn, id, who, to_db_time(now))?;
        // Privacy (APPI): the person's own record of what they agreed to, and to which text.
        crate::services::privacy::record_case_study_consent(
            conn,
            actor.user_id,
            id,
            &row.text,
            now,
        )?;
        audit::record(
            conn,
            &AuditEntry::new("case_study", id, "consent", now)
                .by(actor.user_id)
                .to_state(who),
        )?;
        let row = repo::find(conn, id)?;
        to_dto(conn, row, now)
    })
}

/// Privacy (APPI): withdraws the caller's side's consent while the study is a draft, so it
/// cannot be published until that side consents again. After publication it is 409: the
/// story names no one, and taking it down is the hub's decision.
pub fn withdraw_consent(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let (row, party) = load(conn, actor, id)?;
    if row.status != CaseStudyStatus::Draft.as_str() {
        return Err(conflict(
            "illegal_transition:published:withdraw_consent",
            "The case study is already published; ask the hub to take it down.",
        ));
    }
    let who = match party {
        Party::Talent => "talent",
        Party::Company(CompanyAccess::Member) => "company",
        Party::Company(CompanyAccess::Coordinator | CompanyAccess::Admin) => "coordinator",
    };
    crate::repositories::privacy::clear_case_study_consent(conn, id, who)?;
    audit::record(
        conn,
        &AuditEntry::new("case_study", id, "consent_withdrawn", now)
            .by(actor.user_id)
            .to_state(who),
    )?;
    Ok(())
}

pub fn publish(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    conn.transaction(|conn| {
        let (row, _) = load(conn, actor, id)?;
        let study = to_dto(conn, row, now)?;
        if study.status != CaseStudyStatus::Draft {
            return Err(conflict(
                "illegal_transition:published:publish",
                "Already published.",
            ));
        }
        if !study.consents.all_given() {
            return Err(conflict(
                "consent_missing",
                "The company, the talent and the coordinator must all consent before publication.",
            ));
        }
        if !repo::publish(conn, id, to_db_time(now))? {
            return Err(conflict(
                "concurrent_update",
                "The case study changed meanwhile; reload it.",
            ));
        }
        audit::record(
            conn,
            &AuditEntry::new("case_study", id, "publish", now)
                .by(actor.user_id)
                .moved("draft", "published"),
        )?;
        let engagement = engagements::find(conn, study.engagement_id)?;
        let ctx = applications::find(conn, engagement.application_id)?;
        let note = Note {
            kind: "case_study.published",
            title: "事例が公開されました",
            body: &study.text.title,
            link: format!("/case-studies/{id}"),
        };
        notify::company(conn, ctx.company_id, &note, now)?;
        notify::users(conn, &[ctx.application.talent_id], &note, now)?;
        // Webhooks.
        crate::services::webhooks::case_study_published(conn, &study, &ctx, now)?;
        let row = repo::find(conn, id)?;
        to_dto(conn, row, now)
    })
}

#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub prefecture: Option<String>,
    pub industry: Option<String>,
    pub challenge: Option<String>,
}

pub fn list_published(
    conn: &mut AnyConnection,
    q: &ListQuery,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<Page<CaseStudy>, ApiError> {
    let rows = repo::published(
        conn,
        q.prefecture.as_deref(),
        q.industry.as_deref(),
        q.challenge.as_deref(),
        page.before,
        page.fetch(),
    )?;
    page.page(rows, |r| r.id, |r| to_dto(conn, r, now))
}
