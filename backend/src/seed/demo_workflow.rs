//! The demo's workflow data: talent profiles living in Tokyo and abroad, postings in every
//! status with realistic fees and hours (DOMAIN.md), and applications in every status, one of
//! them contracted into a running engagement. Everything goes through the services, so the
//! demo obeys the same rules as the app.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kakehashi_shared::application::{ApplicationInput, TransitionInput};
use kakehashi_shared::contract::ContractTerms;
use kakehashi_shared::engagement::{Kickoff, WorkReportInput};
use kakehashi_shared::enums::{
    AgeBand, ContractType, DeclineReason, EmployerType, Motivation, Role, TieKind, TravelCost,
};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::talent::{PrefectureTie, TalentProfileInput, TalentSkill};
use kakehashi_shared::workflow::{ApplicationAction, ProjectAction};

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::Actor;
use crate::repositories::users;
use crate::services::{applications, contracts, engagements, projects, talents};

fn actor(conn: &mut AnyConnection, email: &str) -> Result<Actor, ApiError> {
    let u = users::find_by_email(conn, email)?.ok_or(ApiError::NotFound)?;
    Ok(Actor {
        user_id: u.id,
        role: Role::parse(&u.role).ok_or_else(|| ApiError::internal("bad role"))?,
        company_id: u.company_id,
        hub_id: u.hub_id,
        partner_id: u.partner_id,
    })
}

/// (email, headline, residence prefecture or country, tie, age band, skills, challenges, hours, fee)
type TalentSeed = (
    &'static str,
    &'static str,
    Result<&'static str, &'static str>,
    Option<(&'static str, TieKind)>,
    AgeBand,
    &'static [&'static str],
    &'static [&'static str],
    i32,
    i64,
);

const TALENT: &[TalentSeed] = &[
    (
        "hanako.yamada@example.jp",
        "大手小売でEC立ち上げ10年のWebマーケター",
        Ok("13"),
        Some(("03", TieKind::Hometown)),
        AgeBand::Forties,
        &["ec_site_management", "web_ads", "sns_marketing"],
        &["ec", "marketing"],
        30,
        100_000,
    ),
    (
        "kenta.suzuki@example.jp",
        "製造業の生産管理とIoT導入を支援するエンジニア",
        Ok("14"),
        Some(("04", TieKind::LivedThere)),
        AgeBand::Thirties,
        &["production_control", "iot_factory", "saas_adoption"],
        &["manufacturing_it", "production_control"],
        20,
        80_000,
    ),
    (
        "mai.ito@example.jp",
        "消費財メーカーのブランドマネージャー",
        Ok("13"),
        Some(("31", TieKind::Fan)),
        AgeBand::Thirties,
        &["branding", "product_planning", "package_design"],
        &["branding", "product_development"],
        16,
        50_000,
    ),
    (
        "takuya.kato@example.jp",
        "IT企業でDXを推進するプロジェクトマネージャー",
        Ok("11"),
        Some(("04", TieKind::Hometown)),
        AgeBand::Fifties,
        &["dx_strategy", "project_management", "rpa_nocode"],
        &["digitize_manual", "project_management"],
        24,
        120_000,
    ),
    (
        "yui.watanabe@example.sg",
        "シンガポール在住、越境ECとインバウンドのマーケター",
        Err("SG"),
        Some(("31", TieKind::Hometown)),
        AgeBand::Thirties,
        &["cross_border_ec", "inbound_tourism", "english_business"],
        &["overseas", "promotion"],
        20,
        60_000,
    ),
    (
        "daisuke.kobayashi@example.de",
        "ドイツ在住、品質管理とISO認証の専門家",
        Err("DE"),
        Some(("03", TieKind::LivedThere)),
        AgeBand::Forties,
        &["quality_control", "haccp_iso", "lean_kaizen"],
        &["quality_control", "production_control"],
        16,
        70_000,
    ),
];

