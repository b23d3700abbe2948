//! Figures (KPIs): who may read which scope, the filters' checks, and the arithmetic. Each
//! figure is defined in docs/DEVELOPERS.md, "Figures".
//!
//! The rows come from `repositories::stats` with the period, prefecture and partner applied
//! in SQL; medians, month arithmetic and the JSON columns (ties, skills, challenges, contract
//! terms) are read here, so the SQL is the same on both backends.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use kakehashi_shared::enums::Role;
use kakehashi_shared::stats::{
    Bucket, Continuation, Durations, Funnel, Satisfaction, Stats, StatsScope, Terms, SUPPRESS_BELOW,
};
use kakehashi_shared::FieldErrors;
use serde::Deserialize;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::{self, Actor};
use crate::repositories::stats::{self as repo, Limits};
use crate::repositories::{admin, from_db_time, organisations, reference, to_db_time};

/// Filters as asked for (query string), before the caller's own limits are applied.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub prefecture: Option<String>,
    pub partner: Option<i64>,
    pub hub: Option<i64>,
}

/// Months after which continuation is measured.
const CONTINUATION_MONTHS: [u32; 4] = [1, 3, 6, 12];
/// How many skills the distribution lists.
const TOP_SKILLS: usize = 10;

/// Checks the filters against the database: each unknown value and a reversed period is a
/// field error, all reported together.
fn check(conn: &mut AnyConnection, f: &Filters) -> Result<(), ApiError> {
    let mut e = FieldErrors::new();
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if from > to {
            e.add("to", "out_of_range", "is before from");
        }
    }
    if let Some(p) = f.prefecture.as_deref() {
        if !reference::prefecture_exists(conn, p)? {
            e.add(
                "prefecture",
                "unknown_value",
                "is not a JIS prefecture code",
            );
        }
    }
    if let Some(p) = f.partner {
        if !admin::partner_exists(conn, p)? {
            e.add("partner", "unknown_value", "is not a partner");
        }
    }
    if let Some(h) = f.hub {
        if !admin::hub_exists(conn, h)? {
            e.add("hub", "unknown_value", "is not a hub");
        }
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(e))
    }
}

/// Turns checked filters into query limits. With a hub and a prefecture, the prefecture must
/// be one of the hub's (422 `not_allowed` on `prefecture`).
fn limits(conn: &mut AnyConnection, f: &Filters) -> Result<(Limits, StatsScope), ApiError> {
    let hub_prefectures = match f.hub {
        Some(h) => Some(organisations::hub_prefecture_codes(conn, h)?),
        None => None,
    };
    let prefectures = match (&f.prefecture, hub_prefectures) {
        (Some(p), Some(hub)) if !hub.contains(p) => {
            return Err(ApiError::field(
                "prefecture",
                "not_allowed",
                "is not one of the hub's prefectures",
            ))
        }
        (Some(p), _) => Some(vec![p.clone()]),
        (None, hub) => hub,
    };
    let limits = Limits {
        from: f.from.and_then(|d| d.and_hms_opt(0, 0, 0)),
        until: f
            .to
            .and_then(|d| d.checked_add_signed(Duration::days(1)))
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
        prefectures: prefectures.clone(),
        partner: f.partner,
    };
    let scope = StatsScope {
        from: f.from,
        to: f.to,
        prefecture_codes: prefectures.unwrap_or_default(),
        partner_id: f.partner,
        hub_id: f.hub,
        suppressed_below: None,
    };
    Ok((limits, scope))
}

