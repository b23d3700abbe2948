//! The embeddable widget and referral attribution: the postings a partner's widget lists and
//! its limits and errors, views and clicks counted per partner, day and prefecture, CORS
//! granted only to the partner's origins (and the app-wide policy left as it was), the click
//! redirect, the script itself, and the partner recorded on registrations and applications.

use std::io::Write;

use chrono::Duration;
use diesel::prelude::*;
use kakehashi::db::schema::{applications, companies, partner_origins, partners, users};
use kakehashi::repositories::{to_db_time, widget};
use kakehashi_shared::application::ApplicationInput;
use kakehashi_shared::embed::EmbedProjects;
use kakehashi_shared::Problem;

use crate::fixtures::{complete_draft, published_project, status, User};
use crate::on_both_backends;
use crate::util::{talent_request, Backend, TestApp, PASSWORD};

const CODE: &str = "iwate-pref";
const SITE: &str = "https://www.pref.iwate.example";
const OTHER_SITE: &str = "https://evil.example";

/// The Iwate prefectural government as a partner, its site allowed to embed the widget.
async fn partner(app: &TestApp) -> i64 {
    let now = to_db_time(app.now());
    app.db
        .run(move |c| {
            let id: i64 = diesel::insert_into(partners::table)
                .values((
                    partners::name.eq("岩手県"),
                    partners::kind.eq("prefecture"),
                    partners::referral_code.eq(CODE),
                    partners::created_at.eq(now),
                ))
                .returning(partners::id)
                .get_result(c)?;
            diesel::insert_into(partner_origins::table)
                .values((
                    partner_origins::partner_id.eq(id),
                    partner_origins::origin.eq(SITE),
                ))
                .execute(c)?;
            Ok(id)
        })
        .await
        .unwrap()
}

/// A published posting in Iwate (盛岡市) and one in Miyagi, newest last.
async fn postings(app: &TestApp) -> (User, User, i64, i64) {
    let coordinator = app.coordinator("chiba@hub.example", &["03", "04"]).await;
    let iwate = app.company_user("owner@iwate-seika.example", "03").await;
    let miyagi = app.company_user("owner@sendai.example", "04").await;
    let a = published_project(app, &iwate, &coordinator).await;
    app.clock.advance(Duration::minutes(1));
    let b = published_project(app, &miyagi, &coordinator).await;
    (coordinator, iwate, a, b)
}