fn profile(seed: &TalentSeed) -> TalentProfileInput {
    let (_, headline, residence, tie, age_band, skills, challenges, hours, fee) = *seed;
    TalentProfileInput {
        headline: headline.to_owned(),
        bio: format!("{headline}。本業の経験を地域の企業で活かしたいと考えています。平日夜と週末にオンラインで稼働できます。"),
        skills: skills.iter().enumerate().map(|(i, code)| TalentSkill { code: (*code).to_owned(), years: 10 - i32::try_from(i).unwrap_or(0) * 3 }).collect(),
        challenges: challenges.iter().map(|c| (*c).to_owned()).collect(),
        residence_prefecture_code: residence.ok().map(str::to_owned),
        residence_country: residence.err().map(str::to_owned),
        ties: tie.map(|(p, kind)| PrefectureTie { prefecture_code: p.to_owned(), kind }).into_iter().collect(),
        age_band,
        employer_type: if residence.is_ok() { EmployerType::LargeCompany } else { EmployerType::ItCompany },
        available_hours_per_month: hours,
        onsite_days_per_month: if residence.is_ok() { 1 } else { 0 },
        desired_monthly_fee: fee,
        remote_only: residence.is_err(),
        contract_types: vec![ContractType::QuasiMandate, ContractType::Advisory],
        motivations: vec![Motivation::Hometown, Motivation::Contribution, Motivation::SkillUp],
        discoverable: true,
        has_liability_insurance: fee >= 80_000,
        has_side_job_permission: true,
        phone: Some("090-0000-0000".to_owned()),
    }
}

/// (company email, title, challenges, skills, hours, days on site, fee, the status to reach)
type ProjectSeed = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    i32,
    i32,
    i64,
    &'static str,
);

const PROJECTS: &[ProjectSeed] = &[
    (
        "owner@iwate-seika.example",
        "南部せんべいのEC売上を2倍にするWebマーケター",
        &["ec", "promotion"],
        &["ec_site_management", "web_ads"],
        30,
        1,
        100_000,
        "published",
    ),
    (
        "owner@sanriku-suisan.example",
        "水産加工場の生産管理をデジタル化するプロジェクトリーダー",
        &["manufacturing_it", "production_control"],
        &["production_control", "iot_factory"],
        20,
        1,
        80_000,
        "published",
    ),
    (
        "owner@sakyu-farm.example",
        "砂丘らっきょうのブランドをつくる副業ブランドマネージャー",
        &["branding", "furusato_nozei"],
        &["branding", "package_design"],
        16,
        1,
        50_000,
        "published",
    ),
    (
        "owner@daisen-ryokan.example",
        "大山の温泉旅館のインバウンド集客を考える週1副社長",
        &["overseas", "promotion"],
        &["inbound_tourism", "sns_marketing"],
        16,
        2,
        30_000,
        "in_review",
    ),
    (
        "owner@miyagi-techno.example",
        "ISO更新を機に品質管理の仕組みを整える品質顧問",
        &["quality_control"],
        &["quality_control", "haccp_iso"],
        40,
        2,
        120_000,
        "changes_requested",
    ),
    (
        "owner@kesennuma-logi.example",
        "配送管理の手作業をなくすDX推進リーダー",
        &["digitize_manual"],
        &["dx_strategy", "rpa_nocode"],
        24,
        1,
        90_000,
        "draft",
    ),
    (
        "owner@iwate-seika.example",
        "SNS発信の立ち上げを手伝う広報パートナー",
        &["sns"],
        &["sns_marketing", "copywriting"],
        10,
        0,
        30_000,
        "closed",
    ),
];

fn draft(seed: &ProjectSeed, now: DateTime<Utc>) -> ProjectDraft {
    let (_, title, challenges, skills, hours, days, fee, _) = *seed;
    ProjectDraft {
        title: Some(title.to_owned()),
        background: Some("地域で長く続く会社ですが、次の世代に向けて新しい挑戦が必要です。社長自らが伴走します。".to_owned()),
        challenges: Some(challenges.iter().map(|c| (*c).to_owned()).collect()),
        role: Some("社長の参謀として、計画づくりから実行までを一緒に進めていただきます。".to_owned()),
        tasks: Some("現状の整理、改善計画の作成、月1回の現地訪問と週1回のオンライン定例".to_owned()),
        deliverables: Some("月次の改善レポートと、社内で続けられる手順書".to_owned()),
        required_skills: Some(vec![skills[0].to_owned()]),
        preferred_skills: Some(skills[1..].iter().map(|s| (*s).to_owned()).collect()),
        hours_per_month: Some(hours),
        onsite_days_per_month: Some(days),
        remote_allowed: Some(true),
        monthly_fee: Some(fee),
        travel_cost: Some(if days > 0 { TravelCost::CompanyPays } else { TravelCost::NotApplicable }),
        contract_type: Some(ContractType::QuasiMandate),
        period_months: Some(3),
        trial_days: Some(45),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 6),
        ip_handling: Some("成果物の著作権は検収をもって当社に移転します".to_owned()),
        confidentiality: Some("秘密保持契約（NDA）を結びます".to_owned()),
        screening_questions: Some(vec!["これまでの経験で、この課題に近いものを教えてください".to_owned()]),
        recruitment_opens_at: Some(now - Duration::days(3)),
        recruitment_closes_at: Some(now + Duration::days(45)),
    }
}

