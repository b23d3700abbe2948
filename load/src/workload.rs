//! The mixed workload of issue 7: 70% search, 20% project pages, 10% apply and message.
//!
//! One scenario whose transactions are weighted 14 : 4 : 1 : 1 (search, project page, apply,
//! message), run round-robin by every user, so requests follow the mix exactly whatever the
//! latencies. Each user is a talent of its own, registered with a profile when it starts, and
//! applies to the prepared postings in its own shuffled order: an application is once per
//! talent and posting, so no apply is ever refused as a duplicate.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use goose::prelude::*;
use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::json;

/// Words the seeded postings contain (challenge and skill names, title phrases).
const WORDS: &[&str] = &[
    "マーケティング",
    "EC",
    "事業承継",
    "ブランディング",
    "人材採用",
    "データ分析",
    "販路開拓",
    "DX",
    "広報",
    "商品開発",
    "経理",
    "観光",
];

/// Regional prefectures the seed fills, and the regions.
const PREFECTURES: &[&str] = &[
    "01", "02", "03", "04", "05", "06", "07", "15", "31", "32", "39", "46",
];
const REGIONS: &[&str] = &["tohoku", "chugoku", "shikoku", "kyushu_okinawa"];

/// A posting that takes applications: its id and how many screening questions it asks.
#[derive(Debug, Clone, Copy)]
pub struct Posting {
    pub id: i64,
    pub questions: usize,
}

/// Filled once before the attack by `prepare`.
pub static POSTINGS: OnceLock<Vec<Posting>> = OnceLock::new();
/// Distinguishes this run's accounts from earlier runs' on the same database.
pub static RUN: OnceLock<String> = OnceLock::new();
/// Which attack of the run (saturation, then the held rate): each registers its own talents.
pub static ATTACK: AtomicUsize = AtomicUsize::new(0);

/// Applies that found no posting left to apply to (the data set was too small for the run):
/// reported as errors.
pub static EXHAUSTED: AtomicUsize = AtomicUsize::new(0);

/// What a user keeps between transactions.
struct Talent {
    token: String,
    /// Postings not applied to yet, in this user's order.
    to_apply: Vec<Posting>,
    /// The last application, where messages go.
    last_application: Option<i64>,
}

pub fn scenario() -> Result<Scenario, GooseError> {
    Ok(scenario!("mixed")
        .register_transaction(transaction!(become_talent).set_on_start())
        .register_transaction(transaction!(search).set_name("search").set_weight(14)?)
        .register_transaction(
            transaction!(project_page)
                .set_name("project")
                .set_weight(4)?,
        )
        .register_transaction(transaction!(apply).set_name("apply").set_weight(1)?)
        .register_transaction(transaction!(message).set_name("message").set_weight(1)?))
}

fn postings() -> &'static [Posting] {
    POSTINGS.get().map(Vec::as_slice).unwrap_or(&[])
}

/// Registers this user's talent account and fills in the profile (needed to apply).
async fn become_talent(user: &mut GooseUser) -> TransactionResult {
    let run = RUN.get().map(String::as_str).unwrap_or("run");
    let email = format!(
        "load-{run}-{}-{}@load.kakehashi.example",
        ATTACK.load(Ordering::Relaxed),
        user.weighted_users_index
    );
    let body = json!({
        "account_type": "talent",
        "email": email,
        "password": "load-test-password",
        "display_name": "負荷 試験",
    });
    let mut goose = user.post_json("/api/v1/auth/register", &body).await?;
    let token = match goose.response {
        Ok(r) => match r.json::<serde_json::Value>().await {
            Ok(v) => v["access_token"].as_str().unwrap_or_default().to_owned(),
            Err(e) => {
                return user.set_failure(&format!("register: {e}"), &mut goose.request, None, None)
            }
        },
        Err(e) => {
            return user.set_failure(&format!("register: {e}"), &mut goose.request, None, None)
        }
    };
    let profile = json!({
        "headline": "EC立ち上げ10年のWebマーケター",
        "bio": "大手小売でECの立ち上げと運営を担当。地元の食を全国へ届けたい。",
        "skills": [{"code": "ec_site_management", "years": 10}],
        "challenges": ["ec"],
        "residence_prefecture_code": "13",
        "ties": [{"prefecture_code": "03", "kind": "hometown"}],
        "age_band": "40s",
        "employer_type": "large_company",
        "available_hours_per_month": 30,
        "onsite_days_per_month": 1,
        "desired_monthly_fee": 100000,
        "remote_only": false,
        "contract_types": ["quasi_mandate"],
        "motivations": ["hometown"],
        "discoverable": true,
        "has_liability_insurance": true,
        "has_side_job_permission": true,
    });
    let builder = user
        .get_request_builder(&GooseMethod::Put, "/api/v1/talents/me")?
        .bearer_auth(&token)
        .json(&profile);
    user.request(
        GooseRequest::builder()
            .set_request_builder(builder)
            .name("profile")
            .build(),
    )
    .await?;
    let mut to_apply = postings().to_vec();
    to_apply.shuffle(&mut rand::thread_rng());
    user.set_session_data(Talent {
        token,
        to_apply,
        last_application: None,
    });
    Ok(())
}

