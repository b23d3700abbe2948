//! People and records the workflow tests start from.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kakehashi::clock::Clock;
use kakehashi::services::accounts::{self, NewStaff, StaffOrganisation};
use kakehashi_shared::auth::{LoginRequest, TokenResponse};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::{
    AgeBand, ContractType, EmployerType, Motivation, PartnerKind, Role, TieKind, TravelCost,
};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::talent::{PrefectureTie, TalentProfileInput, TalentSkill};

use crate::util::{TestApp, PASSWORD};

/// A staff account (coordinator, partner or admin) with the tests' password.
pub fn staff_account(
    email: &str,
    display_name: &str,
    role: Role,
    organisation: StaffOrganisation,
) -> NewStaff {
    NewStaff {
        email: email.into(),
        password: PASSWORD.into(),
        display_name: display_name.into(),
        role,
        organisation,
    }
}

/// A signed-in user and a client carrying their token.
pub struct User {
    pub session: TokenResponse,
    pub api: ApiClient,
}

impl User {
    pub fn id(&self) -> i64 {
        self.session.user.id
    }
}

impl TestApp {
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Signs the same person in again (after the clock moved past their token's life).
    pub async fn again(&self, user: &User) -> User {
        self.login(&user.session.user.email, PASSWORD).await
    }

    pub async fn login(&self, email: &str, password: &str) -> User {
        let session = self
            .client()
            .login(&LoginRequest {
                email: email.into(),
                password: password.into(),
            })
            .await
            .expect("login");
        let api = self.client().with_token(&session.access_token);
        User { session, api }
    }

    /// A partner covering `prefectures`, and one of its staff signed in.
    pub async fn partner_staff(&self, email: &str, prefectures: &[&str]) -> (i64, User) {
        let prefectures: Vec<String> = prefectures.iter().map(|p| (*p).to_owned()).collect();
        let (email_owned, now) = (email.to_owned(), self.now());
        let partner_id = self
            .db
            .run(move |conn| {
                let partner = accounts::create_partner(
                    conn,
                    &format!("パートナー {email_owned}"),
                    PartnerKind::Bank,
                    None,
                    &prefectures,
                    &[],
                    now,
                )?;
                accounts::create_staff(
                    conn,
                    &staff_account(
                        &email_owned,
                        "佐藤 次郎",
                        Role::Partner,
                        StaffOrganisation::Partner(partner.id),
                    ),
                    now,
                )?;
                Ok(partner.id)
            })
            .await
            .unwrap();
        (partner_id, self.login(email, PASSWORD).await)
    }

    /// A hub over `prefectures` with one coordinator, signed in.
    pub async fn coordinator(&self, email: &str, prefectures: &[&str]) -> User {
        let prefectures: Vec<String> = prefectures.iter().map(|p| (*p).to_owned()).collect();
        let (email_owned, now) = (email.to_owned(), self.now());
        self.db
            .run(move |conn| {
                let hub = accounts::create_hub(
                    conn,
                    &format!("拠点 {email_owned}"),
                    &prefectures,
                    14,
                    now,
                )?;
                accounts::create_staff(
                    conn,
                    &staff_account(
                        &email_owned,
                        "千葉 恵子",
                        Role::Coordinator,
                        StaffOrganisation::Hub(hub.id),
                    ),
                    now,
                )
            })
            .await
            .expect("coordinator");
        self.login(email, PASSWORD).await
    }

    pub async fn admin(&self) -> User {
        let now = self.now();
        self.db
            .run(move |conn| {
                accounts::create_staff(
                    conn,
                    &staff_account(
                        "ops@kakehashi.example",
                        "運営",
                        Role::Admin,
                        StaffOrganisation::None,
                    ),
                    now,
                )
            })
            .await
            .expect("admin");
        self.login("ops@kakehashi.example", PASSWORD).await
    }

    pub async fn company_user(&self, email: &str, prefecture: &str) -> User {
        self.register_company(email, prefecture).await;
        self.login(email, PASSWORD).await
    }

    /// A talent with a complete, discoverable profile.
    pub async fn talent(&self, email: &str) -> User {
        self.register_talent(email).await;
        let user = self.login(email, PASSWORD).await;
        user.api
            .save_talent_profile(&talent_profile())
            .await
            .expect("profile");
        user
    }
}

pub fn talent_profile() -> TalentProfileInput {
    TalentProfileInput {
        headline: "EC立ち上げ10年のWebマーケター".into(),
        bio: "大手小売でECの立ち上げと運営を担当。地元岩手の食を全国へ届けたい。".into(),
        skills: vec![
            TalentSkill {
                code: "ec_site_management".into(),
                years: 10,
            },
            TalentSkill {
                code: "web_ads".into(),
                years: 6,
            },
        ],
        challenges: vec!["ec".into(), "marketing".into()],
        residence_prefecture_code: Some("13".into()),
        residence_country: None,
        ties: vec![PrefectureTie {
            prefecture_code: "03".into(),
            kind: TieKind::Hometown,
        }],
        age_band: AgeBand::Forties,
        employer_type: EmployerType::LargeCompany,
        available_hours_per_month: 30,
        onsite_days_per_month: 1,
        desired_monthly_fee: 100_000,
        remote_only: false,
        contract_types: vec![ContractType::QuasiMandate, ContractType::Advisory],
        motivations: vec![Motivation::Hometown, Motivation::Contribution],
        discoverable: true,
        has_liability_insurance: true,
        has_side_job_permission: true,
        phone: Some("090-1234-5678".into()),
    }
}

/// Every field a posting needs, with a window open for 30 days from `now`.
pub fn complete_draft(now: DateTime<Utc>) -> ProjectDraft {
    ProjectDraft {
        title: Some("南部せんべいのEC売上を2倍にするWebマーケター".into()),
        background: Some(
            "三代目社長として、伝統の味を全国に届けたい。ECを始めたが売上が伸び悩んでいる。".into(),
        ),
        challenges: Some(vec!["ec".into(), "promotion".into()]),
        role: Some("EC戦略の参謀として社長と二人三脚で改善を回す".into()),
        tasks: Some("商品ページの改善、広告運用の設計、月次の数値レビュー".into()),
        deliverables: Some("月次改善レポートと広告運用マニュアル".into()),
        required_skills: Some(vec!["ec_site_management".into()]),
        preferred_skills: Some(vec!["web_ads".into()]),
        hours_per_month: Some(30),
        onsite_days_per_month: Some(1),
        remote_allowed: Some(true),
        monthly_fee: Some(100_000),
        travel_cost: Some(TravelCost::CompanyPays),
        contract_type: Some(ContractType::QuasiMandate),
        period_months: Some(3),
        trial_days: Some(45),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 6),
        ip_handling: Some("成果物の著作権は検収をもって委託者に移転する".into()),
        confidentiality: Some("秘密保持契約（NDA）を締結する".into()),
        screening_questions: Some(vec!["ECで売上を伸ばした経験を教えてください".into()]),
        recruitment_opens_at: Some(now - Duration::hours(1)),
        recruitment_closes_at: Some(now + Duration::days(30)),
    }
}

