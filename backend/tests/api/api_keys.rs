//! API keys: created by partner staff and admins, shown once and stored hashed, listed per
//! organisation, revoked; requests with a key are checked for validity, scope and rate.

use chrono::Duration;
use kakehashi_shared::api_key::{ApiKeyCreated, ApiKeyInput, ApiScope};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::{PartnerKind, Role};
use sha2::{Digest, Sha256};

use crate::fixtures::{code, status, User};
use crate::on_both_backends;
use crate::util::{Backend, TestApp, PASSWORD};

on_both_backends!(
    created_once_stored_hashed_listed_and_revoked,
    bad_keys_answer_401_with_distinct_codes,
    scopes_and_endpoints_that_take_no_keys,
    who_may_create_which_keys,
    the_rate_limit_answers_429_with_retry_after,
    last_used_is_recorded_at_most_once_a_minute,
    partners_see_and_revoke_only_their_own_keys,
    stats_and_webhooks_take_keys_with_their_scopes,
    a_key_lends_no_power_once_its_owner_is_no_longer_staff,
);

/// A partner over Iwate with one staff account, signed in.
async fn partner_staff(app: &TestApp, name: &str, code: &str, email: &str) -> User {
    let (name, code, email_owned, now) = (
        name.to_owned(),
        code.to_owned(),
        email.to_owned(),
        app.now(),
    );
    app.db
        .run(move |conn| {
            let partner = kakehashi::services::accounts::create_partner(
                conn,
                &name,
                PartnerKind::Bank,
                Some(&code),
                &["03".into()],
                &[],
                now,
            )?;
            kakehashi::services::accounts::create_staff(
                conn,
                &crate::fixtures::staff_account(
                    &email_owned,
                    "高橋 葵",
                    Role::Partner,
                    kakehashi::services::accounts::StaffOrganisation::Partner(partner.id),
                ),
                now,
            )
        })
        .await
        .unwrap();
    app.login(email, PASSWORD).await
}

fn input(name: &str, scopes: &[ApiScope]) -> ApiKeyInput {
    ApiKeyInput {
        name: name.into(),
        scopes: scopes.to_vec(),
        expires_at: None,
        rate_limit_per_minute: None,
    }
}

async fn create(user: &User, name: &str, scopes: &[ApiScope]) -> ApiKeyCreated {
    user.api
        .create_api_key(&input(name, scopes))
        .await
        .expect("create key")
}

fn with_key(app: &TestApp, key: &str) -> ApiClient {
    app.client().with_api_key(key)
}

async fn stored_hashes(app: &TestApp) -> Vec<(String, String)> {
    app.db
        .run(|conn| {
            use diesel::prelude::*;
            use kakehashi::db::schema::api_keys;
            Ok(api_keys::table
                .select((api_keys::key_hash, api_keys::scopes))
                .load::<(String, String)>(conn)?)
        })
        .await
        .unwrap()
}

