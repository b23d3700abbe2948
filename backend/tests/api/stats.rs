//! Figures: a known history (three talent, two companies in two prefectures, three
//! applications moved through the states at known times, a contract, an engagement, two
//! reviews, a partner) and every figure asserted exactly; the CSV read back; the filters; the
//! 422s; who may read what.

use chrono::{Duration, NaiveDate};
use kakehashi::services::accounts::{self, StaffOrganisation};
use kakehashi_shared::application::{ApplicationInput, TransitionInput};
use kakehashi_shared::engagement::ReviewInput;
use kakehashi_shared::enums::{AgeBand, DeclineReason, EmployerType, Role};
use kakehashi_shared::stats::{Bucket, Stats};
use kakehashi_shared::talent::TalentSkill;
use kakehashi_shared::workflow::ApplicationAction;
use kakehashi_shared::Problem;

use crate::fixtures::{published_project, talent_profile, User};
use crate::on_both_backends;
use crate::util::{Backend, TestApp, PASSWORD};

on_both_backends!(
    figures_match_the_data,
    filters_narrow_and_bad_filters_are_named,
    who_may_read_which_figures,
    csv_opens_in_excel_and_equals_the_json,
);

struct World {
    admin: User,
    coordinator: User,
    talent: User,
    company: User,
    partner_staff: User,
    partner: i64,
    other_partner: i64,
    akita_hub: i64,
}

async fn act(user: &User, application: i64, action: ApplicationAction) {
    let (reason, message) = match action {
        ApplicationAction::Decline => (
            Some(DeclineReason::SkillsMismatch),
            Some("今回はご縁がありませんでしたが、ご応募ありがとうございました。".to_owned()),
        ),
        _ => (None, None),
    };
    user.api
        .transition(
            application,
            &TransitionInput {
                action,
                reason,
                message,
            },
        )
        .await
        .expect("move");
}

async fn apply(talent: &User, project: i64) -> i64 {
    talent
        .api
        .apply(
            project,
            // From JSON, so fields added with defaults need no change here.
            &serde_json::from_value::<ApplicationInput>(serde_json::json!({
                "proposal": "二十文字以上の提案文です。よろしくお願いします。",
                "screening_answers": ["はい"],
            }))
            .unwrap(),
        )
        .await
        .expect("apply")
        .id
}

async fn sql(app: &TestApp, statement: String) {
    app.db
        .run(move |c| {
            use diesel::RunQueryDsl;
            diesel::sql_query(statement.clone()).execute(c)?;
            Ok(())
        })
        .await
        .expect("sql");
}

async fn id_of(app: &TestApp, query: String) -> i64 {
    app.db
        .run(move |c| {
            use diesel::RunQueryDsl;
            #[derive(diesel::QueryableByName)]
            struct Id {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                id: i64,
            }
            Ok(diesel::sql_query(query.clone()).get_result::<Id>(c)?.id)
        })
        .await
        .expect("id")
}

async fn partner(app: &TestApp, name: &str, code: &str) -> i64 {
    sql(
        app,
        format!(
            "INSERT INTO partners (name, kind, referral_code, created_at) \
             VALUES ('{name}', 'bank', '{code}', '2026-11-21 09:00:00')"
        ),
    )
    .await;
    id_of(
        app,
        format!("SELECT id FROM partners WHERE referral_code = '{code}'"),
    )
    .await
}