/// A published posting of `company`, approved by `coordinator`.
pub async fn published_project(app: &TestApp, company: &User, coordinator: &User) -> i64 {
    let project = company
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .expect("draft");
    company
        .api
        .submit_project(project.id)
        .await
        .expect("submit");
    coordinator
        .api
        .approve_project(project.id)
        .await
        .expect("approve");
    project.id
}

/// The problem code of a failed call.
pub fn code<T: std::fmt::Debug>(
    result: Result<T, kakehashi_shared::client::ClientError>,
) -> String {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e
            .problem()
            .map(|p| p.code.clone())
            .unwrap_or_else(|| e.to_string()),
    }
}

/// The status of a failed call.
pub fn status<T: std::fmt::Debug>(result: Result<T, kakehashi_shared::client::ClientError>) -> u16 {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.problem().map(|p| p.status).unwrap_or(0),
    }
}

/// Everyone of a running engagement: (company, coordinator, talent, engagement id, contract id).
pub async fn engaged(app: &TestApp) -> (User, User, User, i64, i64) {
    use kakehashi_shared::application::{ApplicationInput, TransitionInput};
    use kakehashi_shared::workflow::ApplicationAction;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let project = published_project(app, &company, &coordinator).await;
    let application = talent
        .api
        .apply(
            project,
            &ApplicationInput {
                proposal: "二十文字以上の提案文です。よろしくお願いします。".into(),
                screening_answers: vec!["はい".into()],
                referral_code: None,
            },
        )
        .await
        .expect("apply");
    company
        .api
        .transition(
            application.id,
            &TransitionInput {
                action: ApplicationAction::Offer,
                reason: None,
                message: None,
            },
        )
        .await
        .expect_err("an offer needs a shortlist or interview first");
    for action in [ApplicationAction::Shortlist, ApplicationAction::Offer] {
        company
            .api
            .transition(
                application.id,
                &TransitionInput {
                    action,
                    reason: None,
                    message: None,
                },
            )
            .await
            .expect("move");
    }
    let contract = company
        .api
        .propose_contract(application.id, &crate::lifecycle::terms())
        .await
        .expect("terms");
    company
        .api
        .accept_contract(contract.id, contract.version)
        .await
        .expect("company accepts");
    let accepted = talent
        .api
        .accept_contract(contract.id, contract.version)
        .await
        .expect("talent accepts");
    let engagement = accepted.engagement_id.expect("engagement");
    (company, coordinator, talent, engagement, contract.id)
}