async fn embed(app: &TestApp, query: &str, origin: Option<&str>) -> reqwest::Response {
    let mut req = app.http.get(app.url(&format!("/embed/projects?{query}")));
    if let Some(origin) = origin {
        req = req.header("origin", origin);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

async fn problem(res: reqwest::Response) -> Problem {
    assert_eq!(
        header(&res, "content-type").as_deref(),
        Some("application/problem+json")
    );
    res.json().await.unwrap()
}

async fn counts(app: &TestApp, partner_id: i64) -> Vec<(String, String, i64, i64)> {
    app.db
        .run(move |c| Ok(widget::counts(c, partner_id)?))
        .await
        .unwrap()
}

async fn the_widget_lists_the_regions_open_postings(backend: Backend) {
    let app = TestApp::start(backend).await;
    partner(&app).await;
    let (_, iwate, a, b) = postings(&app).await;
    // A draft is never shown.
    iwate
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .unwrap();

    let res = embed(&app, &format!("partner={CODE}&prefecture=03"), Some(SITE)).await;
    assert_eq!(res.status(), 200);
    let page: EmbedProjects = res.json().await.unwrap();
    assert_eq!(page.partner_name, "岩手県");
    assert_eq!(page.prefecture_name.as_deref(), Some("岩手県"));
    assert_eq!(page.items.len(), 1);
    let p = &page.items[0];
    assert_eq!(p.id, a);
    assert_eq!(p.title, "南部せんべいのEC売上を2倍にするWebマーケター");
    assert_eq!(
        (p.company_name.as_str(), p.municipality.as_str()),
        ("岩手製菓株式会社", "盛岡市")
    );
    assert_eq!(
        (p.monthly_fee, p.hours_per_month),
        (Some(100_000), Some(30))
    );
    assert_eq!(p.remote_allowed, Some(true));
    assert!(p.recruitment_closes_at.is_some());
    assert_eq!(
        p.url,
        format!("/embed/click?partner={CODE}&project={a}&prefecture=03")
    );
    assert_eq!(page.more_url, format!("/projects?prefecture=03&ref={CODE}"));

    // Without a prefecture: every open posting, newest first; the limit cuts the list.
    let all: EmbedProjects = embed(&app, &format!("partner={CODE}&lang=en"), Some(SITE))
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<i64> = all.items.iter().map(|p| p.id).collect();
    assert_eq!(ids, [b, a]);
    assert_eq!(all.items[1].prefecture_name, "Iwate");
    assert_eq!(all.prefecture_code, None);
    let one: EmbedProjects = embed(&app, &format!("partner={CODE}&limit=1"), Some(SITE))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one.items.len(), 1);
    assert_eq!(one.items[0].id, b);

    // A closed posting leaves the widget (the cache follows the index).
    iwate.api.close_project(a).await.unwrap();
    let after: EmbedProjects = embed(&app, &format!("partner={CODE}&prefecture=03"), Some(SITE))
        .await
        .json()
        .await
        .unwrap();
    assert!(after.items.is_empty(), "{:?}", after.items);
    app.stop().await;
}

async fn bad_widget_requests_are_problems(backend: Backend) {
    let app = TestApp::start(backend).await;
    partner(&app).await;

    let unknown = embed(&app, "partner=nobody-here", Some(SITE)).await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(problem(unknown).await.code, "not_found");

    for (query, field, rule) in [
        ("prefecture=03", "partner", "required"),
        ("partner=%3Cscript%3E", "partner", "invalid_format"),
        (
            "partner=iwate-pref&prefecture=48",
            "prefecture",
            "unknown_value",
        ),
        (
            "partner=iwate-pref&prefecture=3",
            "prefecture",
            "unknown_value",
        ),
        ("partner=iwate-pref&limit=0", "limit", "out_of_range"),
        ("partner=iwate-pref&limit=21", "limit", "out_of_range"),
        ("partner=iwate-pref&limit=five", "limit", "invalid_type"),
        ("partner=iwate-pref&lang=fr", "lang", "unknown_value"),
    ] {
        let res = embed(&app, query, Some(SITE)).await;
        assert_eq!(res.status(), 422, "{query}");
        let granted = header(&res, "access-control-allow-origin");
        let p = problem(res).await;
        assert_eq!(p.code, "validation_failed", "{query}");
        assert_eq!(p.errors[0].field, field, "{query}");
        assert_eq!(p.errors[0].code, rule, "{query}");
        // The partner's page can read why (a known partner and its own origin).
        if field != "partner" {
            assert_eq!(granted.as_deref(), Some(SITE), "{query}");
        }
    }
    app.stop().await;
}

async fn views_are_counted_per_partner_day_and_prefecture(backend: Backend) {
    let app = TestApp::start(backend).await;
    let id = partner(&app).await;
    postings(&app).await;

    for _ in 0..2 {
        assert_eq!(
            embed(&app, &format!("partner={CODE}&prefecture=03"), Some(SITE))
                .await
                .status(),
            200
        );
    }
    embed(&app, &format!("partner={CODE}"), Some(SITE)).await;
    // Pages that may not read the answer, and requests without a page, are not views.
    embed(
        &app,
        &format!("partner={CODE}&prefecture=03"),
        Some(OTHER_SITE),
    )
    .await;
    embed(&app, &format!("partner={CODE}&prefecture=03"), None).await;
    // Nor are refused requests.
    embed(&app, &format!("partner={CODE}&limit=99"), Some(SITE)).await;
    assert_eq!(
        counts(&app, id).await,
        [
            ("2026-11-21".to_owned(), String::new(), 1, 0),
            ("2026-11-21".to_owned(), "03".to_owned(), 2, 0),
        ]
    );

    // A burst of first views of a day arriving together: every one counts, in one row.
    let query = format!("partner={CODE}&prefecture=04");
    let burst = (0..8).map(|_| embed(&app, &query, Some(SITE)));
    for res in futures_util::future::join_all(burst).await {
        assert_eq!(res.status(), 200);
    }
    let rows = counts(&app, id).await;
    assert_eq!(rows[2], ("2026-11-21".to_owned(), "04".to_owned(), 8, 0));

    // A new UTC day starts a new row.
    app.clock.advance(Duration::days(1));
    embed(&app, &format!("partner={CODE}&prefecture=03"), Some(SITE)).await;
    assert_eq!(
        counts(&app, id).await[3],
        ("2026-11-22".to_owned(), "03".to_owned(), 1, 0)
    );
    app.stop().await;
}

async fn cors_is_granted_only_to_the_partners_origins(backend: Backend) {
    let app = TestApp::start(backend).await;
    partner(&app).await;
    let query = format!("partner={CODE}&prefecture=03");

    let granted = embed(&app, &query, Some(SITE)).await;
    assert_eq!(granted.status(), 200);
    assert_eq!(
        header(&granted, "access-control-allow-origin").as_deref(),
        Some(SITE)
    );
    assert!(header(&granted, "vary").unwrap().contains("Origin"));

    // Another site, and the app-wide allowed origin (not this partner's), get the data
    // without a grant: their browsers withhold it.
    for origin in [OTHER_SITE, "https://partner.example", "null"] {
        let refused = embed(&app, &query, Some(origin)).await;
        assert_eq!(refused.status(), 200, "{origin}");
        assert_eq!(
            header(&refused, "access-control-allow-origin"),
            None,
            "{origin}"
        );
        assert!(header(&refused, "vary").unwrap().contains("Origin"));
    }

    let preflight = |origin: &'static str| {
        app.http
            .request(
                reqwest::Method::OPTIONS,
                app.url(&format!("/embed/projects?{query}")),
            )
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .send()
    };
    let ok = preflight(SITE).await.unwrap();
    assert_eq!(ok.status(), 204);
    assert_eq!(
        header(&ok, "access-control-allow-origin").as_deref(),
        Some(SITE)
    );
    assert_eq!(
        header(&ok, "access-control-allow-methods").as_deref(),
        Some("GET")
    );
    let no = preflight(OTHER_SITE).await.unwrap();
    assert_eq!(no.status(), 204);
    assert_eq!(header(&no, "access-control-allow-origin"), None);

    // The API keeps the app-wide policy.
    let api = |origin: &'static str| {
        app.http
            .get(app.url("/api/v1/prefectures"))
            .header("origin", origin)
            .send()
    };
    let allowed = api("https://partner.example").await.unwrap();
    assert_eq!(
        header(&allowed, "access-control-allow-origin").as_deref(),
        Some("https://partner.example")
    );
    let other = api(SITE).await.unwrap();
    assert_eq!(header(&other, "access-control-allow-origin"), None);
    // actix-cors refuses a preflight from an origin it does not know; the widget's own
    // preflight above was answered by the widget's handler instead.
    let api_preflight = app
        .http
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/prefectures"))
        .header("origin", SITE)
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert_eq!(api_preflight.status(), 400);
    app.stop().await;
}