/// `GET /stats`: admins see everything; a coordinator's figures are held to their hub (asking
/// for another hub is 404); partner staff's to their partner (another partner is 404);
/// everyone else gets 403.
pub fn staff_stats(
    conn: &mut AnyConnection,
    actor: &Actor,
    mut f: Filters,
    now: DateTime<Utc>,
) -> Result<Stats, ApiError> {
    policy::require_role(actor, &[Role::Coordinator, Role::Partner])?;
    check(conn, &f)?;
    match actor.role {
        Role::Admin => {}
        Role::Coordinator => {
            let own = actor.hub_id.ok_or(ApiError::Forbidden)?;
            if f.hub.is_some_and(|h| h != own) {
                return Err(ApiError::NotFound);
            }
            f.hub = Some(own);
        }
        Role::Partner => {
            let own = actor.partner_id.ok_or(ApiError::Forbidden)?;
            if f.partner.is_some_and(|p| p != own) {
                return Err(ApiError::NotFound);
            }
            f.partner = Some(own);
        }
        _ => return Err(ApiError::Forbidden),
    }
    let (limits, scope) = limits(conn, &f)?;
    compute(conn, &limits, scope, now, false)
}

/// `GET /partners/{id}/stats`: that partner's staff and admins; anyone else 404, as for an
/// unknown partner.
pub fn partner_stats(
    conn: &mut AnyConnection,
    actor: &Actor,
    partner: i64,
    mut f: Filters,
    now: DateTime<Utc>,
) -> Result<Stats, ApiError> {
    let allowed =
        actor.is_admin() || (actor.role == Role::Partner && actor.partner_id == Some(partner));
    if !allowed || !admin::partner_exists(conn, partner)? {
        return Err(ApiError::NotFound);
    }
    f.partner = Some(partner);
    check(conn, &f)?;
    let (limits, scope) = limits(conn, &f)?;
    compute(conn, &limits, scope, now, false)
}

/// `GET /stats/summary`: everyone, all of Japan or one prefecture, one calendar year or all
/// time; small cells withheld.
pub fn public_summary(
    conn: &mut AnyConnection,
    prefecture: Option<String>,
    year: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Stats, ApiError> {
    let mut e = FieldErrors::new();
    if year.is_some_and(|y| !(2000..=2100).contains(&y)) {
        e.add("year", "out_of_range", "must be between 2000 and 2100");
    }
    if let Some(p) = prefecture.as_deref() {
        if !reference::prefecture_exists(conn, p)? {
            e.add(
                "prefecture",
                "unknown_value",
                "is not a JIS prefecture code",
            );
        }
    }
    if !e.is_empty() {
        return Err(ApiError::Validation(e));
    }
    let f = Filters {
        from: year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
        to: year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)),
        prefecture,
        partner: None,
        hub: None,
    };
    let (limits, mut scope) = limits(conn, &f)?;
    scope.suppressed_below = Some(SUPPRESS_BELOW);
    compute(conn, &limits, scope, now, true)
}

/// Which public summary: the database (several apps share a process in the tests), the
/// prefecture and the year.
pub type SummaryKey = (String, Option<String>, Option<i32>);

type SummaryCache = Mutex<HashMap<SummaryKey, (Instant, Stats)>>;

/// How long a public summary is kept. Everyone may ask for it and it counts every matching
/// record, so repeated requests must not make the server count again; a minute-old figure
/// is as good to a visitor (`generated_at` says when it was counted).
const SUMMARY_FOR: Elapsed = Elapsed::from_secs(60);

fn summary_cache() -> &'static SummaryCache {
    static CACHE: OnceLock<SummaryCache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The kept summary for `key`, if counted less than a minute ago.
pub fn kept_summary(key: &SummaryKey) -> Option<Stats> {
    let cache = summary_cache().lock().ok()?;
    cache
        .get(key)
        .filter(|(at, _)| at.elapsed() < SUMMARY_FOR)
        .map(|(_, stats)| stats.clone())
}

/// Keeps a summary; the few keys there are (prefectures × years) stay bounded anyway, and
/// stale ones are dropped whenever the map grows past a few hundred.
pub fn keep_summary(key: SummaryKey, stats: &Stats) {
    if let Ok(mut cache) = summary_cache().lock() {
        if cache.len() > 500 {
            cache.retain(|_, (at, _)| at.elapsed() < SUMMARY_FOR);
        }
        cache.insert(key, (Instant::now(), stats.clone()));
    }
}

