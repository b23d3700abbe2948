//! Recommendation quality measured against a hand-written set (`backend/tests/data/quality.json`):
//! postings and talent written the way a hub's coordinator would, each posting annotated with
//! the talent the coordinator would shortlist. The set is loaded into an empty database, the
//! engine is built from it as at start-up, and precision@5 is measured both ways.

mod load;
mod set;

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{DateTime, Utc};
use diesel::Connection;

use self::load::{load, Ids};
use self::set::{bad, check, QualitySet};
use super::recommend::Scored;
use super::SearchEngine;
use crate::db::AnyConnection;
use crate::error::ApiError;

/// How many recommendations are judged: what a company sees first.
pub const K: usize = 5;

/// How far down a longer list the expected results the top `K` missed are looked for
/// (diagnostics only; precision is measured on the top `K` as the product asks for it).
const DEPTH: usize = 50;

/// How many of the worst cases the report lists.
const WORST: usize = 10;

/// Which way a recommendation goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Talent recommended for a posting (what a company sees).
    TalentsForProject,
    /// Postings recommended to a talent.
    ProjectsForTalent,
}

/// One judged list: whose it is, what the coordinator expected, what the engine returned.
#[derive(Debug, Clone)]
pub struct Case {
    pub direction: Direction,
    pub key: String,
    pub precision: f64,
    /// The best precision the annotations allow (fewer than `K` expected caps it).
    pub ideal: f64,
    pub expected: Vec<String>,
    /// Keys and scores, best first.
    pub got: Vec<(String, i32)>,
    /// Expected keys outside the top `K`, with their rank and score in a longer list
    /// (`None`: not among the first `DEPTH`).
    pub missed: Vec<(String, Option<(usize, i32)>)>,
}

/// Mean precision@K one way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub cases: usize,
    pub precision: f64,
    pub ideal: f64,
}

#[derive(Debug, Clone)]
pub struct QualityReport {
    /// Open postings and talent loaded.
    pub projects: usize,
    pub talents: usize,
    pub talents_for_projects: Summary,
    /// `None` when no talent is annotated with expected projects.
    pub projects_for_talents: Option<Summary>,
    /// Results that must never appear: hidden or fully booked talent, closed postings.
    pub violations: Vec<String>,
    /// The cases furthest below what their annotations allow, worst first.
    pub worst: Vec<Case>,
}

/// Relevant results among the first `k`, over `k`: a short list is not rewarded.
pub fn precision_at(k: usize, got: &[&str], expected: &HashSet<&str>) -> f64 {
    if k == 0 {
        return 0.0;
    }
    let hits = got.iter().take(k).filter(|g| expected.contains(*g)).count();
    hits as f64 / k as f64
}

/// Loads `set_json` into `conn` (migrated, reference data loaded, otherwise empty), builds
/// the engine and measures it at `now`.
pub fn evaluate(
    conn: &mut AnyConnection,
    set_json: &str,
    now: DateTime<Utc>,
) -> Result<QualityReport, ApiError> {
    let set: QualitySet =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(set_json))
            .map_err(|e| bad(format!("{} at {}", e.inner(), e.path())))?;
    check(conn, &set, now)?;
    // One transaction: hundreds of small commits are slow on SQLite.
    let ids = conn.transaction::<_, ApiError, _>(|conn| load(conn, &set, now))?;
    let engine = SearchEngine::build(conn)?;
    Ok(measure(&engine, &set, &ids, now.timestamp()))
}

