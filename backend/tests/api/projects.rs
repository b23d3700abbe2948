//! Postings: drafting, review, publication, versions, and the recruitment window.

use chrono::Duration;
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::workflow::ProjectStatus;

use crate::fixtures::{code, complete_draft, published_project, status};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

async fn a_posting_goes_through_review(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;

    // A partial draft is fine; submitting it is not.
    let draft = company
        .api
        .create_project(
            None,
            &ProjectDraft {
                title: Some("EC強化".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(draft.status, ProjectStatus::Draft);
    let err = company.api.submit_project(draft.id).await.unwrap_err();
    let problem = err.problem().unwrap();
    assert_eq!(problem.status, 422);
    assert!(problem
        .errors
        .iter()
        .any(|e| e.field == "deliverables" && e.code == "required"));

    company
        .api
        .update_project(draft.id, &complete_draft(app.now()))
        .await
        .unwrap();
    let submitted = company.api.submit_project(draft.id).await.unwrap();
    assert_eq!(submitted.status, ProjectStatus::InReview);
    // The company cannot approve its own posting, nor edit it during review.
    assert_eq!(status(company.api.approve_project(draft.id).await), 403);
    assert_eq!(
        code(
            company
                .api
                .update_project(draft.id, &ProjectDraft::default())
                .await
        ),
        "project_in_review"
    );
    // Not public yet.
    assert_eq!(status(app.client().project(draft.id).await), 404);

    let sent_back = coordinator
        .api
        .request_project_changes(draft.id, "成果物を具体的に書いてください")
        .await
        .unwrap();
    assert_eq!(sent_back.status, ProjectStatus::ChangesRequested);
    let seen = company.api.project(draft.id).await.unwrap();
    assert_eq!(
        seen.review_comment.as_deref(),
        Some("成果物を具体的に書いてください")
    );
    company
        .api
        .update_project(
            draft.id,
            &ProjectDraft {
                deliverables: Some("月次レポート（A4一枚）と広告運用マニュアル".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    company.api.submit_project(draft.id).await.unwrap();
    let published = coordinator.api.approve_project(draft.id).await.unwrap();
    assert_eq!(published.status, ProjectStatus::Published);
    assert!(published.published_at.is_some());

    // Public now, without the review comment.
    let public = app.client().project(draft.id).await.unwrap();
    assert_eq!(public.review_comment, None);
    assert_eq!(public.company_name, "岩手製菓株式会社");

    // An illegal move names itself.
    assert_eq!(
        code(company.api.submit_project(draft.id).await),
        "illegal_transition:published:submit"
    );

    // Edits after publication keep versions the coordinator can see.
    company
        .api
        .update_project(
            draft.id,
            &ProjectDraft {
                monthly_fee: Some(120_000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let versions: kakehashi_shared::Page<kakehashi_shared::project::ProjectVersion> = coordinator
        .api
        .get(&format!("/api/v1/projects/{}/versions", draft.id))
        .await
        .unwrap();
    assert_eq!(versions.items.len(), 1);
    assert_eq!(versions.items[0].draft.monthly_fee, Some(100_000));
    assert_eq!(app.client().project(draft.id).await.unwrap().version, 2);
    app.stop().await;
}

async fn bad_postings_are_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let now = app.now();
    for (draft, field) in [
        (
            ProjectDraft {
                hours_per_month: Some(201),
                ..Default::default()
            },
            "hours_per_month",
        ),
        (
            ProjectDraft {
                monthly_fee: Some(3_000_000),
                ..Default::default()
            },
            "monthly_fee",
        ),
        (
            ProjectDraft {
                monthly_fee: Some(0),
                contract_type: Some(kakehashi_shared::enums::ContractType::QuasiMandate),
                ..Default::default()
            },
            "monthly_fee",
        ),
        (
            ProjectDraft {
                screening_questions: Some(vec!["q".into(); 6]),
                ..Default::default()
            },
            "screening_questions",
        ),
        (
            ProjectDraft {
                required_skills: Some(vec!["telepathy".into()]),
                ..Default::default()
            },
            "required_skills",
        ),
        (
            ProjectDraft {
                recruitment_opens_at: Some(now),
                recruitment_closes_at: Some(now - Duration::days(1)),
                ..Default::default()
            },
            "recruitment_closes_at",
        ),
    ] {
        let err = company.api.create_project(None, &draft).await.unwrap_err();
        let problem = err.problem().unwrap();
        assert_eq!(problem.status, 422, "{field}");
        assert_eq!(problem.errors[0].field, field);
    }
    // A window that closes in the past cannot be submitted.
    let mut draft = complete_draft(now);
    draft.recruitment_opens_at = Some(now - Duration::days(10));
    draft.recruitment_closes_at = Some(now - Duration::days(1));
    let project = company.api.create_project(None, &draft).await.unwrap();
    let err = company.api.submit_project(project.id).await.unwrap_err();
    assert!(err
        .problem()
        .unwrap()
        .errors
        .iter()
        .any(|e| e.field == "recruitment_closes_at"));
    assert_eq!(app.count("projects").await, 1);
    app.stop().await;
}

async fn the_window_closes_by_itself(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let id = published_project(&app, &company, &coordinator).await;
    app.clock.advance(Duration::days(31));
    let now = app.now();
    let sweep = app
        .db
        .run(move |c| kakehashi::services::deadlines::run(c, now))
        .await
        .unwrap();
    assert_eq!(sweep.projects_closed, 1);
    assert_eq!(
        app.client().project(id).await.unwrap().status,
        ProjectStatus::Closed
    );
    app.stop().await;
}

async fn coordinators_act_only_for_their_hub(backend: Backend) {
    let app = TestApp::start(backend).await;
    let iwate = app.company_user("owner@iwate.example", "03").await;
    let tottori_coordinator = app.coordinator("c@tottori.example", &["31"]).await;
    let iwate_coordinator = app.coordinator("c@iwate.example", &["03"]).await;
    let company_id = iwate.session.user.company.as_ref().unwrap().id;
    // Acting for the company: a draft written by the coordinator.
    let project = iwate_coordinator
        .api
        .create_project(Some(company_id), &complete_draft(app.now()))
        .await
        .unwrap();
    assert_eq!(project.company_id, company_id);
    assert_eq!(
        status(
            tottori_coordinator
                .api
                .create_project(Some(company_id), &complete_draft(app.now()))
                .await
        ),
        404
    );
    assert_eq!(
        status(tottori_coordinator.api.project(project.id).await),
        404
    );
    iwate.api.submit_project(project.id).await.unwrap();
    assert_eq!(
        status(tottori_coordinator.api.approve_project(project.id).await),
        404
    );
    // The audit log records who acted for whom.
    let project_id = project.id;
    let acted_for: Vec<Option<i64>> = app
        .db
        .run(move |c| {
            use diesel::prelude::*;
            use kakehashi::db::schema::audit_log::dsl::*;
            Ok(audit_log
                .filter(entity.eq("project").and(entity_id.eq(project_id)))
                .order(kakehashi::db::schema::audit_log::id.asc())
                .select(on_behalf_of_company_id)
                .load(c)?)
        })
        .await
        .unwrap();
    assert_eq!(acted_for, [Some(company_id), None]);
    app.stop().await;
}

async fn lists_show_the_catalogue_or_your_own(backend: Backend) {
    use kakehashi_shared::project::Project;
    use kakehashi_shared::Page;
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let other_hub = app.coordinator("c@tottori.example", &["31"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let published = published_project(&app, &company, &coordinator).await;
    let draft = company
        .api
        .create_project(
            None,
            &ProjectDraft {
                title: Some("下書き".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let ids = |page: Page<Project>| page.items.into_iter().map(|p| p.id).collect::<Vec<_>>();

    assert_eq!(
        ids(app.client().get("/api/v1/projects").await.unwrap()),
        [published]
    );
    assert_eq!(
        ids(company.api.get("/api/v1/projects?mine=true").await.unwrap()),
        [draft, published]
    );
    assert_eq!(
        ids(coordinator
            .api
            .get("/api/v1/projects?status=draft")
            .await
            .unwrap()),
        [draft]
    );
    assert!(ids(other_hub
        .api
        .get("/api/v1/projects?mine=true")
        .await
        .unwrap())
    .is_empty());
    assert_eq!(
        status(
            talent
                .api
                .get::<Page<Project>>("/api/v1/projects?mine=true")
                .await
        ),
        403
    );
    assert_eq!(
        status(
            app.client()
                .get::<Page<Project>>("/api/v1/projects?status=draft")
                .await
        ),
        401
    );
    assert_eq!(
        status(
            app.client()
                .get::<Page<Project>>("/api/v1/projects?limit=101")
                .await
        ),
        422
    );
    assert_eq!(
        status(
            app.client()
                .get::<Page<Project>>("/api/v1/projects?prefecture=48")
                .await
        ),
        422
    );
    assert_eq!(
        status(
            app.client()
                .get::<Page<Project>>("/api/v1/projects?status=sideways")
                .await
        ),
        422
    );
    // Pagination: one per page, the cursor leads to the next.
    let first: Page<Project> = company
        .api
        .get("/api/v1/projects?mine=true&limit=1")
        .await
        .unwrap();
    let cursor = first.next_cursor.clone().unwrap();
    let second: Page<Project> = company
        .api
        .get(&format!(
            "/api/v1/projects?mine=true&limit=1&cursor={cursor}"
        ))
        .await
        .unwrap();
    assert_eq!(
        (ids(first), ids(second.clone()), second.next_cursor),
        (vec![draft], vec![published], None)
    );
    app.stop().await;
}

on_both_backends!(
    lists_show_the_catalogue_or_your_own,
    a_posting_goes_through_review,
    bad_postings_are_refused,
    the_window_closes_by_itself,
    coordinators_act_only_for_their_hub,
);