/// Names of codes, for the distributions.
struct Labels(HashMap<String, (String, String)>);

impl Labels {
    fn bucket(&self, code: &str, count: i64) -> Bucket {
        let (ja, en) = self
            .0
            .get(code)
            .cloned()
            .unwrap_or_else(|| (code.to_owned(), code.to_owned()));
        Bucket {
            code: code.to_owned(),
            label_ja: ja,
            label_en: en,
            count: Some(count),
        }
    }
}

fn fixed(items: &[(&str, &str, &str)]) -> Labels {
    Labels(
        items
            .iter()
            .map(|(c, ja, en)| ((*c).to_owned(), ((*ja).to_owned(), (*en).to_owned())))
            .collect(),
    )
}

const AGE_BANDS: [(&str, &str, &str); 5] = [
    ("20s", "20代", "20s"),
    ("30s", "30代", "30s"),
    ("40s", "40代", "40s"),
    ("50s", "50代", "50s"),
    ("60s_plus", "60代以上", "60 and over"),
];
const EMPLOYER_TYPES: [(&str, &str, &str); 6] = [
    ("large_company", "大企業", "Large company"),
    ("it_company", "IT企業", "IT company"),
    ("small_company", "中小企業", "Small or mid-sized company"),
    ("public_sector", "公務員・団体職員", "Public sector"),
    ("freelance", "フリーランス", "Freelance"),
    ("other", "その他", "Other"),
];
const SIZE_BANDS: [(&str, &str, &str); 6] = [
    ("1-9", "1〜9人", "1–9 people"),
    ("10-49", "10〜49人", "10–49 people"),
    ("50-99", "50〜99人", "50–99 people"),
    ("100-299", "100〜299人", "100–299 people"),
    ("300+", "300人以上", "300 or more"),
    ("unknown", "未回答", "Not given"),
];
const SCORES: [(&str, &str, &str); 5] = [
    ("1", "1", "1"),
    ("2", "2", "2"),
    ("3", "3", "3"),
    ("4", "4", "4"),
    ("5", "5", "5"),
];
const OVERSEAS: &str = "overseas";

fn size_band(employees: Option<i32>) -> &'static str {
    match employees {
        None => "unknown",
        Some(n) if n < 10 => "1-9",
        Some(n) if n < 50 => "10-49",
        Some(n) if n < 100 => "50-99",
        Some(n) if n < 300 => "100-299",
        Some(_) => "300+",
    }
}

/// Every code of a fixed list, in its order, zeros included.
fn fixed_buckets(items: &[(&str, &str, &str)], counts: &HashMap<String, i64>) -> Vec<Bucket> {
    let labels = fixed(items);
    items
        .iter()
        .map(|(c, _, _)| labels.bucket(c, counts.get(*c).copied().unwrap_or(0)))
        .collect()
}

/// Codes that occur, most frequent first (ties by code), at most `limit`.
fn ranked(labels: &Labels, counts: HashMap<String, i64>, limit: usize) -> Vec<Bucket> {
    let mut v: Vec<(String, i64)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter()
        .take(limit)
        .map(|(c, n)| labels.bucket(&c, n))
        .collect()
}

fn tally<'a>(codes: impl Iterator<Item = &'a str>) -> HashMap<String, i64> {
    let mut m = HashMap::new();
    for c in codes {
        *m.entry(c.to_owned()).or_insert(0) += 1;
    }
    m
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn durations(mut days: Vec<f64>) -> Durations {
    days.sort_by(|a, b| a.total_cmp(b));
    let n = days.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(days[n / 2]),
        _ => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
    };
    let mean = (n > 0).then(|| days.iter().sum::<f64>() / n as f64);
    Durations {
        count: n as i64,
        median_days: median.map(|d| round(d, 1)),
        mean_days: mean.map(|d| round(d, 1)),
    }
}

fn days_between(a: NaiveDateTime, b: NaiveDateTime) -> f64 {
    (b - a).num_seconds() as f64 / 86_400.0
}

