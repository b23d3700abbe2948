//! The authorization matrix (docs/AUTHORIZATION.md), role by role, against another
//! organisation's records: what is not yours answers 404.

use kakehashi_shared::application::{ApplicationInput, TransitionInput};
use kakehashi_shared::company::{Company, CompanyPatch, VisitInput};
use kakehashi_shared::workflow::ApplicationAction;
use kakehashi_shared::Page;

use crate::fixtures::{complete_draft, published_project, status, User};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

struct World {
    iwate: User,
    tottori: User,
    iwate_hub: User,
    tottori_hub: User,
    talent: User,
    other_talent: User,
    admin: User,
    iwate_company: i64,
    draft: i64,
    application: i64,
}

async fn world(app: &TestApp) -> World {
    let iwate = app.company_user("owner@iwate.example", "03").await;
    let tottori = app.company_user("owner@tottori.example", "31").await;
    let iwate_hub = app.coordinator("c@iwate.example", &["03"]).await;
    let tottori_hub = app.coordinator("c@tottori.example", &["31"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let other_talent = app.talent("kenta@example.jp").await;
    let admin = app.admin().await;
    let iwate_company = iwate.session.user.company.as_ref().unwrap().id;
    let draft = iwate
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .unwrap()
        .id;
    let published = published_project(app, &iwate, &iwate_hub).await;
    let application = talent
        .api
        .apply(
            published,
            &ApplicationInput {
                proposal: "二十文字以上の提案文です。よろしくお願いします。".into(),
                screening_answers: vec!["はい".into()],
                referral_code: None,
            },
        )
        .await
        .unwrap()
        .id;
    World {
        iwate,
        tottori,
        iwate_hub,
        tottori_hub,
        talent,
        other_talent,
        admin,
        iwate_company,
        draft,
        application,
    }
}

async fn other_organisations_records_are_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;
    let company = w.iwate_company;

    // Company profile: members, the hub, admins.
    w.iwate.api.company(company).await.unwrap();
    w.iwate_hub.api.company(company).await.unwrap();
    w.admin.api.company(company).await.unwrap();
    for outsider in [&w.tottori, &w.tottori_hub, &w.talent] {
        assert_eq!(status(outsider.api.company(company).await), 404);
        assert_eq!(
            status(
                outsider
                    .api
                    .update_company(
                        company,
                        &CompanyPatch {
                            vision: Some("x".into()),
                            ..Default::default()
                        }
                    )
                    .await
            ),
            404
        );
    }
    // A company member's list holds only their own company.
    let mine: Page<Company> = w.tottori.api.get("/api/v1/companies").await.unwrap();
    assert!(mine.items.iter().all(|c| c.id != company));

    // The visit log is the hub's: the company itself is refused, other hubs see nothing.
    let visit = VisitInput {
        visited_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        notes: "社長と面談".into(),
        diagnosed_challenges: vec!["ec".into()],
        next_action: "求人票作成".into(),
        next_visit_on: None,
    };
    w.iwate_hub.api.add_visit(company, &visit).await.unwrap();
    assert_eq!(status(w.iwate.api.visits(company).await), 403);
    assert_eq!(status(w.tottori_hub.api.visits(company).await), 404);
    assert_eq!(w.admin.api.visits(company).await.unwrap().items.len(), 1);

    // Drafts: the company, its hub and admins.
    w.iwate.api.project(w.draft).await.unwrap();
    w.iwate_hub.api.project(w.draft).await.unwrap();
    w.admin.api.project(w.draft).await.unwrap();
    for outsider in [&w.tottori, &w.tottori_hub, &w.talent] {
        assert_eq!(status(outsider.api.project(w.draft).await), 404);
    }
    assert_eq!(status(app.client().project(w.draft).await), 404);

    // Applications: the talent, the company, its hub, admins.
    for party in [&w.talent, &w.iwate, &w.iwate_hub, &w.admin] {
        party.api.application(w.application).await.unwrap();
        party.api.messages(w.application).await.unwrap();
    }
    for outsider in [&w.other_talent, &w.tottori, &w.tottori_hub] {
        assert_eq!(status(outsider.api.application(w.application).await), 404);
        assert_eq!(status(outsider.api.messages(w.application).await), 404);
        assert_eq!(
            status(
                outsider
                    .api
                    .transition(
                        w.application,
                        &TransitionInput {
                            action: ApplicationAction::Shortlist,
                            reason: None,
                            message: None
                        }
                    )
                    .await
            ),
            404
        );
    }

    // Talent profiles: contact details hidden before a contract.
    let seen = w.iwate.api.talent(w.talent.id()).await.unwrap();
    assert_eq!((seen.email, seen.profile.phone), (None, None));
    let own = w.talent.api.my_talent_profile().await.unwrap();
    assert!(own.email.is_some() && own.profile.phone.is_some());
    assert_eq!(status(w.other_talent.api.talent(w.talent.id()).await), 404);
    app.stop().await;
}

async fn partners_see_no_individual_records(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;
    let now = app.now();
    app.db
        .run(move |conn| {
            let partner = kakehashi::services::accounts::create_partner(
                conn,
                "みちのく銀行",
                kakehashi_shared::enums::PartnerKind::Bank,
                Some("michinoku"),
                &["03".into()],
                &[],
                now,
            )?;
            kakehashi::services::accounts::create_staff(
                conn,
                &crate::fixtures::staff_account(
                    "p@bank.example",
                    "高橋",
                    kakehashi_shared::enums::Role::Partner,
                    kakehashi::services::accounts::StaffOrganisation::Partner(partner.id),
                ),
                now,
            )
        })
        .await
        .unwrap();
    let partner = app.login("p@bank.example", crate::util::PASSWORD).await;
    assert_eq!(status(partner.api.company(w.iwate_company).await), 404);
    assert_eq!(status(partner.api.application(w.application).await), 404);
    assert_eq!(status(partner.api.project(w.draft).await), 404);
    assert_eq!(status(partner.api.talent(w.talent.id()).await), 404);
    assert_eq!(
        status(
            partner
                .api
                .get::<serde_json::Value>("/api/v1/applications")
                .await
        ),
        403
    );
    assert_eq!(
        status(
            partner
                .api
                .get::<serde_json::Value>("/api/v1/companies")
                .await
        ),
        403
    );
    app.stop().await;
}

async fn engagements_belong_to_their_parties(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, coordinator, talent, engagement, contract) = crate::fixtures::engaged(&app).await;
    let other_company = app.company_user("owner@tottori.example", "31").await;
    let other_hub = app.coordinator("c@tottori.example", &["31"]).await;
    let other_talent = app.talent("kenta@example.jp").await;
    let admin = app.admin().await;
    for party in [&company, &coordinator, &talent, &admin] {
        party.api.engagement(engagement).await.unwrap();
        party.api.contract(contract).await.unwrap();
    }
    for outsider in [&other_company, &other_hub, &other_talent] {
        assert_eq!(status(outsider.api.engagement(engagement).await), 404);
        assert_eq!(status(outsider.api.contract(contract).await), 404);
        assert_eq!(status(outsider.api.draft_case_study(engagement).await), 404);
        assert_eq!(
            status(outsider.api.end_engagement(engagement, "x").await),
            404
        );
        let theirs: Page<kakehashi_shared::engagement::Engagement> =
            outsider.api.get("/api/v1/engagements").await.unwrap();
        assert!(theirs.items.is_empty());
    }
    // Contact details reach the engaged company only.
    assert!(company
        .api
        .talent(talent.id())
        .await
        .unwrap()
        .email
        .is_some());
    assert!(coordinator
        .api
        .talent(talent.id())
        .await
        .unwrap()
        .email
        .is_none());
    // A draft case study is the parties' until published.
    let study = coordinator.api.draft_case_study(engagement).await.unwrap();
    assert_eq!(
        status(other_company.api.consent_case_study(study.id).await),
        404
    );
    assert_eq!(
        status(
            app.client()
                .get::<serde_json::Value>(&format!("/api/v1/case-studies/{}", study.id))
                .await
        ),
        404
    );
    app.stop().await;
}

on_both_backends!(
    other_organisations_records_are_not_found,
    partners_see_no_individual_records,
    engagements_belong_to_their_parties,
);