/// Day 0 (2026-11-21 09:00): three talent (one without a profile), Iwate's company A and
/// Akita's company B (referred by the partner), a posting each, three applications.
/// Day 2: A shortlists T1. Day 4: A declines T3; A interviews, offers and contracts T1
/// (100,000 yen, 30 h; starts 2027-01-06). Then 2027-04-10: both sides review (5 and 4).
async fn world(app: &TestApp) -> World {
    let admin = app.admin().await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    let akita = app.coordinator("akita@hub.example", &["05"]).await;
    let company_a = app.company_user("owner@iwate-seika.example", "03").await;
    let company_b = app.company_user("owner@akita-sake.example", "05").await;
    let t1 = app.talent("hanako@example.jp").await;
    app.register_talent("taro@example.jp").await;
    app.register_talent("jiro@example.jp").await;
    let t3 = app.login("jiro@example.jp", PASSWORD).await;
    let mut profile = talent_profile();
    profile.residence_prefecture_code = Some("03".into());
    profile.ties = vec![];
    profile.age_band = AgeBand::Thirties;
    profile.employer_type = EmployerType::Freelance;
    profile.skills = vec![TalentSkill {
        code: "web_ads".into(),
        years: 3,
    }];
    t3.api.save_talent_profile(&profile).await.expect("profile");
    let pa = published_project(app, &company_a, &coordinator).await;
    let pb = published_project(app, &company_b, &akita).await;

    let partner_id = partner(app, "いわて銀行", "IWAGIN").await;
    let other_partner = partner(app, "あきた商工会議所", "AKICCI").await;
    sql(
        app,
        format!(
            "UPDATE companies SET referred_by_partner_id = {partner_id}, employees = 120 \
             WHERE name = '岩手製菓株式会社' AND prefecture_code = '05'"
        ),
    )
    .await;
    sql(
        app,
        format!(
            "UPDATE users SET referred_by_partner_id = {partner_id} WHERE email = 'taro@example.jp'"
        ),
    )
    .await;
    let akita_hub = id_of(
        app,
        "SELECT hub_id AS id FROM users WHERE email = 'akita@hub.example'".into(),
    )
    .await;
    let now = app.now();
    app.db
        .run(move |c| {
            accounts::create_staff(
                c,
                &crate::fixtures::staff_account(
                    "staff@iwagin.example",
                    "銀行 担当",
                    Role::Partner,
                    StaffOrganisation::Partner(partner_id),
                ),
                now,
            )
        })
        .await
        .expect("partner staff");
    let partner_staff = app.login("staff@iwagin.example", PASSWORD).await;

    let a1 = apply(&t1, pa).await;
    let a3 = apply(&t3, pa).await;
    apply(&t3, pb).await;

    app.clock.advance(Duration::days(2));
    let company_a = app.again(&company_a).await;
    act(&company_a, a1, ApplicationAction::Shortlist).await;
    app.clock.advance(Duration::days(2));
    let company_a = app.again(&company_a).await;
    act(&company_a, a3, ApplicationAction::Decline).await;
    act(&company_a, a1, ApplicationAction::Interview).await;
    act(&company_a, a1, ApplicationAction::Offer).await;
    let contract = company_a
        .api
        .propose_contract(a1, &crate::lifecycle::terms())
        .await
        .expect("terms");
    company_a
        .api
        .accept_contract(contract.id, contract.version)
        .await
        .expect("company accepts");
    let t1 = app.again(&t1).await;
    let engagement = t1
        .api
        .accept_contract(contract.id, contract.version)
        .await
        .expect("talent accepts")
        .engagement_id
        .expect("engagement");

    // 2027-04-10: the engagement (from 2027-01-06) has run 3 months and 4 days.
    app.clock.advance(Duration::days(136));
    assert_eq!(
        app.now().date_naive(),
        NaiveDate::from_ymd_opt(2027, 4, 10).unwrap()
    );
    let company_a = app.again(&company_a).await;
    let t1 = app.again(&t1).await;
    for (user, satisfaction) in [(&company_a, 5), (&t1, 4)] {
        user.api
            .submit_review(
                engagement,
                &ReviewInput {
                    glad: "毎週の定例で数字を一緒に見られたこと".into(),
                    improve: "写真素材がもっと欲しい".into(),
                    values: "地域の商品を正しく伝えること".into(),
                    renew: true,
                    proposed_monthly_fee: Some(100_000),
                    proposed_hours_per_month: Some(30),
                    satisfaction,
                },
            )
            .await
            .expect("review");
    }
    World {
        admin: app.again(&admin).await,
        coordinator: app.again(&coordinator).await,
        talent: t1,
        company: company_a,
        partner_staff: app.again(&partner_staff).await,
        partner: partner_id,
        other_partner,
        akita_hub,
    }
}