#[derive(Deserialize)]
struct TieJson {
    prefecture_code: String,
}
#[derive(Deserialize)]
struct SkillJson {
    code: String,
}
#[derive(Deserialize)]
struct TermsJson {
    monthly_fee: i64,
    monthly_hours: i32,
}
#[derive(Deserialize)]
struct DraftJson {
    #[serde(default)]
    challenges: Option<Vec<String>>,
}

fn parse<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::internal(format!("stored JSON: {e}")))
}

/// Every figure for `limits`. `suppress`: withhold small cells (public summary).
fn compute(
    conn: &mut AnyConnection,
    limits: &Limits,
    scope: StatsScope,
    now: DateTime<Utc>,
    suppress: bool,
) -> Result<Stats, ApiError> {
    // Talent: the prefecture limit holds when they live in, or are tied to, one of the
    // prefectures (関係人口), which needs the JSON ties.
    let mut talents = Vec::new();
    for t in repo::talents(conn, limits)? {
        let keep = match &limits.prefectures {
            None => true,
            Some(set) => {
                let lives = t
                    .residence_prefecture_code
                    .as_ref()
                    .is_some_and(|p| set.contains(p));
                let tied = match &t.ties {
                    Some(json) => parse::<Vec<TieJson>>(json)?
                        .iter()
                        .any(|tie| set.contains(&tie.prefecture_code)),
                    None => false,
                };
                lives || tied
            }
        };
        if keep {
            talents.push(t);
        }
    }
    let companies = repo::companies(conn, limits)?;
    let applications = repo::applications(conn, limits)?;
    let ids: Vec<i64> = applications.iter().map(|a| a.id).collect();
    let mut history: HashMap<i64, Vec<(String, NaiveDateTime)>> = HashMap::new();
    for (id, status, at) in repo::history(conn, &ids)? {
        history.entry(id).or_default().push((status, at));
    }

    // Funnel and times, over the applications created in the period.
    let (mut interviews, mut offers, mut contracts) = (0, 0, 0);
    let (mut first_response, mut to_contract) = (Vec::new(), Vec::new());
    let empty = Vec::new();
    for a in &applications {
        let steps = history.get(&a.id).unwrap_or(&empty);
        let reached = |s: &str| steps.iter().any(|(status, _)| status == s);
        interviews += i64::from(reached("interviewing"));
        offers += i64::from(reached("offered"));
        contracts += i64::from(reached("contracted"));
        let automatic_decline = a.decline_reason.as_deref() == Some("no_response");
        let response = steps.iter().find(|(s, _)| match s.as_str() {
            "shortlisted" | "interviewing" | "offered" => true,
            "declined" => !automatic_decline,
            _ => false,
        });
        if let Some((_, at)) = response {
            first_response.push(days_between(a.created_at, *at));
        }
        if let Some((_, at)) = steps.iter().find(|(s, _)| s == "contracted") {
            to_contract.push(days_between(a.created_at, *at));
        }
    }

    // Continuation: started at least N months before today, and not ended before N months.
    let today = now.date_naive();
    let engagements = repo::engagements(conn, limits)?;
    let continuation = CONTINUATION_MONTHS
        .iter()
        .map(|&m| {
            let (mut eligible, mut continued) = (0i64, 0i64);
            for e in &engagements {
                let Some(mark) = e.started_on.checked_add_months(Months::new(m)) else {
                    continue;
                };
                if mark > today {
                    continue;
                }
                eligible += 1;
                if e.ended_at.is_none_or(|end| end.date() >= mark) {
                    continued += 1;
                }
            }
            Continuation {
                months: m as i32,
                eligible,
                continued,
                rate: (eligible > 0 && !(suppress && eligible < SUPPRESS_BELOW))
                    .then(|| round(continued as f64 / eligible as f64, 3)),
            }
        })
        .collect();

    // Terms of the contracts accepted (by both sides, the later acceptance) in the period.
    let mut fees = Vec::new();
    let mut hours = Vec::new();
    for c in repo::accepted_contracts(conn, limits)? {
        let accepted = match (c.company_accepted_at, c.talent_accepted_at) {
            (Some(a), Some(b)) => a.max(b),
            _ => continue,
        };
        if limits.from.is_some_and(|f| accepted < f) || limits.until.is_some_and(|u| accepted >= u)
        {
            continue;
        }
        let t: TermsJson = parse(&c.terms)?;
        fees.push(t.monthly_fee);
        hours.push(t.monthly_hours);
    }
    let n_terms = fees.len() as i64;
    let terms_shown = n_terms > 0 && !(suppress && n_terms < SUPPRESS_BELOW);
    let terms = Terms {
        contracts: n_terms,
        mean_monthly_fee: terms_shown
            .then(|| (fees.iter().sum::<i64>() as f64 / n_terms as f64).round() as i64),
        mean_monthly_hours: terms_shown.then(|| {
            round(
                hours.iter().map(|h| f64::from(*h)).sum::<f64>() / n_terms as f64,
                1,
            )
        }),
    };

    // Distributions.
    let prefectures = Labels(
        reference::prefectures(conn)?
            .into_iter()
            .map(|p| (p.code, (p.name_ja, p.name_en)))
            .chain(std::iter::once((
                OVERSEAS.to_owned(),
                ("海外".to_owned(), "Overseas".to_owned()),
            )))
            .collect(),
    );
    let industries = Labels(
        reference::industries(conn)?
            .into_iter()
            .map(|i| (i.code, (i.name_ja, i.name_en)))
            .collect(),
    );
    let skills = Labels(
        reference::skills(conn)?
            .into_iter()
            .map(|s| (s.code, (s.name_ja, s.name_en)))
            .collect(),
    );
    let challenges = Labels(
        reference::challenges(conn)?
            .into_iter()
            .map(|c| (c.code, (c.name_ja, c.name_en)))
            .collect(),
    );

    // Talent without a profile yet count in the funnel but in no distribution.
    let profiled: Vec<_> = talents.iter().filter(|t| t.age_band.is_some()).collect();
    let residence = tally(profiled.iter().map(|t| {
        match (&t.residence_prefecture_code, &t.residence_country) {
            (Some(p), _) => p.as_str(),
            _ => OVERSEAS,
        }
    }));
    let age = tally(profiled.iter().filter_map(|t| t.age_band.as_deref()));
    let employer = tally(profiled.iter().filter_map(|t| t.employer_type.as_deref()));
    let mut skill_counts: HashMap<String, i64> = HashMap::new();
    for t in &profiled {
        if let Some(json) = &t.skills {
            // A skill listed twice by one person counts once.
            let own: HashSet<String> = parse::<Vec<SkillJson>>(json)?
                .into_iter()
                .map(|s| s.code)
                .collect();
            for code in own {
                *skill_counts.entry(code).or_insert(0) += 1;
            }
        }
    }
    let mut challenge_counts: HashMap<String, i64> = HashMap::new();
    for draft in repo::published_drafts(conn, limits)? {
        let own: HashSet<String> = parse::<DraftJson>(&draft)?
            .challenges
            .unwrap_or_default()
            .into_iter()
            .collect();
        for code in own {
            *challenge_counts.entry(code).or_insert(0) += 1;
        }
    }

    // Satisfaction.
    let reviews = repo::reviews(conn, limits)?;
    let mean_of = |side: Option<&str>| {
        let scores: Vec<i32> = reviews
            .iter()
            .filter(|(s, _)| side.is_none_or(|side| s == side))
            .map(|(_, n)| *n)
            .collect();
        let n = scores.len() as i64;
        (n > 0 && !(suppress && n < SUPPRESS_BELOW))
            .then(|| round(f64::from(scores.iter().sum::<i32>()) / n as f64, 2))
    };
    let satisfaction = Satisfaction {
        reviews: reviews.len() as i64,
        mean: mean_of(None),
        company_mean: mean_of(Some("company")),
        talent_mean: mean_of(Some("talent")),
        by_score: fixed_buckets(
            &SCORES,
            &tally(reviews.iter().map(|(_, n)| match n {
                1 => "1",
                2 => "2",
                3 => "3",
                4 => "4",
                _ => "5",
            })),
        ),
    };

    let mut stats = Stats {
        scope,
        generated_at: from_db_time(to_db_time(now)),
        funnel: Funnel {
            talents: talents.len() as i64,
            companies: companies.len() as i64,
            applications: applications.len() as i64,
            interviews,
            offers,
            contracts,
        },
        first_response: durations(first_response),
        to_contract: durations(to_contract),
        continuation,
        terms,
        talent_residence: ranked(&prefectures, residence, usize::MAX),
        talent_age: fixed_buckets(&AGE_BANDS, &age),
        talent_employer: fixed_buckets(&EMPLOYER_TYPES, &employer),
        talent_skills: ranked(&skills, skill_counts, TOP_SKILLS),
        company_industry: ranked(
            &industries,
            tally(companies.iter().map(|c| c.industry_code.as_str())),
            usize::MAX,
        ),
        company_size: fixed_buckets(
            &SIZE_BANDS,
            &tally(companies.iter().map(|c| size_band(c.employees))),
        ),
        company_prefecture: ranked(
            &prefectures,
            tally(companies.iter().map(|c| c.prefecture_code.as_str())),
            usize::MAX,
        ),
        posting_challenges: ranked(&challenges, challenge_counts, usize::MAX),
        satisfaction,
    };
    if suppress {
        withhold_small_cells(&mut stats);
    }
    Ok(stats)
}

