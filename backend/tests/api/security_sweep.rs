//! OWASP API1 (object level), API5 (function level) and API3 (mass assignment), swept over
//! every operation of the served OpenAPI document: an operation without a case here fails
//! the sweep, so a new endpoint cannot ship without saying who is refused.
//!
//! Two of everything (companies, hubs, partners, talents) and an admin; organisation A owns
//! every record. For each operation the table names the actors that must be refused (403 or
//! 404 problem, the same answer as for an id that does not exist, so ids cannot be probed),
//! with a valid body so the refusal comes from authorization and not from validation.

use std::collections::BTreeMap;

use chrono::Duration;
use kakehashi_shared::application::{ApplicationInput, InterviewProposal, ScoutInput};
use kakehashi_shared::engagement::{Kickoff, OutcomeInput, OutcomeKind, WorkReportInput};
use kakehashi_shared::enums::Role;
use serde_json::{json, Value};

use crate::fixtures::{complete_draft, published_project, User};
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

/// Operations anyone may call (no session), with no record of an organisation behind them.
const PUBLIC: &[&str] = &[
    "GET /api/health",
    "POST /api/v1/auth/login",
    "POST /api/v1/auth/logout",
    "POST /api/v1/auth/refresh",
    "POST /api/v1/auth/register",
    "GET /api/v1/case-studies",
    "GET /api/v1/challenges",
    "GET /api/v1/industries",
    "GET /api/v1/prefectures",
    "GET /api/v1/skills",
    "GET /api/v1/projects",
    "GET /api/v1/regions/{prefecture}",
    "GET /api/v1/stats/summary",
    "GET /embed/click",
    "GET /embed/projects",
    "GET /widget.js",
];

/// Signed-in operations on one's own things only (no id of anyone else's to try), open to
/// every role.
const OWN: &[&str] = &[
    "GET /api/v1/me",
    "GET /api/v1/notifications",
    "GET /api/v1/engagements",
    "GET /api/v1/scouts",
    // Privacy: one's own data, export and deletion.
    "GET /api/v1/me/export",
    "DELETE /api/v1/me",
    "GET /api/v1/me/consents",
];

/// The actors, by short name.
const ACTORS: [&str; 9] = ["ca", "cb", "ha", "hb", "ta", "tb", "pa", "pb", "ad"];

/// Outsiders to organisation A's records: B's company, hub and talent, both partners.
const OUTSIDERS: &str = "cb hb tb pa pb";

struct World {
    users: BTreeMap<&'static str, User>,
    ids: BTreeMap<&'static str, i64>,
}

impl World {
    fn user(&self, actor: &str) -> &User {
        &self.users[actor]
    }
}

fn application_input() -> ApplicationInput {
    ApplicationInput {
        proposal: "二十文字以上の提案文です。よろしくお願いします。".into(),
        screening_answers: vec!["はい".into()],
        referral_code: None,
    }
}

