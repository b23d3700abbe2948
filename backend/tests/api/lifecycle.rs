//! The whole life, from a company's draft to a published case study, by a company, a
//! coordinator and a talent.

use chrono::{Duration, NaiveDate};
use kakehashi_shared::application::{
    ApplicationInput, InterviewConfirm, InterviewProposal, TransitionInput,
};
use kakehashi_shared::case_study::CaseStudyStatus;
use kakehashi_shared::contract::{ContractStatus, ContractTerms};
use kakehashi_shared::engagement::{
    Acknowledge, EngagementStatus, Kickoff, OutcomeInput, OutcomeKind, RenewalInput, ReviewInput,
    WorkReportInput,
};
use kakehashi_shared::enums::ContractType;
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus, ProjectStatus};

use crate::fixtures::{code, complete_draft, status};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

pub fn terms() -> ContractTerms {
    ContractTerms {
        contract_type: ContractType::QuasiMandate,
        tasks: "EC戦略の立案と改善の伴走".into(),
        deliverables: "月次改善レポート（PDF、翌月5日までにメールで納品）".into(),
        monthly_hours: 30,
        monthly_fee: 100_000,
        payment_days: 30,
        payment_method: "銀行振込（振込手数料は委託者負担）".into(),
        expenses: "月1回の来訪の交通費は実費を委託者が負担".into(),
        acceptance: "月末締めの稼働報告を翌月5日までに確認し検収とする".into(),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 6).unwrap(),
        term_months: 3,
        renews_monthly: true,
        trial_days: Some(45),
        intellectual_property: "成果物の著作権は検収をもって委託者に移転する".into(),
        confidentiality: "業務上知り得た情報は契約終了後も第三者に開示しない".into(),
        nda_required: true,
        change_procedure: "条件の変更は双方の書面（電子を含む）合意による".into(),
        defects_and_delays: "不備は検収後30日以内に通知し、受託者が無償で修正する".into(),
    }
}

fn review(renew: bool) -> ReviewInput {
    ReviewInput {
        glad: "社長が毎週の定例を楽しみにしてくれたこと".into(),
        improve: "社内の写真素材がもっと欲しい".into(),
        values: "地域の商品を正しく伝えること".into(),
        renew,
        proposed_monthly_fee: Some(120_000),
        proposed_hours_per_month: Some(30),
        satisfaction: 5,
    }
}