async fn stats(user: &User, query: &str) -> Stats {
    user.api
        .get(&format!("/api/v1/stats?{query}"))
        .await
        .expect("stats")
}

fn count(buckets: &[Bucket], code: &str) -> Option<i64> {
    buckets
        .iter()
        .find(|b| b.code == code)
        .and_then(|b| b.count)
}

async fn figures_match_the_data(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;
    let s = stats(&w.admin, "").await;

    let f = &s.funnel;
    assert_eq!(
        (
            f.talents,
            f.companies,
            f.applications,
            f.interviews,
            f.offers,
            f.contracts
        ),
        (3, 2, 3, 1, 1, 1)
    );
    // T1 answered after 2 days, T3 declined after 4; the Akita application has no answer.
    assert_eq!(s.first_response.count, 2);
    assert_eq!(s.first_response.median_days, Some(3.0));
    assert_eq!(s.first_response.mean_days, Some(3.0));
    assert_eq!(s.to_contract.count, 1);
    assert_eq!(s.to_contract.median_days, Some(4.0));
    assert_eq!(s.to_contract.mean_days, Some(4.0));
    let cont: Vec<(i32, i64, i64, Option<f64>)> = s
        .continuation
        .iter()
        .map(|c| (c.months, c.eligible, c.continued, c.rate))
        .collect();
    assert_eq!(
        cont,
        vec![
            (1, 1, 1, Some(1.0)),
            (3, 1, 1, Some(1.0)),
            (6, 0, 0, None),
            (12, 0, 0, None)
        ]
    );
    assert_eq!(s.terms.contracts, 1);
    assert_eq!(s.terms.mean_monthly_fee, Some(100_000));
    assert_eq!(s.terms.mean_monthly_hours, Some(30.0));

    // Two profiles: T1 lives in Tokyo, 40s, large company; T3 in Iwate, 30s, freelance.
    assert_eq!(count(&s.talent_residence, "13"), Some(1));
    assert_eq!(count(&s.talent_residence, "03"), Some(1));
    assert_eq!(s.talent_residence.len(), 2);
    let iwate = s.talent_residence.iter().find(|b| b.code == "03").unwrap();
    assert_eq!(
        (iwate.label_ja.as_str(), iwate.label_en.as_str()),
        ("岩手県", "Iwate")
    );
    assert_eq!(count(&s.talent_age, "40s"), Some(1));
    assert_eq!(count(&s.talent_age, "30s"), Some(1));
    assert_eq!(count(&s.talent_age, "20s"), Some(0));
    assert_eq!(count(&s.talent_employer, "large_company"), Some(1));
    assert_eq!(count(&s.talent_employer, "freelance"), Some(1));
    assert_eq!(s.talent_skills[0].code, "web_ads");
    assert_eq!(s.talent_skills[0].count, Some(2));
    assert_eq!(count(&s.talent_skills, "ec_site_management"), Some(1));
    assert_eq!(count(&s.company_industry, "E"), Some(2));
    assert_eq!(count(&s.company_prefecture, "03"), Some(1));
    assert_eq!(count(&s.company_prefecture, "05"), Some(1));
    assert_eq!(count(&s.company_size, "100-299"), Some(1));
    assert_eq!(count(&s.company_size, "unknown"), Some(1));
    // Two postings published, each with the challenges ec and promotion.
    assert_eq!(count(&s.posting_challenges, "ec"), Some(2));
    assert_eq!(count(&s.posting_challenges, "promotion"), Some(2));
    assert_eq!(s.posting_challenges.len(), 2);
    let sat = &s.satisfaction;
    assert_eq!(sat.reviews, 2);
    assert_eq!(sat.mean, Some(4.5));
    assert_eq!(sat.company_mean, Some(5.0));
    assert_eq!(sat.talent_mean, Some(4.0));
    assert_eq!(count(&sat.by_score, "5"), Some(1));
    assert_eq!(count(&sat.by_score, "4"), Some(1));
    assert_eq!(count(&sat.by_score, "1"), Some(0));

    // The public summary: the same totals, small cells withheld.
    let p: Stats = app
        .client()
        .get("/api/v1/stats/summary")
        .await
        .expect("summary");
    assert_eq!(p.funnel, s.funnel);
    assert_eq!(p.scope.suppressed_below, Some(3));
    assert_eq!(count(&p.talent_age, "30s"), None);
    assert_eq!(count(&p.talent_age, "20s"), Some(0));
    assert_eq!(p.terms.contracts, 1);
    assert_eq!(p.terms.mean_monthly_fee, None);
    assert_eq!(p.satisfaction.mean, None);
    assert_eq!(p.first_response.median_days, None);
    assert_eq!(p.continuation[0].rate, None);
    let y2026: Stats = app
        .client()
        .get("/api/v1/stats/summary?year=2026&prefecture=05")
        .await
        .expect("summary 2026 Akita");
    assert_eq!(
        (
            y2026.funnel.companies,
            y2026.funnel.applications,
            y2026.funnel.talents
        ),
        (1, 1, 0)
    );
    // The public summary is kept for a minute: a new talent shows in the staff figures at
    // once, in the summary only later.
    app.register_talent("saburo@example.jp").await;
    let again: Stats = app
        .client()
        .get("/api/v1/stats/summary")
        .await
        .expect("summary again");
    assert_eq!(
        (again.funnel.talents, again.generated_at),
        (3, p.generated_at)
    );
    assert_eq!(stats(&w.admin, "").await.funnel.talents, 4);
    app.stop().await;
}

