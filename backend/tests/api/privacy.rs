//! Privacy under the APPI: a person exports their data (and only theirs), deletes their account
//! (anonymised, contracts kept, sessions and keys revoked, out of search, sign-in fails), and
//! lists and withdraws consents. The retention task blanks a deleted person's messages later.

use chrono::Duration;
use kakehashi::clock::Clock;
use kakehashi_shared::application::{ApplicationInput, MessageInput};
use kakehashi_shared::auth::LoginRequest;
use kakehashi_shared::privacy::{
    ConsentKind, DeleteAccountRequest, PersonalDataExport, PRIVACY_POLICY_VERSION, TERMS_VERSION,
};
use kakehashi_shared::talent::TalentProfile;
use kakehashi_shared::Page;

use crate::fixtures::{code, status, User};
use crate::util::{Backend, TestApp, PASSWORD};

crate::on_both_backends!(
    the_export_holds_the_person_s_data_and_no_one_else_s,
    deletion_anonymises_keeps_the_contract_and_ends_access,
    deletion_is_refused_with_a_wrong_password_or_a_running_engagement,
    company_members_and_staff,
    consents_are_recorded_listed_and_withdrawn,
    api_keys_and_anonymous_callers_are_refused,
    a_deleted_person_s_messages_are_blanked_after_the_retention_period,
);

fn delete_body(password: &str) -> DeleteAccountRequest {
    DeleteAccountRequest {
        password: password.to_owned(),
    }
}

async fn say(user: &User, application: i64, body: &str) {
    user.api
        .post::<_, serde_json::Value>(
            &format!("/api/v1/applications/{application}/messages"),
            &MessageInput { body: body.into() },
        )
        .await
        .expect("message");
}

/// A talent who applied to the company's posting and exchanged a message with it.
async fn applied(app: &TestApp) -> (User, User, User, i64) {
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let project = crate::fixtures::published_project(app, &company, &coordinator).await;
    let application = talent
        .api
        .apply(
            project,
            &ApplicationInput {
                proposal: "EC運営の経験を活かして売上改善をお手伝いします。".into(),
                screening_answers: vec!["はい、月30時間稼働できます".into()],
                referral_code: None,
            },
        )
        .await
        .expect("apply")
        .id;
    say(&talent, application, "はじめまして、山田です。").await;
    say(&company, application, "ご応募ありがとうございます。").await;
    (company, coordinator, talent, application)
}

async fn the_export_holds_the_person_s_data_and_no_one_else_s(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, _, talent, application) = applied(&app).await;
    // Another applicant to the same posting: never in Hanako's export.
    let other = app.talent("taro@example.jp").await;
    let project = talent
        .api
        .application(application)
        .await
        .unwrap()
        .project_id;
    other
        .api
        .apply(
            project,
            &ApplicationInput {
                proposal: "別の応募者の提案文です。二十文字を超えるように書きます。".into(),
                screening_answers: vec!["別の回答".into()],
                referral_code: None,
            },
        )
        .await
        .unwrap();

    let response = app
        .http
        .get(app.url("/api/v1/me/export"))
        .bearer_auth(&talent.session.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let day = app.now().format("%Y%m%d").to_string();
    assert_eq!(
        response.headers()["content-disposition"].to_str().unwrap(),
        format!("attachment; filename=\"kakehashi-export-{day}.json\"")
    );
    let text = response.text().await.unwrap();
    let export: PersonalDataExport = serde_json::from_str(&text).unwrap();
    assert_eq!(export.format_version, 1);
    assert_eq!(export.account.email, "hanako@example.jp");
    assert!(export.talent_profile.is_some(), "the profile");
    assert_eq!(export.applications.len(), 1);
    assert_eq!(
        export.applications[0].screening_answers,
        ["はい、月30時間稼働できます"]
    );
    assert_eq!(export.applications[0].company_name, "岩手製菓株式会社");
    let bodies: Vec<&str> = export.conversations[0]
        .messages
        .iter()
        .map(|m| m.body.as_str())
        .collect();
    assert_eq!(
        bodies,
        ["はじめまして、山田です。", "ご応募ありがとうございます。"]
    );
    let kinds: Vec<ConsentKind> = export.consents.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ConsentKind::PrivacyPolicy, ConsentKind::Terms]);
    assert!(export
        .audit
        .iter()
        .any(|e| e.entity == "user" && e.action == "registered" && e.by_you));
    assert!(!export.withheld.is_empty(), "says what is withheld");
    // The other applicant appears nowhere.
    for needle in ["taro@example.jp", "別の応募者", "別の回答"] {
        assert!(!text.contains(needle), "{needle} leaked into the export");
    }
    // Exporting does not mark the conversation read.
    let unread: Page<kakehashi_shared::application::Message> = talent
        .api
        .get(&format!("/api/v1/applications/{application}/messages"))
        .await
        .unwrap();
    assert!(
        !unread
            .items
            .iter()
            .find(|m| m.sender_id == company.id())
            .unwrap()
            .read
    );

    // A company member's export has their own words, not the applicant's.
    let theirs = company.api.export_my_data().await.unwrap();
    assert!(theirs.applications.is_empty() && theirs.talent_profile.is_none());
    let sent: Vec<&str> = theirs
        .sent_messages
        .iter()
        .map(|m| m.body.as_str())
        .collect();
    assert_eq!(sent, ["ご応募ありがとうございます。"]);
    app.stop().await;
}

