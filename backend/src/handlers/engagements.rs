use actix_web::{get, post, put, web, web::Json, HttpResponse};
use kakehashi_shared::contract::Contract;
use kakehashi_shared::engagement::{
    Acknowledge, EndInput, Engagement, Kickoff, Outcome, OutcomeInput, RenewalInput, Review,
    ReviewInput, WorkReport, WorkReportInput,
};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::services::engagements as service;

/// The caller's engagements: a talent's, a company's, a hub's.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "One page, newest first", body = Page<Engagement>))
)]
#[get("/engagements")]
pub async fn list(
    state: State,
    AuthUser(actor): AuthUser,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<Engagement>>, ApiError> {
    let page = page.request()?;
    Ok(Json(
        state
            .db
            .run(move |c| service::list(c, &actor, page))
            .await?,
    ))
}

/// One engagement with its kickoff, reports, reviews and outcomes; the talent's contact
/// details are included now that a contract is accepted.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    responses(
        (status = 200, description = "The engagement", body = Engagement),
        (status = 404, description = "Not an engagement of the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/engagements/{id}")]
pub async fn get(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Engagement>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        state.db.run(move |c| service::get(c, &actor, id)).await?,
    ))
}

/// Saves the kickoff plan: goals, deliverables, steps, the weekly meeting slot, members,
/// contact channels and reporting cadence.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    request_body = Kickoff,
    responses(
        (status = 200, description = "Saved", body = Engagement),
        (status = 409, description = "The engagement has ended", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/engagements/{id}/kickoff")]
pub async fn kickoff(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<Kickoff>,
) -> Result<Json<Engagement>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::save_kickoff(c, &actor, id, &body, now))
            .await?,
    ))
}

/// The talent's monthly work report.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    request_body = WorkReportInput,
    responses(
        (status = 201, description = "Submitted", body = WorkReport),
        (status = 409, description = "`report_exists` for the month, or the engagement has ended", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/engagements/{id}/reports")]
pub async fn report(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<WorkReportInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let report = state
        .db
        .write(move |c| service::submit_report(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(report))
}

/// The company acknowledges a report, with an optional comment.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Report id")),
    request_body = Acknowledge,
    responses(
        (status = 200, description = "Acknowledged", body = WorkReport),
        (status = 409, description = "`already_acknowledged`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/reports/{id}/acknowledge")]
pub async fn acknowledge(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<Acknowledge>,
) -> Result<Json<WorkReport>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::acknowledge_report(c, &actor, id, &body, now))
            .await?,
    ))
}

/// One side's 3-month review of the current term.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    request_body = ReviewInput,
    responses(
        (status = 201, description = "Submitted", body = Review),
        (status = 409, description = "`review_exists` for this side and term", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/engagements/{id}/reviews")]
pub async fn review(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<ReviewInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let review = state
        .db
        .write(move |c| service::submit_review(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(review))
}

/// Proposes the next term after both reviews agreed to renew; both sides accept it as a
/// contract.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    request_body = RenewalInput,
    responses(
        (status = 201, description = "The next term's contract, waiting for both acceptances", body = Contract),
        (status = 409, description = "`reviews_missing`, `renewal_not_agreed` or `renewal_exists`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/engagements/{id}/renewals")]
pub async fn renew(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<RenewalInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let contract = state
        .db
        .write(move |c| service::renew(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(contract))
}

/// Ends the engagement (the company or the talent), with the reason.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    request_body = EndInput,
    responses(
        (status = 200, description = "Ended", body = Engagement),
        (status = 409, description = "Already ended", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/engagements/{id}/end")]
pub async fn end(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<EndInput>,
) -> Result<Json<Engagement>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        super::write_indexed(&state, move |c| service::end(c, &actor, id, &body, now)).await?,
    ))
}

/// Records a direct (KPI before and after) or indirect outcome.
#[utoipa::path(
    tag = "engagements",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Engagement id")),
    request_body = OutcomeInput,
    responses((status = 201, description = "Recorded", body = Outcome))
)]
#[post("/engagements/{id}/outcomes")]
pub async fn outcome(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<OutcomeInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let outcome = state
        .db
        .write(move |c| service::add_outcome(c, &actor, id, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(outcome))
}
