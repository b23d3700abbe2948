//! Admins manage hubs and staff accounts over the API, as the admin screens do.

use kakehashi_shared::admin::{HubInput, HubPatch, StaffInput};
use kakehashi_shared::client::ClientError;
use kakehashi_shared::enums::Role;
use kakehashi_shared::workflow::ProjectStatus;

use crate::fixtures::{complete_draft, status};
use crate::util::{Backend, TestApp};

fn iwate_hub() -> HubInput {
    HubInput {
        name: "いわて副業人材拠点".into(),
        prefecture_codes: vec!["03".into(), "02".into()],
        response_deadline_days: 10,
    }
}

fn coordinator(email: &str, hub_id: i64) -> StaffInput {
    StaffInput {
        role: Role::Coordinator,
        email: email.into(),
        display_name: "千葉 恵子".into(),
        hub_id: Some(hub_id),
        partner_id: None,
    }
}

/// The fields a 422 names, in order.
fn fields<T: std::fmt::Debug>(result: Result<T, ClientError>) -> Vec<String> {
    match result {
        Ok(v) => panic!("expected a validation problem, got {v:?}"),
        Err(e) => {
            let problem = e.problem().expect("a problem body");
            assert_eq!(problem.status, 422, "{problem:?}");
            problem.errors.iter().map(|f| f.field.clone()).collect()
        }
    }
}