async fn created_once_stored_hashed_listed_and_revoked(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let created = create(
        &staff,
        "県ポータル",
        &[ApiScope::ProjectsRead, ApiScope::StatsRead],
    )
    .await;
    assert!(created.key.starts_with("kh_") && created.key.len() == 67);
    assert_eq!(created.api_key.prefix, created.key[..11]);
    assert_eq!(
        created.api_key.scopes,
        [ApiScope::ProjectsRead, ApiScope::StatsRead]
    );
    assert_eq!(created.api_key.rate_limit_per_minute, 600);
    assert_eq!(created.api_key.created_at, app.now());
    assert!(created.api_key.partner_id.is_some());

    // Only the SHA-256 is kept: the key is nowhere in the table.
    let stored = stored_hashes(&app).await;
    let hash = hex::encode(Sha256::digest(created.key.as_bytes()));
    assert_eq!(
        stored,
        [(hash, r#"["projects:read","stats:read"]"#.to_owned())]
    );

    // The list shows the prefix, never the key.
    let page = staff.api.api_keys(None).await.unwrap();
    assert_eq!(page.items, std::slice::from_ref(&created.api_key));
    let listed = staff
        .api
        .get::<serde_json::Value>("/api/v1/api-keys")
        .await
        .unwrap();
    assert!(!listed.to_string().contains(&created.key));
    assert!(listed["items"][0].get("key").is_none());

    // Revoking is immediate and idempotent.
    app.clock.advance(Duration::minutes(5));
    let revoked = staff.api.revoke_api_key(created.api_key.id).await.unwrap();
    assert_eq!(revoked.revoked_at, Some(app.now()));
    app.clock.advance(Duration::minutes(5));
    let again = staff.api.revoke_api_key(created.api_key.id).await.unwrap();
    assert_eq!(again, revoked);
    assert_eq!(
        code(with_key(&app, &created.key).search_projects_raw().await),
        "api_key_revoked"
    );
    assert_eq!(staff.api.api_keys(None).await.unwrap().items, [revoked]);
    assert_eq!(status(staff.api.revoke_api_key(9999).await), 404);
    // Creation and the one real revocation are in the audit log, by the staff member.
    let id = created.api_key.id;
    let actions = app
        .db
        .run(move |c| {
            Ok(kakehashi::repositories::audit::actions_for(
                c, "api_key", id,
            )?)
        })
        .await
        .unwrap();
    assert_eq!(actions, ["created", "revoked"]);
    app.stop().await;
}

async fn bad_keys_answer_401_with_distinct_codes(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let good = create(&staff, "読み取り", &[ApiScope::ProjectsRead]).await;
    with_key(&app, &good.key)
        .search_projects_raw()
        .await
        .expect("a valid key reads projects");

    // Unknown: well-formed but never issued, or one character off a real key.
    let unknown = format!("kh_{}", "0".repeat(64));
    let mut typo = good.key.clone();
    typo.replace_range(66.., if good.key.ends_with('0') { "1" } else { "0" });
    for key in [unknown.as_str(), typo.as_str(), "kh_"] {
        let result = with_key(&app, key).search_projects_raw().await;
        let problem = result.unwrap_err().problem().cloned().unwrap();
        assert_eq!(
            (problem.status, problem.code.as_str()),
            (401, "invalid_api_key")
        );
    }

    // Expired: valid until its expiry, 401 after.
    let expiring = staff
        .api
        .create_api_key(&ApiKeyInput {
            expires_at: Some(app.now() + Duration::hours(1)),
            ..input("一時間", &[ApiScope::ProjectsRead])
        })
        .await
        .unwrap();
    with_key(&app, &expiring.key)
        .search_projects_raw()
        .await
        .expect("before its expiry");
    app.clock.advance(Duration::hours(1));
    let result = with_key(&app, &expiring.key).search_projects_raw().await;
    assert_eq!(status_and_code(result), (401, "api_key_expired".into()));

    // Revoked (the staff's session has expired meanwhile: sign in again).
    let staff = app.again(&staff).await;
    staff.api.revoke_api_key(good.api_key.id).await.unwrap();
    let result = with_key(&app, &good.key).get_project_raw(1).await;
    assert_eq!(status_and_code(result), (401, "api_key_revoked".into()));

    // The 401 says how to authenticate, like a bad session token.
    let response = app
        .http
        .get(app.url("/api/v1/projects"))
        .bearer_auth(&unknown)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    app.stop().await;
}

async fn scopes_and_endpoints_that_take_no_keys(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let stats_only = create(&admin, "統計", &[ApiScope::StatsRead]).await;
    let writer = create(
        &admin,
        "掲載連携",
        &[ApiScope::ProjectsRead, ApiScope::ProjectsWrite],
    )
    .await;

    // A key without projects:read cannot read projects, though they are public.
    let result = with_key(&app, &stats_only.key).search_projects_raw().await;
    assert_eq!(status_and_code(result), (403, "insufficient_scope".into()));
    // Anonymous readers still can.
    app.client().search_projects_raw().await.unwrap();

    // projects:write drafts a posting for a company (the key acts as its admin).
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let company_id = company.session.user.company.as_ref().unwrap().id;
    let draft = with_key(&app, &writer.key)
        .post::<_, serde_json::Value>(
            &format!("/api/v1/projects?company_id={company_id}"),
            &serde_json::json!({ "title": "EC サイトの立て直し" }),
        )
        .await
        .expect("an admin key with projects:write drafts");
    assert_eq!(draft["status"], "draft");
    // A key reads what the public reads, even an admin's: the draft is not found with it,
    // though the admin's session sees it.
    let draft_id = draft["id"].as_i64().unwrap();
    let result = with_key(&app, &writer.key).get_project_raw(draft_id).await;
    assert_eq!(status(result), 404);
    admin.api.get_project_raw(draft_id).await.unwrap();
    let denied = with_key(&app, &stats_only.key)
        .post::<_, serde_json::Value>(
            &format!("/api/v1/projects?company_id={company_id}"),
            &serde_json::json!({ "title": "EC" }),
        )
        .await;
    assert_eq!(status_and_code(denied), (403, "insufficient_scope".into()));

    // Endpoints that do not name a scope refuse keys, whatever the key's scopes.
    for path in ["/api/v1/me", "/api/v1/api-keys", "/api/v1/admin/hubs"] {
        let result = with_key(&app, &writer.key)
            .get::<serde_json::Value>(path)
            .await;
        assert_eq!(
            status_and_code(result),
            (403, "api_key_not_accepted".into()),
            "{path}"
        );
    }
    // So a key cannot mint keys.
    let minted = with_key(&app, &writer.key)
        .create_api_key(&input("複製", &[ApiScope::ProjectsRead]))
        .await;
    assert_eq!(
        status_and_code(minted),
        (403, "api_key_not_accepted".into())
    );
    app.stop().await;
}

async fn who_may_create_which_keys(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let admin = app.admin().await;

    // Partner staff cannot draft projects, so their keys cannot have projects:write.
    let problem = staff
        .api
        .create_api_key(&input("書き込み", &[ApiScope::ProjectsWrite]))
        .await
        .unwrap_err()
        .problem()
        .cloned()
        .unwrap();
    assert_eq!(problem.status, 422);
    assert_eq!(problem.code, "validation_failed");
    assert_eq!(
        (
            problem.errors[0].field.as_str(),
            problem.errors[0].code.as_str()
        ),
        ("scopes", "not_allowed")
    );
    // Admins' keys can.
    create(&admin, "書き込み", &[ApiScope::ProjectsWrite]).await;

    // Bad input names each field.
    let fields = |r: Result<ApiKeyCreated, kakehashi_shared::client::ClientError>| {
        let p = r.unwrap_err().problem().cloned().unwrap();
        assert_eq!(p.status, 422);
        p.errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect::<Vec<_>>()
    };
    let bad = ApiKeyInput {
        name: " ".into(),
        scopes: vec![ApiScope::StatsRead, ApiScope::StatsRead],
        expires_at: None,
        rate_limit_per_minute: Some(0),
    };
    assert_eq!(
        fields(staff.api.create_api_key(&bad).await),
        [
            ("name".to_owned(), "required".to_owned()),
            ("scopes".into(), "duplicate".into()),
            ("rate_limit_per_minute".into(), "out_of_range".into()),
        ]
    );
    // Rules that depend on the caller and the clock.
    let late = ApiKeyInput {
        expires_at: Some(app.now() - Duration::seconds(1)),
        rate_limit_per_minute: Some(601),
        ..input("期限切れ", &[ApiScope::StatsRead])
    };
    assert_eq!(
        fields(staff.api.create_api_key(&late).await),
        [
            (
                "rate_limit_per_minute".to_owned(),
                "out_of_range".to_owned()
            ),
            ("expires_at".into(), "out_of_range".into()),
        ]
    );
    let empty = input("空", &[]);
    assert_eq!(
        fields(staff.api.create_api_key(&empty).await),
        [("scopes".to_owned(), "required".to_owned())]
    );
    let raw = app
        .http
        .post(app.url("/api/v1/api-keys"))
        .bearer_auth(&staff.session.access_token)
        .json(&serde_json::json!({ "name": "x", "scopes": ["projects:delete"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 422);
    // Admins may allow more requests a minute than partners.
    admin
        .api
        .create_api_key(&ApiKeyInput {
            rate_limit_per_minute: Some(6000),
            ..input("大量", &[ApiScope::StatsRead])
        })
        .await
        .unwrap();

    // People who do not integrate get no keys.
    let talent = app.talent("sato@example.jp").await;
    let result = talent
        .api
        .create_api_key(&input("私用", &[ApiScope::ProjectsRead]))
        .await;
    assert_eq!(status_and_code(result), (403, "forbidden".into()));
    assert_eq!(status(talent.api.api_keys(None).await), 403);
    assert_eq!(status(app.client().api_keys(None).await), 401);
    assert_eq!(stored_hashes(&app).await.len(), 2);
    app.stop().await;
}

async fn the_rate_limit_answers_429_with_retry_after(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let tiny = staff
        .api
        .create_api_key(&ApiKeyInput {
            rate_limit_per_minute: Some(2),
            ..input("少量", &[ApiScope::ProjectsRead])
        })
        .await
        .unwrap();
    let other = create(&staff, "別", &[ApiScope::ProjectsRead]).await;
    let get = |key: String| {
        let (http, url) = (app.http.clone(), app.url("/api/v1/projects"));
        async move { http.get(url).bearer_auth(key).send().await.unwrap() }
    };
    assert_eq!(get(tiny.key.clone()).await.status(), 200);
    assert_eq!(get(tiny.key.clone()).await.status(), 200);
    let limited = get(tiny.key.clone()).await;
    assert_eq!(limited.status(), 429);
    assert_eq!(
        limited.headers()["content-type"],
        "application/problem+json"
    );
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    // Two a minute refill one every 30 s.
    assert!((1..=30).contains(&retry_after), "{retry_after}");
    let problem: kakehashi_shared::Problem = limited.json().await.unwrap();
    assert_eq!(problem.code, "rate_limited");
    // Another key has its own allowance; anonymous readers are not limited by keys.
    assert_eq!(get(other.key.clone()).await.status(), 200);
    app.client().search_projects_raw().await.unwrap();
    app.stop().await;
}

async fn last_used_is_recorded_at_most_once_a_minute(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let created = create(&staff, "読み取り", &[ApiScope::ProjectsRead]).await;
    let last_used = || async { staff.api.api_keys(None).await.unwrap().items[0].last_used_at };
    assert_eq!(last_used().await, None);

    app.clock.advance(Duration::minutes(3));
    let first_use = app.now();
    let key = with_key(&app, &created.key);
    key.search_projects_raw().await.unwrap();
    assert_eq!(last_used().await, Some(first_use));

    // Within the minute, uses are not written.
    app.clock.advance(Duration::seconds(59));
    key.search_projects_raw().await.unwrap();
    assert_eq!(last_used().await, Some(first_use));

    app.clock.advance(Duration::seconds(1));
    key.get_project_raw(1).await.unwrap_err();
    assert_eq!(last_used().await, Some(app.now()));
    app.stop().await;
}

async fn a_key_lends_no_power_once_its_owner_is_no_longer_staff(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let created = create(&staff, "読み取り", &[ApiScope::ProjectsRead]).await;
    with_key(&app, &created.key)
        .search_projects_raw()
        .await
        .expect("valid while its owner is partner staff");
    let user_id = staff.id();
    app.db
        .run(move |c| {
            use diesel::prelude::*;
            use kakehashi::db::schema::users;
            diesel::update(users::table.find(user_id))
                .set((users::role.eq("talent"), users::partner_id.eq(None::<i64>)))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    let result = with_key(&app, &created.key).search_projects_raw().await;
    assert_eq!(status_and_code(result), (401, "invalid_api_key".into()));
    app.stop().await;
}

async fn partners_see_and_revoke_only_their_own_keys(backend: Backend) {
    let app = TestApp::start(backend).await;
    let a = partner_staff(&app, "みちのく銀行", "michinoku", "a@bank.example").await;
    let b = partner_staff(&app, "盛岡商工会議所", "morioka-cci", "b@cci.example").await;
    let admin = app.admin().await;
    let a_key = create(&a, "A", &[ApiScope::ProjectsRead]).await;
    let b_key = create(&b, "B", &[ApiScope::ProjectsRead]).await;
    let admin_key = create(&admin, "運営", &[ApiScope::StatsRead]).await;

    let ids = |page: kakehashi_shared::Page<kakehashi_shared::api_key::ApiKey>| {
        page.items.iter().map(|k| k.id).collect::<Vec<_>>()
    };
    assert_eq!(ids(a.api.api_keys(None).await.unwrap()), [a_key.api_key.id]);
    assert_eq!(ids(b.api.api_keys(None).await.unwrap()), [b_key.api_key.id]);
    // Admins see every key, newest first, and each partner key names its partner.
    assert_eq!(
        ids(admin.api.api_keys(None).await.unwrap()),
        [admin_key.api_key.id, b_key.api_key.id, a_key.api_key.id]
    );
    assert_eq!(admin_key.api_key.partner_id, None);
    assert_ne!(a_key.api_key.partner_id, b_key.api_key.partner_id);

    // Another partner's key, or an admin's, is not found for partner staff.
    assert_eq!(status(b.api.revoke_api_key(a_key.api_key.id).await), 404);
    assert_eq!(
        status(a.api.revoke_api_key(admin_key.api_key.id).await),
        404
    );
    with_key(&app, &a_key.key)
        .search_projects_raw()
        .await
        .expect("still valid");
    // The operator can revoke a leaked partner key.
    admin.api.revoke_api_key(a_key.api_key.id).await.unwrap();
    let result = with_key(&app, &a_key.key).search_projects_raw().await;
    assert_eq!(status_and_code(result), (401, "api_key_revoked".into()));
    app.stop().await;
}

async fn stats_and_webhooks_take_keys_with_their_scopes(backend: Backend) {
    let app = TestApp::start(backend).await;
    let staff = partner_staff(&app, "みちのく銀行", "michinoku", "p@bank.example").await;
    let other = partner_staff(&app, "盛岡商工会議所", "morioka-cci", "b@cci.example").await;
    let admin = app.admin().await;
    let partner_id = staff.session.user.partner.as_ref().unwrap().id;
    let other_id = other.session.user.partner.as_ref().unwrap().id;
    let stats = create(&staff, "統計", &[ApiScope::StatsRead]).await;
    let hooks = create(&staff, "通知", &[ApiScope::WebhooksManage]).await;
    let figures = format!("/api/v1/partners/{partner_id}/stats");

    // stats:read reads the partner's own figures, and only them.
    let own = with_key(&app, &stats.key)
        .get::<serde_json::Value>(&figures)
        .await
        .expect("a stats:read key reads its partner's figures");
    let by_session = staff.api.get::<serde_json::Value>(&figures).await.unwrap();
    assert_eq!(own, by_session);
    let result = with_key(&app, &stats.key)
        .get::<serde_json::Value>(&format!("/api/v1/partners/{other_id}/stats"))
        .await;
    assert_eq!(status(result), 404);
    let result = with_key(&app, &hooks.key)
        .get::<serde_json::Value>(&figures)
        .await;
    assert_eq!(status_and_code(result), (403, "insufficient_scope".into()));

    // webhooks:manage lists the partner's subscriptions; stats:read does not.
    let list = with_key(&app, &hooks.key).webhooks().await.unwrap();
    assert!(list.items.is_empty());
    let result = with_key(&app, &stats.key).webhooks().await;
    assert_eq!(status_and_code(result), (403, "insufficient_scope".into()));
    let result = with_key(&app, &hooks.key).delete_webhook(4242).await;
    assert_eq!(status(result), 404);

    // An admin's stats:read key reads the platform's figures.
    let platform = create(&admin, "運営統計", &[ApiScope::StatsRead]).await;
    with_key(&app, &platform.key)
        .get::<serde_json::Value>("/api/v1/stats")
        .await
        .expect("an admin key with stats:read reads /stats");
    app.stop().await;
}

fn status_and_code<T: std::fmt::Debug>(
    result: Result<T, kakehashi_shared::client::ClientError>,
) -> (u16, String) {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => {
            let p = e.problem().cloned().unwrap();
            (p.status, p.code)
        }
    }
}

/// Raw reads, so the tests do not depend on the search answer's shape.
trait RawReads {
    async fn search_projects_raw(
        &self,
    ) -> Result<serde_json::Value, kakehashi_shared::client::ClientError>;
    async fn get_project_raw(
        &self,
        id: i64,
    ) -> Result<serde_json::Value, kakehashi_shared::client::ClientError>;
}

impl RawReads for ApiClient {
    async fn search_projects_raw(
        &self,
    ) -> Result<serde_json::Value, kakehashi_shared::client::ClientError> {
        self.get("/api/v1/projects").await
    }

    async fn get_project_raw(
        &self,
        id: i64,
    ) -> Result<serde_json::Value, kakehashi_shared::client::ClientError> {
        self.get(&format!("/api/v1/projects/{id}")).await
    }
}
