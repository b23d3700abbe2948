//! `kakehashi seed --talents N --projects M --seed S`: reproducible synthetic data at national
//! scale for benchmarks and load tests. Distributions follow DOMAIN.md: talent mostly in the
//! Tokyo area (some abroad), 20–40 hours a month, fees of ¥30k–¥150k; companies in the regions,
//! small to mid-sized, mostly manufacturing, retail and hospitality; Japanese text built from
//! the taxonomies. Rows go in as multi-row inserts in large transactions.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressStyle};
use kakehashi_shared::enums::{
    AgeBand, ContractType, EmployerType, Motivation, TieKind, TravelCost,
};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::talent::{PrefectureTie, TalentSkill};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::auth::password;
use crate::db::schema::{companies, projects, search_changes, talent_profiles, users};
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::json::to_text;
use crate::repositories::{reference, to_db_time};

/// Every generated account signs in with this password.
pub const SEED_PASSWORD: &str = "kakehashi-seed";
const BATCH: usize = 500;

/// A multi-row insert. `MultiConnection` has no batch insert, so the same statement is handed
/// to the inner connection of either backend (dispatch only; the SQL is one).
macro_rules! insert_batch {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            AnyConnection::Sqlite(c) => diesel::insert_into($table).values($rows).execute(c),
            AnyConnection::Postgres(c) => diesel::insert_into($table).values($rows).execute(c),
        }
    };
}

/// Picks from `(value, weight)` pairs.
fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total.max(1));
    for (item, w) in items {
        if pick < *w {
            return item;
        }
        pick -= w;
    }
    &items[0].0
}

const RESIDENCE: &[(&str, u32)] = &[
    ("13", 40),
    ("14", 14),
    ("11", 8),
    ("12", 6),
    ("27", 7),
    ("23", 5),
    ("40", 4),
    ("26", 2),
    ("28", 2),
    ("01", 2),
    ("04", 2),
    ("abroad", 8),
];
const COUNTRIES: &[&str] = &["SG", "US", "DE", "GB", "AU", "TH"];
const REGIONAL: &[(&str, u32)] = &[
    ("31", 10),
    ("03", 8),
    ("04", 7),
    ("02", 5),
    ("05", 5),
    ("06", 5),
    ("07", 5),
    ("32", 5),
    ("15", 5),
    ("17", 4),
    ("20", 4),
    ("35", 3),
    ("36", 3),
    ("39", 3),
    ("42", 3),
    ("43", 3),
    ("46", 3),
    ("47", 3),
    ("01", 4),
];
const INDUSTRY: &[(&str, u32)] = &[
    ("E", 30),
    ("I", 18),
    ("M", 12),
    ("A", 8),
    ("D", 8),
    ("H", 6),
    ("P", 5),
    ("N", 5),
    ("L", 4),
    ("B", 4),
];
const FEES: &[(i64, u32)] = &[
    (30_000, 20),
    (50_000, 25),
    (80_000, 20),
    (100_000, 20),
    (120_000, 8),
    (150_000, 7),
];
const HOURS: &[(i32, u32)] = &[(10, 10), (16, 15), (20, 25), (24, 15), (30, 20), (40, 15)];
const AGE: &[(AgeBand, u32)] = &[
    (AgeBand::Twenties, 8),
    (AgeBand::Thirties, 35),
    (AgeBand::Forties, 35),
    (AgeBand::Fifties, 18),
    (AgeBand::SixtiesPlus, 4),
];
const EMPLOYER: &[(EmployerType, u32)] = &[
    (EmployerType::LargeCompany, 45),
    (EmployerType::ItCompany, 25),
    (EmployerType::SmallCompany, 10),
    (EmployerType::Freelance, 15),
    (EmployerType::PublicSector, 5),
];
const NAMES: &[&str] = &[
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "松本",
    "井上",
];
const GIVEN: &[&str] = &[
    "花子", "健太", "舞", "拓也", "結衣", "大輔", "美咲", "翔", "彩", "誠",
];
const COMPANY_WORDS: &[&str] = &[
    "製菓",
    "水産",
    "ファーム",
    "温泉旅館",
    "精工",
    "ロジスティクス",
    "酒造",
    "木工",
    "建設",
    "テキスタイル",
    "醸造",
    "観光",
];

