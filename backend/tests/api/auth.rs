//! register → login → /me → refresh → logout, and the session rules around them.

use kakehashi_shared::auth::LoginRequest;
use kakehashi_shared::enums::Role;
use kakehashi_shared::{ErrorCode, Problem};

use crate::on_both_backends;
use crate::util::{Backend, TestApp, PASSWORD};

fn code(err: kakehashi_shared::client::ClientError) -> String {
    err.problem()
        .map(|p| p.code.clone())
        .unwrap_or_else(|| format!("{err}"))
}

async fn the_whole_session(backend: Backend) {
    let app = TestApp::start(backend).await;
    let registered = app.register_talent("Hanako@Example.jp").await;
    assert_eq!(
        registered.user.email, "hanako@example.jp",
        "emails are normalised"
    );
    assert_eq!(registered.user.role, Role::Talent);
    assert_eq!(registered.token_type, "Bearer");
    assert!(registered.expires_in <= 15 * 60);

    let login = app
        .client()
        .login(&LoginRequest {
            email: "HANAKO@example.jp".into(),
            password: PASSWORD.into(),
        })
        .await
        .unwrap();
    let me = app
        .client()
        .with_token(&login.access_token)
        .me()
        .await
        .unwrap();
    assert_eq!(me.id, registered.user.id);
    assert_eq!(me.display_name, "山田 花子");

    let rotated = app.client().refresh(&login.refresh_token).await.unwrap();
    assert_ne!(rotated.refresh_token, login.refresh_token);
    let me = app
        .client()
        .with_token(&rotated.access_token)
        .me()
        .await
        .unwrap();
    assert_eq!(me.id, registered.user.id);

    app.client().logout(&rotated.refresh_token).await.unwrap();
    let err = app
        .client()
        .refresh(&rotated.refresh_token)
        .await
        .unwrap_err();
    assert_eq!(code(err), "invalid_refresh_token");
    // The session from registration is a different sign-in and still works.
    app.client()
        .refresh(&registered.refresh_token)
        .await
        .unwrap();
    app.stop().await;
}

async fn a_company_account_creates_its_company(backend: Backend) {
    let app = TestApp::start(backend).await;
    let session = app
        .register_company("owner@iwate-seika.example", "03")
        .await;
    assert_eq!(session.user.role, Role::CompanyMember);
    let company = session.user.company.expect("company");
    assert_eq!(company.name, "岩手製菓株式会社");
    assert_eq!(company.prefecture_code, "03");
    let me = app
        .client()
        .with_token(&session.access_token)
        .me()
        .await
        .unwrap();
    assert_eq!(me.company.map(|c| c.id), Some(company.id));
    assert_eq!(app.count("companies").await, 1);
    app.stop().await;
}

async fn a_reused_refresh_token_revokes_the_family(backend: Backend) {
    let app = TestApp::start(backend).await;
    let first = app.register_talent("kenta@example.jp").await;
    let second = app.client().refresh(&first.refresh_token).await.unwrap();
    // A thief replays the first token: refused, and the legitimate successor dies with it.
    let err = app
        .client()
        .refresh(&first.refresh_token)
        .await
        .unwrap_err();
    let problem = err.problem().expect("problem").clone();
    assert_eq!(problem.status, 401);
    assert!(problem.is(ErrorCode::RefreshTokenReused));
    let err = app
        .client()
        .refresh(&second.refresh_token)
        .await
        .unwrap_err();
    assert_eq!(
        code(err),
        "invalid_refresh_token",
        "the successor was revoked with the family"
    );
    app.stop().await;
}

async fn a_wrong_password_and_an_unknown_email_look_the_same(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.register_talent("mai@example.jp").await;
    let answer = |email: &'static str, password: &'static str| {
        let http = app.http.clone();
        let url = app.url("/api/v1/auth/login");
        async move {
            let res = http
                .post(url)
                .json(&serde_json::json!({"email": email, "password": password}))
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let wrong_password = answer("mai@example.jp", "not the password").await;
    let unknown_email = answer("nobody@example.jp", "not the password").await;
    assert_eq!(wrong_password.0, 401);
    assert_eq!(wrong_password, unknown_email);
    app.stop().await;
}

async fn a_duplicate_email_is_a_conflict_and_writes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.register_company("owner@example.jp", "03").await;
    let err = app
        .client()
        .register(&crate::util::company_request("OWNER@example.jp", "31"))
        .await
        .unwrap_err();
    let problem: &Problem = err.problem().expect("problem");
    assert_eq!(problem.status, 409);
    assert!(problem.is(ErrorCode::EmailTaken));
    assert_eq!(app.count("users").await, 1);
    assert_eq!(
        app.count("companies").await,
        1,
        "the second company was not created"
    );
    app.stop().await;
}

async fn concurrent_registrations_of_one_email_create_one_account(backend: Backend) {
    let app = TestApp::start(backend).await;
    let client = app.client();
    let request = crate::util::talent_request("race@example.jp");
    let (a, b, c) = futures_util::future::join3(
        client.register(&request),
        client.register(&request),
        client.register(&request),
    )
    .await;
    let ok = [a.is_ok(), b.is_ok(), c.is_ok()]
        .iter()
        .filter(|x| **x)
        .count();
    assert_eq!(ok, 1);
    for err in [a, b, c].into_iter().filter_map(Result::err) {
        assert_eq!(code(err), "email_taken");
    }
    assert_eq!(app.count("users").await, 1);
    app.stop().await;
}

async fn the_clock_decides_refresh_expiry(backend: Backend) {
    let app = TestApp::start(backend).await;
    let session = app.register_talent("yui@example.sg").await;
    app.clock.advance(chrono::Duration::days(31));
    let err = app
        .client()
        .refresh(&session.refresh_token)
        .await
        .unwrap_err();
    assert_eq!(code(err), "invalid_refresh_token");
    app.stop().await;
}

on_both_backends!(
    the_whole_session,
    a_company_account_creates_its_company,
    a_reused_refresh_token_revokes_the_family,
    a_wrong_password_and_an_unknown_email_look_the_same,
    a_duplicate_email_is_a_conflict_and_writes_nothing,
    concurrent_registrations_of_one_email_create_one_account,
    the_clock_decides_refresh_expiry,
);
