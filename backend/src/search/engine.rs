//! The in-memory search and matching engine: compact records plus tantivy text indexes,
//! built from the database at start-up and kept current by following `search_changes`.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};
use std::time::Instant;

use super::cache::PageCache;
use super::docs::{committed_hours, company_replies, scout_replies, ProjectDoc, TalentDoc};
use super::slab::Slab;
use super::taxonomy::Taxonomy;
use super::text::{query_bigrams, TextIndex};
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::{projects, responsiveness, search_changes, talents};

#[derive(Default)]
pub(crate) struct Stores {
    pub projects: Slab<ProjectDoc>,
    pub talents: Slab<TalentDoc>,
}

/// What the index holds in memory, for the performance report.
#[derive(Debug, Clone, Copy)]
pub struct IndexMemory {
    pub talents: usize,
    pub projects: usize,
    /// Talent records with their ids and id map.
    pub talent_feature_bytes: usize,
    pub project_feature_bytes: usize,
    /// Both text indexes.
    pub text_bytes: usize,
}

/// Talent rows are read in pages at start-up, so a million profiles never sit in memory at once.
const LOAD_PAGE: i64 = 20_000;

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
    /// Bumped whenever the indexed records change; cached answers carry it.
    generation: AtomicU64,
    pub pages: PageCache,
}

fn poisoned<T>(e: std::sync::PoisonError<T>) -> T {
    e.into_inner()
}

impl SearchEngine {
    fn new(taxonomy: Taxonomy, cursor: i64) -> Result<Self, ApiError> {
        Ok(SearchEngine {
            stores: RwLock::new(Stores::default()),
            project_text: TextIndex::new()?,
            talent_text: TextIndex::new()?,
            taxonomy,
            follower: Mutex::new(Follower {
                cursor,
                ..Default::default()
            }),
            generation: AtomicU64::new(0),
            pages: PageCache::default(),
        })
    }

    /// Builds the engine from the database, logging progress (a large index takes a while).
    pub fn build(conn: &mut AnyConnection) -> Result<Self, ApiError> {
        let started = Instant::now();
        let engine = Self::new(Taxonomy::compiled()?, search_changes::latest(conn)?)?;
        let companies = company_replies(responsiveness::applications(conn, None)?);
        let rows = projects::all_published(conn)?;
        let total = rows.len();
        for (i, row) in rows.iter().enumerate() {
            let replies = companies.get(&row.project.company_id).copied();
            engine.put_project(row, replies.unwrap_or_default())?;
            progress("projects", i + 1, total);
        }
        drop(rows);
        let hours = committed_hours(talents::active_terms(conn, None)?)?;
        let scouts = scout_replies(responsiveness::scouts(conn, None)?);
        let total = usize::try_from(talents::count(conn)?).unwrap_or(0);
        let (mut done, mut after) = (0, 0);
        loop {
            let page = talents::page_for_index(conn, after, LOAD_PAGE)?;
            let Some(last) = page.last() else { break };
            after = last.0.user_id;
            for (row, _, created_at) in &page {
                let (doc, text) = TalentDoc::from_row(
                    row,
                    *created_at,
                    hours.get(&row.user_id).copied().unwrap_or(0),
                    scouts.get(&row.user_id).copied().unwrap_or_default(),
                    &engine.taxonomy,
                )?;
                engine.put_talent(row.user_id, doc, &text)?;
                done += 1;
                progress("talents", done, total);
            }
        }
        engine.project_text.commit()?;
        engine.talent_text.commit()?;
        {
            let mut s = engine.write();
            s.projects.shrink_to_fit();
            s.talents.shrink_to_fit();
        }
        let (projects, talents) = engine.sizes();
        tracing::info!(
            projects,
            talents,
            ms = started.elapsed().as_millis() as u64,
            "search index built"
        );
        Ok(engine)
    }

