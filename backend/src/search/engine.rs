//! The in-memory search and matching engine: compact records plus tantivy text indexes,
//! built from the database at start-up and kept current by following `search_changes`.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Mutex, RwLock};
use std::time::Instant;

use super::docs::{committed_hours, ProjectDoc, TalentDoc, Taxonomy};
use super::text::{query_bigrams, TextIndex};
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::{projects, search_changes, talents};

#[derive(Default)]
struct Stores {
    projects: HashMap<i64, ProjectDoc>,
    talents: HashMap<i64, TalentDoc>,
    /// Talent ids by skill (`s:code`) and challenge (`c:code`): recommendations score only the
    /// talent who share at least one with the posting.
    talents_by_code: HashMap<String, HashSet<i64>>,
}

fn talent_codes(t: &TalentDoc) -> impl Iterator<Item = String> + '_ {
    t.skills
        .iter()
        .map(|(s, _)| format!("s:{s}"))
        .chain(t.challenges.iter().map(|c| format!("c:{c}")))
}

impl Stores {
    fn unlink_talent(&mut self, id: i64) {
        if let Some(old) = self.talents.remove(&id) {
            for code in talent_codes(&old) {
                if let Some(set) = self.talents_by_code.get_mut(&code) {
                    set.remove(&id);
                }
            }
        }
    }

    fn link_talent(&mut self, doc: TalentDoc) {
        self.unlink_talent(doc.id);
        for code in talent_codes(&doc) {
            self.talents_by_code.entry(code).or_default().insert(doc.id);
        }
        self.talents.insert(doc.id, doc);
    }
}

/// Where this instance is in the change log. Ids can commit out of order on PostgreSQL, so a
/// missing id is waited for a few seconds before it is taken as a rolled-back transaction.
#[derive(Default)]
struct Follower {
    cursor: i64,
    seen: BTreeSet<i64>,
    gap_since: Option<(i64, Instant)>,
}

const GAP_PATIENCE_SECS: u64 = 5;

pub struct SearchEngine {
    stores: RwLock<Stores>,
    project_text: TextIndex,
    talent_text: TextIndex,
    pub taxonomy: Taxonomy,
    follower: Mutex<Follower>,
}

fn poisoned<T>(e: std::sync::PoisonError<T>) -> T {
    e.into_inner()
}

impl SearchEngine {
    /// Builds the engine from the database, logging progress (a large index takes a while).
    pub fn build(conn: &mut AnyConnection) -> Result<Self, ApiError> {
        let started = Instant::now();
        let cursor = search_changes::latest(conn)?;
        let engine = SearchEngine {
            stores: RwLock::new(Stores::default()),
            project_text: TextIndex::new()?,
            talent_text: TextIndex::new()?,
            taxonomy: Taxonomy::load(conn)?,
            follower: Mutex::new(Follower {
                cursor,
                ..Default::default()
            }),
        };
        let rows = projects::all_published(conn)?;
        let total = rows.len();
        for (i, row) in rows.iter().enumerate() {
            engine.put_project(row)?;
            progress("projects", i + 1, total);
        }
        let hours = committed_hours(talents::active_terms(conn, None)?)?;
        let rows = talents::all(conn)?;
        let total = rows.len();
        for (i, (row, _, created_at)) in rows.iter().enumerate() {
            let (doc, text) = TalentDoc::from_row(
                row,
                *created_at,
                hours.get(&row.user_id).copied().unwrap_or(0),
                &engine.taxonomy,
            )?;
            engine.put_talent(doc, &text)?;
            progress("talents", i + 1, total);
        }
        engine.project_text.commit()?;
        engine.talent_text.commit()?;
        tracing::info!(
            projects = engine.read().projects.len(),
            talents = engine.read().talents.len(),
            ms = started.elapsed().as_millis() as u64,
            "search index built"
        );
        Ok(engine)
    }