async fn a_new_coordinator_signs_in_and_sees_the_hubs_review_queue(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;

    let hub = admin.api.create_hub(&iwate_hub()).await.unwrap();
    assert_eq!(hub.prefecture_codes, ["02", "03"]);
    assert_eq!((hub.response_deadline_days, hub.coordinator_count), (10, 0));

    let created = admin
        .api
        .create_staff(&coordinator("Chiba@Hub.Example.jp", hub.id))
        .await
        .unwrap();
    assert_eq!(created.account.email, "chiba@hub.example.jp");
    assert_eq!(created.account.role, Role::Coordinator);
    assert_eq!(created.account.hub.as_ref().map(|h| h.id), Some(hub.id));
    assert!(created.password.len() >= 10);
    let hubs = admin.api.admin_hubs().await.unwrap();
    assert_eq!(hubs.items[0].coordinator_count, 1);
    // The audit log names the admin behind both creations.
    let (hub_id, user_id) = (hub.id, created.account.id);
    let actors = app
        .db
        .run(move |c| {
            use diesel::prelude::*;
            use kakehashi::db::schema::audit_log::dsl as a;
            Ok(a::audit_log
                .filter(
                    (a::entity.eq("hub").and(a::entity_id.eq(hub_id)))
                        .or(a::entity.eq("user").and(a::entity_id.eq(user_id))),
                )
                .order(a::id.asc())
                .select((a::action, a::actor_user_id))
                .load::<(String, Option<i64>)>(c)?)
        })
        .await
        .unwrap();
    assert_eq!(
        actors,
        [
            ("created".to_owned(), Some(admin.id())),
            ("staff_created".to_owned(), Some(admin.id()))
        ]
    );

    // A company of the hub's prefecture submits a posting; the new coordinator reviews it.
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let draft = company
        .api
        .create_project(None, &complete_draft(app.now()))
        .await
        .unwrap();
    company.api.submit_project(draft.id).await.unwrap();
    let coordinator = app.login("chiba@hub.example.jp", &created.password).await;
    let queue = coordinator
        .api
        .managed_projects(Some(ProjectStatus::InReview), 20, None)
        .await
        .unwrap();
    assert_eq!(
        queue.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        [draft.id]
    );

    // The password is nowhere to be read again: the list shows the account, not the secret.
    let staff = admin.api.admin_staff(20, None).await.unwrap();
    let emails: Vec<&str> = staff.items.iter().map(|m| m.email.as_str()).collect();
    assert_eq!(emails, ["chiba@hub.example.jp", "ops@kakehashi.example"]);
    let raw = admin
        .api
        .get::<serde_json::Value>("/api/v1/admin/staff")
        .await
        .unwrap();
    assert!(!raw.to_string().contains(&created.password));

    // Renaming and moving the hub.
    let moved = admin
        .api
        .update_hub(
            hub.id,
            &HubPatch {
                name: Some("北東北拠点".into()),
                prefecture_codes: Some(vec!["05".into()]),
                response_deadline_days: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (moved.name.as_str(), moved.prefecture_codes.as_slice()),
        ("北東北拠点", ["05".to_owned()].as_slice())
    );
    assert_eq!(moved.response_deadline_days, 10);
    assert_eq!(
        status(
            admin
                .api
                .update_hub(hub.id + 100, &HubPatch::default())
                .await
        ),
        404
    );
    app.stop().await;
}

async fn only_admins_manage_hubs_and_staff(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    let hub = admin.api.create_hub(&iwate_hub()).await.unwrap();
    let coordinator = app.coordinator("kimura@hub.example.jp", &["03"]).await;
    let talent = app.talent("hanako@example.jp").await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    for user in [&coordinator, &talent, &company] {
        assert_eq!(status(user.api.admin_hubs().await), 403);
        assert_eq!(status(user.api.create_hub(&iwate_hub()).await), 403);
        assert_eq!(
            status(user.api.update_hub(hub.id, &HubPatch::default()).await),
            403
        );
        assert_eq!(status(user.api.admin_staff(20, None).await), 403);
        assert_eq!(
            status(
                user.api
                    .create_staff(&coordinator_input("x@hub.example.jp", hub.id))
                    .await
            ),
            403
        );
        assert_eq!(status(user.api.admin_partners().await), 403);
        assert_eq!(status(user.api.admin_outbox(20, None).await), 403);
    }
    let anonymous = app.client();
    assert_eq!(status(anonymous.admin_hubs().await), 401);
    assert_eq!(status(anonymous.admin_staff(20, None).await), 401);
    let response = app
        .http
        .get(app.url("/api/v1/admin/hubs"))
        .bearer_auth(&talent.session.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    app.stop().await;
}

fn coordinator_input(email: &str, hub_id: i64) -> StaffInput {
    coordinator(email, hub_id)
}

async fn bad_hubs_and_staff_are_refused_field_by_field(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin().await;
    assert_eq!(
        fields(
            admin
                .api
                .create_hub(&HubInput {
                    name: "  ".into(),
                    prefecture_codes: vec!["48".into()],
                    response_deadline_days: 365,
                })
                .await
        ),
        ["name", "prefecture_codes", "response_deadline_days"]
    );
    assert_eq!(
        fields(
            admin
                .api
                .create_hub(&HubInput {
                    prefecture_codes: vec![],
                    ..iwate_hub()
                })
                .await
        ),
        ["prefecture_codes"]
    );
    assert_eq!(app.count("hubs").await, 0);
    let hub = admin.api.create_hub(&iwate_hub()).await.unwrap();

    // A coordinator needs a hub (one that exists), partner staff a partner.
    let mut no_hub = coordinator("a@hub.example.jp", hub.id);
    no_hub.hub_id = None;
    assert_eq!(fields(admin.api.create_staff(&no_hub).await), ["hub_id"]);
    assert_eq!(
        fields(
            admin
                .api
                .create_staff(&coordinator("a@hub.example.jp", hub.id + 100))
                .await
        ),
        ["hub_id"]
    );
    let partner = StaffInput {
        role: Role::Partner,
        hub_id: None,
        ..coordinator("b@bank.example.jp", hub.id)
    };
    assert_eq!(
        fields(admin.api.create_staff(&partner).await),
        ["partner_id"]
    );
    let bad_text = StaffInput {
        email: "not an email".into(),
        display_name: String::new(),
        ..coordinator("c@hub.example.jp", hub.id)
    };
    assert_eq!(
        fields(admin.api.create_staff(&bad_text).await),
        ["email", "display_name"]
    );
    // Mass assignment: talent and company roles are not for this form.
    for role in [Role::Talent, Role::CompanyMember] {
        let input = StaffInput {
            role,
            hub_id: None,
            ..coordinator("d@hub.example.jp", hub.id)
        };
        assert_eq!(fields(admin.api.create_staff(&input).await), ["role"]);
    }
    let response = app
        .http
        .post(app.url("/api/v1/admin/staff"))
        .bearer_auth(&admin.session.access_token)
        .json(&serde_json::json!({
            "role": "coordinator", "email": "e@hub.example.jp", "display_name": "E",
            "hub_id": hub.id, "password": "chosen by the caller"
        }))
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_client_error(),
        "unknown fields such as a password are refused"
    );
    // One account per email, whatever its case.
    admin
        .api
        .create_staff(&coordinator("chiba@hub.example.jp", hub.id))
        .await
        .unwrap();
    let again = admin
        .api
        .create_staff(&coordinator("CHIBA@hub.example.jp", hub.id))
        .await;
    let problem = again.expect_err("a second account for the email");
    let problem = problem.problem().expect("a problem body");
    assert_eq!(
        (problem.status, problem.code.as_str()),
        (409, "email_taken")
    );
    app.stop().await;
}

crate::on_both_backends!(
    a_new_coordinator_signs_in_and_sees_the_hubs_review_queue,
    only_admins_manage_hubs_and_staff,
    bad_hubs_and_staff_are_refused_field_by_field,
);
