//! Backups: `kakehashi backup` taken while the app serves and writes, and `kakehashi restore`
//! into another database (a new machine) and over one with newer data; a file that is not a
//! backup is refused and changes nothing. On SQLite and PostgreSQL.

use actix_web::web;
use diesel::prelude::*;
use kakehashi::backup::{backup, restore};
use kakehashi::db::schema::users;
use kakehashi::db::{DatabaseUrl, Db};

use crate::on_both_backends;
use crate::util::{postgres_url, Backend, PgDatabase, TestApp};

/// How many accounts have each email, read through a fresh pool.
async fn accounts(url: &DatabaseUrl, emails: &[&'static str]) -> Vec<i64> {
    let (url, emails) = (url.clone(), emails.to_vec());
    web::block(move || {
        let db = Db::new(&url, 1).expect("pool");
        let mut conn = db.get().expect("connection");
        emails
            .iter()
            .map(|e| {
                users::table
                    .filter(users::email.eq(*e))
                    .count()
                    .get_result::<i64>(&mut *conn)
                    .expect("count")
            })
            .collect()
    })
    .await
    .expect("block")
}

/// A database of the same backend to restore into, and what keeps it alive.
fn another_database(backend: Backend, dir: &std::path::Path) -> (DatabaseUrl, Option<PgDatabase>) {
    match backend {
        Backend::Sqlite => (
            DatabaseUrl::parse(&format!("sqlite://{}", dir.join("restored.db").display()))
                .expect("url"),
            None,
        ),
        Backend::Postgres => {
            let pg = PgDatabase::create(&postgres_url().expect("TEST_POSTGRES_URL"));
            (DatabaseUrl::parse(&pg.url).expect("url"), Some(pg))
        }
    }
}

async fn a_backup_taken_while_serving_restores_exactly(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.register_talent("before@backup.test").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("kakehashi.backup");

    // Requests keep writing while the copy is taken.
    let (url, out) = (app.database_url.clone(), file.clone());
    let copy = web::block(move || backup(&url, &out));
    let (copied, _) = futures_util::join!(copy, app.register_talent("during@backup.test"));
    copied.expect("block").expect("backup");
    assert!(file.is_file());

    // A backup never overwrites a file.
    let (url, out) = (app.database_url.clone(), file.clone());
    let again = web::block(move || backup(&url, &out)).await.expect("block");
    assert!(again.expect_err("refused").contains("already exists"));

    app.register_talent("after@backup.test").await;

    // Restored into another database (a new machine): what was there before the backup is
    // there, what came after is not, and the schema is current.
    let (target, _pg) = another_database(backend, dir.path());
    let (to, from) = (target.clone(), file.clone());
    web::block(move || restore(&to, &from))
        .await
        .expect("block")
        .expect("restore");
    assert_eq!(
        accounts(&target, &["before@backup.test", "after@backup.test"]).await,
        vec![1, 0]
    );
    let to = target.clone();
    let pending = web::block(move || Db::new(&to, 1).expect("pool").migrate())
        .await
        .expect("block")
        .expect("migrate");
    assert_eq!(pending, 0, "a backup carries the schema it was taken with");

    // Restored over the live database's newer data: back to the backup. (On SQLite the server
    // must be stopped first, which this app cannot be while the test holds its files.)
    let (to, from) = (app.database_url.clone(), file.clone());
    if backend == Backend::Postgres {
        web::block(move || restore(&to, &from))
            .await
            .expect("block")
            .expect("restore over data");
        assert_eq!(
            accounts(
                &app.database_url,
                &["before@backup.test", "after@backup.test"]
            )
            .await,
            vec![1, 0]
        );
    }

    // A file that is not a backup is refused, and the database is unchanged.
    let junk = dir.path().join("junk.backup");
    std::fs::write(&junk, "not a backup").expect("write");
    let (to, from) = (target.clone(), junk.clone());
    let refused = web::block(move || restore(&to, &from))
        .await
        .expect("block");
    assert!(refused.is_err(), "a junk file must be refused");
    assert_eq!(
        accounts(&target, &["before@backup.test", "after@backup.test"]).await,
        vec![1, 0]
    );
    app.stop().await;
}

on_both_backends!(a_backup_taken_while_serving_restores_exactly);