/// Organisation A's records, one of each kind, and everyone signed in.
async fn world(app: &TestApp) -> World {
    let (company, coordinator, talent, engagement, contract) = crate::fixtures::engaged(app).await;
    let (partner_a, pa) = app.partner_staff("p@bank-a.example", &["03"]).await;
    let (_, pb) = app.partner_staff("p@bank-b.example", &["31"]).await;
    let cb = app.company_user("owner@tottori.example", "31").await;
    let hb = app.coordinator("c@tottori.example", &["31"]).await;
    let tb = app.talent("kenta@example.jp").await;
    let admin = app.admin().await;

    // The partner's key, programme and webhook; the webhook hears the postings below.
    let key: Value = pa
        .api
        .post(
            "/api/v1/api-keys",
            &json!({"name": "CMS", "scopes": ["projects:read"]}),
        )
        .await
        .unwrap();
    let programme: Value = pa
        .api
        .post(
            &format!("/api/v1/partners/{partner_a}/programmes"),
            &programme_body(),
        )
        .await
        .unwrap();
    let webhook: Value = pa
        .api
        .post(
            "/api/v1/webhooks",
            &json!({"url": "https://93.184.216.34/hook", "events": ["project.published"]}),
        )
        .await
        .unwrap();

    // A second posting with an application in progress and an interview; a third with a
    // scout to the talent; a draft.
    let second = published_project(app, &company, &coordinator).await;
    let application = talent
        .api
        .apply(second, &application_input())
        .await
        .unwrap()
        .id;
    let interview = company
        .api
        .propose_interview(
            application,
            &InterviewProposal {
                slots: vec![app.now() + Duration::days(3)],
                duration_minutes: 45,
                meeting_url: None,
            },
        )
        .await
        .unwrap()
        .id;
    let third = published_project(app, &company, &coordinator).await;
    let scout = company
        .api
        .scout(
            third,
            &ScoutInput {
                talent_id: talent.id(),
                message: "岩手のご出身と伺いご連絡しました。".into(),
            },
        )
        .await
        .unwrap()
        .id;
    let draft = company
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .unwrap()
        .id;
    let in_review = company
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .unwrap()
        .id;
    company.api.submit_project(in_review).await.unwrap();

    // The engagement's report and draft case study.
    talent
        .api
        .save_kickoff(engagement, &kickoff())
        .await
        .unwrap();
    let report = talent
        .api
        .submit_report(engagement, &report_input())
        .await
        .unwrap()
        .id;
    talent
        .api
        .add_outcome(engagement, &outcome())
        .await
        .unwrap();
    let study = coordinator
        .api
        .draft_case_study(engagement)
        .await
        .unwrap()
        .id;

    let notification = talent.api.notifications(1, None).await.unwrap().items[0].id;
    let consents: Value = talent.api.get("/api/v1/me/consents").await.unwrap();
    let consent = consents["items"][0]["id"].as_i64().expect("a consent");
    let deliveries: Value = pa
        .api
        .get(&format!(
            "/api/v1/webhooks/{}/deliveries",
            webhook["webhook"]["id"].as_i64().unwrap()
        ))
        .await
        .unwrap();
    let delivery = deliveries["items"][0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no delivery: {deliveries}"));
    let hub = coordinator.api.me().await.unwrap().hub.unwrap().id;
    let company_id = company.session.user.company.as_ref().unwrap().id;
    let talent_id = talent.id();

    let users = BTreeMap::from([
        ("ca", company),
        ("cb", cb),
        ("ha", coordinator),
        ("hb", hb),
        ("ta", talent),
        ("tb", tb),
        ("pa", pa),
        ("pb", pb),
        ("ad", admin),
    ]);
    let ids = BTreeMap::from([
        ("api_key", key["api_key"]["id"].as_i64().unwrap()),
        ("programme", programme["id"].as_i64().unwrap()),
        ("webhook", webhook["webhook"]["id"].as_i64().unwrap()),
        ("delivery", delivery),
        ("partner", partner_a),
        ("hub", hub),
        ("company", company_id),
        ("talent", talent_id),
        ("engagement", engagement),
        ("contract", contract),
        ("application", application),
        ("interview", interview),
        ("scout", scout),
        ("draft", draft),
        ("in_review", in_review),
        ("report", report),
        ("study", study),
        ("notification", notification),
        ("consent", consent),
    ]);
    World { users, ids }
}

fn programme_body() -> Value {
    json!({"prefecture_code": "03", "title": "副業人材活用補助金", "amount": "上限50万円",
           "eligibility": "県内の中小企業", "url": "https://www.pref.iwate.jp/"})
}

fn kickoff() -> Kickoff {
    Kickoff {
        goals: vec!["EC月商を30万円から60万円へ".into()],
        deliverables: "月次改善レポート".into(),
        steps: vec!["現状分析".into()],
        meeting_slot: "毎週水曜 10:00–11:00".into(),
        members: vec!["佐藤社長".into()],
        contact_channels: vec!["Slack".into()],
        reporting_cadence: "月末に稼働報告".into(),
    }
}

fn report_input() -> WorkReportInput {
    WorkReportInput {
        month: "2027-01".into(),
        hours: 20,
        summary: "商品ページを改善".into(),
        outcomes: "CVRが改善".into(),
        next_steps: "広告の検証".into(),
    }
}

fn outcome() -> OutcomeInput {
    OutcomeInput {
        kind: OutcomeKind::Indirect,
        kpi_name: None,
        before: None,
        after: None,
        description: "社員がSNS発信を自ら企画するようになった".into(),
    }
}

/// For an operation: the record its `{id}` names, a valid body, and who must be refused.
struct Case {
    id: Option<&'static str>,
    body: Option<Value>,
    refused: &'static str,
}

fn case(id: Option<&'static str>, body: Option<Value>, refused: &'static str) -> Case {
    Case { id, body, refused }
}

fn to_json(value: impl serde::Serialize) -> Option<Value> {
    Some(serde_json::to_value(value).unwrap())
}

/// The table. Everyone but the admin: "ca cb ha hb ta tb pa pb".
fn cases(app: &TestApp, w: &World) -> BTreeMap<&'static str, Case> {
    let non_admin = "ca cb ha hb ta tb pa pb";
    let slot = app.now() + Duration::days(3);
    let cases = [
        // Admin screens.
        ("GET /api/v1/admin/hubs", case(None, None, non_admin)),
        (
            "POST /api/v1/admin/hubs",
            case(
                None,
                Some(
                    json!({"name": "新拠点", "prefecture_codes": ["05"], "response_deadline_days": 14}),
                ),
                non_admin,
            ),
        ),
        (
            "PATCH /api/v1/admin/hubs/{id}",
            case(Some("hub"), Some(json!({"name": "改名"})), non_admin),
        ),
        ("GET /api/v1/admin/outbox", case(None, None, non_admin)),
        ("GET /api/v1/admin/partners", case(None, None, non_admin)),
        (
            "POST /api/v1/admin/partners",
            case(
                None,
                Some(json!({"name": "新銀行", "kind": "bank", "prefecture_codes": ["05"]})),
                non_admin,
            ),
        ),
        (
            "PATCH /api/v1/admin/partners/{id}",
            case(Some("partner"), Some(json!({"name": "改名"})), non_admin),
        ),
        ("GET /api/v1/admin/staff", case(None, None, non_admin)),
        (
            "POST /api/v1/admin/staff",
            case(
                None,
                Some(
                    json!({"role": "admin", "email": "new@kakehashi.example", "display_name": "新"}),
                ),
                non_admin,
            ),
        ),
        // API keys and webhooks: partner staff (their partner's) and admins.
        (
            "GET /api/v1/api-keys",
            case(None, None, "ca cb ha hb ta tb"),
        ),
        (
            "POST /api/v1/api-keys",
            case(
                None,
                Some(json!({"name": "x", "scopes": ["projects:read"]})),
                "ca cb ha hb ta tb",
            ),
        ),
        (
            "DELETE /api/v1/api-keys/{id}",
            case(Some("api_key"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "GET /api/v1/webhooks",
            case(None, None, "ca cb ha hb ta tb"),
        ),
        (
            "POST /api/v1/webhooks",
            case(
                None,
                Some(json!({"url": "https://93.184.216.34/x", "events": ["project.published"]})),
                "ca cb ha hb ta tb",
            ),
        ),
        (
            "DELETE /api/v1/webhooks/{id}",
            case(Some("webhook"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "GET /api/v1/webhooks/{id}/deliveries",
            case(Some("webhook"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "POST /api/v1/webhook-deliveries/{id}/redeliver",
            case(Some("delivery"), None, "ca cb ha hb ta tb pb"),
        ),
        // Partners.
        (
            "GET /api/v1/partners/{id}",
            case(Some("partner"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "PATCH /api/v1/partners/{id}",
            case(
                Some("partner"),
                Some(json!({"origins": ["https://evil.example"]})),
                "ca cb ha hb ta tb pb",
            ),
        ),
        (
            "GET /api/v1/partners/{id}/programmes",
            case(Some("partner"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "POST /api/v1/partners/{id}/programmes",
            case(
                Some("partner"),
                Some(programme_body()),
                "ca cb ha hb ta tb pb",
            ),
        ),
        (
            "GET /api/v1/partners/{id}/stats",
            case(Some("partner"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "GET /api/v1/partners/{id}/widget",
            case(Some("partner"), None, "ca cb ha hb ta tb pb"),
        ),
        (
            "PATCH /api/v1/programmes/{id}",
            case(
                Some("programme"),
                Some(json!({"title": "改名"})),
                "ca cb ha hb ta tb pb",
            ),
        ),
        (
            "DELETE /api/v1/programmes/{id}",
            case(Some("programme"), None, "ca cb ha hb ta tb pb"),
        ),
        ("GET /api/v1/stats", case(None, None, "ca cb ta tb")),
        // Companies.
        ("GET /api/v1/companies", case(None, None, "ta tb pa pb")),
        (
            "POST /api/v1/companies",
            case(
                None,
                Some(
                    json!({"name": "新会社", "industry_code": "E", "prefecture_code": "03", "municipality": "盛岡市"}),
                ),
                // Another hub's coordinator is told the prefecture is not theirs (422 on
                // `prefecture_code`): a rule about the body, tested in companies' own tests.
                "ca cb ta tb pa pb",
            ),
        ),
        (
            "GET /api/v1/companies/{id}",
            case(Some("company"), None, "cb hb ta tb pa pb"),
        ),
        (
            "PATCH /api/v1/companies/{id}",
            case(
                Some("company"),
                Some(json!({"vision": "乗っ取り"})),
                "cb hb ta tb pa pb",
            ),
        ),
        (
            "GET /api/v1/companies/{id}/visits",
            case(Some("company"), None, "ca cb hb ta tb pa pb"),
        ),
        (
            "POST /api/v1/companies/{id}/visits",
            case(
                Some("company"),
                Some(json!({"visited_on": "2026-11-20", "notes": "面談"})),
                "ca cb hb ta tb pa pb",
            ),
        ),
        // Talents.
        ("GET /api/v1/talents", case(None, None, "ta tb pa pb")),
        (
            "GET /api/v1/talents/me",
            case(None, None, "ca cb ha hb pa pb ad"),
        ),
        (
            "PUT /api/v1/talents/me",
            case(
                None,
                to_json(crate::fixtures::talent_profile()),
                "ca cb ha hb pa pb ad",
            ),
        ),
        // A discoverable talent is seen by companies and hubs (docs/AUTHORIZATION.md).
        (
            "GET /api/v1/talents/{id}",
            case(Some("talent"), None, "tb pa pb"),
        ),
        (
            "GET /api/v1/me/recommended-projects",
            case(None, None, "ca cb ha hb pa pb"),
        ),
        // Projects (the draft).
        (
            "GET /api/v1/projects/{id}",
            case(Some("draft"), None, "cb hb ta tb pa pb"),
        ),
        (
            "PATCH /api/v1/projects/{id}",
            case(
                Some("draft"),
                Some(json!({"title": "乗っ取られた求人"})),
                "cb hb ta tb pa pb",
            ),
        ),
        (
            "POST /api/v1/projects",
            case(None, to_json(complete_draft(app.now())), "ta tb pa pb"),
        ),
        (
            "POST /api/v1/projects/{id}/submit",
            case(Some("draft"), None, "cb hb ta tb pa pb"),
        ),
        (
            "POST /api/v1/projects/{id}/approve",
            case(Some("in_review"), None, "ca cb hb ta tb pa pb"),
        ),
        (
            "POST /api/v1/projects/{id}/request-changes",
            case(
                Some("in_review"),
                Some(json!({"comment": "直してください"})),
                "ca cb hb ta tb pa pb",
            ),
        ),
        (
            "POST /api/v1/projects/{id}/close",
            case(Some("draft"), None, "cb hb ta tb pa pb"),
        ),
        (
            "GET /api/v1/projects/{id}/versions",
            case(Some("draft"), None, "cb hb ta tb pa pb"),
        ),
        (
            "GET /api/v1/projects/{id}/recommended-talents",
            case(Some("draft"), None, "cb hb ta tb pa pb"),
        ),
        (
            "POST /api/v1/projects/{id}/scouts",
            case(
                Some("draft"),
                to_json(ScoutInput {
                    talent_id: w.user("tb").id(),
                    message: "ぜひご検討ください。".into(),
                }),
                "cb hb ta tb pa pb",
            ),
        ),
        (
            "POST /api/v1/projects/{id}/applications",
            case(Some("draft"), to_json(application_input()), non_admin),
        ),
        // Applications and what hangs off them (the one in progress).
        ("GET /api/v1/applications", case(None, None, "pa pb")),
        (
            "GET /api/v1/applications/{id}",
            case(Some("application"), None, OUTSIDERS),
        ),
        (
            "POST /api/v1/applications/{id}/transitions",
            case(
                Some("application"),
                Some(json!({"action": "shortlist"})),
                "cb hb ta tb pa pb",
            ),
        ),
        (
            "GET /api/v1/applications/{id}/messages",
            case(Some("application"), None, OUTSIDERS),
        ),
        (
            "POST /api/v1/applications/{id}/messages",
            case(
                Some("application"),
                Some(json!({"body": "割り込み"})),
                OUTSIDERS,
            ),
        ),
        (
            "GET /api/v1/applications/{id}/interviews",
            case(Some("application"), None, OUTSIDERS),
        ),
        (
            "POST /api/v1/applications/{id}/interviews",
            case(
                Some("application"),
                Some(json!({"slots": [slot], "duration_minutes": 30})),
                // Either side may propose; the talent's own is theirs.
                OUTSIDERS,
            ),
        ),
        (
            "GET /api/v1/applications/{id}/questionnaire",
            case(Some("application"), None, OUTSIDERS),
        ),
        (
            "PUT /api/v1/applications/{id}/questionnaire",
            case(
                Some("application"),
                Some(json!({"what_you_love": "a", "what_drives_you": "b",
                            "what_demotivates_you": "c", "hopes": "d"})),
                OUTSIDERS,
            ),
        ),
        (
            "POST /api/v1/applications/{id}/contract",
            case(
                Some("application"),
                to_json(crate::lifecycle::terms()),
                "cb hb ta tb pa pb",
            ),
        ),
        (
            "POST /api/v1/interviews/{id}/confirm",
            case(Some("interview"), Some(json!({"slot": slot})), OUTSIDERS),
        ),
        (
            "PUT /api/v1/interviews/{id}/notes",
            case(
                Some("interview"),
                Some(json!({"notes": "盗み見"})),
                OUTSIDERS,
            ),
        ),
        // Scouts (to talent A).
        (
            "GET /api/v1/scouts/{id}",
            case(Some("scout"), None, OUTSIDERS),
        ),
        (
            "POST /api/v1/scouts/{id}/answer",
            case(
                Some("scout"),
                Some(json!({"accept": false})),
                "ca cb ha hb tb pa pb ad",
            ),
        ),
        // Contracts and engagements.
        (
            "GET /api/v1/contracts/{id}",
            case(Some("contract"), None, OUTSIDERS),
        ),
        (
            "POST /api/v1/contracts/{id}/accept",
            case(Some("contract"), Some(json!({"version": 1})), OUTSIDERS),
        ),
        (
            "POST /api/v1/contracts/{id}/request-changes",
            case(
                Some("contract"),
                Some(json!({"comment": "変えて"})),
                OUTSIDERS,
            ),
        ),
        (
            "GET /api/v1/engagements/{id}",
            case(Some("engagement"), None, OUTSIDERS),
        ),
        (
            "PUT /api/v1/engagements/{id}/kickoff",
            case(Some("engagement"), to_json(kickoff()), OUTSIDERS),
        ),
        (
            "POST /api/v1/engagements/{id}/reports",
            case(
                Some("engagement"),
                to_json(WorkReportInput {
                    month: "2027-02".into(),
                    ..report_input()
                }),
                "ca cb ha hb tb pa pb",
            ),
        ),
        (
            "POST /api/v1/reports/{id}/acknowledge",
            case(Some("report"), Some(json!({})), "cb hb ta tb pa pb"),
        ),
        (
            "POST /api/v1/engagements/{id}/reviews",
            case(
                Some("engagement"),
                Some(
                    json!({"glad": "a", "improve": "b", "values": "c", "renew": false,
                            "satisfaction": 3}),
                ),
                OUTSIDERS,
            ),
        ),
        (
            "POST /api/v1/engagements/{id}/renewals",
            case(
                Some("engagement"),
                Some(json!({"monthly_fee": 1, "monthly_hours": 1, "term_months": 1})),
                "cb hb ta tb pa pb",
            ),
        ),
        (
            "POST /api/v1/engagements/{id}/end",
            case(
                Some("engagement"),
                Some(json!({"reason": "終わらせる"})),
                OUTSIDERS,
            ),
        ),
        (
            "POST /api/v1/engagements/{id}/outcomes",
            case(Some("engagement"), to_json(outcome()), OUTSIDERS),
        ),
        (
            "POST /api/v1/engagements/{id}/case-study",
            case(Some("engagement"), None, OUTSIDERS),
        ),
        // The draft case study.
        (
            "GET /api/v1/case-studies/{id}",
            case(Some("study"), None, OUTSIDERS),
        ),
        (
            "PUT /api/v1/case-studies/{id}",
            case(
                Some("study"),
                Some(
                    json!({"title": "t", "trigger": "t", "what_was_done": "t", "results": "t",
                            "success_factors": "t"}),
                ),
                OUTSIDERS,
            ),
        ),
        (
            "POST /api/v1/case-studies/{id}/consent",
            case(Some("study"), None, OUTSIDERS),
        ),
        (
            "POST /api/v1/case-studies/{id}/publish",
            case(Some("study"), None, OUTSIDERS),
        ),
        // Talent A's notification.
        (
            "POST /api/v1/notifications/{id}/read",
            case(Some("notification"), None, "ca cb ha hb tb pa pb ad"),
        ),
        // Talent A's consent to the privacy policy.
        (
            "DELETE /api/v1/me/consents/{id}",
            case(Some("consent"), None, "ca cb ha hb tb pa pb ad"),
        ),
    ];
    cases.into_iter().collect()
}

/// Every operation of the served document: "METHOD /path", whether it takes a body, whether
/// it names a session, and its request body's property names.
async fn operations(app: &TestApp) -> Vec<(String, bool, bool, Vec<String>)> {
    let doc: Value = app
        .http
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let schemas = &doc["components"]["schemas"];
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            let body = &op["requestBody"]["content"]["application/json"]["schema"];
            let properties = body["$ref"]
                .as_str()
                .and_then(|r| r.rsplit('/').next())
                .map(|name| &schemas[name]["properties"])
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            let signed_in = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
            out.push((
                format!("{} {path}", method.to_uppercase()),
                !body.is_null(),
                signed_in,
                properties,
            ));
        }
    }
    out
}

async fn call(
    app: &TestApp,
    op: &str,
    id: Option<i64>,
    body: Option<&Value>,
    token: Option<&str>,
) -> (u16, String, String) {
    let (method, template) = op.split_once(' ').unwrap();
    let path = match id {
        Some(id) => template.replace("{id}", &id.to_string()),
        None => template.to_owned(),
    };
    let mut req = app.http.request(
        reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
        app.url(&path),
    );
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if let Some(body) = body {
        req = req.json(body);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = res.text().await.unwrap();
    let code = serde_json::from_str::<Value>(&body)
        .ok()
        .and_then(|v| v["code"].as_str().map(str::to_owned))
        .unwrap_or(content_type);
    (status, code, body)
}

/// API1 + API5: every operation with a case refuses its refused actors with 403 or 404, the
/// same answer as for a record that does not exist; and every operation has a case.
async fn every_operation_refuses_other_organisations_and_roles(backend: Backend) {
    let app = TestApp::start(backend).await;
    let w = world(&app).await;
    let cases = cases(&app, &w);
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    for (op, _, _, _) in operations(&app).await {
        if PUBLIC.contains(&op.as_str()) || OWN.contains(&op.as_str()) {
            continue;
        }
        let Some(case) = cases.get(op.as_str()) else {
            missing.push(op);
            continue;
        };
        assert_eq!(
            case.id.is_some(),
            op.contains("{id}"),
            "{op}: the case's id"
        );
        for actor in case.refused.split_whitespace() {
            assert!(ACTORS.contains(&actor), "{op}: unknown actor {actor}");
            let token = w.user(actor).session.access_token.clone();
            let id = case.id.map(|name| w.ids[name]);
            let (status, code, body) = call(&app, &op, id, case.body.as_ref(), Some(&token)).await;
            if !matches!(status, 403 | 404) {
                failures.push(format!("{op} as {actor}: {status} {body:.300}"));
                continue;
            }
            // Not found and not theirs look the same.
            if status == 404 && id.is_some() {
                let ghost = call(&app, &op, Some(987_654), case.body.as_ref(), Some(&token)).await;
                if (ghost.0, &ghost.1) != (status, &code) {
                    failures.push(format!(
                        "{op} as {actor}: {status} {code}, but {} {} for no record",
                        ghost.0, ghost.1
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "operations without a case in security_sweep.rs: {missing:#?}"
    );
    assert!(failures.is_empty(), "{failures:#?}");
    app.stop().await;
}

/// API2 + API5: every operation that names a session answers 401 without one, before it
/// reads the body or looks the record up.
async fn every_signed_in_operation_needs_a_session(backend: Backend) {
    let app = TestApp::start(backend).await;
    let mut failures = Vec::new();
    for (op, has_body, signed_in, _) in operations(&app).await {
        if !signed_in {
            continue;
        }
        let body = has_body.then(|| json!({}));
        let (status, code, _) = call(&app, &op, Some(1), body.as_ref(), None).await;
        if (status, code.as_str()) != (401, "unauthenticated") {
            failures.push(format!("{op}: {status} {code}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    app.stop().await;
}

/// Fields a client must never set through a body (API3, mass assignment).
const PRIVILEGED: &[&str] = &[
    "role",
    "status",
    "company_id",
    "hub_id",
    "partner_id",
    "user_id",
    "id",
    "verified",
    "created_at",
    "owner_id",
];

/// API3: every request body refuses fields it does not declare, by name (422 `not_allowed`),
/// so a role, a status or an organisation cannot ride along; the document says so too
/// (`additionalProperties: false`).
async fn bodies_refuse_privileged_fields(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let talent = app.talent("hanako@example.jp").await;
    let mut failures = Vec::new();
    let mut tried = 0;
    for (op, has_body, signed_in, properties) in operations(&app).await {
        if !has_body {
            continue;
        }
        for field in PRIVILEGED {
            if properties.iter().any(|p| p == field) {
                continue;
            }
            let token = signed_in.then(|| {
                // Talent-only bodies as a talent, the rest as an admin.
                if op.contains("/talents/me") || op.contains("/applications") {
                    talent.session.access_token.clone()
                } else {
                    admin.session.access_token.clone()
                }
            });
            let body = json!({ *field: "admin" });
            let (status, _, text) = call(&app, &op, Some(1), Some(&body), token.as_deref()).await;
            tried += 1;
            let refused = serde_json::from_str::<Value>(&text).ok().is_some_and(|p| {
                p["errors"].as_array().is_some_and(|e| {
                    e.iter()
                        .any(|e| e["field"] == *field && e["code"] == "not_allowed")
                })
            });
            if status != 422 || !refused {
                failures.push(format!("{op} with {field}: {status} {text:.200}"));
            }
        }
    }
    assert!(tried > 300, "only {tried} bodies tried");
    assert!(failures.is_empty(), "{failures:#?}");

    // And none of it was written: the talent is still a talent.
    let me = talent.api.me().await.unwrap();
    assert_eq!(me.role, Role::Talent);
    app.stop().await;
}

on_both_backends!(
    every_operation_refuses_other_organisations_and_roles,
    every_signed_in_operation_needs_a_session,
    bodies_refuse_privileged_fields,
);
