//! The taxonomies, served from the database and loaded idempotently.

use crate::on_both_backends;
use crate::util::{Backend, TestApp};

async fn taxonomies_are_served(backend: Backend) {
    let app = TestApp::start(backend).await;
    let client = app.client();
    let prefectures = client.prefectures().await.unwrap();
    assert_eq!(prefectures.items.len(), 47);
    assert_eq!(prefectures.next_cursor, None);
    let iwate = prefectures.items.iter().find(|p| p.code == "03").unwrap();
    assert_eq!(
        (iwate.name_ja.as_str(), iwate.region_en.as_str()),
        ("岩手県", "Tohoku")
    );
    assert_eq!(prefectures.items[0].code, "01", "in code order");

    let industries = client.industries().await.unwrap().items;
    assert_eq!(industries.len(), 20);
    assert_eq!(industries[4].name_ja, "製造業");

    let challenges = client.challenges().await.unwrap().items;
    assert_eq!(challenges.len(), 39);
    assert!(challenges
        .iter()
        .any(|c| c.code == "ec" && c.group_code == "sales"));

    let skills = client.skills().await.unwrap().items;
    assert!(skills.len() >= 60);
    let groups: std::collections::BTreeSet<_> =
        skills.iter().map(|s| s.group_code.as_str()).collect();
    for group in [
        "digital_marketing",
        "ec",
        "web_it",
        "data",
        "finance",
        "hr",
        "sales",
        "product",
        "manufacturing",
        "pr_branding",
        "legal",
        "overseas",
        "management",
    ] {
        assert!(groups.contains(group), "skill group {group}");
    }
    assert!(skills
        .iter()
        .all(|s| !s.name_ja.is_empty() && !s.name_en.is_empty()));
    app.stop().await;
}

async fn loading_twice_changes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let before = (app.count("prefectures").await, app.count("skills").await);
    let db = app.db.clone();
    let loaded = actix_web::web::block(move || {
        let mut conn = db.get().unwrap();
        kakehashi::seed::reference::load(&mut conn)
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!(loaded.prefectures, 47);
    assert_eq!(
        (app.count("prefectures").await, app.count("skills").await),
        before
    );
    app.stop().await;
}

on_both_backends!(taxonomies_are_served, loading_twice_changes_nothing);