    /// An engine with nothing in it, for a server started while its database is away; the
    /// follower fills it from the change log once the database answers.
    pub fn empty() -> Result<Self, ApiError> {
        Self::new(Taxonomy::compiled()?, 0)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Stores> {
        self.stores.read().unwrap_or_else(poisoned)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Stores> {
        self.stores.write().unwrap_or_else(poisoned)
    }

    fn put_project(
        &self,
        row: &projects::ProjectWithCompany,
        replies: super::docs::Replies,
    ) -> Result<(), ApiError> {
        let (id, doc, text) = ProjectDoc::from_row(row, replies, &self.taxonomy)?;
        self.project_text
            .upsert(id, &text, &super::projects::tags(&doc))?;
        self.write().projects.put(id, doc);
        Ok(())
    }

    fn put_talent(&self, id: i64, doc: TalentDoc, text: &str) -> Result<(), ApiError> {
        if doc.discoverable {
            self.talent_text.upsert(id, text, &[])?;
        } else {
            self.talent_text.remove(id);
        }
        self.write().talents.put(id, doc);
        Ok(())
    }

    fn reload_project(&self, conn: &mut AnyConnection, id: i64) -> Result<(), ApiError> {
        match projects::find(conn, id) {
            Ok(row) if row.project.status == "published" => {
                let company = row.project.company_id;
                let replies = company_replies(responsiveness::applications(conn, Some(company))?);
                self.put_project(&row, replies.get(&company).copied().unwrap_or_default())
            }
            Ok(_) | Err(diesel::result::Error::NotFound) => {
                self.project_text.remove(id);
                self.write().projects.remove(id);
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }

    fn reload_talent(&self, conn: &mut AnyConnection, id: i64) -> Result<(), ApiError> {
        match talents::find_for_index(conn, id)? {
            Some((row, _, created_at)) => {
                let hours = committed_hours(talents::active_terms(conn, Some(id))?)?;
                let scouts = scout_replies(responsiveness::scouts(conn, Some(id))?);
                let (doc, text) = TalentDoc::from_row(
                    &row,
                    created_at,
                    hours.get(&id).copied().unwrap_or(0),
                    scouts.get(&id).copied().unwrap_or_default(),
                    &self.taxonomy,
                )?;
                self.put_talent(id, doc, &text)
            }
            None => {
                self.talent_text.remove(id);
                self.write().talents.remove(id);
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
            self.generation.fetch_add(1, Ordering::SeqCst);
        }
        advance(&mut follower);
        Ok(applied)
    }

    /// Changes with every applied change, so an answer computed before it is not reused.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub fn sizes(&self) -> (usize, usize) {
        let s = self.read();
        (s.projects.len(), s.talents.len())
    }

    pub fn memory(&self) -> IndexMemory {
        let s = self.read();
        IndexMemory {
            talents: s.talents.len(),
            projects: s.projects.len(),
            talent_feature_bytes: s.talents.bytes(),
            project_feature_bytes: s.projects.bytes(),
            text_bytes: usize::try_from(self.project_text.bytes() + self.talent_text.bytes())
                .unwrap_or(usize::MAX),
        }
    }

    /// Reads every byte of the talent records once: the floor for any query that looks at
    /// every talent (the baseline recommendations are measured against).
    pub fn memory_scan(&self) -> u64 {
        let s = self.read();
        let mut sum = 0u64;
        for t in s.talents.rows() {
            // Every field, so every byte of the record is loaded.
            let words = t.skills.0[0]
                ^ t.skills.0[1]
                ^ t.seasoned.0[0]
                ^ t.seasoned.0[1]
                ^ t.challenges.0[0]
                ^ t.hometown.0[0]
                ^ t.lived.0[0]
                ^ t.fan.0[0];
            let small = u64::from(t.created_at)
                ^ u64::from(t.updated_at)
                ^ u64::from(t.fee)
                ^ u64::from(t.free_hours.unsigned_abs())
                ^ u64::from(t.onsite_days)
                ^ u64::from(t.residence)
                ^ u64::from(t.discoverable)
                ^ u64::from(t.remote_only)
                ^ u64::from(t.scout_replies.asked)
                ^ u64::from(t.scout_replies.in_time);
            sum = sum.wrapping_add(words ^ small);
        }
        sum
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

impl SearchEngine {
    pub(crate) fn with_stores<R>(&self, f: impl FnOnce(&Stores) -> R) -> R {
        f(&self.read())
    }

    pub(crate) fn match_projects(
        &self,
        q: &str,
        tags: &[u64],
    ) -> Result<Option<Vec<(i64, f32)>>, ApiError> {
        let grams = query_bigrams(q);
        if grams.is_empty() {
            return Ok(None);
        }
        self.project_text.search(&grams, tags).map(Some)
    }

    pub(crate) fn match_talents(&self, q: &str) -> Result<Option<Vec<(i64, f32)>>, ApiError> {
        let grams = query_bigrams(q);
        if grams.is_empty() {
            return Ok(None);
        }
        self.talent_text.search(&grams, &[]).map(Some)
    }
}