/// Public summary: buckets of 1 or 2 become `null`, and so do times resting on fewer than 3
/// applications (averages of fee, hours, satisfaction and continuation rates are withheld
/// where they are computed).
fn withhold_small_cells(stats: &mut Stats) {
    let small = |n: i64| n > 0 && n < SUPPRESS_BELOW;
    for list in [
        &mut stats.talent_residence,
        &mut stats.talent_age,
        &mut stats.talent_employer,
        &mut stats.talent_skills,
        &mut stats.company_industry,
        &mut stats.company_size,
        &mut stats.company_prefecture,
        &mut stats.posting_challenges,
        &mut stats.satisfaction.by_score,
    ] {
        for b in list.iter_mut() {
            if b.count.is_some_and(small) {
                b.count = None;
            }
        }
    }
    for d in [&mut stats.first_response, &mut stats.to_contract] {
        if small(d.count) {
            d.median_days = None;
            d.mean_days = None;
        }
    }
}

/// The figures as CSV rows: `(section code, section, item code, item, value)`; what
/// `to_csv` writes and what the tests read back.
pub fn rows(stats: &Stats, en: bool) -> Vec<[String; 5]> {
    let mut out = Vec::new();
    let t = |ja: &str, e: &str| if en { e.to_owned() } else { ja.to_owned() };
    let mut push = |sec: &str, sec_name: String, item: &str, item_name: String, v: String| {
        out.push([sec.to_owned(), sec_name, item.to_owned(), item_name, v]);
    };
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let int = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();

    let s = &stats.scope;
    let scope = t("集計条件", "Scope");
    push(
        "scope",
        scope.clone(),
        "from",
        t("開始日", "From"),
        s.from.map(|d| d.to_string()).unwrap_or_default(),
    );
    push(
        "scope",
        scope.clone(),
        "to",
        t("終了日", "To"),
        s.to.map(|d| d.to_string()).unwrap_or_default(),
    );
    push(
        "scope",
        scope.clone(),
        "prefectures",
        t("都道府県", "Prefectures"),
        s.prefecture_codes.join(" "),
    );
    push(
        "scope",
        scope.clone(),
        "partner",
        t("パートナー", "Partner"),
        int(s.partner_id),
    );
    push(
        "scope",
        scope.clone(),
        "hub",
        t("拠点", "Hub"),
        int(s.hub_id),
    );
    push(
        "scope",
        scope,
        "generated_at",
        t("集計日時", "Generated at"),
        stats.generated_at.to_rfc3339(),
    );

    let f = &stats.funnel;
    let funnel = t("ファネル", "Funnel");
    for (code, ja, e, v) in [
        ("talents", "登録人材", "Talent registered", f.talents),
        ("companies", "登録企業", "Companies registered", f.companies),
        ("applications", "応募", "Applications", f.applications),
        ("interviews", "面談", "Interviews", f.interviews),
        ("offers", "オファー", "Offers", f.offers),
        ("contracts", "契約", "Contracts", f.contracts),
    ] {
        push("funnel", funnel.clone(), code, t(ja, e), v.to_string());
    }

    for (sec, ja, e, d) in [
        (
            "first_response",
            "初回対応までの日数",
            "Days to first response",
            &stats.first_response,
        ),
        (
            "to_contract",
            "契約までの日数",
            "Days to contract",
            &stats.to_contract,
        ),
    ] {
        let name = t(ja, e);
        push(
            sec,
            name.clone(),
            "count",
            t("件数", "Count"),
            d.count.to_string(),
        );
        push(
            sec,
            name.clone(),
            "median_days",
            t("中央値（日）", "Median (days)"),
            num(d.median_days),
        );
        push(
            sec,
            name,
            "mean_days",
            t("平均（日）", "Mean (days)"),
            num(d.mean_days),
        );
    }

    let cont = t("継続率", "Continuation");
    for c in &stats.continuation {
        let m = c.months;
        push(
            "continuation",
            cont.clone(),
            &format!("{m}m_eligible"),
            if en {
                format!("{m} months: eligible")
            } else {
                format!("{m}か月：対象")
            },
            c.eligible.to_string(),
        );
        push(
            "continuation",
            cont.clone(),
            &format!("{m}m_continued"),
            if en {
                format!("{m} months: continued")
            } else {
                format!("{m}か月：継続")
            },
            c.continued.to_string(),
        );
        push(
            "continuation",
            cont.clone(),
            &format!("{m}m_rate"),
            if en {
                format!("{m} months: rate")
            } else {
                format!("{m}か月：継続率")
            },
            num(c.rate),
        );
    }

    let terms = t("契約条件", "Contract terms");
    push(
        "terms",
        terms.clone(),
        "contracts",
        t("契約数", "Contracts"),
        stats.terms.contracts.to_string(),
    );
    push(
        "terms",
        terms.clone(),
        "mean_monthly_fee",
        t("平均月額報酬（円）", "Mean monthly fee (yen)"),
        int(stats.terms.mean_monthly_fee),
    );
    push(
        "terms",
        terms,
        "mean_monthly_hours",
        t("平均月間稼働時間", "Mean monthly hours"),
        num(stats.terms.mean_monthly_hours),
    );

    let sat = &stats.satisfaction;
    let sname = t("満足度", "Satisfaction");
    push(
        "satisfaction",
        sname.clone(),
        "reviews",
        t("レビュー数", "Reviews"),
        sat.reviews.to_string(),
    );
    push(
        "satisfaction",
        sname.clone(),
        "mean",
        t("平均", "Mean"),
        num(sat.mean),
    );
    push(
        "satisfaction",
        sname.clone(),
        "company_mean",
        t("企業の平均", "Companies' mean"),
        num(sat.company_mean),
    );
    push(
        "satisfaction",
        sname,
        "talent_mean",
        t("人材の平均", "Talent's mean"),
        num(sat.talent_mean),
    );

    for (sec, ja, e, list) in [
        (
            "talent_residence",
            "人材の居住地",
            "Talent by residence",
            &stats.talent_residence,
        ),
        (
            "talent_age",
            "人材の年代",
            "Talent by age",
            &stats.talent_age,
        ),
        (
            "talent_employer",
            "人材の勤務先",
            "Talent by employer",
            &stats.talent_employer,
        ),
        (
            "talent_skills",
            "人材のスキル（上位）",
            "Talent's top skills",
            &stats.talent_skills,
        ),
        (
            "company_industry",
            "企業の業種",
            "Companies by industry",
            &stats.company_industry,
        ),
        (
            "company_size",
            "企業の従業員規模",
            "Companies by size",
            &stats.company_size,
        ),
        (
            "company_prefecture",
            "企業の所在地",
            "Companies by prefecture",
            &stats.company_prefecture,
        ),
        (
            "posting_challenges",
            "求人の経営課題",
            "Postings by challenge",
            &stats.posting_challenges,
        ),
        (
            "satisfaction_score",
            "満足度の分布",
            "Satisfaction scores",
            &sat.by_score,
        ),
    ] {
        let name = t(ja, e);
        for b in list {
            let label = if en {
                b.label_en.clone()
            } else {
                b.label_ja.clone()
            };
            push(sec, name.clone(), &b.code, label, int(b.count));
        }
    }
    out
}

