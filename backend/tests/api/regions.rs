//! Region facts: travel from Tokyo and rent from the compiled CSV, with the prefecture.

use crate::on_both_backends;
use crate::util::{Backend, TestApp};

async fn a_prefecture_with_figures_has_its_city(backend: Backend) {
    let app = TestApp::start(backend).await;
    let iwate = app.client().region("03").await.unwrap();
    assert_eq!(iwate.prefecture.code, "03");
    assert_eq!(
        (
            iwate.prefecture.name_ja.as_str(),
            iwate.prefecture.name_en.as_str(),
            iwate.prefecture.region_ja.as_str()
        ),
        ("岩手県", "Iwate", "東北")
    );
    assert_eq!(iwate.cities.len(), 1);
    let morioka = &iwate.cities[0];
    assert_eq!(
        (morioka.name_ja.as_str(), morioka.name_en.as_str()),
        ("盛岡市", "Morioka")
    );
    assert_eq!(
        (morioka.one_way_minutes, morioka.one_way.as_str()),
        (132, "2:12")
    );
    assert_eq!(morioka.round_trip_fare_yen, 29_620);
    assert_eq!(morioka.two_round_trips_yen, 59_240);
    assert_eq!(morioka.monthly_rent_yen, 50_302);
    assert_eq!(morioka.rent_plus_two_round_trips_yen, 109_542);
    assert!(
        iwate.programmes.is_empty(),
        "a fresh database has no programmes (tests/api/partners.rs adds some)"
    );
    app.stop().await;
}

async fn tokyo_has_no_cities_and_bad_codes_are_problems(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tokyo = app.client().region("13").await.unwrap();
    assert_eq!(tokyo.prefecture.name_ja, "東京都");
    assert!(tokyo.cities.is_empty(), "Tokyo is the starting point");
    assert!(tokyo.programmes.is_empty());

    for (code, status, problem) in [
        ("99", 404, "not_found"),
        ("x", 422, "validation_failed"),
        ("003", 422, "validation_failed"),
    ] {
        let response = app
            .http
            .get(app.url(&format!("/api/v1/regions/{code}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), status, "{code}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(content_type, "application/problem+json", "{code}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["code"], problem, "{code}");
        if status == 422 {
            assert_eq!(body["errors"][0]["field"], "prefecture", "{code}");
        }
    }
    app.stop().await;
}

on_both_backends!(
    a_prefecture_with_figures_has_its_city,
    tokyo_has_no_cities_and_bad_codes_are_problems
);
