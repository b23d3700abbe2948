//! Privacy (APPI): the person's data export, account deletion and consents. Sessions only:
//! `AuthUser` refuses API keys, so a key can never export or delete a person.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{delete, get, web, web::Json, HttpResponse};
use kakehashi_shared::privacy::{Consent, DeleteAccountRequest, PersonalDataExport};
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::rate_limit::{self, Bucket};
use crate::services::privacy;

/// Downloads everything Kakehashi holds about the caller as one JSON file (開示). Other
/// people's data appears only as the caller could already see it (a company's name, the
/// messages of their own conversations); what is withheld and why is listed in `withheld`.
#[utoipa::path(
    tag = "privacy",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The export, as an attachment `kakehashi-export-YYYYMMDD.json`", body = PersonalDataExport,
            headers(("content-disposition" = String, description = "attachment; filename=\"kakehashi-export-20261121.json\""))),
        (status = 401, description = "No valid access token, or the account was deleted", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key (`api_key_not_accepted`): only the person may export", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/export")]
pub async fn export(state: State, AuthUser(actor): AuthUser) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let data = state
        .db
        .run(move |conn| privacy::export(conn, &actor, now))
        .await?;
    let name = format!("kakehashi-export-{}.json", now.format("%Y%m%d"));
    Ok(HttpResponse::Ok()
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(name)],
        })
        .json(data))
}

/// Deletes the caller's account (削除). Needs the current password, so a stolen access
/// token alone cannot do it. Name, email, phone, profile and application texts are erased or
/// replaced (messages then show 「退会したユーザー」); sessions and API keys are revoked and
/// the person leaves the search index. Contracts and work records are kept as accounting law
/// requires (docs/PRIVACY.md). Signing in afterwards fails like an unknown account. Repeating
/// the request after success answers 204 again.
#[utoipa::path(
    tag = "privacy",
    security(("bearer" = [])),
    request_body = DeleteAccountRequest,
    responses(
        (status = 204, description = "Deleted (or already deleted)"),
        (status = 400, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A staff account (an admin closes those), or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`active_engagement`: end the running engagement first; `last_company_member`: the company's only member", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`password` missing or not the current password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`: too many attempts for this account (the sign-in lockout's allowance, 10 in 15 minutes by default); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me")]
pub async fn delete_account(
    state: State,
    AuthUser(actor): AuthUser,
    body: ValidJson<DeleteAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    // A stolen access token must not become a way to guess the password: each attempt spends
    // the same allowance as failed sign-ins, kept per account.
    rate_limit::check(
        &state,
        Bucket::LoginEmail,
        &format!("account:{}", actor.user_id),
    )
    .await?;
    privacy::delete_account(&state, &actor, &body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's consents, newest first: the terms and the privacy policy accepted at
/// registration (with their versions) and each case study they agreed to publish.
#[utoipa::path(
    tag = "privacy",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every consent (one page)", body = Page<Consent>),
        (status = 401, description = "No valid access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/consents")]
pub async fn consents(
    state: State,
    AuthUser(actor): AuthUser,
) -> Result<Json<Page<Consent>>, ApiError> {
    Ok(Json(
        state
            .db
            .run(move |conn| privacy::consents(conn, &actor))
            .await?,
    ))
}

/// Withdraws a case study consent while the study is still a draft: it cannot be published
/// until the caller's side consents again. Withdrawing twice answers the same consent.
#[utoipa::path(
    tag = "privacy",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Consent id")),
    responses(
        (status = 200, description = "Withdrawn", body = Consent),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not one of the caller's consents", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`consent_not_withdrawable` (the terms or the policy: delete the account instead); `illegal_transition:published:withdraw_consent` (already published)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/consents/{id}")]
pub async fn withdraw_consent(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
) -> Result<Json<Consent>, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    Ok(Json(
        state
            .db
            .write(move |conn| privacy::withdraw(conn, &actor, id, now))
            .await?,
    ))
}