async fn clicks_are_counted_and_lead_to_the_posting_with_the_referral(backend: Backend) {
    let app = TestApp::start(backend).await;
    let id = partner(&app).await;
    let (_, iwate, a, _) = postings(&app).await;
    let draft = iwate
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .unwrap()
        .id;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let click = |query: String| http.get(app.url(&format!("/embed/click?{query}"))).send();

    let res = click(format!("partner={CODE}&project={a}&prefecture=03"))
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(
        header(&res, "location").unwrap(),
        format!("/projects/{a}?ref={CODE}")
    );
    assert_eq!(header(&res, "cache-control").as_deref(), Some("no-store"));
    click(format!("partner={CODE}&project={a}")).await.unwrap();
    assert_eq!(
        counts(&app, id).await,
        [
            ("2026-11-21".to_owned(), String::new(), 0, 1),
            ("2026-11-21".to_owned(), "03".to_owned(), 0, 1),
        ]
    );

    for (query, code) in [
        (format!("partner=nobody-here&project={a}"), 404),
        (format!("partner={CODE}&project=999999"), 404),
        (format!("partner={CODE}&project={draft}"), 404),
        (format!("partner={CODE}&project=abc"), 422),
        (format!("partner={CODE}"), 422),
        (
            format!("partner=https%3A%2F%2Fevil.example&project={a}"),
            422,
        ),
        (format!("partner={CODE}&project={a}&prefecture=99"), 422),
    ] {
        let res = click(query.clone()).await.unwrap();
        assert_eq!(res.status().as_u16(), code, "{query}");
        assert_eq!(header(&res, "location"), None, "{query}");
        problem(res).await;
    }
    // Refused clicks counted nothing.
    let total: i64 = counts(&app, id).await.iter().map(|r| r.3).sum();
    assert_eq!(total, 2);
    app.stop().await;
}

