//! Webhooks end to end: a receiver on 127.0.0.1 verifies every delivery's signature with the
//! documented algorithm (HMAC-SHA256 over "{t}.{body}", computed here with `hmac` directly,
//! not with the server's code), receivers that fail, redirect or time out are retried on the
//! back-off schedule as the clock is stepped, the log and redelivery work, private targets are
//! refused, a partner hears only of its prefectures, and two workers racing over one outbox
//! send each event once.

use std::collections::{HashMap, VecDeque};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use actix_web::{web, HttpRequest, HttpResponse, HttpServer};
use chrono::Duration;
use hmac::{Hmac, Mac};
use kakehashi::services::webhook_delivery::{deliver_due, prune, Pass, Sender};
use kakehashi_shared::case_study::CaseStudy;
use kakehashi_shared::engagement::WorkReportInput;
use kakehashi_shared::webhook::{
    DeliveryState, WebhookCreated, WebhookEventType, WebhookInput, REPLAY_WINDOW_SECONDS,
};
use sha2::Sha256;

use crate::fixtures::{code, published_project, status, User};
use crate::util::{Backend, TestApp};

crate::on_both_backends!(
    every_event_type_arrives_signed,
    failing_receivers_are_retried_on_schedule,
    deliveries_give_up_after_a_day_and_can_be_redelivered,
    the_log_and_redelivery_belong_to_their_owner,
    private_targets_are_refused,
    a_partner_hears_only_of_its_prefectures,
    two_workers_send_each_event_once,
    the_documented_shell_check_verifies_a_delivery,
    api_keys_with_webhooks_manage_may_manage_them,
    a_named_host_is_reached_at_its_checked_address,
    the_log_keeps_deliveries_for_thirty_days,
);

// ---------------------------------------------------------------------------------------------
// The test receiver.

/// How the receiver answers the next request to a path (then 200 once the queue is empty).
#[derive(Debug, Clone, Copy)]
enum Answer {
    Status(u16),
    /// 302 to `/ok` on the same receiver (which must not be followed).
    Redirect,
    /// Waits this long before answering 200 (longer than the sender's timeout).
    Sleep(u64),
}

#[derive(Debug, Clone)]
struct Received {
    path: String,
    signature: String,
    event: String,
    delivery: String,
    body: String,
}

#[derive(Default)]
struct Script {
    answers: Mutex<HashMap<String, VecDeque<Answer>>>,
    received: Mutex<Vec<Received>>,
    /// Milliseconds every answer waits (widens the window two racing workers share).
    delay_ms: Mutex<u64>,
    /// Paths that answer 500 to the first request of each delivery id.
    fail_first: Mutex<Vec<String>>,
    seen: Mutex<std::collections::HashSet<(String, String)>>,
}

struct Receiver {
    base: String,
    script: Arc<Script>,
    server: actix_web::dev::ServerHandle,
}

fn header(req: &HttpRequest, name: &str) -> String {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn receive(req: HttpRequest, body: web::Bytes, script: web::Data<Script>) -> HttpResponse {
    let path = req.path().to_owned();
    script.received.lock().unwrap().push(Received {
        path: path.clone(),
        signature: header(&req, "Kakehashi-Signature"),
        event: header(&req, "Kakehashi-Event"),
        delivery: header(&req, "Kakehashi-Delivery"),
        body: String::from_utf8(body.to_vec()).unwrap(),
    });
    let first_of_delivery = script
        .seen
        .lock()
        .unwrap()
        .insert((path.clone(), header(&req, "Kakehashi-Delivery")));
    if first_of_delivery && script.fail_first.lock().unwrap().contains(&path) {
        return HttpResponse::InternalServerError().finish();
    }
    let delay = *script.delay_ms.lock().unwrap();
    if delay > 0 {
        actix_web::rt::time::sleep(std::time::Duration::from_millis(delay)).await;
    }
    let answer = script
        .answers
        .lock()
        .unwrap()
        .get_mut(&path)
        .and_then(|q| q.pop_front());
    match answer {
        None => HttpResponse::Ok().finish(),
        Some(Answer::Status(code)) => {
            HttpResponse::build(actix_web::http::StatusCode::from_u16(code).unwrap()).finish()
        }
        Some(Answer::Redirect) => HttpResponse::Found()
            .insert_header(("location", "/ok"))
            .finish(),
        Some(Answer::Sleep(ms)) => {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(ms)).await;
            HttpResponse::Ok().finish()
        }
    }
}