async fn deletion_anonymises_keeps_the_contract_and_ends_access(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, coordinator, talent, engagement, contract) = crate::fixtures::engaged(&app).await;
    let before = company.api.contract(contract).await.unwrap();
    let application = before.application_id;
    say(&talent, application, "月次レポートを送りました。").await;
    // The talent is found by the hub's talent search before.
    let found = |user: &User| {
        let api = user.api.clone();
        async move {
            let page: Page<TalentProfile> = api.get("/api/v1/talents").await.unwrap();
            page.items.iter().map(|t| t.id).collect::<Vec<_>>()
        }
    };
    assert!(found(&coordinator).await.contains(&talent.id()));

    // The engagement must end first; then the account can go.
    talent
        .api
        .end_engagement(engagement, "3か月の目標を達成したため")
        .await
        .unwrap();
    talent
        .api
        .delete_my_account(&delete_body(PASSWORD))
        .await
        .unwrap();

    // Sign-in fails like an unknown account; the refresh token is revoked.
    let login = app
        .client()
        .login(&LoginRequest {
            email: "hanako@example.jp".into(),
            password: PASSWORD.into(),
        })
        .await;
    assert_eq!(code(login), "invalid_credentials");
    let refresh = app.client().refresh(&talent.session.refresh_token).await;
    assert_eq!(status(refresh), 401);
    // The email is free again: the person may register anew.
    app.register_talent("hanako@example.jp").await;

    // The company keeps the contract with its amounts and dates; the name is replaced.
    let kept = company.api.contract(contract).await.unwrap();
    assert_eq!(kept.terms, before.terms);
    assert_eq!(kept.status, before.status);
    let seen = company.api.application(application).await.unwrap();
    assert_eq!(seen.talent_name, "退会したユーザー");
    assert_eq!(seen.proposal, "", "the proposal text is erased");
    let messages: Page<kakehashi_shared::application::Message> = company
        .api
        .get(&format!("/api/v1/applications/{application}/messages"))
        .await
        .unwrap();
    let mine = messages
        .items
        .iter()
        .find(|m| m.sender_id == talent.id())
        .unwrap();
    assert_eq!(mine.sender_name, "退会したユーザー");
    let ended = company.api.engagement(engagement).await.unwrap();
    assert_eq!(ended.talent_name, "退会したユーザー");
    assert!(ended.talent_contact.is_none(), "no email or phone left");
    // Gone from search, and the profile is gone.
    assert!(!found(&coordinator).await.contains(&talent.id()));
    assert_eq!(
        status(coordinator.api.talent(talent.id()).await),
        404,
        "the profile is erased"
    );

    // The rows: placeholder email, no profile, no live session.
    let id = talent.id();
    let (email, name, profiles, live_tokens) = app
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            use kakehashi::db::schema::{refresh_tokens, talent_profiles, users};
            let (email, name): (String, String) = users::table
                .find(id)
                .select((users::email, users::display_name))
                .first(conn)?;
            let profiles: i64 = talent_profiles::table
                .filter(talent_profiles::user_id.eq(id))
                .count()
                .get_result(conn)?;
            let live: i64 = refresh_tokens::table
                .filter(refresh_tokens::user_id.eq(id))
                .filter(refresh_tokens::revoked_at.is_null())
                .count()
                .get_result(conn)?;
            Ok((email, name, profiles, live))
        })
        .await
        .unwrap();
    assert_eq!(email, format!("deleted-{id}@deleted.invalid"));
    assert_eq!(name, "退会したユーザー");
    assert_eq!((profiles, live_tokens), (0, 0));

    // Idempotent: the same request again (the access token still lives out its 15 minutes).
    talent
        .api
        .delete_my_account(&delete_body(PASSWORD))
        .await
        .unwrap();
    assert_eq!(status(talent.api.export_my_data().await), 401);
    app.stop().await;
}

