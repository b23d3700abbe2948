use actix_web::{get, web, web::Json};
use chrono::{DateTime, Utc};
use kakehashi_shared::enums::Role;
use kakehashi_shared::{Page, Problem};
use serde::Serialize;
use utoipa::ToSchema;

use super::State;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::pagination::PageQuery;
use crate::policy;
use crate::repositories::{from_db_time, notifications as repo};

/// An email in the outbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxEmail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Absent while waiting (no SMTP configured, or retrying).
    pub sent_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub last_error: Option<String>,
}

/// The email outbox, newest first (admins). Without SMTP configured, this is where email is read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "One page", body = Page<OutboxEmail>),
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
