//! Project and talent search, recommendations with reasons, and two instances converging.

use std::time::{Duration as StdDuration, Instant};

use kakehashi_shared::application::{Application, ApplicationInput, ScoutAnswer, ScoutInput};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::search::{ProjectSearchPage, RecommendedProject, RecommendedTalent};
use kakehashi_shared::talent::TalentProfile;
use kakehashi_shared::Page;

use crate::fixtures::{complete_draft, status, talent_profile, User};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

async fn publish(app: &TestApp, company: &User, coordinator: &User, draft: ProjectDraft) -> i64 {
    let mut full = complete_draft(app.now());
    full.merge(draft);
    let id = company.api.create_project(None, &full).await.unwrap().id;
    company.api.submit_project(id).await.unwrap();
    coordinator.api.approve_project(id).await.unwrap();
    id
}

fn ids(page: &ProjectSearchPage) -> Vec<i64> {
    page.items.iter().map(|p| p.id).collect()
}

async fn projects_are_found_filtered_and_faceted(backend: Backend) {
    let app = TestApp::start(backend).await;
    let iwate = app.company_user("owner@iwate.example", "03").await;
    let tottori = app.company_user("owner@tottori.example", "31").await;
    let coordinator = app.coordinator("c@hub.example", &["03", "31"]).await;
    let marketing = publish(
        &app,
        &iwate,
        &coordinator,
        ProjectDraft {
            title: Some("Webマーケティング支援".into()),
            required_skills: Some(vec!["marketing_strategy".into()]),
            monthly_fee: Some(120_000),
            ..Default::default()
        },
    )
    .await;
    let ec = publish(
        &app,
        &tottori,
        &coordinator,
        ProjectDraft {
            title: Some("ＥＣサイトの立ち上げ".into()),
            monthly_fee: Some(30_000),
            remote_allowed: Some(false),
            ..Default::default()
        },
    )
    .await;
    let quality = publish(
        &app,
        &iwate,
        &coordinator,
        ProjectDraft {
            title: Some("品質管理の仕組みづくり".into()),
            challenges: Some(vec!["quality_control".into()]),
            monthly_fee: Some(60_000),
            ..Default::default()
        },
    )
    .await;
    let draft = iwate
        .api
        .create_project(
            None,
            &ProjectDraft {
                title: Some("マーケティングの下書き".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let search = |query: &'static str| {
        let api = app.client();
        async move {
            api.get::<ProjectSearchPage>(&format!("/api/v1/projects{query}"))
                .await
        }
    };

    let page = search("?q=マーケティング").await.unwrap();
    assert_eq!(ids(&page), [marketing], "the draft {draft} is not public");
    assert_eq!(
        ids(&search("?q=ec").await.unwrap())[0],
        ec,
        "ＥＣ is found as ec, and ranks first"
    );
    assert_eq!(
        ids(&search(
            "?q=%EF%BD%8D%EF%BD%81%EF%BD%92%EF%BD%8B%EF%BD%85%EF%BD%94%EF%BD%89%EF%BD%8E%EF%BD%87"
        )
        .await
        .unwrap()),
        [marketing],
        "full-width ｍａｒｋｅｔｉｎｇ matches the English skill name"
    );
    // Company names are searched, and a renamed company's postings are found by the new name.
    let tottori_company = tottori.session.user.company.as_ref().unwrap().id;
    tottori
        .api
        .update_company(
            tottori_company,
            &kakehashi_shared::company::CompanyPatch {
                name: Some("砂丘ファーム".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(ids(&search("?q=砂丘ファーム").await.unwrap()), [ec]);

    let all = search("").await.unwrap();
    assert_eq!(all.total, Some(3));
    let facets = all.facets.unwrap();
    let count = |v: &Vec<kakehashi_shared::search::FacetCount>, key: &str| {
        v.iter().find(|f| f.value == key).map_or(0, |f| f.count)
    };
    assert_eq!(
        (
            count(&facets.prefecture, "03"),
            count(&facets.prefecture, "31")
        ),
        (2, 1)
    );
    assert_eq!(count(&facets.region, "tohoku"), 2);
    assert_eq!(count(&facets.remote, "false"), 1);
    assert_eq!(count(&facets.fee_band, "100000-150000"), 1);

    assert_eq!(
        ids(&search("?prefecture=03&remote=true").await.unwrap()).len(),
        2
    );
    assert_eq!(ids(&search("?region=chugoku").await.unwrap()), [ec]);
    assert_eq!(
        ids(&search("?challenge=quality_control").await.unwrap()),
        [quality]
    );
    assert_eq!(
        ids(&search("?challenge=management").await.unwrap()),
        [quality],
        "a challenge group"
    );
    assert_eq!(
        ids(&search("?fee_min=50000&fee_max=100000").await.unwrap()),
        [quality]
    );
    assert_eq!(
        ids(&search("?sort=fee").await.unwrap()),
        [marketing, quality, ec]
    );
    let first = search("?sort=fee&limit=2").await.unwrap();
    assert_eq!(ids(&first), [marketing, quality]);
    let cursor = first.next_cursor.unwrap();
    let rest = app
        .client()
        .get::<ProjectSearchPage>(&format!(
            "/api/v1/projects?sort=fee&limit=2&cursor={cursor}"
        ))
        .await
        .unwrap();
    assert_eq!((ids(&rest), rest.next_cursor), (vec![ec], None));

    // Bad input: clear 422s, and query syntax is just text.
    for bad in [
        "?limit=101",
        "?challenge=telepathy",
        "?fee_min=100000&fee_max=1000",
        "?region=atlantis",
        "?contract_type=slavery",
        "?sort=random",
        "?cursor=abc",
    ] {
        assert_eq!(status(search(bad).await), 422, "{bad}");
    }
    for odd in ["?q=%22AND%22%20(*%3A)", "?q=%E2%80%8B", "?q=a"] {
        assert!(search(odd).await.unwrap().items.is_empty(), "{odd}");
    }
    let long = format!("?q={}", "マーケティング".repeat(200));
    assert!(
        search(Box::leak(long.into_boxed_str())).await.is_ok(),
        "a very long q is cut, not refused"
    );

    // A closed posting leaves the catalogue at once.
    iwate.api.close_project(marketing).await.unwrap();
    assert!(search("?q=マーケティング").await.unwrap().items.is_empty());
    app.stop().await;
}

async fn recommendations_explain_themselves(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate.example", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let project = publish(&app, &company, &coordinator, ProjectDraft::default()).await;
    // Hanako: from Iwate, with the required skill. Kenta: no matching skill, lives in Osaka.
    let hanako = app.talent("hanako@example.jp").await;
    let kenta = app.talent("kenta@example.jp").await;
    let mut other = talent_profile();
    other.skills = vec![kakehashi_shared::talent::TalentSkill {
        code: "bookkeeping".into(),
        years: 3,
    }];
    other.ties.clear();
    other.residence_prefecture_code = Some("27".into());
    kenta.api.save_talent_profile(&other).await.unwrap();
    let hidden = app.talent("hidden@example.jp").await;
    let mut invisible = talent_profile();
    invisible.discoverable = false;
    hidden.api.save_talent_profile(&invisible).await.unwrap();

    let talents: Vec<RecommendedTalent> = company
        .api
        .get(&format!("/api/v1/projects/{project}/recommended-talents"))
        .await
        .unwrap();
    let order: Vec<i64> = talents.iter().map(|t| t.talent.id).collect();
    assert_eq!(order[0], hanako.id());
    assert!(!order.contains(&hidden.id()), "not discoverable");
    let best = &talents[0];
    assert!((0..=100).contains(&best.score) && best.score > talents[1].score);
    let factors: Vec<&str> = best.reasons.iter().map(|r| r.factor.as_str()).collect();
    assert!(
        factors.contains(&"required_skills") && factors.contains(&"prefecture_tie"),
        "{factors:?}"
    );
    assert!(best
        .reasons
        .iter()
        .any(|r| r.text_ja.contains("岩手県出身")));
    assert_eq!(
        best.reasons
            .iter()
            .map(|r| r.points)
            .sum::<i32>()
            .clamp(0, 100),
        best.score
    );
    assert_eq!(
        best.talent.email, None,
        "no contact details in recommendations"
    );

    let projects: Vec<RecommendedProject> = hanako
        .api
        .get("/api/v1/me/recommended-projects")
        .await
        .unwrap();
    assert_eq!(projects[0].project.id, project);
    assert!(projects[0]
        .reasons
        .iter()
        .any(|r| r.factor == "required_skills"));
    // Applying removes it from the talent's recommendations and the company's list.
    let application = hanako
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
        .unwrap();
    let projects: Vec<RecommendedProject> = hanako
        .api
        .get("/api/v1/me/recommended-projects")
        .await
        .unwrap();
    assert!(projects.iter().all(|p| p.project.id != project));
    let talents: Vec<RecommendedTalent> = company
        .api
        .get(&format!("/api/v1/projects/{project}/recommended-talents"))
        .await
        .unwrap();
    assert!(talents.iter().all(|t| t.talent.id != hanako.id()));
    // The company sees the applicant's match with its reasons; the talent never does.
    let applicants: Page<Application> = company
        .api
        .get(&format!("/api/v1/applications?project_id={project}"))
        .await
        .unwrap();
    let seen = applicants.items[0].match_score.clone().expect("match");
    assert!(seen.score > 0 && seen.reasons.iter().any(|r| r.factor == "required_skills"));
    let own: Application = hanako
        .api
        .get(&format!("/api/v1/applications/{}", application.id))
        .await
        .unwrap();
    assert!(own.match_score.is_none());

    // Talent search, for companies only.
    let found: Page<TalentProfile> = company
        .api
        .get("/api/v1/talents?q=マーケター&tie=03")
        .await
        .unwrap();
    assert!(found.items.iter().any(|t| t.id == hanako.id()));
    assert!(found.items.iter().all(|t| t.id != hidden.id()));
    assert_eq!(
        status(
            hanako
                .api
                .get::<Page<TalentProfile>>("/api/v1/talents")
                .await
        ),
        403
    );
    assert_eq!(
        status(
            kenta
                .api
                .get::<Vec<RecommendedTalent>>(&format!(
                    "/api/v1/projects/{project}/recommended-talents"
                ))
                .await
        ),
        404
    );
    app.stop().await;
}

/// Answering a scout counts for the talent; terms that cannot work take points away, and the
/// reasons say so.
async fn responsiveness_and_unworkable_terms_are_explained(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate.example", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let first = publish(&app, &company, &coordinator, ProjectDraft::default()).await;
    let second = publish(&app, &company, &coordinator, ProjectDraft::default()).await;
    let hanako = app.talent("hanako@example.jp").await;
    let pricey = app.talent("pricey@example.jp").await;
    let mut profile = talent_profile();
    profile.desired_monthly_fee = 400_000;
    profile.remote_only = true;
    profile.onsite_days_per_month = 0;
    pricey.api.save_talent_profile(&profile).await.unwrap();

    let scout = company
        .api
        .scout(
            first,
            &ScoutInput {
                talent_id: hanako.id(),
                message: "岩手のご出身と伺い、ご連絡しました。".into(),
            },
        )
        .await
        .unwrap();
    hanako
        .api
        .answer_scout(
            scout.id,
            &ScoutAnswer {
                accept: false,
                application: None,
            },
        )
        .await
        .unwrap();

    let talents: Vec<RecommendedTalent> = company
        .api
        .get(&format!("/api/v1/projects/{second}/recommended-talents"))
        .await
        .unwrap();
    let reasons = |id: i64| {
        talents
            .iter()
            .find(|t| t.talent.id == id)
            .map(|t| t.reasons.clone())
            .unwrap_or_default()
    };
    let answered = reasons(hanako.id());
    assert!(
        answered
            .iter()
            .any(|r| r.factor == "responsiveness" && r.points == 5 && r.text_ja.contains("1/1")),
        "{answered:?}"
    );
    let unworkable = reasons(pricey.id());
    let points = |factor: &str| {
        unworkable
            .iter()
            .find(|r| r.factor == factor)
            .map(|r| r.points)
    };
    assert_eq!(points("fee"), Some(-15), "{unworkable:?}");
    assert_eq!(
        points("location"),
        Some(-10),
        "asked 1 day on site: {unworkable:?}"
    );
    assert_eq!(talents[0].talent.id, hanako.id());
    app.stop().await;
}

/// A repeated search is answered from the cache, and a write is never hidden behind it.
async fn cached_answers_follow_every_change(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate.example", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let anonymous = app.client();
    let path = "/api/v1/projects?q=せんべい&prefecture=03";
    let total = |page: &ProjectSearchPage| page.total.unwrap_or(0);
    let first = publish(&app, &company, &coordinator, ProjectDraft::default()).await;
    let before: ProjectSearchPage = anonymous.get(path).await.unwrap();
    let again: ProjectSearchPage = anonymous.get(path).await.unwrap();
    assert_eq!(ids(&before), [first]);
    assert_eq!(ids(&again), ids(&before));
    let second = publish(&app, &company, &coordinator, ProjectDraft::default()).await;
    let after: ProjectSearchPage = anonymous.get(path).await.unwrap();
    assert_eq!(total(&after), total(&before) + 1);
    assert!(ids(&after).contains(&second));
    company
        .api
        .update_project(
            first,
            &ProjectDraft {
                title: Some("りんご農園のEC担当".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let edited: ProjectSearchPage = anonymous
        .get("/api/v1/projects?q=りんご農園&prefecture=03")
        .await
        .unwrap();
    assert_eq!(ids(&edited), [first]);
    app.stop().await;
}

on_both_backends!(
    cached_answers_follow_every_change,
    projects_are_found_filtered_and_faceted,
    recommendations_explain_themselves,
    responsiveness_and_unworkable_terms_are_explained
);

/// Two instances on one PostgreSQL: a posting published through one is found by search on
/// the other within a second.
#[actix_web::test]
async fn two_instances_converge_within_a_second() {
    let Some(admin) = crate::util::postgres_url() else {
        return;
    };
    let pg = crate::util::PgDatabase::create(&admin);
    let url = kakehashi::db::DatabaseUrl::parse(&pg.url).unwrap();
    let db = kakehashi::db::Db::new(&url, 4).unwrap();
    let prepared = db.clone();
    actix_web::web::block(move || {
        prepared.migrate().unwrap();
        kakehashi::seed::reference::load(&mut prepared.get().unwrap()).unwrap();
    })
    .await
    .unwrap();
    let a = TestApp::serve(db, url.clone(), None, Some(pg));
    let b = TestApp::serve(kakehashi::db::Db::new(&url, 4).unwrap(), url, None, None);
    let company = a.company_user("owner@iwate.example", "03").await;
    let coordinator = a.coordinator("c@hub.example", &["03"]).await;
    let id = publish(
        &a,
        &company,
        &coordinator,
        ProjectDraft {
            title: Some("インバウンド集客の戦略づくり".into()),
            ..Default::default()
        },
    )
    .await;
    let started = Instant::now();
    let mut found = false;
    while started.elapsed() < StdDuration::from_secs(1) {
        let page: ProjectSearchPage = b
            .client()
            .get("/api/v1/projects?q=インバウンド")
            .await
            .unwrap();
        if ids(&page) == [id] {
            found = true;
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
    assert!(found, "instance B did not see the posting within 1 s");
    b.stop().await;
    a.stop().await;
}
