//! What the property tests and fuzz targets found (issue 7, item 2), pinned at the API.

use kakehashi_shared::engagement::WorkReportInput;
use serde_json::{json, Value};

use crate::fixtures::engaged;
use crate::on_both_backends;
use crate::util::{Backend, TestApp};

/// A search cursor at `usize::MAX` overflowed the page arithmetic (a panic, so a 500, in debug
/// builds): it is a page past the end, like any other too-large cursor.
async fn a_cursor_past_the_end_is_an_empty_page(backend: Backend) {
    let app = TestApp::start(backend).await;
    for cursor in ["18446744073709551615", "18446744073709551600", "1000"] {
        let res = app
            .http
            .get(app.url(&format!("/api/v1/projects?cursor={cursor}&limit=100")))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status().as_u16(), 200, "cursor {cursor}");
        let page: Value = res.json().await.expect("page");
        assert_eq!(page["items"], json!([]), "cursor {cursor}");
        assert_eq!(page["next_cursor"], Value::Null, "cursor {cursor}");
    }
}

/// `2027-+1` was read as January 2027, so one month could be reported twice under two
/// spellings.
async fn a_report_month_has_one_spelling(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_company, _coordinator, talent, engagement, _contract) = engaged(&app).await;
    let report = |month: &str| WorkReportInput {
        month: month.to_owned(),
        hours: 20,
        summary: "商品ページを改善しました。".into(),
        outcomes: String::new(),
        next_steps: String::new(),
    };
    for month in ["2027-+1", "+027-01", "2027-1"] {
        let err = talent
            .api
            .submit_report(engagement, &report(month))
            .await
            .expect_err(month);
        let problem = err.problem().expect("a problem");
        assert_eq!(problem.status, 422, "{month}");
        let fields: Vec<(&str, &str)> = problem
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(fields, [("month", "invalid_format")], "{month}");
    }
}

/// The JSON spelling of revenue bands was `under100m` while the database (and `parse`) said
/// `under_100m`: the API now reads and writes the database's spelling, and refuses the other.
async fn revenue_bands_use_one_spelling(backend: Backend) {
    let app = TestApp::start(backend).await;
    let company = app.company_user("owner@iwate-seika.example", "03").await;
    let id = company.session.user.company.as_ref().expect("a company").id;
    let patch = |band: &str| {
        app.http
            .patch(app.url(&format!("/api/v1/companies/{id}")))
            .bearer_auth(&company.session.access_token)
            .json(&json!({ "revenue_band": band }))
            .send()
    };
    let res = patch("from_100m_to_1b").await.expect("request");
    assert_eq!(res.status().as_u16(), 200);
    let body: Value = res.json().await.expect("company");
    assert_eq!(body["revenue_band"], json!("from_100m_to_1b"));
    let res = patch("from100m_to1b").await.expect("request");
    assert_eq!(res.status().as_u16(), 422);
}

on_both_backends!(
    a_cursor_past_the_end_is_an_empty_page,
    a_report_month_has_one_spelling,
    revenue_bands_use_one_spelling,
);