/// A first page of 20 with facets, as the app asks: words, a place, sometimes more filters.
async fn search(user: &mut GooseUser) -> TransactionResult {
    let path = {
        let mut rng = rand::thread_rng();
        let mut parts = Vec::new();
        if rng.gen_bool(0.85) {
            let word = WORDS.choose(&mut rng).copied().unwrap_or("EC");
            parts.push(format!("q={}", encode(word)));
        }
        if rng.gen_bool(0.6) {
            parts.push(format!(
                "prefecture={}",
                PREFECTURES.choose(&mut rng).copied().unwrap_or("03")
            ));
        } else if rng.gen_bool(0.5) {
            parts.push(format!(
                "region={}",
                REGIONS.choose(&mut rng).copied().unwrap_or("tohoku")
            ));
        }
        if rng.gen_bool(0.3) {
            parts.push("remote=true".to_owned());
        }
        if rng.gen_bool(0.2) {
            parts.push(format!("fee_min={}", rng.gen_range(1..=8) * 10_000));
        }
        format!("/api/v1/projects?{}", parts.join("&"))
    };
    user.get_named(&path, "search").await?;
    Ok(())
}

async fn project_page(user: &mut GooseUser) -> TransactionResult {
    let id = postings()
        .choose(&mut rand::thread_rng())
        .map_or(1, |p| p.id);
    user.get_named(&format!("/api/v1/projects/{id}"), "project")
        .await?;
    Ok(())
}

async fn apply(user: &mut GooseUser) -> TransactionResult {
    // A user whose registration failed (already counted as an error) has no account.
    let Some(talent) = user.get_session_data_mut::<Talent>() else {
        return Ok(());
    };
    let (token, next) = (talent.token.clone(), talent.to_apply.pop());
    // Running out means the data set was too small for the run: counted, and the run fails.
    let Some(posting) = next else {
        EXHAUSTED.fetch_add(1, Ordering::Relaxed);
        return Ok(());
    };
    let body = json!({
        "proposal": "EC立ち上げの経験を活かし、最初の3か月で商品ページと広告を見直します。",
        "screening_answers": vec!["地方の食品ECを二年間運営しました"; posting.questions],
    });
    let builder = user
        .get_request_builder(
            &GooseMethod::Post,
            &format!("/api/v1/projects/{}/applications", posting.id),
        )?
        .bearer_auth(&token)
        .json(&body);
    let goose = user
        .request(
            GooseRequest::builder()
                .set_request_builder(builder)
                .name("apply")
                .build(),
        )
        .await?;
    if let Ok(response) = goose.response {
        if let Ok(created) = response.json::<serde_json::Value>().await {
            if let Some(id) = created["id"].as_i64() {
                if let Some(talent) = user.get_session_data_mut::<Talent>() {
                    talent.last_application = Some(id);
                }
            }
        }
    }
    Ok(())
}

/// A message on the user's latest application (apply runs before message in every round).
async fn message(user: &mut GooseUser) -> TransactionResult {
    // No account (registration failed) or no application (the apply before it failed): both
    // already counted as errors.
    let Some((token, Some(application))) = user
        .get_session_data::<Talent>()
        .map(|t| (t.token.clone(), t.last_application))
    else {
        return Ok(());
    };
    let builder = user
        .get_request_builder(
            &GooseMethod::Post,
            &format!("/api/v1/applications/{application}/messages"),
        )?
        .bearer_auth(&token)
        .json(&json!({ "body": "面談の候補日をお送りしました。ご確認ください。" }));
    user.request(
        GooseRequest::builder()
            .set_request_builder(builder)
            .name("message")
            .build(),
    )
    .await?;
    Ok(())
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