fn measure(engine: &SearchEngine, set: &QualitySet, ids: &Ids, now: i64) -> QualityReport {
    let by_id = |keys: &HashMap<String, i64>| -> HashMap<i64, String> {
        keys.iter().map(|(k, id)| (*id, k.clone())).collect()
    };
    let (talent_key, project_key) = (by_id(&ids.talents), by_id(&ids.projects));
    let named = |keys: &HashMap<i64, String>, scored: Vec<Scored>| -> Vec<(String, i32)> {
        scored
            .into_iter()
            .map(|(id, score, _)| (keys.get(&id).cloned().unwrap_or_default(), score))
            .collect()
    };
    let never: HashSet<&str> = set
        .talents
        .iter()
        .filter(|t| t.must_not_appear())
        .map(|t| t.key.as_str())
        .collect();
    let closed: HashSet<&str> = set
        .projects
        .iter()
        .filter(|p| !p.open)
        .map(|p| p.key.as_str())
        .collect();
    let none = HashSet::new();
    let mut violations = Vec::new();

    let mut for_projects = Vec::new();
    for p in set.projects.iter().filter(|p| p.open) {
        let id = ids.projects[&p.key];
        let got = named(&talent_key, engine.recommend_talents(id, &none, now, K));
        let deeper = named(&talent_key, engine.recommend_talents(id, &none, now, DEPTH));
        for (t, _) in got.iter().filter(|(t, _)| never.contains(t.as_str())) {
            violations.push(format!(
                "{t} (hidden or fully booked) recommended for {}",
                p.key
            ));
        }
        let case = case(
            Direction::TalentsForProject,
            &p.key,
            &p.expected,
            got,
            &deeper,
        );
        for_projects.push(case);
    }

    // Every talent is asked, annotated or not: a closed posting must reach no one.
    let mut for_talents = Vec::new();
    for t in &set.talents {
        let id = ids.talents[&t.key];
        let got = named(&project_key, engine.recommend_projects(id, &none, now, K));
        for (p, _) in got.iter().filter(|(p, _)| closed.contains(p.as_str())) {
            violations.push(format!("closed posting {p} recommended to {}", t.key));
        }
        if let Some(expected) = &t.expected_projects {
            let deeper = named(
                &project_key,
                engine.recommend_projects(id, &none, now, DEPTH),
            );
            let case = case(Direction::ProjectsForTalent, &t.key, expected, got, &deeper);
            for_talents.push(case);
        }
    }

    let talents_for_projects = summary(&for_projects);
    let projects_for_talents = (!for_talents.is_empty()).then(|| summary(&for_talents));
    let mut worst: Vec<Case> = for_projects.into_iter().chain(for_talents).collect();
    worst.sort_by(|a, b| {
        (b.ideal - b.precision)
            .total_cmp(&(a.ideal - a.precision))
            .then_with(|| a.key.cmp(&b.key))
    });
    worst.truncate(WORST);
    QualityReport {
        projects: set.projects.iter().filter(|p| p.open).count(),
        talents: set.talents.len(),
        talents_for_projects,
        projects_for_talents,
        violations,
        worst,
    }
}

fn case(
    direction: Direction,
    key: &str,
    expected: &[String],
    got: Vec<(String, i32)>,
    deeper: &[(String, i32)],
) -> Case {
    let wanted: HashSet<&str> = expected.iter().map(String::as_str).collect();
    let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    let missed = expected
        .iter()
        .filter(|e| !keys.contains(&e.as_str()))
        .map(|e| {
            let found = deeper.iter().position(|(k, _)| k == e);
            (e.clone(), found.map(|i| (i + 1, deeper[i].1)))
        })
        .collect();
    Case {
        direction,
        key: key.to_owned(),
        precision: precision_at(K, &keys, &wanted),
        ideal: wanted.len().min(K) as f64 / K as f64,
        expected: expected.to_vec(),
        got,
        missed,
    }
}

fn summary(cases: &[Case]) -> Summary {
    let n = cases.len().max(1) as f64;
    Summary {
        cases: cases.len(),
        precision: cases.iter().map(|c| c.precision).sum::<f64>() / n,
        ideal: cases.iter().map(|c| c.ideal).sum::<f64>() / n,
    }
}

impl fmt::Display for QualityReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "quality set: {} open postings, {} talent",
            self.projects, self.talents
        )?;
        let ways = [
            ("talent for a posting", Some(&self.talents_for_projects)),
            ("postings for a talent", self.projects_for_talents.as_ref()),
        ];
        for (way, s) in ways {
            if let Some(s) = s {
                writeln!(
                    f,
                    "  {way}: precision@{K} {:.3} over {} (annotations allow {:.3})",
                    s.precision, s.cases, s.ideal
                )?;
            }
        }
        writeln!(f, "  violations: {}", self.violations.len())?;
        for v in &self.violations {
            writeln!(f, "    {v}")?;
        }
        writeln!(f, "  worst cases (key:score, missed key:#rank:score):")?;
        for c in &self.worst {
            let way = match c.direction {
                Direction::TalentsForProject => "talent for",
                Direction::ProjectsForTalent => "postings for",
            };
            let got: Vec<String> = c.got.iter().map(|(k, s)| format!("{k}:{s}")).collect();
            let missed: Vec<String> = c
                .missed
                .iter()
                .map(|(k, at)| match at {
                    Some((rank, score)) => format!("{k}:#{rank}:{score}"),
                    None => format!("{k}:-"),
                })
                .collect();
            writeln!(
                f,
                "    {way} {}: {:.1} of {:.1}\n      got    {}\n      missed {}",
                c.key,
                c.precision,
                c.ideal,
                got.join(" "),
                missed.join(" ")
            )?;
        }
        Ok(())
    }
}