async fn the_script_is_served_small_and_safe(backend: Backend) {
    let app = TestApp::start(backend).await;
    let res = app.http.get(app.url("/widget.js")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        header(&res, "content-type").as_deref(),
        Some("text/javascript; charset=utf-8")
    );
    assert!(header(&res, "cache-control")
        .unwrap()
        .contains("max-age=3600"));
    let etag = header(&res, "etag").unwrap();
    let body = res.text().await.unwrap();
    assert_eq!(body, kakehashi::handlers::embed::WIDGET_JS);

    // Asked again with its tag after the hour: 304, no body.
    let again = app
        .http
        .get(app.url("/widget.js"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(header(&again, "etag").as_deref(), Some(etag.as_str()));
    assert!(again.bytes().await.unwrap().is_empty());
    let stale = app
        .http
        .get(app.url("/widget.js"))
        .header("if-none-match", "\"an-older-script\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 200);

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(body.as_bytes()).unwrap();
    let compressed = gz.finish().unwrap().len();
    assert!(compressed <= 15 * 1024, "{compressed} bytes compressed");

    // What the script must do, and what it must never do.
    for needed in [
        "document.currentScript",
        "attachShadow",
        "textContent",
        "noopener",
        "/embed/projects",
    ] {
        assert!(body.contains(needed), "{needed}");
    }
    for banned in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "eval(",
        "new Function",
        "document.write",
        "onclick=",
    ] {
        assert!(!body.contains(banned), "{banned}");
    }
    app.stop().await;
}

async fn registrations_record_the_partner_and_stale_codes_are_ignored(backend: Backend) {
    let app = TestApp::start(backend).await;
    let id = partner(&app).await;

    let mut talent = talent_request("hanako@example.jp");
    talent.referral_code = Some(CODE.into());
    let session = app.client().register(&talent).await.unwrap();
    let referred = session.user.referred_by.clone().unwrap();
    assert_eq!((referred.id, referred.name.as_str()), (id, "岩手県"));
    // The account page reads it back.
    let me = app
        .client()
        .with_token(&session.access_token)
        .me()
        .await
        .unwrap();
    assert_eq!(me.referred_by, Some(referred));

    let mut company = crate::util::company_request("owner@iwate-seika.example", "03");
    company.referral_code = Some(CODE.into());
    let member = app.client().register(&company).await.unwrap();
    assert_eq!(member.user.referred_by.map(|r| r.id), Some(id));
    // The company's page names the partner too.
    let company_id = member.user.company.as_ref().unwrap().id;
    let page = app
        .client()
        .with_token(&member.access_token)
        .company(company_id)
        .await
        .unwrap();
    assert_eq!(page.referred_by_partner_id, Some(id));
    assert_eq!(page.referred_by.map(|r| r.name), Some("岩手県".to_owned()));

    // A well-formed code no partner has (a stale link) does not block anyone.
    let mut stale = talent_request("taro@example.jp");
    stale.referral_code = Some("gone-partner".into());
    let session = app.client().register(&stale).await.unwrap();
    assert_eq!(session.user.referred_by, None);
    // A malformed one is refused beside its field.
    let mut bad = talent_request("jiro@example.jp");
    bad.referral_code = Some("<script>".into());
    let res = app
        .post_raw(
            "/api/v1/auth/register",
            "application/json",
            serde_json::to_vec(&bad).unwrap(),
        )
        .await;
    assert_eq!(res.status(), 422);
    let p = problem(res).await;
    assert_eq!(
        (p.errors[0].field.as_str(), p.errors[0].code.as_str()),
        ("referral_code", "invalid_format")
    );

    // Recorded where the figures read them: talent on the account, companies on the company.
    let (talents, companies_referred, members) = app
        .db
        .run(move |c| {
            let t: i64 = users::table
                .filter(users::referred_by_partner_id.eq(id))
                .filter(users::role.eq("talent"))
                .count()
                .get_result(c)?;
            let co: i64 = companies::table
                .filter(companies::referred_by_partner_id.eq(id))
                .count()
                .get_result(c)?;
            let m: i64 = users::table
                .filter(users::referred_by_partner_id.eq(id))
                .filter(users::role.eq("company_member"))
                .count()
                .get_result(c)?;
            Ok((t, co, m))
        })
        .await
        .unwrap();
    assert_eq!((talents, companies_referred, members), (1, 1, 0));
    app.stop().await;
}

/// A staff account of the partner, signed in.
async fn partner_staff(app: &TestApp, partner_id: i64, email: &str) -> User {
    use kakehashi::services::accounts::{self, StaffOrganisation};
    let (email_owned, now) = (email.to_owned(), app.now());
    app.db
        .run(move |c| {
            accounts::create_staff(
                c,
                &crate::fixtures::staff_account(
                    &email_owned,
                    "県 産業振興課",
                    kakehashi_shared::enums::Role::Partner,
                    StaffOrganisation::Partner(partner_id),
                ),
                now,
            )
        })
        .await
        .unwrap();
    app.login(email, PASSWORD).await
}

async fn partners_read_their_own_views_and_clicks(backend: Backend) {
    use kakehashi_shared::embed::WidgetFigures;
    let app = TestApp::start(backend).await;
    let id = partner(&app).await;
    let (coordinator, _, a, _) = postings(&app).await;
    embed(&app, &format!("partner={CODE}&prefecture=03"), Some(SITE)).await;
    embed(&app, &format!("partner={CODE}&prefecture=03"), Some(SITE)).await;
    app.clock.advance(Duration::days(1));
    embed(&app, &format!("partner={CODE}"), Some(SITE)).await;
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    no_redirects
        .get(app.url(&format!("/embed/click?partner={CODE}&project={a}")))
        .send()
        .await
        .unwrap();

    let staff = partner_staff(&app, id, "staff@pref.iwate.example").await;
    let all: WidgetFigures = staff
        .api
        .get(&format!("/api/v1/partners/{id}/widget"))
        .await
        .unwrap();
    assert_eq!((all.views, all.clicks), (3, 1));
    let rows: Vec<(String, Option<String>, i64, i64)> = all
        .days
        .iter()
        .map(|d| {
            (
                d.day.to_string(),
                d.prefecture_code.clone(),
                d.views,
                d.clicks,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-11-21".to_owned(), Some("03".to_owned()), 2, 0),
            ("2026-11-22".to_owned(), None, 1, 1),
        ]
    );
    let one_day: WidgetFigures = staff
        .api
        .get(&format!(
            "/api/v1/partners/{id}/widget?from=2026-11-22&to=2026-11-22"
        ))
        .await
        .unwrap();
    assert_eq!(
        (one_day.views, one_day.clicks, one_day.days.len()),
        (1, 1, 1)
    );
    let reversed = staff
        .api
        .get::<WidgetFigures>(&format!(
            "/api/v1/partners/{id}/widget?from=2026-11-22&to=2026-11-21"
        ))
        .await;
    assert_eq!(status(reversed), 422);
    let bad_date = staff
        .api
        .get::<WidgetFigures>(&format!("/api/v1/partners/{id}/widget?from=yesterday"))
        .await;
    assert_eq!(status(bad_date), 422);

    // Another partner's staff, a coordinator and an unknown partner: 404; admins read any.
    let other = app
        .db
        .run(move |c| {
            Ok(diesel::insert_into(partners::table)
                .values((
                    partners::name.eq("みちのく銀行"),
                    partners::kind.eq("bank"),
                    partners::referral_code.eq("michinoku"),
                    partners::created_at.eq(to_db_time(chrono::Utc::now())),
                ))
                .returning(partners::id)
                .get_result::<i64>(c)?)
        })
        .await
        .unwrap();
    let banker = partner_staff(&app, other, "staff@michinoku.example").await;
    let coordinator = app.again(&coordinator).await;
    for who in [&banker, &coordinator] {
        let res = who
            .api
            .get::<WidgetFigures>(&format!("/api/v1/partners/{id}/widget"))
            .await;
        assert_eq!(status(res), 404);
    }
    let admin = app.admin().await;
    let res = admin
        .api
        .get::<WidgetFigures>("/api/v1/partners/999999/widget")
        .await;
    assert_eq!(status(res), 404);
    let seen: WidgetFigures = admin
        .api
        .get(&format!("/api/v1/partners/{id}/widget"))
        .await
        .unwrap();
    assert_eq!(seen.views, 3);
    app.stop().await;
}

fn proposal(referral_code: Option<&str>) -> ApplicationInput {
    ApplicationInput {
        proposal: "EC立ち上げの経験を活かし、最初の3か月で商品ページと広告を見直します。".into(),
        screening_answers: vec!["前職でEC売上を3年で4倍にしました。".into()],
        referral_code: referral_code.map(Into::into),
    }
}

async fn applications_record_the_partner_for_staff(backend: Backend) {
    let app = TestApp::start(backend).await;
    let id = partner(&app).await;
    let (coordinator, iwate, a, b) = postings(&app).await;

    // Applied through a widget link: the code comes with the application.
    let walk_in = app.talent("hanako@example.jp").await;
    let applied = walk_in.api.apply(a, &proposal(Some(CODE))).await.unwrap();
    assert_eq!(applied.referred_by.as_ref().map(|r| r.id), Some(id));
    let seen = coordinator.api.application(applied.id).await.unwrap();
    assert_eq!(seen.referred_by.map(|r| r.name), Some("岩手県".to_owned()));
    // The company does not see which partner referred the applicant.
    assert_eq!(
        iwate.api.application(applied.id).await.unwrap().referred_by,
        None
    );
    let board = iwate
        .api
        .applications(Some(a), None, false, 20, None)
        .await
        .unwrap();
    assert!(board.items.iter().all(|x| x.referred_by.is_none()));

    // A stale code on an application records nothing; without a code, a talent referred at
    // registration brings the partner along.
    let stale = walk_in
        .api
        .apply(b, &proposal(Some("gone-partner")))
        .await
        .unwrap();
    assert_eq!(stale.referred_by, None);
    let mut request = talent_request("taro@example.jp");
    request.referral_code = Some(CODE.into());
    app.client().register(&request).await.unwrap();
    let referred = app.login("taro@example.jp", PASSWORD).await;
    referred
        .api
        .save_talent_profile(&crate::fixtures::talent_profile())
        .await
        .unwrap();
    let later = referred.api.apply(b, &proposal(None)).await.unwrap();
    assert_eq!(later.referred_by.map(|r| r.id), Some(id));

    // A malformed code is refused.
    let res = referred.api.apply(a, &proposal(Some("a b"))).await;
    assert_eq!(status(res), 422);

    let attributed: i64 = app
        .db
        .run(move |c| {
            Ok(applications::table
                .filter(applications::referred_by_partner_id.eq(id))
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(attributed, 2);
    app.stop().await;
}

on_both_backends!(
    the_widget_lists_the_regions_open_postings,
    bad_widget_requests_are_problems,
    views_are_counted_per_partner_day_and_prefecture,
    cors_is_granted_only_to_the_partners_origins,
    clicks_are_counted_and_lead_to_the_posting_with_the_referral,
    the_script_is_served_small_and_safe,
    registrations_record_the_partner_and_stale_codes_are_ignored,
    applications_record_the_partner_for_staff,
    partners_read_their_own_views_and_clicks,
);
