//! Applications, scouts, messages and interviews; the no-ghosting deadline.

use chrono::Duration;
use kakehashi_shared::application::{
    ApplicationInput, InterviewConfirm, InterviewProposal, QuestionnaireInput, ScoutAnswer,
    ScoutInput, TransitionInput,
};
use kakehashi_shared::enums::DeclineReason;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus};

use crate::fixtures::{code, published_project, status};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

fn proposal() -> ApplicationInput {
    ApplicationInput {
        proposal: "EC立ち上げの経験を活かし、最初の3か月で商品ページと広告を見直します。".into(),
        screening_answers: vec!["前職でEC売上を3年で4倍にしました。".into()],
        referral_code: None,
    }
}

fn act(action: ApplicationAction) -> TransitionInput {
    TransitionInput {
        action,
        reason: None,
        message: None,
    }
}

async fn apply_interview_offer(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let project = published_project(&app, &company, &coordinator).await;

    let application = talent.api.apply(project, &proposal()).await.unwrap();
    assert_eq!(application.status, ApplicationStatus::Applied);
    assert_eq!(
        application.response_due_at,
        Some(app.now() + Duration::days(14))
    );
    assert_eq!(
        code(talent.api.apply(project, &proposal()).await),
        "application_exists"
    );

    // The talent cannot move the company's side, and the company cannot withdraw for them.
    assert_eq!(
        status(
            talent
                .api
                .transition(application.id, &act(ApplicationAction::Shortlist))
                .await
        ),
        403
    );
    assert_eq!(
        status(
            company
                .api
                .transition(application.id, &act(ApplicationAction::Withdraw))
                .await
        ),
        403
    );
    company
        .api
        .transition(application.id, &act(ApplicationAction::Shortlist))
        .await
        .unwrap();

    company
        .api
        .send_message(application.id, "面談の候補日をお送りします。")
        .await
        .unwrap();
    // The notification opens the conversation itself.
    let notes = talent.api.notifications(50, None).await.unwrap();
    assert!(notes.items.iter().any(|n| n.kind == "message.created"
        && n.link == format!("/applications/{}/messages", application.id)));
    let messages = talent.api.messages(application.id).await.unwrap();
    assert_eq!(messages.items.len(), 1);
    assert!(!messages.items[0].read, "unread until now");
    assert!(talent.api.messages(application.id).await.unwrap().items[0].read);

    let slots = vec![app.now() + Duration::days(3), app.now() + Duration::days(4)];
    let interview = company
        .api
        .propose_interview(
            application.id,
            &InterviewProposal {
                slots: slots.clone(),
                duration_minutes: 60,
                meeting_url: Some("https://meet.example/abc".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        status(
            company
                .api
                .confirm_interview(interview.id, &InterviewConfirm { slot: slots[0] })
                .await
        ),
        403
    );
    let wrong = app.now() + Duration::days(9);
    assert_eq!(
        status(
            talent
                .api
                .confirm_interview(interview.id, &InterviewConfirm { slot: wrong })
                .await
        ),
        422
    );
    let confirmed = talent
        .api
        .confirm_interview(interview.id, &InterviewConfirm { slot: slots[1] })
        .await
        .unwrap();
    assert_eq!(confirmed.confirmed_slot, Some(slots[1]));
    assert_eq!(
        talent.api.application(application.id).await.unwrap().status,
        ApplicationStatus::Interviewing
    );

    let answers = QuestionnaireInput {
        what_you_love: "地元の食".into(),
        what_drives_you: "数字が動く瞬間".into(),
        what_demotivates_you: "決まらない会議".into(),
        hopes: "長く関わりたい".into(),
    };
    let mine = talent
        .api
        .save_questionnaire(application.id, &answers)
        .await
        .unwrap();
    assert!(mine.talent.is_some() && mine.company.is_none());

    let offered = company
        .api
        .transition(application.id, &act(ApplicationAction::Offer))
        .await
        .unwrap();
    assert_eq!(offered.status, ApplicationStatus::Offered);
    let timeline: Vec<_> = offered.timeline.iter().map(|t| t.status).collect();
    assert_eq!(
        timeline,
        [
            ApplicationStatus::Applied,
            ApplicationStatus::Shortlisted,
            ApplicationStatus::Interviewing,
            ApplicationStatus::Offered
        ]
    );
    assert_eq!(
        code(
            company
                .api
                .transition(application.id, &act(ApplicationAction::Shortlist))
                .await
        ),
        "illegal_transition:offered:shortlist"
    );
    app.stop().await;
}

async fn declines_need_a_reason_and_are_courteous(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let talent = app.talent("kenta@example.jp").await;
    let project = published_project(&app, &company, &coordinator).await;
    let application = talent.api.apply(project, &proposal()).await.unwrap();
    assert_eq!(
        status(
            company
                .api
                .transition(application.id, &act(ApplicationAction::Decline))
                .await
        ),
        422
    );
    let declined = company
        .api
        .transition(
            application.id,
            &TransitionInput {
                action: ApplicationAction::Decline,
                reason: Some(DeclineReason::SkillsMismatch),
                message: Some("ご経験は素晴らしいものでした。".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(declined.status, ApplicationStatus::Declined);
    let message = declined.decline_message.unwrap();
    assert!(
        message.contains("ありがとうございました")
            && message.contains("ご経験は素晴らしいものでした。")
    );
    // The talent was told, in the app and by email.
    let notes: kakehashi_shared::Page<kakehashi_shared::notification::Notification> =
        talent.api.get("/api/v1/notifications").await.unwrap();
    assert!(notes.items.iter().any(|n| n.kind == "application.declined"));
    assert!(app.count("email_outbox").await >= 1);
    // Once declined, a new application is allowed.
    talent.api.apply(project, &proposal()).await.unwrap();
    app.stop().await;
}

async fn silence_is_flagged_then_declined(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let talent = app.talent("mai@example.jp").await;
    let project = published_project(&app, &company, &coordinator).await;
    let application = talent.api.apply(project, &proposal()).await.unwrap();
    let sweep = |app: &TestApp| {
        let now = app.now();
        let db = app.db.clone();
        async move {
            db.run(move |c| kakehashi::services::deadlines::run(c, now))
                .await
                .unwrap()
        }
    };

    app.clock.advance(Duration::days(13));
    assert_eq!(sweep(&app).await.applications_flagged, 0);
    app.clock.advance(Duration::days(2));
    assert_eq!(sweep(&app).await.applications_flagged, 1);
    let coordinator = app.again(&coordinator).await;
    let flagged: kakehashi_shared::Page<kakehashi_shared::application::Application> = coordinator
        .api
        .get("/api/v1/applications?overdue=true")
        .await
        .unwrap();
    assert_eq!(flagged.items.len(), 1);
    assert!(flagged.items[0].overdue);

    app.clock.advance(Duration::days(14));
    let s = sweep(&app).await;
    assert_eq!(s.applications_declined, 1);
    let talent = app.again(&talent).await;
    let after = talent.api.application(application.id).await.unwrap();
    assert_eq!(after.status, ApplicationStatus::Declined);
    assert_eq!(after.decline_reason, Some(DeclineReason::NoResponse));
    assert!(after.decline_message.unwrap().contains("申し訳ありません"));
    assert_eq!(sweep(&app).await.applications_declined, 0, "idempotent");
    app.stop().await;
}

async fn a_scout_becomes_an_application(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let talent = app.talent("daisuke@example.de").await;
    let other = app.talent("yui@example.sg").await;
    let project = published_project(&app, &company, &coordinator).await;

    let scout = company
        .api
        .scout(
            project,
            &ScoutInput {
                talent_id: talent.id(),
                message: "岩手のご出身と伺いご連絡しました。".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        code(
            company
                .api
                .scout(
                    project,
                    &ScoutInput {
                        talent_id: talent.id(),
                        message: "again".into()
                    }
                )
                .await
        ),
        "scout_exists"
    );
    // A coordinator nominates another talent, who declines.
    let nomination = coordinator
        .api
        .scout(
            project,
            &ScoutInput {
                talent_id: other.id(),
                message: "ぜひご検討ください。".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        status(
            talent
                .api
                .answer_scout(
                    nomination.id,
                    &ScoutAnswer {
                        accept: false,
                        application: None
                    }
                )
                .await
        ),
        404
    );
    other
        .api
        .answer_scout(
            nomination.id,
            &ScoutAnswer {
                accept: false,
                application: None,
            },
        )
        .await
        .unwrap();

    assert_eq!(
        status(
            talent
                .api
                .answer_scout(
                    scout.id,
                    &ScoutAnswer {
                        accept: true,
                        application: None
                    }
                )
                .await
        ),
        422
    );
    let accepted = talent
        .api
        .answer_scout(
            scout.id,
            &ScoutAnswer {
                accept: true,
                application: Some(proposal()),
            },
        )
        .await
        .unwrap();
    let application = talent
        .api
        .application(accepted.application_id.unwrap())
        .await
        .unwrap();
    assert_eq!(application.scout_id, Some(scout.id));
    assert_eq!(application.status, ApplicationStatus::Applied);
    assert!(code(
        talent
            .api
            .answer_scout(
                scout.id,
                &ScoutAnswer {
                    accept: false,
                    application: None
                }
            )
            .await
    )
    .starts_with("illegal_transition"));
    app.stop().await;
}

async fn racing_requests_get_answers_not_errors(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    let project = published_project(&app, &company, &coordinator).await;
    let mut talents = Vec::new();
    for i in 0..6 {
        talents.push(app.talent(&format!("t{i}@example.jp")).await);
    }
    // Six people apply at the same moment: all get through.
    let input = proposal();
    let results =
        futures_util::future::join_all(talents.iter().map(|t| t.api.apply(project, &input))).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    // One person applies three times at once: one application, two 409s, no 500.
    let again = app.talent("same@example.jp").await;
    let results =
        futures_util::future::join_all((0..3).map(|_| again.api.apply(project, &input))).await;
    let codes: Vec<String> = results
        .into_iter()
        .filter_map(Result::err)
        .map(|e| e.problem().map(|p| p.code.clone()).unwrap_or_default())
        .collect();
    assert_eq!(codes, ["application_exists", "application_exists"]);
    app.stop().await;
}

on_both_backends!(
    racing_requests_get_answers_not_errors,
    apply_interview_offer,
    declines_need_a_reason_and_are_courteous,
    silence_is_flagged_then_declined,
    a_scout_becomes_an_application,
);