async fn the_whole_life(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;

    // Draft → changes requested → fixed → approved.
    let mut draft = complete_draft(app.now());
    draft.deliverables = None;
    let project = company.api.create_project(None, &draft).await.unwrap();
    assert_eq!(status(company.api.submit_project(project.id).await), 422);
    company
        .api
        .update_project(
            project.id,
            &ProjectDraft {
                deliverables: Some("改善レポート".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    company.api.submit_project(project.id).await.unwrap();
    coordinator
        .api
        .request_project_changes(project.id, "成果物の形式と頻度を書いてください")
        .await
        .unwrap();
    company
        .api
        .update_project(
            project.id,
            &ProjectDraft {
                deliverables: Some("月次改善レポート（A4一枚）".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    company.api.submit_project(project.id).await.unwrap();
    assert_eq!(
        coordinator
            .api
            .approve_project(project.id)
            .await
            .unwrap()
            .status,
        ProjectStatus::Published
    );

    // Apply → shortlist → interview → offer.
    let application = talent
        .api
        .apply(
            project.id,
            &ApplicationInput {
                proposal: "EC立ち上げの経験で、最初の3か月に商品ページと広告を見直します。".into(),
                screening_answers: vec!["前職でEC売上を4倍にしました。".into()],
                referral_code: None,
            },
        )
        .await
        .unwrap();
    let move_to = |action| TransitionInput {
        action,
        reason: None,
        message: None,
    };
    company
        .api
        .transition(application.id, &move_to(ApplicationAction::Shortlist))
        .await
        .unwrap();
    let slots = vec![app.now() + Duration::days(2), app.now() + Duration::days(3)];
    let interview = company
        .api
        .propose_interview(
            application.id,
            &InterviewProposal {
                slots: slots.clone(),
                duration_minutes: 45,
                meeting_url: Some("https://meet.example/x".into()),
            },
        )
        .await
        .unwrap();
    talent
        .api
        .confirm_interview(interview.id, &InterviewConfirm { slot: slots[0] })
        .await
        .unwrap();
    company
        .api
        .transition(application.id, &move_to(ApplicationAction::Offer))
        .await
        .unwrap();

    // Contract: a payment date beyond 60 days is refused; changes asked; both accept.
    assert_eq!(
        company
            .api
            .application(application.id)
            .await
            .unwrap()
            .contract_id,
        None
    );
    let mut late = terms();
    late.payment_days = 61;
    let err = company
        .api
        .propose_contract(application.id, &late)
        .await
        .unwrap_err();
    assert_eq!(err.problem().unwrap().errors[0].code, "payment_too_late");
    assert_eq!(
        status(talent.api.propose_contract(application.id, &terms()).await),
        403
    );
    let contract = company
        .api
        .propose_contract(application.id, &terms())
        .await
        .unwrap();
    // The talent finds the proposed terms from the application (contract screens).
    assert_eq!(
        talent
            .api
            .application(application.id)
            .await
            .unwrap()
            .contract_id,
        Some(contract.id)
    );
    // Before acceptance: no engagement, no contact details.
    assert!(talent
        .api
        .contract(contract.id)
        .await
        .unwrap()
        .engagement_id
        .is_none());
    assert_eq!(company.api.talent(talent.id()).await.unwrap().email, None);
    talent
        .api
        .request_contract_changes(contract.id, "開始日を1週間後ろにしてください")
        .await
        .unwrap();
    assert_eq!(
        code(
            talent
                .api
                .accept_contract(contract.id, contract.version)
                .await
        ),
        "illegal_transition:changes_requested:accept"
    );
    let mut revised = terms();
    revised.start_date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
    let contract = company
        .api
        .propose_contract(application.id, &revised)
        .await
        .unwrap();
    assert_eq!(contract.version, 2);
    // An acceptance names the version read: the first version is gone.
    assert_eq!(
        code(talent.api.accept_contract(contract.id, 1).await),
        "version_changed"
    );
    let after_company = company
        .api
        .accept_contract(contract.id, contract.version)
        .await
        .unwrap();
    assert_eq!(after_company.status, ContractStatus::Proposed);
    assert_eq!(
        code(
            company
                .api
                .accept_contract(contract.id, contract.version)
                .await
        ),
        "already_accepted"
    );
    let accepted = talent
        .api
        .accept_contract(contract.id, contract.version)
        .await
        .unwrap();
    assert_eq!(accepted.status, ContractStatus::Accepted);
    assert!(accepted.company_acceptance.is_some() && accepted.talent_acceptance.is_some());
    let engagement_id = accepted.engagement_id.unwrap();
    assert_eq!(
        talent.api.application(application.id).await.unwrap().status,
        ApplicationStatus::Contracted
    );
    // Contact details now reach the company.
    let seen = company.api.talent(talent.id()).await.unwrap();
    assert_eq!(seen.email.as_deref(), Some("hanako@example.jp"));
    let engagement = company.api.engagement(engagement_id).await.unwrap();
    assert_eq!(
        engagement.talent_contact.unwrap().phone.as_deref(),
        Some("090-1234-5678")
    );

    // Kickoff, three monthly reports acknowledged.
    let kickoff = Kickoff {
        goals: vec!["EC月商を30万円から60万円へ".into()],
        deliverables: "月次改善レポート".into(),
        steps: vec![
            "現状分析".into(),
            "商品ページ改善".into(),
            "広告運用".into(),
        ],
        meeting_slot: "毎週水曜 10:00–11:00".into(),
        members: vec!["佐藤社長".into(), "山田（副業人材）".into()],
        contact_channels: vec!["Slack".into()],
        reporting_cadence: "月末に稼働報告".into(),
    };
    talent
        .api
        .save_kickoff(engagement_id, &kickoff)
        .await
        .unwrap();
    for (month, hours) in [("2027-01", 28), ("2027-02", 31), ("2027-03", 30)] {
        let report = talent
            .api
            .submit_report(
                engagement_id,
                &WorkReportInput {
                    month: month.into(),
                    hours,
                    summary: "商品ページを改善".into(),
                    outcomes: "CVRが改善".into(),
                    next_steps: "広告の検証".into(),
                },
            )
            .await
            .unwrap();
        assert_eq!(
            status(
                talent
                    .api
                    .acknowledge_report(report.id, &Acknowledge::default())
                    .await
            ),
            403
        );
        company
            .api
            .acknowledge_report(
                report.id,
                &Acknowledge {
                    comment: Some("ありがとうございます".into()),
                },
            )
            .await
            .unwrap();
    }
    assert_eq!(
        code(
            talent
                .api
                .submit_report(
                    engagement_id,
                    &WorkReportInput {
                        month: "2027-03".into(),
                        hours: 1,
                        summary: "重複".into(),
                        outcomes: String::new(),
                        next_steps: String::new()
                    }
                )
                .await
        ),
        "report_exists"
    );

    // Both reviews, then renewal into a second term accepted by both.
    assert_eq!(
        code(
            company
                .api
                .renew(
                    engagement_id,
                    &RenewalInput {
                        monthly_fee: 120_000,
                        monthly_hours: 30,
                        term_months: 3
                    }
                )
                .await
        ),
        "reviews_missing"
    );
    company
        .api
        .submit_review(engagement_id, &review(true))
        .await
        .unwrap();
    talent
        .api
        .submit_review(engagement_id, &review(true))
        .await
        .unwrap();
    assert_eq!(
        code(talent.api.submit_review(engagement_id, &review(true)).await),
        "review_exists"
    );
    let renewal = company
        .api
        .renew(
            engagement_id,
            &RenewalInput {
                monthly_fee: 120_000,
                monthly_hours: 30,
                term_months: 3,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (renewal.term_number, renewal.terms.monthly_fee),
        (2, 120_000)
    );
    assert_eq!(
        renewal.terms.start_date,
        NaiveDate::from_ymd_opt(2027, 4, 13).unwrap()
    );
    company
        .api
        .accept_contract(renewal.id, renewal.version)
        .await
        .unwrap();
    talent
        .api
        .accept_contract(renewal.id, renewal.version)
        .await
        .unwrap();
    let engagement = talent.api.engagement(engagement_id).await.unwrap();
    assert_eq!(
        (engagement.term_number, engagement.current_contract_id),
        (2, renewal.id)
    );
    assert_eq!(engagement.reports.len(), 3);
    assert!(engagement
        .reports
        .iter()
        .all(|r| r.acknowledged_at.is_some()));

    // Outcomes, then a case study consented by all three and listed publicly.
    company
        .api
        .add_outcome(
            engagement_id,
            &OutcomeInput {
                kind: OutcomeKind::Direct,
                kpi_name: Some("EC月商".into()),
                before: Some("30万円".into()),
                after: Some("65万円".into()),
                description: String::new(),
            },
        )
        .await
        .unwrap();
    talent
        .api
        .add_outcome(
            engagement_id,
            &OutcomeInput {
                kind: OutcomeKind::Indirect,
                kpi_name: None,
                before: None,
                after: None,
                description: "社員がSNS発信を自ら企画するようになった".into(),
            },
        )
        .await
        .unwrap();
    let study = coordinator
        .api
        .draft_case_study(engagement_id)
        .await
        .unwrap();
    assert_eq!(study.status, CaseStudyStatus::Draft);
    assert!(study.text.results.contains("65万円"));
    assert_eq!(study.talent.residence_region, "関東");
    assert!(
        !serde_json::to_string(&study).unwrap().contains("山田"),
        "the talent is anonymised"
    );
    assert_eq!(
        status(
            app.client()
                .get::<serde_json::Value>(&format!("/api/v1/case-studies/{}", study.id))
                .await
        ),
        404
    );
    company.api.consent_case_study(study.id).await.unwrap();
    talent.api.consent_case_study(study.id).await.unwrap();
    assert_eq!(
        code(coordinator.api.publish_case_study(study.id).await),
        "consent_missing"
    );
    coordinator.api.consent_case_study(study.id).await.unwrap();
    let published = coordinator.api.publish_case_study(study.id).await.unwrap();
    assert_eq!(published.status, CaseStudyStatus::Published);
    let listed = app
        .client()
        .case_studies("?prefecture=03&challenge=ec")
        .await
        .unwrap();
    assert_eq!(listed.items.len(), 1);
    assert_eq!(
        app.client()
            .case_studies("?prefecture=31")
            .await
            .unwrap()
            .items
            .len(),
        0
    );
    assert_eq!(
        app.client()
            .case_studies("?industry=E")
            .await
            .unwrap()
            .items[0]
            .kpis,
        ["EC月商: 30万円 → 65万円"]
    );

    // The end, by the talent.
    let ended = talent
        .api
        .end_engagement(engagement_id, "6か月の目標を達成したため")
        .await
        .unwrap();
    assert_eq!(ended.status, EngagementStatus::Ended);
    assert_eq!(
        code(company.api.end_engagement(engagement_id, "again").await),
        "illegal_transition:ended:end"
    );
    app.stop().await;
}

on_both_backends!(the_whole_life);
