//! Rate limits: the sign-in lockout answers alike for known and unknown emails, a success
//! clears it, `X-Forwarded-For` counts only from a trusted proxy, registration, search,
//! applying and messages answer 429 with `Retry-After`, allowances come back with time (the
//! app's clock), and on PostgreSQL two instances share one allowance.

use chrono::Duration;
use futures_util::future::join_all;
use kakehashi::config::Config;
use kakehashi::db::Db;
use kakehashi::rate_limit::Limit;
use kakehashi_shared::application::ApplicationInput;
use kakehashi_shared::Problem;
use serde_json::json;

use crate::fixtures::{code, published_project};
use crate::on_both_backends;
use crate::util::{talent_request, Backend, TestApp, PASSWORD};

/// What a client can observe of an answer.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: u16,
    retry_after: Option<u64>,
    content_type: String,
    problem: Option<(String, String, String, Option<String>)>,
}

async fn seen(res: reqwest::Response) -> Seen {
    let status = res.status().as_u16();
    let retry_after = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    let content_type = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let problem = if content_type == "application/problem+json" {
        let p: Problem = res.json().await.unwrap();
        Some((p.problem_type, p.code, p.title, p.detail))
    } else {
        None
    };
    Seen {
        status,
        retry_after,
        content_type,
        problem,
    }
}

fn code_of(seen: &Seen) -> &str {
    seen.problem.as_ref().map_or("", |p| p.1.as_str())
}

async fn login(app: &TestApp, email: &str, password: &str, forwarded: Option<&str>) -> Seen {
    let mut req = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}));
    if let Some(xff) = forwarded {
        req = req.header("x-forwarded-for", xff);
    }
    seen(req.send().await.unwrap()).await
}