    /// An engine with nothing in it, for a server started while its database is away; the
    /// follower fills it from the change log once the database answers.
    pub fn empty() -> Result<Self, ApiError> {
        Ok(SearchEngine {
            stores: RwLock::new(Stores::default()),
            project_text: TextIndex::new()?,
            talent_text: TextIndex::new()?,
            taxonomy: Taxonomy::default(),
            follower: Mutex::new(Follower::default()),
        })
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Stores> {
        self.stores.read().unwrap_or_else(poisoned)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Stores> {
        self.stores.write().unwrap_or_else(poisoned)
    }

    fn put_project(&self, row: &projects::ProjectWithCompany) -> Result<(), ApiError> {
        let (doc, text) = ProjectDoc::from_row(row, &self.taxonomy)?;
        self.project_text.upsert(doc.id, &text)?;
        self.write().projects.insert(doc.id, doc);
        Ok(())
    }

    fn put_talent(&self, doc: TalentDoc, text: &str) -> Result<(), ApiError> {
        if doc.discoverable {
            self.talent_text.upsert(doc.id, text)?;
        } else {
            self.talent_text.remove(doc.id);
        }
        self.write().link_talent(doc);
        Ok(())
    }

    fn reload_project(&self, conn: &mut AnyConnection, id: i64) -> Result<(), ApiError> {
        match projects::find(conn, id) {
            Ok(row) if row.project.status == "published" => self.put_project(&row),
            Ok(_) | Err(diesel::result::Error::NotFound) => {
                self.project_text.remove(id);
                self.write().projects.remove(&id);
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }

    fn reload_talent(&self, conn: &mut AnyConnection, id: i64) -> Result<(), ApiError> {
        match talents::find_for_index(conn, id)? {
            Some((row, _, created_at)) => {
                let hours = committed_hours(talents::active_terms(conn, Some(id))?)?;
                let (doc, text) = TalentDoc::from_row(
                    &row,
                    created_at,
                    hours.get(&id).copied().unwrap_or(0),
                    &self.taxonomy,
                )?;
                self.put_talent(doc, &text)
            }
            None => {
                self.talent_text.remove(id);
                self.write().unlink_talent(id);
                Ok(())
            }
        }
    }

    /// Applies the change log since the last call; returns how many changes were applied.
    /// Called after every write on this instance and every 100 ms in the background.
    pub fn catch_up(&self, conn: &mut AnyConnection) -> Result<usize, ApiError> {
        let mut follower = self.follower.lock().unwrap_or_else(poisoned);
        let rows = search_changes::after(conn, follower.cursor, 10_000)?;
        let mut applied = 0;
        for (id, entity, entity_id) in &rows {
            if follower.seen.contains(id) {
                continue;
            }
            match entity.as_str() {
                "project" => self.reload_project(conn, *entity_id)?,
                "talent" => self.reload_talent(conn, *entity_id)?,
                "company" => {
                    for project in projects::ids_of_company(conn, *entity_id)? {
                        self.reload_project(conn, project)?;
                    }
                }
                _ => {}
            }
            follower.seen.insert(*id);
            applied += 1;
        }
        if applied > 0 {
            self.project_text.commit()?;
            self.talent_text.commit()?;
        }
        advance(&mut follower);
        Ok(applied)
    }

    pub fn sizes(&self) -> (usize, usize) {
        let s = self.read();
        (s.projects.len(), s.talents.len())
    }
}

/// Moves the cursor over every id seen without a gap; a gap older than the patience is
/// taken as a transaction that rolled back.
fn advance(f: &mut Follower) {
    loop {
        let next = f.cursor + 1;
        if f.seen.remove(&next) {
            f.cursor = next;
            f.gap_since = None;
            continue;
        }
        let Some(&first_seen) = f.seen.iter().next() else {
            return;
        };
        debug_assert!(first_seen > next);
        match f.gap_since {
            Some((gap, since)) if gap == next && since.elapsed().as_secs() >= GAP_PATIENCE_SECS => {
                f.cursor = next;
                f.gap_since = None;
            }
            Some((gap, _)) if gap == next => return,
            _ => {
                f.gap_since = Some((next, Instant::now()));
                return;
            }
        }
    }
}

fn progress(what: &str, done: usize, total: usize) {
    if total >= 10_000 && (done % (total / 10) == 0 || done == total) {
        tracing::info!(what, done, total, "building the search index");
    }
}

/// Fee bands for facets, in yen a month (upper bound exclusive).
pub const FEE_BANDS: &[(i64, i64, &str)] = &[
    (0, 30_000, "0-30000"),
    (30_000, 50_000, "30000-50000"),
    (50_000, 100_000, "50000-100000"),
    (100_000, 150_000, "100000-150000"),
    (150_000, i64::MAX, "150000-"),
];

/// Hours bands for facets (upper bound inclusive).
pub const HOURS_BANDS: &[(i32, i32, &str)] = &[
    (0, 10, "0-10"),
    (11, 20, "11-20"),
    (21, 30, "21-30"),
    (31, 40, "31-40"),
    (41, i32::MAX, "41-"),
];

pub fn fee_band(fee: i64) -> &'static str {
    FEE_BANDS
        .iter()
        .find(|(lo, hi, _)| *lo <= fee && fee < *hi)
        .map_or("0-30000", |b| b.2)
}

pub fn hours_band(hours: i32) -> &'static str {
    HOURS_BANDS
        .iter()
        .find(|(lo, hi, _)| *lo <= hours && hours <= *hi)
        .map_or("0-10", |b| b.2)
}

impl SearchEngine {
    pub(crate) fn with_stores<R>(
        &self,
        f: impl FnOnce(&HashMap<i64, ProjectDoc>, &HashMap<i64, TalentDoc>) -> R,
    ) -> R {
        let s = self.read();
        f(&s.projects, &s.talents)
    }

    /// Talent sharing a skill or a challenge with the posting (`None`: fewer than `min`, so
    /// the caller scans everyone rather than return a short list).
    pub(crate) fn candidates(&self, project: &ProjectDoc, min: usize) -> Option<HashSet<i64>> {
        let s = self.read();
        let mut out = HashSet::new();
        let codes = project
            .required
            .iter()
            .chain(&project.preferred)
            .map(|c| format!("s:{c}"))
            .chain(project.challenges.iter().map(|c| format!("c:{c}")));
        for code in codes {
            if let Some(ids) = s.talents_by_code.get(&code) {
                out.extend(ids.iter().copied());
            }
        }
        (out.len() >= min).then_some(out)
    }

    pub(crate) fn match_projects(&self, q: &str) -> Result<Option<Vec<(i64, f32)>>, ApiError> {
        let grams = query_bigrams(q);
        if grams.is_empty() {
            return Ok(None);
        }
        self.project_text.search(&grams).map(Some)
    }

    pub(crate) fn match_talents(&self, q: &str) -> Result<Option<Vec<(i64, f32)>>, ApiError> {
        let grams = query_bigrams(q);
        if grams.is_empty() {
            return Ok(None);
        }
        self.talent_text.search(&grams).map(Some)
    }
}
