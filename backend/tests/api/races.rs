//! Requests that race each other on the same record get real answers, never a spurious error.

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

on_both_backends!(first_profile_saves_racing_all_succeed);