/// The section codes of the CSV, which `section=` may pick (the scope rows always come).
pub const SECTIONS: [&str; 15] = [
    "funnel",
    "first_response",
    "to_contract",
    "continuation",
    "terms",
    "satisfaction",
    "talent_residence",
    "talent_age",
    "talent_employer",
    "talent_skills",
    "company_industry",
    "company_size",
    "company_prefecture",
    "posting_challenges",
    "satisfaction_score",
];

/// `section=funnel,terms`: the sections asked for, each checked (422 `unknown_value` on
/// `section`); none: every section.
pub fn sections(asked: Option<&str>) -> Result<Option<Vec<String>>, ApiError> {
    let Some(asked) = asked else { return Ok(None) };
    let list: Vec<String> = asked.split(',').map(|s| s.trim().to_owned()).collect();
    if list.iter().any(|s| !SECTIONS.contains(&s.as_str())) {
        return Err(ApiError::field(
            "section",
            "unknown_value",
            format!("sections are {}", SECTIONS.join(", ")),
        ));
    }
    Ok(Some(list))
}

/// UTF-8 with a byte-order mark, so Japanese Excel opens it as UTF-8, with a header row in the
/// asked language. `sections`: only those (and the scope rows, so a file says what it covers).
pub fn to_csv(stats: &Stats, en: bool, sections: Option<&[String]>) -> Result<Vec<u8>, ApiError> {
    let mut buf = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        let header = if en {
            ["section_code", "section", "item_code", "item", "value"]
        } else {
            ["区分コード", "区分", "項目コード", "項目", "値"]
        };
        w.write_record(header)
            .map_err(|e| ApiError::internal(format!("csv: {e}")))?;
        for row in rows(stats, en).into_iter().filter(|r| {
            r[0] == "scope" || sections.is_none_or(|list| list.iter().any(|s| *s == r[0]))
        }) {
            w.write_record(&row)
                .map_err(|e| ApiError::internal(format!("csv: {e}")))?;
        }
        w.flush()
            .map_err(|e| ApiError::internal(format!("csv: {e}")))?;
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_and_odd_counts() {
        assert_eq!(durations(vec![]).median_days, None);
        let d = durations(vec![3.0, 1.0, 2.0]);
        assert_eq!(
            (d.count, d.median_days, d.mean_days),
            (3, Some(2.0), Some(2.0))
        );
        let d = durations(vec![1.0, 2.0, 4.0, 10.0]);
        assert_eq!((d.median_days, d.mean_days), (Some(3.0), Some(4.3)));
    }

    #[test]
    fn size_bands_have_edges_at_10_50_100_300() {
        assert_eq!(size_band(None), "unknown");
        assert_eq!(size_band(Some(9)), "1-9");
        assert_eq!(size_band(Some(10)), "10-49");
        assert_eq!(size_band(Some(99)), "50-99");
        assert_eq!(size_band(Some(299)), "100-299");
        assert_eq!(size_band(Some(300)), "300+");
    }
}
