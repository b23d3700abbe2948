//! Search and recommendations: the engine finds and ranks ids; records are read from the
//! database so every field is current and authorization applies as everywhere else.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use kakehashi_shared::enums::Role;
use kakehashi_shared::project::Project;
use kakehashi_shared::search::{ProjectSearchPage, RecommendedProject, RecommendedTalent};
use kakehashi_shared::talent::TalentProfile;
use kakehashi_shared::Page;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::{self, Actor};
use crate::repositories::{applications, projects as project_repo, talents as talent_repo};
use crate::search::projects::ProjectQuery;
use crate::search::talents::TalentQuery;
use crate::search::SearchEngine;
use crate::services::{projects, talents};

/// Postings by id, in the order given.
fn projects_in_order(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<Project>, ApiError> {
    let mut rows = project_repo::find_many(conn, ids)?;
    rows.sort_by_key(|p| ids.iter().position(|id| *id == p.project.id));
    rows.into_iter()
        .map(|p| projects::to_dto(p, false))
        .collect()
}

pub fn search_projects(
    conn: &mut AnyConnection,
    engine: &SearchEngine,
    q: &ProjectQuery,
    now: DateTime<Utc>,
) -> Result<ProjectSearchPage, ApiError> {
    let hits = engine.search_projects(q, now.timestamp())?;
    Ok(ProjectSearchPage {
        items: projects_in_order(conn, &hits.ids)?,
        next_cursor: hits.next_offset.map(|o| o.to_string()),
        total: Some(hits.total),
        facets: Some(hits.facets),
    })
}

fn profiles(
    conn: &mut AnyConnection,
    ids: &[i64],
    show_contact: bool,
) -> Result<Vec<TalentProfile>, ApiError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some((row, name, email)) = talent_repo::find(conn, *id)? {
            out.push(talents::to_dto(row, name, email, show_contact)?);
        }
    }
    Ok(out)
}

/// Discoverable talent for companies and coordinators. Contact details are never part of a
/// search result (admins see them on the profile).
pub fn search_talents(
    conn: &mut AnyConnection,
    engine: &SearchEngine,
    actor: &Actor,
    q: &TalentQuery,
) -> Result<Page<TalentProfile>, ApiError> {
    policy::require_role(actor, &[Role::CompanyMember, Role::Coordinator])?;
    let hits = engine.search_talents(q)?;
    Ok(Page {
        items: profiles(conn, &hits.ids, false)?,
        next_cursor: hits.next_offset.map(|o| o.to_string()),
    })
}

/// Open postings for the calling talent, excluding those they applied to.
pub fn recommended_projects(
    conn: &mut AnyConnection,
    engine: &SearchEngine,
    actor: &Actor,
    limit: usize,
    now: DateTime<Utc>,
) -> Result<Vec<RecommendedProject>, ApiError> {
    if actor.role != Role::Talent {
        return Err(ApiError::Forbidden);
    }
    if talent_repo::find(conn, actor.user_id)?.is_none() {
        return Err(ApiError::Conflict {
            code: "profile_required".into(),
            detail: "Fill in your talent profile to get recommendations.".into(),
        });
    }
    let applied: HashSet<i64> = talent_repo::application_ids_of(conn, actor.user_id)?
        .into_iter()
        .collect();
    let scored = engine.recommend_projects(actor.user_id, &applied, now.timestamp(), limit);
    let ids: Vec<i64> = scored.iter().map(|s| s.0).collect();
    let items = projects_in_order(conn, &ids)?;
    Ok(items
        .into_iter()
        .zip(scored)
        .map(|(project, (_, score, reasons))| RecommendedProject {
            project,
            score,
            reasons,
        })
        .collect())
}

/// Talent for a posting the caller manages, excluding those who applied to it.
pub fn recommended_talents(
    conn: &mut AnyConnection,
    engine: &SearchEngine,
    actor: &Actor,
    project_id: i64,
    limit: usize,
    now: DateTime<Utc>,
) -> Result<Vec<RecommendedTalent>, ApiError> {
    projects::load_managed(conn, actor, project_id)?;
    let applied: HashSet<i64> = applications::talent_ids_of_project(conn, project_id)?
        .into_iter()
        .collect();
    let scored = engine.recommend_talents(project_id, &applied, now.timestamp(), limit);
    let ids: Vec<i64> = scored.iter().map(|s| s.0).collect();
    let found = profiles(conn, &ids, false)?;
    Ok(found
        .into_iter()
        .zip(scored)
        .map(|(talent, (_, score, reasons))| RecommendedTalent {
            talent,
            score,
            reasons,
        })
        .collect())
}
