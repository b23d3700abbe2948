//! The admin's endpoints: hubs, staff accounts, partners, and the email outbox. Every one
//! answers 401 without a session and 403 to anyone but an admin.

use actix_web::{get, patch, post, web, web::Json, HttpResponse};
use kakehashi_shared::admin::{
    AdminHub, HubInput, HubPatch, OutboxEmail, StaffCreated, StaffInput,
};
use kakehashi_shared::auth::Me;
use kakehashi_shared::enums::Role;
use kakehashi_shared::partner::Partner;
use kakehashi_shared::{Page, Problem};

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::json::ValidJson;
use crate::pagination::PageQuery;
use crate::policy;
use crate::repositories::{from_db_time, notifications as repo};
use crate::services::admin as service;

/// The email outbox, newest first (admins). Without SMTP configured, this is where email is read.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "One page", body = Page<OutboxEmail>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/outbox")]
pub async fn outbox(
    state: State,
    AuthUser(actor): AuthUser,
    page: web::Query<PageQuery>,
) -> Result<Json<Page<OutboxEmail>>, ApiError> {
    policy::require_role(&actor, &[Role::Admin])?;
    let page = page.request()?;
    let items = state
        .db
        .run(move |c| {
            let rows = repo::outbox(c, page.before, page.fetch())?;
            page.page(
                rows,
                |r| r.id,
                |r| {
                    Ok(OutboxEmail {
                        id: r.id,
                        to: r.to_email,
                        subject: r.subject,
                        body: r.body,
                        created_at: from_db_time(r.created_at),
                        sent_at: r.sent_at.map(from_db_time),
                        attempts: r.attempts,
                        last_error: r.last_error,
                    })
                },
            )
        })
        .await?;
    Ok(Json(items))
}

/// Every hub (拠点), oldest first, with its prefectures, answer deadline and coordinator count.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every hub (one page)", body = Page<AdminHub>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/hubs")]
pub async fn hubs(
    state: State,
    AuthUser(actor): AuthUser,
) -> Result<Json<Page<AdminHub>>, ApiError> {
    let hubs = state.db.run(move |c| service::list_hubs(c, &actor)).await?;
    Ok(Json(Page::complete(hubs)))
}

/// Creates a hub covering one or more prefectures.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    request_body = HubInput,
    responses(
        (status = 201, description = "Created", body = AdminHub),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another hub has this name (`conflict`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty name, unknown prefecture, or a deadline outside 1–60 days", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/hubs")]
pub async fn create_hub(
    state: State,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<HubInput>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let hub = state
        .db
        .write(move |c| service::create_hub(c, &actor, &body, now))
        .await?;
    Ok(HttpResponse::Created().json(hub))
}

/// Renames a hub, changes its deadline, or replaces the prefectures it covers.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Hub id")),
    request_body = HubPatch,
    responses(
        (status = 200, description = "The updated hub", body = AdminHub),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such hub", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another hub has this name (`conflict`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/hubs/{id}")]
pub async fn update_hub(
    state: State,
    AuthUser(actor): AuthUser,
    id: web::Path<i64>,
    ValidJson(body): ValidJson<HubPatch>,
) -> Result<Json<AdminHub>, ApiError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    Ok(Json(
        state
            .db
            .write(move |c| service::update_hub(c, &actor, id, &body, now))
            .await?,
    ))
}

/// Staff accounts (coordinators, partner staff, admins), newest first, with their hub or partner.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "One page", body = Page<Me>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/staff")]
pub async fn staff(
    state: State,
    AuthUser(actor): AuthUser,
    query: web::Query<PageQuery>,
) -> Result<Json<Page<Me>>, ApiError> {
    let page = query.request()?;
    Ok(Json(
        state
            .db
            .run(move |c| service::list_staff(c, &actor, page))
            .await?,
    ))
}

/// Opens a staff account. The server generates the password and returns it in this answer
/// only; it is stored as a hash and cannot be shown again.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    request_body = StaffInput,
    responses(
        (status = 201, description = "Created, with the first password", body = StaffCreated),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`email_taken`: the email already has an account", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, a role that is not a staff role, or a missing or unknown hub or partner", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/staff")]
pub async fn create_staff(
    state: State,
    AuthUser(actor): AuthUser,
    ValidJson(body): ValidJson<StaffInput>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let created = state
        .db
        .write(move |c| service::create_staff(c, &actor, &body, now))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("cache-control", "no-store"))
        .json(created))
}

/// Every regional partner organisation, oldest first, with its prefectures, allowed widget
/// origins, referral code and link, staff count and what it referred.
#[utoipa::path(
    tag = "partners",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every partner (one page)", body = Page<Partner>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Admins only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/partners")]
pub async fn partners(
    state: State,
    AuthUser(actor): AuthUser,
) -> Result<Json<Page<Partner>>, ApiError> {
    let partners = state
        .db
        .run(move |c| crate::services::partners::list(c, &actor))
        .await?;
    Ok(Json(Page::complete(partners)))
}