impl Receiver {
    fn start() -> Self {
        let script = Arc::new(Script::default());
        let data = web::Data::from(script.clone());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = HttpServer::new(move || {
            actix_web::App::new()
                .app_data(data.clone())
                .default_service(web::to(receive))
        })
        .workers(2)
        .disable_signals()
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Self {
            base: format!("http://127.0.0.1:{port}"),
            script,
            server: handle,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn script(&self, path: &str, answers: &[Answer]) {
        self.script
            .answers
            .lock()
            .unwrap()
            .insert(path.to_owned(), answers.iter().copied().collect());
    }

    fn received(&self, path: &str) -> Vec<Received> {
        self.script
            .received
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    async fn stop(self) {
        self.server.stop(false).await;
    }
}

/// Verifies a delivery as the integrator docs say: parse `t` and `v1`, recompute
/// HMAC-SHA256(secret, "{t}.{body}"), compare in constant time, and refuse a `t` outside the
/// 5-minute window around the receiver's clock. Returns the envelope.
fn verify(secret: &str, r: &Received, now: i64) -> serde_json::Value {
    let mut t = None;
    let mut v1 = None;
    for part in r.signature.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = value.parse::<i64>().ok(),
            Some(("v1", value)) => v1 = hex::decode(value).ok(),
            _ => {}
        }
    }
    let (t, v1) = (t.expect("t="), v1.expect("v1="));
    assert!(
        (now - t).abs() <= REPLAY_WINDOW_SECONDS,
        "signature time {t} outside the replay window around {now}"
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{}", r.body).as_bytes());
    mac.verify_slice(&v1).expect("signature verifies");
    // A tampered body does not verify.
    let mut tampered = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    tampered.update(format!("{t}.{} ", r.body).as_bytes());
    assert!(tampered.verify_slice(&v1).is_err());
    let envelope: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(envelope["type"], r.event.as_str());
    assert_eq!(envelope["id"], r.delivery.as_str());
    assert!(envelope["created_at"].is_string());
    assert!(envelope["data"].is_object());
    envelope
}

// ---------------------------------------------------------------------------------------------
// Helpers.

fn sender(timeout_ms: u64) -> Sender {
    Sender {
        timeout: std::time::Duration::from_millis(timeout_ms),
        allow_private: true,
    }
}

/// Runs passes at the app's time until one finds nothing due, as the server's task does.
async fn run(app: &TestApp) -> Pass {
    drain(&app.db, &sender(2000), app.now()).await
}

async fn drain(
    db: &kakehashi::db::Db,
    sender: &Sender,
    now: chrono::DateTime<chrono::Utc>,
) -> Pass {
    let mut total = Pass::default();
    loop {
        let pass = deliver_due(db, sender, now).await.unwrap();
        if pass == Pass::default() {
            return total;
        }
        total.delivered += pass.delivered;
        total.failed += pass.failed;
        total.skipped += pass.skipped;
    }
}

async fn subscribe(user: &User, url: &str, events: &[WebhookEventType]) -> WebhookCreated {
    user.api
        .create_webhook(&WebhookInput {
            url: url.to_owned(),
            events: events.to_vec(),
        })
        .await
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

/// Every event type, produced through the real API by the whole workflow, reaches a receiver
/// that fails each first attempt: the failed attempt and the retry 30 s later both carry a
/// signature that verifies, headers matching the envelope, and no personal data.
async fn every_event_type_arrives_signed(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    let admin = app.admin().await;
    let created = subscribe(&admin, &receiver.url("/ok"), WebhookEventType::ALL).await;
    assert!(created.secret.starts_with("whsec_") && created.secret.len() == 70);
    assert_eq!(created.webhook.events, WebhookEventType::ALL.to_vec());
    assert_eq!(created.webhook.partner_id, None);
    // The secret is never listed again.
    let listed = serde_json::to_string(&admin.api.webhooks().await.unwrap()).unwrap();
    assert!(!listed.contains(&created.secret));

    let (company, coordinator, talent, engagement, _) = crate::fixtures::engaged(&app).await;
    talent
        .api
        .submit_report(
            engagement,
            &WorkReportInput {
                month: "2027-01".into(),
                hours: 28,
                summary: "商品ページを改善".into(),
                outcomes: "CVRが改善".into(),
                next_steps: "広告の検証".into(),
            },
        )
        .await
        .unwrap();
    let study = coordinator.api.draft_case_study(engagement).await.unwrap();
    for user in [&company, &talent, &coordinator] {
        user.api.consent_case_study(study.id).await.unwrap();
    }
    let _: CaseStudy = coordinator.api.publish_case_study(study.id).await.unwrap();
    company
        .api
        .end_engagement(engagement, "3か月の目標を達成したため")
        .await
        .unwrap();

    // Nothing is sent inside the requests: the outbox holds every event until a worker runs.
    assert!(receiver.received("/ok").is_empty());
    // The receiver fails the first attempt of every delivery; the retry 30 s later succeeds.
    receiver
        .script
        .fail_first
        .lock()
        .unwrap()
        .push("/ok".into());
    let first = run(&app).await;
    assert_eq!(first.delivered, 0);
    assert!(first.failed >= WebhookEventType::ALL.len());
    app.clock.advance(Duration::seconds(30));
    let retried = run(&app).await;
    assert_eq!(retried.delivered, first.failed);
    assert_eq!(retried.failed, 0);
    let all = receiver.received("/ok");
    assert_eq!(all.len(), 2 * first.failed);
    let (failed, received) = all.split_at(first.failed);
    let received = received.to_vec();

    // Both the failed attempt and the retry verify; the retry is the same event re-signed.
    let now = app.now().timestamp();
    for r in failed {
        verify(&created.secret, r, now);
        let retry = received
            .iter()
            .find(|x| x.delivery == r.delivery)
            .expect("every failed delivery is retried");
        assert_eq!(retry.body, r.body);
        assert_ne!(retry.signature, r.signature);
    }
    let mut seen = Vec::new();
    for r in &received {
        let envelope = verify(&created.secret, r, now);
        let t = WebhookEventType::parse(&r.event).expect("known type");
        if !seen.contains(&t) {
            seen.push(t);
        }
        assert_eq!(envelope["data"]["prefecture_code"], "03");
        // Personal data never leaves: no talent name or email, no proposal.
        for secret in ["山田 花子", "hanako@example.jp", "二十文字以上の提案文"] {
            assert!(!r.body.contains(secret), "{} leaks {secret}", r.event);
        }
    }
    for t in WebhookEventType::ALL {
        assert!(seen.contains(t), "no {t} received");
    }
    let by_type = |t: WebhookEventType| {
        received
            .iter()
            .filter(|r| r.event == t.as_str())
            .map(|r| serde_json::from_str::<serde_json::Value>(&r.body).unwrap())
            .collect::<Vec<_>>()
    };
    // shortlist, offer, and contracted when both sides accept.
    let moves: Vec<String> = by_type(WebhookEventType::ApplicationStatusChanged)
        .iter()
        .map(|e| e["data"]["status"].as_str().unwrap().to_owned())
        .collect();
    // Deliveries go out concurrently: receivers must not rely on their order.
    let mut moves = moves;
    moves.sort_unstable();
    assert_eq!(moves, vec!["contracted", "offered", "shortlisted"]);
    let accepted = &by_type(WebhookEventType::ContractAccepted)[0];
    assert_eq!(accepted["data"]["engagement_id"], engagement);
    let ended = &by_type(WebhookEventType::EngagementEnded)[0];
    assert_eq!(ended["data"]["ended_by"], "company");
    // Event ids are unique per event.
    let mut ids: Vec<&str> = received.iter().map(|r| r.delivery.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), received.len());

    // A second pass finds nothing left to send.
    assert_eq!(run(&app).await, Pass::default());
    receiver.stop().await;
    app.stop().await;
}

/// A receiver that answers 500, one that redirects and one that times out: the request that
/// made the event returns without them, each first attempt fails, nothing is due until the
/// 30-second back-off has passed, and then each is delivered with a fresh, valid signature.
async fn failing_receivers_are_retried_on_schedule(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    receiver.script("/error", &[Answer::Status(500)]);
    receiver.script("/moved", &[Answer::Redirect]);
    receiver.script("/slow", &[Answer::Sleep(3000)]);
    let admin = app.admin().await;
    let events = [WebhookEventType::ProjectPublished];
    let mut secrets = HashMap::new();
    for path in ["/error", "/moved", "/slow"] {
        let created = subscribe(&admin, &receiver.url(path), &events).await;
        secrets.insert(path, (created.secret, created.webhook.id));
    }
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    // The approval answered before any receiver was called.
    for path in ["/error", "/moved", "/slow"] {
        assert!(receiver.received(path).is_empty());
    }

    let first = drain(&app.db, &sender(300), app.now()).await;
    assert_eq!(
        first,
        Pass {
            delivered: 0,
            failed: 3,
            skipped: 0
        }
    );
    // The redirect was not followed.
    assert!(receiver.received("/ok").is_empty());
    // Not due again before the back-off.
    app.clock.advance(Duration::seconds(29));
    assert_eq!(run(&app).await, Pass::default());
    app.clock.advance(Duration::seconds(1));
    let second = run(&app).await;
    assert_eq!(
        second,
        Pass {
            delivered: 3,
            failed: 0,
            skipped: 0
        }
    );

    let now = app.now().timestamp();
    for (path, expected_status, expected_error) in [
        ("/error", Some(500), "HTTP 500"),
        ("/moved", Some(302), "redirects are not followed"),
        ("/slow", None, "timed out"),
    ] {
        let (secret, id) = &secrets[path];
        let got = receiver.received(path);
        assert_eq!(got.len(), 2, "{path}");
        // The retry is the same event, signed again at its own time.
        assert_eq!(got[0].delivery, got[1].delivery);
        assert_eq!(got[0].body, got[1].body);
        assert_ne!(got[0].signature, got[1].signature);
        verify(secret, &got[1], now);
        let log = admin.api.webhook_deliveries(*id, 20, None).await.unwrap();
        let d = &log.items[0];
        assert_eq!(d.state, DeliveryState::Delivered);
        assert_eq!(d.attempts, 2);
        assert_eq!(d.attempt_log.len(), 2);
        // Newest attempt first.
        assert_eq!(d.attempt_log[0].status_code, Some(200));
        assert_eq!(d.attempt_log[1].status_code, expected_status, "{path}");
        let error = d.attempt_log[1].error.clone().unwrap_or_default();
        assert!(error.contains(expected_error), "{path}: {error}");
        assert_eq!(
            d.attempt_log[1].attempted_at + Duration::seconds(30),
            d.attempt_log[0].attempted_at
        );
    }
    receiver.stop().await;
    app.stop().await;
}

/// A receiver that always fails is retried at 30 s, 1, 2, 4 ... minutes, then hourly, and
/// given up 24 hours after the event; the log keeps it, and a manual redelivery sends the same
/// event again.
async fn deliveries_give_up_after_a_day_and_can_be_redelivered(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    receiver.script("/down", &[Answer::Status(503); 64]);
    let admin = app.admin().await;
    let created = subscribe(
        &admin,
        &receiver.url("/down"),
        &[WebhookEventType::ProjectPublished],
    )
    .await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    let start = app.now();

    let mut gaps = Vec::new();
    let mut last = start;
    for _ in 0..64 {
        let pass = run(&app).await;
        if pass.failed == 1 {
            gaps.push((app.now() - last).num_seconds());
            last = app.now();
        }
        // Read from the database: access tokens do not live through a simulated day.
        let webhook = created.webhook.id;
        let row = app
            .db
            .run(move |c| {
                Ok(kakehashi::repositories::webhooks::deliveries_page(
                    c, webhook, None, 1,
                )?)
            })
            .await
            .unwrap()
            .remove(0);
        if row.given_up_at.is_some() {
            break;
        }
        // Step exactly to the next attempt.
        let next = row
            .next_attempt_at
            .expect("pending has a next attempt")
            .and_utc();
        app.clock.advance(next - app.now());
    }
    let admin = app.again(&admin).await;
    assert_eq!(&gaps[..9], &[0, 30, 60, 120, 240, 480, 960, 1920, 3600]);
    let log = admin
        .api
        .webhook_deliveries(created.webhook.id, 1, None)
        .await
        .unwrap();
    let d = &log.items[0];
    assert_eq!(d.state, DeliveryState::GivenUp);
    assert_eq!(d.next_attempt_at, None);
    assert!(d.given_up_at.unwrap() <= start + Duration::hours(24));
    assert!(d.given_up_at.unwrap() > start + Duration::hours(23));
    assert_eq!(d.attempts as usize, receiver.received("/down").len());
    assert_eq!(d.attempt_log.len(), d.attempts as usize);
    assert_eq!(d.last_status, Some(503));
    // Nothing more is tried.
    app.clock.advance(Duration::hours(2));
    assert_eq!(run(&app).await, Pass::default());

    // The receiver is fixed; the admin redelivers by hand.
    receiver.script("/down", &[]);
    let admin = app.again(&admin).await;
    let again = admin.api.redeliver_webhook(d.id).await.unwrap();
    assert_eq!(again.redelivery_of, Some(d.id));
    assert_eq!(again.event_id, d.event_id);
    assert_eq!(again.state, DeliveryState::Pending);
    assert_eq!(run(&app).await.delivered, 1);
    let got = receiver.received("/down");
    let last = got.last().unwrap();
    assert_eq!(last.delivery, d.event_id);
    verify(&created.secret, last, app.now().timestamp());
    receiver.stop().await;
    app.stop().await;
}

/// The delivery log pages newest first; another partner's staff get 404 on a subscription's
/// log, its redelivery and its deletion, company members 403; a deleted subscription is sent
/// nothing more.
async fn the_log_and_redelivery_belong_to_their_owner(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    let (_, iwate) = app.partner_staff("staff@iwate-bank.example", &["03"]).await;
    let (_, miyagi) = app
        .partner_staff("staff@miyagi-city.example", &["04"])
        .await;
    let admin = app.admin().await;
    let created = subscribe(
        &iwate,
        &receiver.url("/ok"),
        &[
            WebhookEventType::ProjectPublished,
            WebhookEventType::ApplicationCreated,
        ],
    )
    .await;
    assert!(created.webhook.partner_id.is_some());
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    published_project(&app, &company, &coordinator).await;
    assert_eq!(run(&app).await.delivered, 2);

    let id = created.webhook.id;
    let first = iwate.api.webhook_deliveries(id, 1, None).await.unwrap();
    assert_eq!(first.items.len(), 1);
    let cursor = first.next_cursor.clone().expect("a second page");
    let second = iwate
        .api
        .webhook_deliveries(id, 1, Some(&cursor))
        .await
        .unwrap();
    assert_eq!(second.items.len(), 1);
    assert!(second.next_cursor.is_none());
    assert!(first.items[0].id > second.items[0].id);
    assert_eq!(first.items[0].state, DeliveryState::Delivered);
    assert_eq!(first.items[0].payload["type"], "project.published");
    // Admins see partners' subscriptions; the other partner does not.
    assert_eq!(admin.api.webhooks().await.unwrap().items.len(), 1);
    assert!(miyagi.api.webhooks().await.unwrap().items.is_empty());
    let delivery = first.items[0].id;
    assert_eq!(
        status(miyagi.api.webhook_deliveries(id, 20, None).await),
        404
    );
    assert_eq!(status(miyagi.api.redeliver_webhook(delivery).await), 404);
    assert_eq!(status(miyagi.api.delete_webhook(id).await), 404);
    assert_eq!(status(company.api.webhooks().await), 403);
    assert_eq!(status(company.api.redeliver_webhook(delivery).await), 403);
    assert_eq!(
        code(iwate.api.webhook_deliveries(id, 0, None).await),
        "validation_failed"
    );
    assert_eq!(
        status(iwate.api.redeliver_webhook(delivery + 1000).await),
        404
    );

    // A redelivery queued and then the subscription deleted: nothing more is sent.
    iwate.api.redeliver_webhook(delivery).await.unwrap();
    iwate.api.delete_webhook(id).await.unwrap();
    assert_eq!(status(iwate.api.delete_webhook(id).await), 404);
    assert!(iwate.api.webhooks().await.unwrap().items.is_empty());
    published_project(&app, &company, &coordinator).await;
    assert_eq!(run(&app).await, Pass::default());
    assert_eq!(receiver.received("/ok").len(), 2);
    receiver.stop().await;
    app.stop().await;
}

/// Without KAKEHASHI_WEBHOOK_ALLOW_PRIVATE, loopback, private, link-local and IPv6 loopback
/// targets, names resolving to loopback and plain http:// are refused at creation (422 on
/// `url`), and a stored private target is refused again at delivery without connecting.
async fn private_targets_are_refused(backend: Backend) {
    let app = TestApp::start_with(backend, |c| c.webhook_allow_private = false).await;
    let receiver = Receiver::start();
    let admin = app.admin().await;
    let input = |url: &str| WebhookInput {
        url: url.to_owned(),
        events: vec![WebhookEventType::ProjectPublished],
    };
    for (url, rule) in [
        ("https://127.0.0.1/hook", "private_address"),
        ("https://10.0.0.8/hook", "private_address"),
        (
            "https://169.254.169.254/latest/meta-data",
            "private_address",
        ),
        ("https://[::1]/hook", "private_address"),
        ("https://localhost:8443/hook", "private_address"),
        ("https://192.168.10.1/hook", "private_address"),
        ("http://93.184.216.34/hook", "insecure_scheme"),
        ("ftp://93.184.216.34/hook", "invalid_format"),
        ("", "required"),
    ] {
        let problem = admin
            .api
            .create_webhook(&input(url))
            .await
            .expect_err(url)
            .problem()
            .cloned()
            .expect("problem");
        assert_eq!(problem.status, 422, "{url}");
        assert_eq!(problem.code, "validation_failed", "{url}");
        let fields: Vec<(&str, &str)> = problem
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(fields, vec![("url", rule)], "{url}");
    }
    // Events: at least one, each once, and only known ones.
    let none = admin
        .api
        .create_webhook(&WebhookInput {
            url: "https://93.184.216.34/hook".into(),
            events: vec![],
        })
        .await
        .expect_err("no events");
    assert_eq!(none.problem().unwrap().errors[0].field, "events");
    let unknown = app
        .http
        .post(app.url("/api/v1/webhooks"))
        .bearer_auth(&admin.session.access_token)
        .json(&serde_json::json!({"url": "https://93.184.216.34/", "events": ["project.deleted"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 422);
    assert_eq!(app.count("webhook_subscriptions").await, 0);

    // A talent may not subscribe at all.
    let talent = app.talent("hanako@example.jp").await;
    assert_eq!(
        status(
            talent
                .api
                .create_webhook(&input("https://93.184.216.34/"))
                .await
        ),
        403
    );

    // A private target stored anyway (say, made while allowed) is refused at delivery too.
    let url = receiver.url("/ok");
    let user_id = admin.id();
    let now = app.now();
    app.db
        .run(move |conn| {
            use kakehashi::repositories::webhooks::{insert_subscription, NewSubscription};
            insert_subscription(
                conn,
                &NewSubscription {
                    partner_id: None,
                    url: &url,
                    secret: "whsec_stored",
                    event_types: r#"["project.published"]"#,
                    created_by: user_id,
                    now: kakehashi::repositories::to_db_time(now),
                },
            )?;
            Ok(())
        })
        .await
        .unwrap();
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    let strict = Sender {
        timeout: std::time::Duration::from_secs(2),
        allow_private: false,
    };
    let pass = drain(&app.db, &strict, app.now()).await;
    assert_eq!(pass.failed, 1);
    assert!(receiver.received("/ok").is_empty());
    receiver.stop().await;
    app.stop().await;
}

/// A partner covering Miyagi (04) hears of a Miyagi posting, not of an Iwate (03) one; the
/// platform's subscription hears of both.
async fn a_partner_hears_only_of_its_prefectures(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    let (_, miyagi) = app
        .partner_staff("staff@miyagi-city.example", &["04"])
        .await;
    let admin = app.admin().await;
    let events = [WebhookEventType::ProjectPublished];
    let partner_hook = subscribe(&miyagi, &receiver.url("/partner"), &events).await;
    subscribe(&admin, &receiver.url("/platform"), &events).await;

    let iwate_company = app.company_user("owner@iwate-seika.example", "03").await;
    let iwate_hub = app.coordinator("chiba@hub.example", &["03"]).await;
    let iwate_project = published_project(&app, &iwate_company, &iwate_hub).await;
    let miyagi_company = app.company_user("owner@sendai-kaisan.example", "04").await;
    let miyagi_hub = app.coordinator("abe@hub.example", &["04"]).await;
    let miyagi_project = published_project(&app, &miyagi_company, &miyagi_hub).await;
    run(&app).await;

    let project_of = |r: &Received| {
        serde_json::from_str::<serde_json::Value>(&r.body).unwrap()["data"]["project_id"]
            .as_i64()
            .unwrap()
    };
    let partner: Vec<i64> = receiver
        .received("/partner")
        .iter()
        .map(project_of)
        .collect();
    assert_eq!(partner, vec![miyagi_project]);
    let r = &receiver.received("/partner")[0];
    let envelope = verify(&partner_hook.secret, r, app.now().timestamp());
    assert_eq!(envelope["data"]["prefecture_code"], "04");
    let mut platform: Vec<i64> = receiver
        .received("/platform")
        .iter()
        .map(project_of)
        .collect();
    platform.sort_unstable();
    assert_eq!(platform, vec![iwate_project, miyagi_project]);
    receiver.stop().await;
    app.stop().await;
}

/// Two workers in two threads, each with its own runtime and database connections, run
/// `deliver_due` over the same outbox at the same moment: every event arrives exactly once.
async fn two_workers_send_each_event_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    // Slow answers keep both workers inside the same batch.
    *receiver.script.delay_ms.lock().unwrap() = 30;
    let admin = app.admin().await;
    for path in ["/w0", "/w1", "/w2"] {
        subscribe(
            &admin,
            &receiver.url(path),
            &[WebhookEventType::EngagementReportSubmitted],
        )
        .await;
    }
    let now = app.now();
    app.db
        .run(move |conn| {
            for n in 0..10 {
                kakehashi::services::webhooks::emit(
                    conn,
                    WebhookEventType::EngagementReportSubmitted,
                    "03",
                    serde_json::json!({ "engagement_id": n }),
                    now,
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(app.count("webhook_deliveries").await, 30);

    let barrier = Arc::new(std::sync::Barrier::new(2));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (db, barrier) = (app.db.clone(), barrier.clone());
            std::thread::spawn(move || {
                actix_web::rt::System::new().block_on(async move {
                    barrier.wait();
                    drain(&db, &sender(2000), now).await
                })
            })
        })
        .collect();
    let passes: Vec<Pass> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let delivered: usize = passes.iter().map(|p| p.delivered).sum();
    assert_eq!(delivered, 30, "{passes:?}");
    assert!(passes.iter().all(|p| p.failed == 0));

    // 10 events to 3 subscriptions: each subscription receives each event once.
    for path in ["/w0", "/w1", "/w2"] {
        let received = receiver.received(path);
        let mut ids: Vec<&str> = received.iter().map(|r| r.delivery.as_str()).collect();
        assert_eq!(ids.len(), 10, "{path}");
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 10, "{path} received an event twice");
    }
    assert_eq!(run(&app).await, Pass::default());
    receiver.stop().await;
    app.stop().await;
}

/// The shell example of docs/integrators.md, run as written against a real delivery: it
/// accepts it, and refuses a tampered body, a wrong secret and a time outside the window.
async fn the_documented_shell_check_verifies_a_delivery(backend: Backend) {
    let docs = include_str!("../../../docs/integrators.md");
    let webhooks = &docs[docs.find("## Webhooks").expect("a Webhooks section")..];
    let script = webhooks
        .split("```sh\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .find(|block| block.contains("openssl dgst"))
        .expect("a shell example with openssl");

    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    let admin = app.admin().await;
    let created = subscribe(
        &admin,
        &receiver.url("/ok"),
        &[WebhookEventType::ProjectPublished],
    )
    .await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    assert_eq!(run(&app).await.delivered, 1);
    let r = receiver.received("/ok").remove(0);
    let now = app.now().timestamp();

    let dir = tempfile::tempdir().unwrap();
    let check = |secret: &str, body: &str, now: i64| {
        std::fs::write(dir.path().join("body.json"), body).unwrap();
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .current_dir(dir.path())
            .env("SECRET", secret)
            .env("SIGNATURE", &r.signature)
            .env("NOW", now.to_string())
            .output()
            .expect("sh runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        )
    };
    assert_eq!(
        check(&created.secret, &r.body, now),
        (true, "verified".to_owned())
    );
    assert!(!check(&created.secret, &format!("{} ", r.body), now).0);
    assert!(!check("whsec_wrong", &r.body, now).0);
    assert!(!check(&created.secret, &r.body, now + 301).0);
    assert!(check(&created.secret, &r.body, now + 300).0);
    receiver.stop().await;
    app.stop().await;
}

/// An integrator's key with `webhooks:manage` manages its partner's subscriptions like the
/// staff member who made it; a key without that scope gets 403 `insufficient_scope`.
async fn api_keys_with_webhooks_manage_may_manage_them(backend: Backend) {
    use kakehashi_shared::api_key::{ApiKeyInput, ApiScope};
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    let (partner_id, staff) = app.partner_staff("staff@iwate-bank.example", &["03"]).await;
    let key = |scopes: &[ApiScope]| ApiKeyInput {
        name: "連携".into(),
        scopes: scopes.to_vec(),
        expires_at: None,
        rate_limit_per_minute: None,
    };
    let manage = staff
        .api
        .create_api_key(&key(&[ApiScope::WebhooksManage]))
        .await
        .unwrap();
    let read_only = staff
        .api
        .create_api_key(&key(&[ApiScope::ProjectsRead]))
        .await
        .unwrap();
    let integrator = app.client().with_api_key(&manage.key);
    let created = integrator
        .create_webhook(&WebhookInput {
            url: receiver.url("/ok"),
            events: vec![WebhookEventType::ProjectPublished],
        })
        .await
        .unwrap();
    assert_eq!(created.webhook.partner_id, Some(partner_id));
    assert_eq!(created.webhook.created_by, staff.id());
    assert_eq!(integrator.webhooks().await.unwrap().items.len(), 1);
    assert_eq!(staff.api.webhooks().await.unwrap().items.len(), 1);

    let other = app.client().with_api_key(&read_only.key);
    assert_eq!(code(other.webhooks().await), "insufficient_scope");
    assert_eq!(status(other.delete_webhook(created.webhook.id).await), 403);
    integrator.delete_webhook(created.webhook.id).await.unwrap();
    assert!(staff.api.webhooks().await.unwrap().items.is_empty());
    receiver.stop().await;
    app.stop().await;
}

/// A target given by name (here `localhost`, allowed in the tests) is resolved and checked,
/// and the request goes to the checked address on the URL's port: the pinned connection works.
async fn a_named_host_is_reached_at_its_checked_address(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    let admin = app.admin().await;
    let named = receiver.url("/named").replace("127.0.0.1", "localhost");
    let created = subscribe(&admin, &named, &[WebhookEventType::ProjectPublished]).await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    assert_eq!(
        run(&app).await,
        Pass {
            delivered: 1,
            failed: 0,
            skipped: 0
        }
    );
    let got = receiver.received("/named");
    assert_eq!(got.len(), 1);
    verify(&created.secret, &got[0], app.now().timestamp());
    receiver.stop().await;
    app.stop().await;
}

/// Deliveries (with their attempts) leave the log 30 days after they were queued; a
/// redelivery keeps its original until it goes itself.
async fn the_log_keeps_deliveries_for_thirty_days(backend: Backend) {
    let app = TestApp::start(backend).await;
    let receiver = Receiver::start();
    receiver.script("/ok", &[Answer::Status(500)]);
    let admin = app.admin().await;
    let created = subscribe(
        &admin,
        &receiver.url("/ok"),
        &[WebhookEventType::ProjectPublished],
    )
    .await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let coordinator = app.coordinator("chiba@hub.example", &["03"]).await;
    published_project(&app, &company, &coordinator).await;
    run(&app).await;
    app.clock.advance(Duration::seconds(30));
    run(&app).await;
    assert_eq!(app.count("webhook_attempts").await, 2);

    // Day 20: redelivered by hand. Day 30: the original is kept for it.
    app.clock.advance(Duration::days(20));
    let admin = app.again(&admin).await;
    let log = admin
        .api
        .webhook_deliveries(created.webhook.id, 20, None)
        .await
        .unwrap();
    let original = log.items[0].id;
    admin.api.redeliver_webhook(original).await.unwrap();
    run(&app).await;
    app.clock.advance(Duration::days(10));
    assert_eq!(prune(&app.db, app.now()).await.unwrap(), 0);
    assert_eq!(app.count("webhook_deliveries").await, 2);
    // Day 50: both gone, attempts too; nothing newer is touched.
    app.clock.advance(Duration::days(20) + Duration::minutes(1));
    let (company, coordinator) = (app.again(&company).await, app.again(&coordinator).await);
    published_project(&app, &company, &coordinator).await;
    run(&app).await;
    assert_eq!(prune(&app.db, app.now()).await.unwrap(), 2);
    assert_eq!(app.count("webhook_deliveries").await, 1);
    assert_eq!(app.count("webhook_attempts").await, 1);
    receiver.stop().await;
    app.stop().await;
}
