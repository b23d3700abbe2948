//! `kakehashi admin`: hubs, partners and staff accounts from the command line.

use std::process::Command;

use kakehashi::db::{DatabaseUrl, Db};
use kakehashi_shared::auth::LoginRequest;
use kakehashi_shared::enums::Role;

use crate::util::TestApp;

fn kakehashi(db_url: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kakehashi"))
        .args(args)
        .env("DATABASE_URL", db_url)
        .env("KAKEHASHI_STAFF_PASSWORD", "coordinator password")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[actix_web::test]
async fn staff_accounts_made_on_the_command_line_can_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());

    let (ok, out) = kakehashi(
        &url,
        &[
            "admin",
            "create-hub",
            "--name",
            "いわて副業人材拠点",
            "--prefectures",
            "03,02",
        ],
    );
    assert!(ok, "{out}");
    assert!(out.contains("hub 1 created"), "{out}");
    let (ok, out) = kakehashi(
        &url,
        &[
            "admin",
            "create-hub",
            "--name",
            "存在しない県",
            "--prefectures",
            "48",
        ],
    );
    assert!(
        !ok && out.contains("prefectures"),
        "an unknown prefecture is refused: {out}"
    );
    let (ok, out) = kakehashi(
        &url,
        &[
            "admin",
            "create-staff",
            "--role",
            "coordinator",
            "--email",
            "chiba@hub.example",
            "--name",
            "千葉 恵子",
            "--hub",
            "1",
        ],
    );
    assert!(ok, "{out}");
    let (ok, out) = kakehashi(
        &url,
        &[
            "admin",
            "create-staff",
            "--role",
            "coordinator",
            "--email",
            "x@hub.example",
            "--name",
            "X",
        ],
    );
    assert!(!ok, "a coordinator needs a hub: {out}");
    let (ok, out) = kakehashi(
        &url,
        &[
            "admin",
            "create-staff",
            "--role",
            "talent",
            "--email",
            "t@x.example",
            "--name",
            "T",
        ],
    );
    assert!(!ok, "only staff roles: {out}");
    let (ok, out) = kakehashi(&url, &["admin", "list"]);
    assert!(ok && out.contains("いわて副業人材拠点\t02,03"), "{out}");

    let database_url = DatabaseUrl::parse(&url).unwrap();
    let app = TestApp::serve(
        Db::new(&database_url, 2).unwrap(),
        database_url,
        Some(dir),
        None,
    );
    let session = app
        .client()
        .login(&LoginRequest {
            email: "chiba@hub.example".into(),
            password: "coordinator password".into(),
        })
        .await
        .unwrap();
    assert_eq!(session.user.role, Role::Coordinator);
    let hub = session.user.hub.unwrap();
    assert_eq!(hub.prefecture_codes, ["02", "03"]);
    assert_eq!(hub.response_deadline_days, 14);
    app.stop().await;
}

#[actix_web::test]
async fn the_demo_data_set_loads_twice_without_change() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let (ok, first) = kakehashi(&url, &["seed", "--demo"]);
    assert!(ok, "{first}");
    assert!(first.contains("owner@iwate-seika.example"));
    let (ok, second) = kakehashi(&url, &["seed", "--demo"]);
    assert!(ok, "{second}");
    assert_eq!(first, second);
    let database_url = DatabaseUrl::parse(&url).unwrap();
    let app = TestApp::serve(
        Db::new(&database_url, 2).unwrap(),
        database_url,
        Some(dir),
        None,
    );
    assert_eq!(app.count("hubs").await, 3);
    // Postings and applications in every status, and a running engagement.
    let statuses = |table: &'static str| {
        let db = app.db.clone();
        async move {
            db.run(move |conn| {
                use diesel::prelude::*;
                #[derive(diesel::QueryableByName)]
                struct Row {
                    #[diesel(sql_type = diesel::sql_types::Text)]
                    status: String,
                }
                let rows: Vec<Row> = diesel::sql_query(format!(
                    "SELECT DISTINCT status FROM {table} ORDER BY status"
                ))
                .load(conn)?;
                Ok(rows.into_iter().map(|r| r.status).collect::<Vec<_>>())
            })
            .await
            .unwrap()
        }
    };
    assert_eq!(
        statuses("projects").await,
        [
            "changes_requested",
            "closed",
            "draft",
            "in_review",
            "published"
        ]
    );
    assert_eq!(
        statuses("applications").await,
        [
            "applied",
            "contracted",
            "declined",
            "interviewing",
            "offered",
            "shortlisted",
            "withdrawn"
        ]
    );
    assert_eq!(app.count("engagements").await, 1);
    assert_eq!(app.count("talent_profiles").await, 6);
    let session = app
        .client()
        .login(&LoginRequest {
            email: "coordinator.tottori@kakehashi.example".into(),
            password: kakehashi::seed::demo::DEMO_PASSWORD.into(),
        })
        .await
        .unwrap();
    assert_eq!(session.user.hub.unwrap().prefecture_codes, ["31"]);
    app.stop().await;
}