async fn filters_narrow_and_bad_filters_are_named(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;

    // Iwate: company A, its two applications, and T1 (tied to Iwate) and T3 (lives there).
    let s = stats(&w.admin, "prefecture=03").await;
    let f = &s.funnel;
    assert_eq!(
        (
            f.talents,
            f.companies,
            f.applications,
            f.interviews,
            f.contracts
        ),
        (2, 1, 2, 1, 1)
    );
    assert_eq!(s.scope.prefecture_codes, vec!["03".to_owned()]);
    // Akita's hub: company B and T3's application to it, nobody answered.
    let s = stats(&w.admin, &format!("hub={}", w.akita_hub)).await;
    assert_eq!(
        (
            s.funnel.talents,
            s.funnel.companies,
            s.funnel.applications,
            s.first_response.count
        ),
        (0, 1, 1, 0)
    );
    // The partner referred company B and the talent without a profile.
    let s = stats(&w.admin, &format!("partner={}", w.partner)).await;
    assert_eq!(
        (
            s.funnel.talents,
            s.funnel.companies,
            s.funnel.applications,
            s.funnel.contracts
        ),
        (1, 1, 1, 0)
    );
    assert_eq!(count(&s.company_size, "100-299"), Some(1));
    // Registration day only: everyone registered and applied; the contract came later.
    let s = stats(&w.admin, "from=2026-11-21&to=2026-11-21").await;
    assert_eq!(
        (s.funnel.talents, s.funnel.applications, s.terms.contracts),
        (3, 3, 0)
    );
    assert_eq!(s.satisfaction.reviews, 0);
    // From the day after: nothing registered; the contract (day 4) and the reviews count.
    let s = stats(&w.admin, "from=2026-11-22").await;
    assert_eq!(
        (s.funnel.talents, s.funnel.applications, s.terms.contracts),
        (0, 0, 1)
    );
    assert_eq!(s.satisfaction.reviews, 2);
    assert_eq!(s.continuation[1].eligible, 1);

    let problem = |r: Result<Stats, kakehashi_shared::client::ClientError>| -> Problem {
        r.expect_err("422").problem().cloned().expect("problem")
    };
    for (query, field, rule) in [
        ("prefecture=99", "prefecture", "unknown_value"),
        ("partner=999999", "partner", "unknown_value"),
        ("hub=999999", "hub", "unknown_value"),
        ("from=2026-12-01&to=2026-11-01", "to", "out_of_range"),
        ("from=yesterday", "query", "invalid_value"),
        ("format=xml", "query", "invalid_value"),
    ] {
        let p = problem(w.admin.api.get(&format!("/api/v1/stats?{query}")).await);
        assert_eq!(
            (p.status, p.code.as_str()),
            (422, "validation_failed"),
            "{query}"
        );
        assert_eq!(p.errors[0].field, field, "{query}");
        assert_eq!(p.errors[0].code, rule, "{query}");
    }
    let p = problem(
        w.admin
            .api
            .get(&format!("/api/v1/stats?hub={}&prefecture=03", w.akita_hub))
            .await,
    );
    assert_eq!(
        (p.errors[0].field.as_str(), p.errors[0].code.as_str()),
        ("prefecture", "not_allowed")
    );
    for (query, field) in [("prefecture=48", "prefecture"), ("year=1990", "year")] {
        let p = problem(
            app.client()
                .get(&format!("/api/v1/stats/summary?{query}"))
                .await,
        );
        assert_eq!(
            (p.status, p.errors[0].field.as_str()),
            (422, field),
            "{query}"
        );
    }
    app.stop().await;
}