async fn deletion_is_refused_with_a_wrong_password_or_a_running_engagement(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, _, talent, engagement, _) = crate::fixtures::engaged(&app).await;
    let wrong = talent
        .api
        .delete_my_account(&delete_body("not the password"))
        .await;
    assert_eq!(status(wrong), 422);
    let empty = talent.api.delete_my_account(&delete_body("")).await;
    assert_eq!(status(empty), 422);
    // No body at all is a clear problem, not a 500.
    let bare = app
        .http
        .delete(app.url("/api/v1/me"))
        .bearer_auth(&talent.session.access_token)
        .send()
        .await
        .unwrap();
    assert!(
        [400, 415].contains(&bare.status().as_u16()),
        "{}",
        bare.status()
    );
    let running = talent.api.delete_my_account(&delete_body(PASSWORD)).await;
    assert_eq!(code(running), "active_engagement");
    // Nothing changed: the talent still signs in and the company still sees the name.
    app.login("hanako@example.jp", PASSWORD).await;
    let seen = company.api.engagement(engagement).await.unwrap();
    assert_eq!(seen.talent_name, "山田 花子");
    app.stop().await;
}

async fn company_members_and_staff(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, coordinator, talent, application) = applied(&app).await;
    // The company's only member cannot leave it without anyone.
    let alone = company.api.delete_my_account(&delete_body(PASSWORD)).await;
    assert_eq!(code(alone), "last_company_member");
    // Staff accounts are closed by an admin.
    let staff = coordinator
        .api
        .delete_my_account(&delete_body(PASSWORD))
        .await;
    assert_eq!(status(staff), 403);
    // A talent with an open application: it is withdrawn and the company is told.
    talent
        .api
        .delete_my_account(&delete_body(PASSWORD))
        .await
        .unwrap();
    let seen = company.api.application(application).await.unwrap();
    assert_eq!(seen.status.as_str(), "withdrawn");
    assert!(seen.screening_answers.is_empty(), "answers erased");
    app.stop().await;
}

