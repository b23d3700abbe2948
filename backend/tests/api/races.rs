//! Requests that race each other on the same record get real answers, never a spurious error.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use kakehashi::error::ApiError;

use crate::fixtures::talent_profile;
use crate::on_both_backends;
use crate::util::{Backend, TestApp, PASSWORD};

/// A person saving a new profile twice at once (a double tap on a phone): on PostgreSQL both
/// saves found no row and both inserted, and the second answered 409 "already exists".
async fn first_profile_saves_racing_all_succeed(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.register_talent("race@example.jp").await;
    let talent = app.login("race@example.jp", PASSWORD).await;
    let profile = talent_profile();
    let answers =
        futures_util::future::join_all((0..6).map(|_| talent.api.save_talent_profile(&profile)))
            .await;
    for answer in answers {
        let saved = answer.expect("every racing save succeeds");
        assert_eq!(saved.profile.headline, profile.headline);
    }
    app.stop().await;
}

/// A write that reads and then writes, with another writer committing in between (an apply
/// checked against the posting while someone else's message lands): on SQLite the plain
/// transaction was refused at once (`SQLITE_BUSY_SNAPSHOT`) and run again, and under load some
/// ran out of retries and answered 503. The write lock is now taken up front, so the other
/// writer waits its turn and the write runs once.
async fn a_write_overtaken_between_its_read_and_its_write_runs_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.db
        .write(|c| Ok(c.batch_execute("CREATE TABLE race_probe (n INTEGER NOT NULL)")?))
        .await
        .expect("probe table");
    let (read_done, wait_for_read) = std::sync::mpsc::channel::<()>();
    let other_db = app.db.clone();
    let other_writer = std::thread::spawn(move || {
        wait_for_read.recv().expect("the write has read");
        let mut c = other_db.get().expect("a second connection");
        c.batch_execute("INSERT INTO race_probe (n) VALUES (2)")
    });
    let attempts = Arc::new(AtomicUsize::new(0));
    let counted = attempts.clone();
    app.db
        .write(move |c| {
            c.transaction(|c| {
                c.batch_execute("SELECT count(*) FROM race_probe")?;
                if counted.fetch_add(1, Ordering::SeqCst) == 0 {
                    read_done.send(()).expect("the other writer waits");
                    // Room for the other writer to commit, were it not made to wait.
                    std::thread::sleep(Duration::from_millis(300));
                }
                c.batch_execute("INSERT INTO race_probe (n) VALUES (1)")?;
                Ok::<_, ApiError>(())
            })
        })
        .await
        .expect("the write succeeds");
    other_writer
        .join()
        .expect("no panic")
        .expect("the other writer succeeds too");
    assert_eq!(attempts.load(Ordering::SeqCst), 1, "run once, not retried");
    assert_eq!(app.count("race_probe").await, 2);
    app.stop().await;
}

on_both_backends!(
    first_profile_saves_racing_all_succeed,
    a_write_overtaken_between_its_read_and_its_write_runs_once,
);