async fn who_may_read_which_figures(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;
    let status = |r: Result<Stats, kakehashi_shared::client::ClientError>| {
        r.expect_err("refused").problem().map(|p| p.status)
    };

    // Not signed in, or not staff.
    assert_eq!(status(app.client().get("/api/v1/stats").await), Some(401));
    assert_eq!(status(w.talent.api.get("/api/v1/stats").await), Some(403));
    assert_eq!(status(w.company.api.get("/api/v1/stats").await), Some(403));
    assert_eq!(
        status(
            w.company
                .api
                .get(&format!("/api/v1/partners/{}/stats", w.partner))
                .await
        ),
        Some(404)
    );
    let own = format!("/api/v1/partners/{}/stats", w.partner);
    let other = format!("/api/v1/partners/{}/stats", w.other_partner);
    assert_eq!(status(w.talent.api.get(&own).await), Some(404));
    assert_eq!(status(w.coordinator.api.get(&own).await), Some(404));
    assert_eq!(status(w.partner_staff.api.get(&other).await), Some(404));
    assert_eq!(
        status(w.admin.api.get("/api/v1/partners/999999/stats").await),
        Some(404)
    );

    // Partner staff: only their partner's records, whatever they ask.
    let mine = stats(&w.partner_staff, "").await;
    assert_eq!(mine.scope.partner_id, Some(w.partner));
    assert_eq!((mine.funnel.companies, mine.funnel.talents), (1, 1));
    let via_partner: Stats = w.partner_staff.api.get(&own).await.expect("own figures");
    assert_eq!(via_partner.funnel, mine.funnel);
    let by_admin: Stats = w.admin.api.get(&own).await.expect("admin reads a partner");
    assert_eq!(by_admin.funnel, mine.funnel);
    assert_eq!(
        status(
            w.partner_staff
                .api
                .get(&format!("/api/v1/stats?partner={}", w.other_partner))
                .await
        ),
        Some(404)
    );

    // A coordinator: only their hub's prefecture (Iwate).
    let hub = stats(&w.coordinator, "").await;
    assert_eq!(hub.scope.prefecture_codes, vec!["03".to_owned()]);
    assert_eq!((hub.funnel.companies, hub.funnel.applications), (1, 2));
    assert_eq!(
        status(
            w.coordinator
                .api
                .get(&format!("/api/v1/stats?hub={}", w.akita_hub))
                .await
        ),
        Some(404)
    );
    let p = w
        .coordinator
        .api
        .get::<Stats>("/api/v1/stats?prefecture=05")
        .await
        .expect_err("outside the hub");
    assert_eq!(p.problem().map(|p| p.status), Some(422));
    app.stop().await;
}

