//! Recommendation quality beside the speed figures: `kakehashi::search::quality::evaluate` on
//! the hand-written set (`backend/tests/data/quality.json`), in a fresh SQLite file at the
//! set's own clock, as its regression test runs it (which enforces the floors).

use chrono::{TimeZone, Utc};
use kakehashi::db::{DatabaseUrl, Db};
use kakehashi::search::quality::{evaluate, K};

use crate::results::{Precision, QualityFigures};

const SET: &str = include_str!("../../tests/data/quality.json");

pub fn measure() -> Result<QualityFigures, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let url = format!("sqlite://{}", dir.path().join("quality.db").display());
    let db = Db::new(&DatabaseUrl::parse(&url)?, 1)?;
    db.migrate()?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    kakehashi::seed::reference::load(&mut conn).map_err(|e| e.to_string())?;
    // The set's windows and dates are written for this instant (see tests/api/quality.rs).
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .ok_or("bad time")?;
    let report = evaluate(&mut conn, SET, now).map_err(|e| e.to_string())?;
    let precision = |s: kakehashi::search::quality::Summary| Precision {
        cases: s.cases,
        precision: s.precision,
        ideal: s.ideal,
    };
    Ok(QualityFigures {
        k: K,
        projects: report.projects,
        talents: report.talents,
        talents_for_projects: precision(report.talents_for_projects),
        projects_for_talents: report.projects_for_talents.map(precision),
        violations: report.violations.len(),
    })
}