fn terms(fee: i64, hours: i32) -> ContractTerms {
    ContractTerms {
        contract_type: ContractType::QuasiMandate,
        tasks: "EC戦略の立案と改善の伴走".to_owned(),
        deliverables: "月次改善レポート（翌月5日までにメールで納品）".to_owned(),
        monthly_hours: hours,
        monthly_fee: fee,
        payment_days: 30,
        payment_method: "銀行振込（振込手数料は委託者負担）".to_owned(),
        expenses: "現地訪問の交通費は実費を委託者が負担".to_owned(),
        acceptance: "月末締めの稼働報告を翌月5日までに確認し検収とする".to_owned(),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 6).unwrap_or_default(),
        term_months: 3,
        renews_monthly: true,
        trial_days: Some(45),
        intellectual_property: "成果物の著作権は検収をもって委託者に移転する".to_owned(),
        confidentiality: "業務上知り得た情報は契約終了後も開示しない".to_owned(),
        nda_required: true,
        change_procedure: "条件の変更は双方の書面（電子を含む）合意による".to_owned(),
        defects_and_delays: "不備は検収後30日以内に通知し、受託者が修正する".to_owned(),
    }
}

fn proposal() -> ApplicationInput {
    ApplicationInput {
        proposal: "これまでの経験を活かし、最初の1か月で現状を整理し、3か月で成果が見える形にします。オンライン中心で、月1回は現地に伺います。".to_owned(),
        screening_answers: vec!["前職で同じ課題に取り組み、売上と業務時間の両方を改善しました。".to_owned()],
        referral_code: None,
    }
}

fn step(action: ApplicationAction) -> TransitionInput {
    TransitionInput {
        action,
        reason: None,
        message: None,
    }
}