async fn search(app: &TestApp) -> Seen {
    seen(
        app.http
            .get(app.url("/api/v1/projects"))
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// The limits these tests exercise, tight; the others stay as generous as in every test.
fn with(set: impl FnOnce(&mut kakehashi::rate_limit::Limits)) -> impl FnOnce(&mut Config) {
    move |config| set(&mut config.rate_limits)
}

async fn lockout_is_identical_for_known_and_unknown_emails(backend: Backend) {
    let app = TestApp::start_with(backend, with(|l| l.login_email = Limit::new(3, 15 * 60))).await;
    app.register_talent("known@example.jp").await;
    let mut answers = Vec::new();
    for email in ["known@example.jp", "nobody@example.jp"] {
        let mut this = Vec::new();
        for _ in 0..3 {
            this.push(login(&app, email, "wrong password!", None).await);
        }
        // The fourth attempt is refused before the password is looked at.
        this.push(login(&app, email, "wrong password!", None).await);
        answers.push(this);
    }
    assert_eq!(
        answers[0], answers[1],
        "known and unknown emails must look alike"
    );
    for failure in &answers[0][..3] {
        assert_eq!(failure.status, 401);
        assert_eq!(code_of(failure), "invalid_credentials");
    }
    let locked = &answers[0][3];
    assert_eq!(locked.status, 429);
    assert_eq!(locked.content_type, "application/problem+json");
    assert_eq!(code_of(locked), "login_locked");
    assert_eq!(locked.problem.as_ref().unwrap().0, "/problems/login_locked");
    // Three in 15 minutes hand one attempt back every 5 minutes.
    assert_eq!(locked.retry_after, Some(300));

    // Locked means locked: the right password is refused too, and an email written
    // differently (case, spaces) is the same email.
    let right = login(&app, " Known@Example.JP ", PASSWORD, None).await;
    assert_eq!((right.status, code_of(&right)), (429, "login_locked"));
    // Other emails are not affected.
    assert_eq!(
        login(&app, "other@example.jp", "nope nope", None)
            .await
            .status,
        401
    );

    app.clock.advance(Duration::seconds(299));
    assert_eq!(
        login(&app, "known@example.jp", PASSWORD, None).await.status,
        429
    );
    app.clock.advance(Duration::seconds(1));
    assert_eq!(
        login(&app, "known@example.jp", PASSWORD, None).await.status,
        200
    );
    app.stop().await;
}

async fn a_successful_sign_in_clears_the_failures(backend: Backend) {
    let app = TestApp::start_with(backend, with(|l| l.login_email = Limit::new(3, 15 * 60))).await;
    app.register_talent("hanako@example.jp").await;
    // Two failures and a success, three times over: without the reset the third round
    // would be locked.
    for _ in 0..3 {
        for _ in 0..2 {
            let failed = login(&app, "hanako@example.jp", "wrong password!", None).await;
            assert_eq!(failed.status, 401);
        }
        let ok = login(&app, "hanako@example.jp", PASSWORD, None).await;
        assert_eq!(ok.status, 200, "{ok:?}");
    }
    for _ in 0..3 {
        login(&app, "hanako@example.jp", "wrong password!", None).await;
    }
    let locked = login(&app, "hanako@example.jp", PASSWORD, None).await;
    assert_eq!((locked.status, code_of(&locked)), (429, "login_locked"));
    app.stop().await;
}

async fn forwarded_for_counts_only_from_a_trusted_proxy(backend: Backend) {
    let per_ip = |l: &mut kakehashi::rate_limit::Limits| l.login_ip = Limit::new(2, 5 * 60);
    // No trusted proxy: the header is the client's word, and the peer (127.0.0.1) is the key.
    let direct = TestApp::start_with(backend, with(per_ip)).await;
    for (i, xff) in ["198.51.100.1", "198.51.100.2"].iter().enumerate() {
        let s = login(
            &direct,
            &format!("a{i}@example.jp"),
            "wrong password!",
            Some(xff),
        )
        .await;
        assert_eq!(s.status, 401);
    }
    let limited = login(
        &direct,
        "a3@example.jp",
        "wrong password!",
        Some("198.51.100.3"),
    )
    .await;
    assert_eq!((limited.status, code_of(&limited)), (429, "rate_limited"));
    assert_eq!(limited.retry_after, Some(150));
    direct.stop().await;

    // Behind a trusted proxy: each forwarded client has its own allowance, and entries the
    // client wrote itself (left of the proxy's) are not believed.
    let proxied = TestApp::start_with(backend, move |config| {
        per_ip(&mut config.rate_limits);
        config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    for (i, xff) in ["198.51.100.1", "203.0.113.50, 198.51.100.1"]
        .iter()
        .enumerate()
    {
        let s = login(
            &proxied,
            &format!("b{i}@example.jp"),
            "wrong password!",
            Some(xff),
        )
        .await;
        assert_eq!(s.status, 401, "{xff}");
    }
    let limited = login(
        &proxied,
        "b3@example.jp",
        "wrong password!",
        Some("198.51.100.1"),
    )
    .await;
    assert_eq!((limited.status, code_of(&limited)), (429, "rate_limited"));
    for xff in ["198.51.100.2", "203.0.113.50"] {
        let s = login(&proxied, "b4@example.jp", "wrong password!", Some(xff)).await;
        assert_eq!(s.status, 401, "{xff} has its own allowance");
    }
    proxied.stop().await;
}

async fn registration_is_limited_per_address(backend: Backend) {
    let app = TestApp::start_with(backend, with(|l| l.register_ip = Limit::new(2, 3600))).await;
    app.register_talent("one@example.jp").await;
    app.register_talent("two@example.jp").await;
    let refused = app
        .client()
        .register(&talent_request("three@example.jp"))
        .await;
    assert_eq!(code(refused), "rate_limited");
    let raw = seen(
        app.http
            .post(app.url("/api/v1/auth/register"))
            .json(&talent_request("three@example.jp"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(raw.status, 429);
    assert_eq!(raw.retry_after, Some(1800));
    // An hour's allowance of two hands one back every 30 minutes.
    app.clock.advance(Duration::minutes(30));
    app.register_talent("three@example.jp").await;
    app.stop().await;
}

async fn search_is_limited_per_address_and_recovers(backend: Backend) {
    let app = TestApp::start_with(backend, with(|l| l.search_ip = Limit::new(3, 60))).await;
    for _ in 0..3 {
        assert_eq!(search(&app).await.status, 200);
    }
    let limited = search(&app).await;
    assert_eq!(limited.status, 429);
    assert_eq!(code_of(&limited), "rate_limited");
    assert_eq!(limited.retry_after, Some(20));
    // Talent search by a company shares the address's allowance.
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let talents = app
        .http
        .get(app.url("/api/v1/talents"))
        .bearer_auth(&company.session.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(code_of(&seen(talents).await), "rate_limited");

    app.clock.advance(Duration::seconds(20));
    assert_eq!(search(&app).await.status, 200);
    assert_eq!(search(&app).await.status, 429);
    app.clock.advance(Duration::seconds(60));
    for _ in 0..3 {
        assert_eq!(search(&app).await.status, 200);
    }
    app.stop().await;
}

async fn applying_and_messages_are_limited_per_account(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        with(|l| {
            l.apply_user = Limit::new(1, 3600);
            l.message_user = Limit::new(2, 3600);
        }),
    )
    .await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let project = published_project(&app, &company, &coordinator).await;
    let input = ApplicationInput {
        proposal: "二十文字以上の提案文です。よろしくお願いします。".into(),
        screening_answers: vec!["はい".into()],
        referral_code: None,
    };
    let application = talent.api.apply(project, &input).await.unwrap();
    // Without the limit this would be 409 `application_exists`.
    assert_eq!(
        code(talent.api.apply(project, &input).await),
        "rate_limited"
    );

    let message = "よろしくお願いいたします。";
    for _ in 0..2 {
        talent
            .api
            .send_message(application.id, message)
            .await
            .unwrap();
    }
    let refused = talent.api.send_message(application.id, message).await;
    assert_eq!(code(refused), "rate_limited");
    // The allowance is the account's: the company still writes.
    company
        .api
        .send_message(application.id, message)
        .await
        .unwrap();
    app.clock.advance(Duration::minutes(30));
    // (A new session: access tokens last 15 minutes.)
    let talent = app.again(&talent).await;
    talent
        .api
        .send_message(application.id, message)
        .await
        .unwrap();
    app.stop().await;
}

/// Concurrent requests are counted one by one: exactly the allowance gets through. On
/// PostgreSQL the requests are spread over two instances on one database and still share one
/// allowance; on SQLite (one instance by design) each instance keeps its own.
async fn instances_share_one_allowance_on_postgres(backend: Backend) {
    let limit = |c: &mut Config| c.rate_limits.search_ip = Limit::new(10, 3600);
    let first = TestApp::start_with(backend, limit).await;
    let db = Db::new(&first.database_url, 4).unwrap();
    let second = TestApp::serve_with(db, first.database_url.clone(), None, None, limit);
    let answers = join_all((0..30).map(|i| {
        let app = if i % 2 == 0 { &first } else { &second };
        search(app)
    }))
    .await;
    let allowed = answers.iter().filter(|s| s.status == 200).count();
    let refused = answers.iter().filter(|s| s.status == 429).count();
    assert_eq!(allowed + refused, 30, "{answers:?}");
    match backend {
        Backend::Postgres => assert_eq!(allowed, 10, "one allowance for both instances"),
        Backend::Sqlite => assert_eq!(allowed, 20, "one allowance per instance"),
    }
    second.stop().await;
    first.stop().await;
}

/// Deleting an account asks for the password; a stolen access token must not turn that into
/// unlimited guessing.
async fn password_guesses_on_account_deletion_are_limited(backend: Backend) {
    let app = TestApp::start_with(backend, with(|l| l.login_email = Limit::new(2, 15 * 60))).await;
    let token = app.register_talent("leaving@example.jp").await.access_token;
    let delete = |password: &'static str| {
        app.http
            .delete(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .json(&json!({ "password": password }))
            .send()
    };
    for _ in 0..2 {
        assert_eq!(delete("wrong password!").await.unwrap().status(), 422);
    }
    let refused = seen(delete(PASSWORD).await.unwrap()).await;
    assert_eq!((refused.status, code_of(&refused)), (429, "rate_limited"));
    assert_eq!(refused.retry_after, Some(450));
    // Two in 15 minutes hand one back every 7.5 minutes.
    app.clock.advance(Duration::seconds(450));
    assert_eq!(delete(PASSWORD).await.unwrap().status(), 204);
    app.stop().await;
}

on_both_backends!(
    lockout_is_identical_for_known_and_unknown_emails,
    password_guesses_on_account_deletion_are_limited,
    a_successful_sign_in_clears_the_failures,
    forwarded_for_counts_only_from_a_trusted_proxy,
    registration_is_limited_per_address,
    search_is_limited_per_address_and_recovers,
    applying_and_messages_are_limited_per_account,
    instances_share_one_allowance_on_postgres,
);