async fn csv_opens_in_excel_and_equals_the_json(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;
    let json = stats(&w.admin, "").await;
    let token = w.admin.session.access_token.clone();
    let response = app
        .http
        .get(app.url("/api/v1/stats?format=csv"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "text/csv; charset=utf-8");
    let disposition = header("content-disposition");
    assert!(
        disposition.starts_with("attachment; filename=\"kakehashi-stats-2027"),
        "{disposition}"
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, ["区分コード", "区分", "項目コード", "項目", "値"]);
    let records: Vec<[String; 5]> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            std::array::from_fn(|i| r[i].to_owned())
        })
        .collect();
    let cell = |sec: &str, item: &str| -> (String, String) {
        let row = records
            .iter()
            .find(|r| r[0] == sec && r[2] == item)
            .unwrap_or_else(|| panic!("{sec}/{item}"));
        (row[3].clone(), row[4].clone())
    };
    // Japanese intact, and the values those of the JSON.
    assert_eq!(cell("funnel", "talents"), ("登録人材".into(), "3".into()));
    assert_eq!(cell("funnel", "contracts"), ("契約".into(), "1".into()));
    assert_eq!(
        cell("talent_residence", "03"),
        ("岩手県".into(), "1".into())
    );
    assert_eq!(
        cell("first_response", "median_days"),
        ("中央値（日）".into(), "3".into())
    );
    assert_eq!(cell("terms", "mean_monthly_fee").1, "100000");
    assert_eq!(cell("satisfaction", "mean").1, "4.5");
    assert_eq!(cell("continuation", "6m_rate").1, "");
    assert!(records
        .iter()
        .any(|r| r[1] == "人材の年代" && r[3] == "60代以上"));
    // Every row equals what the JSON figures give.
    assert_eq!(records, kakehashi::services::stats::rows(&json, false));
    let numbers: Vec<(String, String)> = records
        .iter()
        .filter(|r| r[0] == "funnel")
        .map(|r| (r[2].clone(), r[4].clone()))
        .collect();
    let f = &json.funnel;
    let expected: Vec<(String, String)> = [
        ("talents", f.talents),
        ("companies", f.companies),
        ("applications", f.applications),
        ("interviews", f.interviews),
        ("offers", f.offers),
        ("contracts", f.contracts),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), v.to_string()))
    .collect();
    assert_eq!(numbers, expected);

    // English headers on request; the public summary and a partner's figures export too.
    let en = app
        .http
        .get(app.url("/api/v1/stats/summary?format=csv&lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(en.status(), 200);
    let text = en.text().await.unwrap();
    assert!(
        text.starts_with("\u{feff}section_code,section,item_code,item,value\n"),
        "{text}"
    );
    assert!(text.contains("funnel,Funnel,talents,Talent registered,3\n"));
    // One table's button: that section only, after the scope rows.
    let funnel = app
        .http
        .get(app.url("/api/v1/stats?format=csv&section=funnel,terms"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&funnel[3..]);
    let sections: std::collections::BTreeSet<String> =
        reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    assert_eq!(
        sections.into_iter().collect::<Vec<_>>(),
        ["funnel", "scope", "terms"]
    );
    let bad = app
        .http
        .get(app.url("/api/v1/stats?format=csv&section=funnel,salaries"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let bad: Problem = bad.json().await.unwrap();
    assert_eq!(bad.errors[0].field, "section");
    let partner = app
        .http
        .get(app.url(&format!("/api/v1/partners/{}/stats?format=csv", w.partner)))
        .bearer_auth(&w.partner_staff.session.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(partner.status(), 200);
    assert!(partner
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(&format!("kakehashi-partner-{}-", w.partner))));
    app.stop().await;
}