async fn consents_are_recorded_listed_and_withdrawn(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, coordinator, talent, engagement, _) = crate::fixtures::engaged(&app).await;
    let consents = talent.api.my_consents().await.unwrap().items;
    let versions: Vec<(ConsentKind, &str)> = consents
        .iter()
        .map(|c| (c.kind, c.version.as_str()))
        .collect();
    assert_eq!(
        versions,
        [
            (ConsentKind::PrivacyPolicy, PRIVACY_POLICY_VERSION),
            (ConsentKind::Terms, TERMS_VERSION)
        ]
    );
    assert!(consents.iter().all(|c| !c.withdrawable));
    // The terms are not withdrawn one by one: the account is deleted instead.
    assert_eq!(
        code(talent.api.withdraw_consent(consents[0].id).await),
        "consent_not_withdrawable"
    );

    let study = coordinator.api.draft_case_study(engagement).await.unwrap();
    talent.api.consent_case_study(study.id).await.unwrap();
    company.api.consent_case_study(study.id).await.unwrap();
    let mine = talent.api.my_consents().await.unwrap().items;
    let given = &mine[0];
    assert_eq!(given.kind, ConsentKind::CaseStudy);
    assert_eq!(given.case_study_id, Some(study.id));
    assert_eq!(given.version.len(), 12, "a digest of the text consented to");
    assert!(given.withdrawable);
    // Someone else's consent is not found.
    assert_eq!(status(company.api.withdraw_consent(given.id).await), 404);

    let withdrawn = talent.api.withdraw_consent(given.id).await.unwrap();
    assert!(withdrawn.withdrawn_at.is_some() && !withdrawn.withdrawable);
    let study_now: kakehashi_shared::case_study::CaseStudy = talent
        .api
        .get(&format!("/api/v1/case-studies/{}", study.id))
        .await
        .unwrap();
    assert!(
        study_now.consents.talent.is_none(),
        "the talent's consent is gone"
    );
    assert!(study_now.consents.company.is_some(), "the company's stays");
    // Publishing now fails for want of the talent's consent.
    coordinator.api.consent_case_study(study.id).await.unwrap();
    assert_eq!(
        code(coordinator.api.publish_case_study(study.id).await),
        "consent_missing"
    );
    // Withdrawing twice answers the same; consenting again records a new consent.
    let again = talent.api.withdraw_consent(given.id).await.unwrap();
    assert_eq!(again.withdrawn_at, withdrawn.withdrawn_at);
    talent.api.consent_case_study(study.id).await.unwrap();
    coordinator.api.publish_case_study(study.id).await.unwrap();
    let after = talent.api.my_consents().await.unwrap().items;
    assert_eq!(after.len(), 4);
    assert!(
        after[0].withdrawn_at.is_none() && !after[0].withdrawable,
        "published"
    );
    assert_eq!(
        code(talent.api.withdraw_consent(after[0].id).await),
        "illegal_transition:published:withdraw_consent"
    );
    app.stop().await;
}

async fn api_keys_and_anonymous_callers_are_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let created = admin
        .api
        .create_api_key(&kakehashi_shared::api_key::ApiKeyInput {
            name: "連携".into(),
            scopes: vec![kakehashi_shared::api_key::ApiScope::StatsRead],
            expires_at: None,
            rate_limit_per_minute: None,
        })
        .await
        .unwrap();
    let key = app.client().with_token(&created.key);
    assert_eq!(code(key.export_my_data().await), "api_key_not_accepted");
    assert_eq!(
        code(key.delete_my_account(&delete_body(PASSWORD)).await),
        "api_key_not_accepted"
    );
    assert_eq!(code(key.my_consents().await), "api_key_not_accepted");
    assert_eq!(status(app.client().export_my_data().await), 401);
    assert_eq!(
        status(app.client().delete_my_account(&delete_body(PASSWORD)).await),
        401
    );
    app.stop().await;
}

async fn a_deleted_person_s_messages_are_blanked_after_the_retention_period(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (company, _, talent, application) = applied(&app).await;
    talent
        .api
        .delete_my_account(&delete_body(PASSWORD))
        .await
        .unwrap();
    let purge = |app: &TestApp| {
        let (db, now) = (app.db.clone(), app.clock.now());
        async move {
            db.run(move |conn| kakehashi::services::privacy::purge_expired(conn, now))
                .await
                .unwrap()
        }
    };
    let bodies = |company: &User| {
        let api = company.api.clone();
        async move {
            let page: Page<kakehashi_shared::application::Message> = api
                .get(&format!("/api/v1/applications/{application}/messages"))
                .await
                .unwrap();
            page.items.into_iter().map(|m| m.body).collect::<Vec<_>>()
        }
    };
    app.clock.advance(Duration::days(
        kakehashi::services::privacy::MESSAGE_RETENTION_DAYS - 1,
    ));
    assert_eq!(purge(&app).await, 0, "still within the retention period");
    let company = app.again(&company).await;
    assert_eq!(bodies(&company).await[0], "はじめまして、山田です。");
    app.clock.advance(Duration::days(2));
    assert_eq!(purge(&app).await, 1);
    assert_eq!(purge(&app).await, 0, "once");
    let company = app.again(&company).await;
    let now = bodies(&company).await;
    assert_eq!(
        now,
        [
            kakehashi::repositories::privacy::PURGED_MESSAGE,
            "ご応募ありがとうございます。"
        ],
        "only the deleted person's words are blanked"
    );
    app.stop().await;
}
