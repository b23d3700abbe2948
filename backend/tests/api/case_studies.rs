//! Case studies as the app uses them: a draft tells the other parties where it is (and the
//! engagement links to it), editing it clears every consent, and the public list narrows by
//! prefecture, industry and challenge.

use kakehashi_shared::case_study::{CaseStudy, CaseStudyStatus, CaseStudyText};
use kakehashi_shared::notification::Notification;
use kakehashi_shared::Page;

use crate::fixtures::{code, status, User};
use crate::util::{Backend, TestApp};

crate::on_both_backends!(
    a_draft_is_announced_to_the_others,
    editing_clears_consents,
    the_public_list_filters
);

async fn notes(user: &User) -> Vec<Notification> {
    let page: Page<Notification> = user.api.get("/api/v1/notifications").await.unwrap();
    page.items
}

/// Drafts, consents on all sides and publishes; the published case study.
async fn published(app: &TestApp) -> CaseStudy {
    let (company, coordinator, talent, engagement, _) = crate::fixtures::engaged(app).await;
    let study = coordinator.api.draft_case_study(engagement).await.unwrap();
    for user in [&company, &talent, &coordinator] {
        user.api.consent_case_study(study.id).await.unwrap();
    }
    coordinator.api.publish_case_study(study.id).await.unwrap()
}

async fn a_draft_is_announced_to_the_others(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, coordinator, talent, engagement, _) = crate::fixtures::engaged(&app).await;
    assert_eq!(
        talent
            .api
            .engagement(engagement)
            .await
            .unwrap()
            .case_study_id,
        None,
        "no draft yet"
    );
    let study = company.api.draft_case_study(engagement).await.unwrap();
    let link = format!("/case-studies/{}", study.id);
    // Every party finds the draft from the engagement.
    for reader in [&company, &talent, &coordinator] {
        let found = reader.api.engagement(engagement).await.unwrap();
        assert_eq!(found.case_study_id, Some(study.id));
    }
    for reader in [&talent, &coordinator] {
        let drafted: Vec<_> = notes(reader)
            .await
            .into_iter()
            .filter(|n| n.kind == "case_study.drafted")
            .collect();
        assert_eq!(drafted.len(), 1, "one notice each");
        assert_eq!(drafted[0].link, link);
        assert_eq!(drafted[0].body, study.text.title);
    }
    assert!(
        !notes(&company)
            .await
            .iter()
            .any(|n| n.kind == "case_study.drafted"),
        "the drafter is not told of their own draft"
    );
    app.stop().await;
}

async fn editing_clears_consents(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, coordinator, talent, engagement, _) = crate::fixtures::engaged(&app).await;
    let study = coordinator.api.draft_case_study(engagement).await.unwrap();
    company.api.consent_case_study(study.id).await.unwrap();
    let consented = talent.api.consent_case_study(study.id).await.unwrap();
    assert!(consented.consents.company.is_some() && consented.consents.talent.is_some());
    // The first draft may leave parts empty (no outcomes recorded yet); an edit fills them.
    let text = CaseStudyText {
        title: "老舗菓子店、副業人材とEC売上を2倍に".into(),
        results: "EC月商が30万円から65万円に。".into(),
        success_factors: "社長が毎週の定例に必ず出席したこと。".into(),
        ..study.text.clone()
    };
    // The talent, a party, may edit the draft too.
    let edited: CaseStudy = talent
        .api
        .put(&format!("/api/v1/case-studies/{}", study.id), &text)
        .await
        .unwrap();
    assert_eq!(edited.text.title, text.title);
    assert!(edited.consents.company.is_none());
    assert!(edited.consents.talent.is_none());
    assert!(edited.consents.coordinator.is_none());
    coordinator.api.consent_case_study(study.id).await.unwrap();
    assert_eq!(
        code(coordinator.api.publish_case_study(study.id).await),
        "consent_missing"
    );
    app.stop().await;
}

async fn the_public_list_filters(backend: Backend) {
    let app = TestApp::start(backend).await;
    let study = published(&app).await;
    assert_eq!(study.status, CaseStudyStatus::Published);
    let anyone = app.client();
    let count = |query: &'static str| {
        let anyone = anyone.clone();
        async move { anyone.case_studies(query).await.unwrap().items.len() }
    };
    assert_eq!(count("").await, 1);
    assert_eq!(count("?prefecture=03").await, 1);
    assert_eq!(count("?prefecture=31").await, 0);
    let industry = format!("?industry={}", study.industry_code);
    assert_eq!(anyone.case_studies(&industry).await.unwrap().items.len(), 1);
    let other = if study.industry_code == "A" { "B" } else { "A" };
    assert_eq!(
        anyone
            .case_studies(&format!("?industry={other}"))
            .await
            .unwrap()
            .items
            .len(),
        0
    );
    let challenge = study.challenges.first().cloned().unwrap_or_default();
    assert_eq!(
        anyone
            .case_studies(&format!("?challenge={challenge}&prefecture=03"))
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    assert_eq!(count("?challenge=no_such_challenge").await, 0);
    assert_eq!(status(anyone.case_studies("?prefecture=99").await), 422);
    assert_eq!(status(anyone.case_studies("?industry=zz").await), 422);
    app.stop().await;
}
