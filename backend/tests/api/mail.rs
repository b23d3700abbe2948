//! Email goes through the outbox: readable by admins, and sent over SMTP when configured.

use kakehashi::services::mail::{deliver, Mailer};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::fixtures::status;
use crate::util::{Backend, TestApp};

/// A minimal SMTP receiver: accepts every message and hands back the DATA it got.
async fn smtp_sink(
    listener: tokio::net::TcpListener,
    messages: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
) {
    while let Ok((stream, _)) = listener.accept().await {
        let messages = messages.clone();
        tokio::spawn(async move {
            let (read, mut write) = stream.into_split();
            let mut lines = BufReader::new(read).lines();
            let _ = write.write_all(b"220 sink ESMTP\r\n").await;
            let mut data: Option<String> = None;
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(body) = data.as_mut() {
                    if line == "." {
                        messages.lock().unwrap().push(std::mem::take(body));
                        data = None;
                        let _ = write.write_all(b"250 queued\r\n").await;
                    } else {
                        body.push_str(&line);
                        body.push('\n');
                    }
                    continue;
                }
                let verb = line
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "EHLO" | "HELO" => b"250 sink\r\n",
                    "DATA" => {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    }
                    "QUIT" => {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    }
                    _ => b"250 ok\r\n",
                };
                let _ = write.write_all(reply).await;
            }
        });
    }
}

#[actix_web::test]
async fn the_outbox_is_read_by_admins_and_sent_over_smtp() {
    let app = TestApp::start(Backend::Sqlite).await;
    let talent = app.talent("hanako@example.jp").await;
    let _ = app.company_user("owner@example.jp", "03").await;
    let coordinator = app.coordinator("c@hub.example", &["03"]).await;
    // Something worth an email: a draft submitted for review notifies the coordinator.
    let company = app.login("owner@example.jp", crate::util::PASSWORD).await;
    let project = company
        .api
        .create_project(None, &crate::fixtures::complete_draft(app.now()))
        .await
        .unwrap();
    company.api.submit_project(project.id).await.unwrap();
    let _ = coordinator;

    let admin = app.admin().await;
    let outbox: Value = admin.api.get("/api/v1/admin/outbox").await.unwrap();
    let first = &outbox["items"][0];
    assert_eq!(first["to"], "c@hub.example");
    assert!(first["subject"]
        .as_str()
        .unwrap()
        .contains("求人票の確認依頼"));
    assert!(first["sent_at"].is_null());
    assert_eq!(
        status(talent.api.get::<Value>("/api/v1/admin/outbox").await),
        403
    );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    tokio::spawn(smtp_sink(listener, received.clone()));
    let mailer = Mailer::from_config(
        &format!("smtp://127.0.0.1:{port}"),
        "架け橋 <no-reply@kakehashi.example>",
    )
    .unwrap();
    let now = app.now();
    let sent = app.db.run(move |c| deliver(c, &mailer, now)).await.unwrap();
    assert_eq!(sent, 1);
    assert_eq!(received.lock().unwrap().len(), 1);
    let outbox: Value = admin.api.get("/api/v1/admin/outbox").await.unwrap();
    assert!(!outbox["items"][0]["sent_at"].is_null());
    app.stop().await;
}