fn bar(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_owned());
    bar
}

fn next_id(conn: &mut AnyConnection, table: &str) -> Result<i64, ApiError> {
    #[derive(QueryableByName)]
    struct Max {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        n: Option<i64>,
    }
    let row: Max =
        diesel::sql_query(format!("SELECT MAX(id) AS n FROM {table}")).get_result(conn)?;
    Ok(row.n.unwrap_or(0) + 1)
}

/// Ids are given explicitly for speed; PostgreSQL's sequences are moved past them after.
fn fix_sequences(conn: &mut AnyConnection) -> Result<(), ApiError> {
    if let AnyConnection::Postgres(pg) = conn {
        use diesel::connection::SimpleConnection;
        for table in ["users", "companies", "projects"] {
            pg.batch_execute(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"))?;
        }
    }
    Ok(())
}

/// What was generated.
#[derive(Debug, Clone, Copy)]
pub struct Generated {
    pub talents: usize,
    pub companies: usize,
    pub projects: usize,
}

pub fn generate(
    conn: &mut AnyConnection,
    talents: usize,
    projects_n: usize,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Generated, ApiError> {
    let mut rng = StdRng::seed_from_u64(seed);
    let skills = reference::skills(conn)?;
    let challenges = reference::challenges(conn)?;
    let hash = password::hash(SEED_PASSWORD)?;
    let at = to_db_time(now);
    let first_user = next_id(conn, "users")?;
    let run = format!("s{seed}-{first_user}");

    let bar_t = bar(talents as u64, "talents");
    for chunk_start in (0..talents).step_by(BATCH) {
        let n = BATCH.min(talents - chunk_start);
        let mut user_rows = Vec::with_capacity(n);
        let mut profile_rows = Vec::with_capacity(n);
        for i in 0..n {
            let id = first_user + (chunk_start + i) as i64;
            let name = format!(
                "{} {}",
                NAMES.choose(&mut rng).copied().unwrap_or("佐藤"),
                GIVEN.choose(&mut rng).copied().unwrap_or("花子")
            );
            let created = at - Duration::days(rng.gen_range(0..720));
            user_rows.push((
                users::id.eq(id),
                users::email.eq(format!(
                    "talent-{run}-{}@seed.kakehashi.example",
                    chunk_start + i
                )),
                users::password_hash.eq(hash.clone()),
                users::display_name.eq(name),
                users::role.eq("talent"),
                users::created_at.eq(created),
                users::updated_at.eq(created),
            ));
            // Skills cluster in one or two groups, as careers do.
            let group = skills
                .choose(&mut rng)
                .map(|s| s.group_code.clone())
                .unwrap_or_default();
            let mut mine: Vec<TalentSkill> = Vec::new();
            for s in skills.iter().filter(|s| s.group_code == group) {
                if mine.len() < 4 && rng.gen_bool(0.5) {
                    mine.push(TalentSkill {
                        code: s.code.clone(),
                        years: rng.gen_range(1..20),
                    });
                }
            }
            if let Some(extra) = skills.choose(&mut rng) {
                if !mine.iter().any(|s| s.code == extra.code) {
                    mine.push(TalentSkill {
                        code: extra.code.clone(),
                        years: rng.gen_range(1..10),
                    });
                }
            }
            let how_many = rng.gen_range(1..4);
            let chosen: Vec<String> = challenges
                .choose_multiple(&mut rng, how_many)
                .map(|c| c.code.clone())
                .collect();
            let residence = *weighted(&mut rng, RESIDENCE);
            let (pref, country) = if residence == "abroad" {
                (None, COUNTRIES.choose(&mut rng).map(|c| (*c).to_owned()))
            } else {
                (Some(residence.to_owned()), None)
            };
            let mut ties = Vec::new();
            if rng.gen_bool(0.45) {
                let kind = *[TieKind::Hometown, TieKind::LivedThere, TieKind::Fan]
                    .choose(&mut rng)
                    .unwrap_or(&TieKind::Fan);
                ties.push(PrefectureTie {
                    prefecture_code: (*weighted(&mut rng, REGIONAL)).to_owned(),
                    kind,
                });
            }
            let headline_skill = mine
                .first()
                .and_then(|s| skills.iter().find(|k| k.code == s.code))
                .map_or("", |k| k.name_ja.as_str());
            let hours = *weighted(&mut rng, HOURS);
            profile_rows.push((
                talent_profiles::user_id.eq(id),
                talent_profiles::headline.eq(format!("{headline_skill}の経験を地域で活かしたい")),
                talent_profiles::bio.eq(format!("本業で{headline_skill}を担当しています。平日夜と週末に月{hours}時間ほど稼働できます。")),
                talent_profiles::skills.eq(to_text(&mine)?),
                talent_profiles::challenges.eq(to_text(&chosen)?),
                talent_profiles::residence_prefecture_code.eq(pref),
                talent_profiles::residence_country.eq(country),
                talent_profiles::ties.eq(to_text(&ties)?),
                talent_profiles::age_band.eq(weighted(&mut rng, AGE).as_str()),
                talent_profiles::employer_type.eq(weighted(&mut rng, EMPLOYER).as_str()),
                talent_profiles::available_hours_per_month.eq(hours),
                talent_profiles::onsite_days_per_month.eq(rng.gen_range(0..3)),
                talent_profiles::desired_monthly_fee.eq(*weighted(&mut rng, FEES)),
                talent_profiles::remote_only.eq(residence == "abroad" || rng.gen_bool(0.3)),
                talent_profiles::contract_types.eq(to_text(&[ContractType::QuasiMandate, ContractType::Advisory])?),
                talent_profiles::motivations.eq(to_text(&[Motivation::Contribution, Motivation::SkillUp])?),
                talent_profiles::discoverable.eq(rng.gen_bool(0.9)),
                talent_profiles::has_liability_insurance.eq(rng.gen_bool(0.3)),
                talent_profiles::has_side_job_permission.eq(true),
                talent_profiles::phone.eq(None::<String>),
                talent_profiles::updated_at.eq(created),
            ));
        }
        conn.transaction::<_, ApiError, _>(|conn| {
            insert_batch!(conn, users::table, &user_rows)?;
            insert_batch!(conn, talent_profiles::table, &profile_rows)?;
            Ok(())
        })?;
        bar_t.inc(n as u64);
    }
    bar_t.finish();

    // About five postings per company.
    let companies_n = projects_n.div_ceil(5).max(1);
    let first_company = next_id(conn, "companies")?;
    let mut company_rows = Vec::with_capacity(companies_n);
    let mut company_names = Vec::with_capacity(companies_n);
    for i in 0..companies_n {
        let name = format!(
            "{}{}株式会社",
            NAMES.choose(&mut rng).copied().unwrap_or("山田"),
            COMPANY_WORDS.choose(&mut rng).copied().unwrap_or("製菓")
        );
        company_names.push(name.clone());
        company_rows.push((
            companies::id.eq(first_company + i as i64),
            companies::name.eq(name),
            companies::industry_code.eq(*weighted(&mut rng, INDUSTRY)),
            companies::prefecture_code.eq(*weighted(&mut rng, REGIONAL)),
            companies::municipality.eq("市内"),
            companies::created_at.eq(at),
            companies::updated_at.eq(at),
        ));
    }
    for chunk in company_rows.chunks(BATCH) {
        insert_batch!(conn, companies::table, chunk)?;
    }

    let first_project = next_id(conn, "projects")?;
    let bar_p = bar(projects_n as u64, "projects");
    for chunk_start in (0..projects_n).step_by(BATCH) {
        let n = BATCH.min(projects_n - chunk_start);
        let mut rows = Vec::with_capacity(n);
        let mut changes = Vec::with_capacity(n);
        for i in 0..n {
            let id = first_project + (chunk_start + i) as i64;
            let company = rng.gen_range(0..companies_n);
            let challenge = challenges
                .choose(&mut rng)
                .cloned()
                .ok_or_else(|| ApiError::internal("no challenges"))?;
            let group_skills: Vec<String> = skills
                .iter()
                .filter(|_| rng.gen_bool(0.04))
                .map(|s| s.code.clone())
                .take(4)
                .collect();
            let required = group_skills
                .first()
                .cloned()
                .or_else(|| skills.choose(&mut rng).map(|s| s.code.clone()))
                .unwrap_or_default();
            let fee = *weighted(&mut rng, FEES);
            let hours = *weighted(&mut rng, HOURS);
            let published = now - Duration::days(rng.gen_range(0..60));
            let closes = published + Duration::days(rng.gen_range(30..120));
            let draft = ProjectDraft {
                title: Some(format!("{}を進める副業プロ人材を募集", challenge.name_ja)),
                background: Some(format!(
                    "{}として地域で事業を続けてきましたが、{}が課題です。",
                    company_names[company], challenge.name_ja
                )),
                challenges: Some(vec![challenge.code.clone()]),
                role: Some("社長の右腕として計画から実行まで伴走".to_owned()),
                tasks: Some(format!(
                    "{}の現状分析と改善計画、月次の振り返り",
                    challenge.name_ja
                )),
                deliverables: Some("月次レポートと手順書".to_owned()),
                required_skills: Some(vec![required]),
                preferred_skills: Some(group_skills.into_iter().skip(1).collect()),
                hours_per_month: Some(hours),
                onsite_days_per_month: Some(rng.gen_range(0..3)),
                remote_allowed: Some(rng.gen_bool(0.8)),
                monthly_fee: Some(fee),
                travel_cost: Some(TravelCost::CompanyPays),
                contract_type: Some(ContractType::QuasiMandate),
                period_months: Some(3),
                trial_days: None,
                start_date: Some(closes.date_naive() + Duration::days(14)),
                ip_handling: Some("検収をもって委託者に移転".to_owned()),
                confidentiality: Some("NDAを締結".to_owned()),
                screening_questions: Some(vec!["近い経験を教えてください".to_owned()]),
                recruitment_opens_at: Some(published),
                recruitment_closes_at: Some(closes),
            };
            rows.push((
                projects::id.eq(id),
                projects::company_id.eq(first_company + company as i64),
                projects::status.eq("published"),
                projects::draft.eq(to_text(&draft)?),
                projects::title.eq(draft.title.clone().unwrap_or_default()),
                projects::monthly_fee.eq(Some(fee)),
                projects::hours_per_month.eq(Some(hours)),
                projects::recruitment_opens_at.eq(Some(to_db_time(published))),
                projects::recruitment_closes_at.eq(Some(to_db_time(closes))),
                projects::version.eq(1),
                projects::created_by.eq(first_user),
                projects::published_at.eq(Some(to_db_time(published))),
                projects::created_at.eq(to_db_time(published)),
                projects::updated_at.eq(to_db_time(published)),
            ));
            changes.push((
                search_changes::entity.eq("project"),
                search_changes::entity_id.eq(id),
                search_changes::created_at.eq(at),
            ));
        }
        conn.transaction::<_, ApiError, _>(|conn| {
            insert_batch!(conn, projects::table, &rows)?;
            insert_batch!(conn, search_changes::table, &changes)?;
            Ok(())
        })?;
        bar_p.inc(n as u64);
    }
    bar_p.finish();
    fix_sequences(conn)?;
    Ok(Generated {
        talents,
        companies: companies_n,
        projects: projects_n,
    })
}