/// Loads the workflow demo once: it does nothing if any posting exists.
pub fn load(
    conn: &mut AnyConnection,
    coordinators: &[(&str, &str)],
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    if crate::repositories::projects::list(conn, &Default::default(), None, 1)?.len() == 1 {
        return Ok(false);
    }
    for seed in TALENT {
        let talent = actor(conn, seed.0)?;
        talents::put_own(conn, &talent, &profile(seed), now)?;
    }
    let coordinator_for = |prefecture: &str| {
        coordinators
            .iter()
            .find(|(p, _)| *p == prefecture)
            .map(|(_, email)| *email)
    };
    let mut published = Vec::new();
    for seed in PROJECTS {
        let company = actor(conn, seed.0)?;
        let project = projects::create(conn, &company, None, &draft(seed, now), now)?;
        let target = seed.7;
        if target == "draft" {
            continue;
        }
        projects::transition(conn, &company, project.id, ProjectAction::Submit, None, now)?;
        let coordinator = actor(
            conn,
            coordinator_for(&project.prefecture_code).ok_or(ApiError::NotFound)?,
        )?;
        match target {
            "changes_requested" => {
                projects::transition(
                    conn,
                    &coordinator,
                    project.id,
                    ProjectAction::RequestChanges,
                    Some("成果物と評価の基準を具体的に書いてください。"),
                    now,
                )?;
            }
            "published" | "closed" => {
                projects::transition(
                    conn,
                    &coordinator,
                    project.id,
                    ProjectAction::Approve,
                    None,
                    now,
                )?;
                if target == "closed" {
                    projects::transition(
                        conn,
                        &company,
                        project.id,
                        ProjectAction::Close,
                        None,
                        now,
                    )?;
                } else {
                    published.push((project.id, company));
                }
            }
            _ => {}
        }
    }
    // Applications in every status.
    let talent = |conn: &mut AnyConnection, i: usize| actor(conn, TALENT[i].0);
    let [(ec, iwate), (factory, sanriku), (brand, sakyu)] =
        <[(i64, Actor); 3]>::try_from(published)
            .map_err(|_| ApiError::internal("demo postings"))?;

    let hanako = talent(conn, 0)?;
    let contracted = applications::apply(conn, &hanako, ec, &proposal(), None, now)?;
    for action in [
        ApplicationAction::Shortlist,
        ApplicationAction::Interview,
        ApplicationAction::Offer,
    ] {
        applications::transition(conn, &iwate, contracted.id, &step(action), now)?;
    }
    let contract = contracts::propose(conn, &iwate, contracted.id, &terms(100_000, 30), now)?;
    contracts::accept(conn, &iwate, contract.id, contract.version, now)?;
    let accepted = contracts::accept(conn, &hanako, contract.id, contract.version, now)?;
    if let Some(engagement) = accepted.engagement_id {
        engagements::save_kickoff(
            conn,
            &hanako,
            engagement,
            &Kickoff {
                goals: vec![
                    "EC月商を30万円から60万円へ".to_owned(),
                    "商品ページを全面改善".to_owned(),
                ],
                deliverables: "月次改善レポート".to_owned(),
                steps: vec![
                    "現状分析".to_owned(),
                    "商品ページ改善".to_owned(),
                    "広告運用".to_owned(),
                ],
                meeting_slot: "毎週水曜 10:00–11:00".to_owned(),
                members: vec![
                    "佐藤 一郎（社長）".to_owned(),
                    "山田 花子（副業人材）".to_owned(),
                ],
                contact_channels: vec!["Slack".to_owned(), "月1回の来訪".to_owned()],
                reporting_cadence: "月末に稼働報告".to_owned(),
            },
            now,
        )?;
        engagements::submit_report(
            conn,
            &hanako,
            engagement,
            &WorkReportInput {
                month: "2027-01".to_owned(),
                hours: 28,
                summary: "商品ページ10点を改善し、広告の計測を整えました。".to_owned(),
                outcomes: "購入率が1.2%から1.8%へ".to_owned(),
                next_steps: "ギフト需要に向けた特集ページ".to_owned(),
            },
            now,
        )?;
    }
    let kenta = talent(conn, 1)?;
    applications::apply(conn, &kenta, ec, &proposal(), None, now)?; // applied
    let mai = talent(conn, 2)?;
    let shortlisted = applications::apply(conn, &mai, ec, &proposal(), None, now)?;
    applications::transition(
        conn,
        &iwate,
        shortlisted.id,
        &step(ApplicationAction::Shortlist),
        now,
    )?;

    let takuya = talent(conn, 3)?;
    let interviewing = applications::apply(conn, &takuya, factory, &proposal(), None, now)?;
    applications::transition(
        conn,
        &sanriku,
        interviewing.id,
        &step(ApplicationAction::Interview),
        now,
    )?;
    let yui = talent(conn, 4)?;
    let declined = applications::apply(conn, &yui, factory, &proposal(), None, now)?;
    applications::transition(
        conn,
        &sanriku,
        declined.id,
        &TransitionInput {
            action: ApplicationAction::Decline,
            reason: Some(DeclineReason::AvailabilityMismatch),
            message: Some(
                "現地での立ち会いが多い案件のため、今回は見送らせてください。".to_owned(),
            ),
        },
        now,
    )?;

    let daisuke = talent(conn, 5)?;
    let offered = applications::apply(conn, &daisuke, brand, &proposal(), None, now)?;
    for action in [ApplicationAction::Shortlist, ApplicationAction::Offer] {
        applications::transition(conn, &sakyu, offered.id, &step(action), now)?;
    }
    let withdrawn = applications::apply(conn, &kenta, brand, &proposal(), None, now)?;
    applications::transition(
        conn,
        &kenta,
        withdrawn.id,
        &step(ApplicationAction::Withdraw),
        now,
    )?;
    Ok(true)
}
