//! Webhook subscriptions (admins and partner staff), the delivery log, manual redelivery, and
//! `emit`, which the workflow services call inside their own transactions: an event becomes
//! rows in the outbox (`webhook_deliveries`) committed with the change itself, and a background
//! worker (`webhook_delivery::deliver_due`) sends them. A request never waits for a receiver.
//!
//! Who receives an event: the platform's subscriptions (made by admins) receive every event;
//! a partner's subscriptions receive events in the prefectures the partner covers. Payloads
//! carry ids, types, statuses, the prefecture, times and public fields only, never a talent's
//! name, email or proposal, because a partner's receiver is outside the platform.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::enums::Role;
use kakehashi_shared::webhook::{
    DeliveryState, Webhook, WebhookAttempt, WebhookCreated, WebhookDelivery, WebhookEventType,
    WebhookInput,
};
use kakehashi_shared::Page;
use rand::RngCore;

use super::webhook_delivery::check_target;
use crate::db::{AnyConnection, Db};
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::Actor;
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::json::{from_text, to_text};
use crate::repositories::webhooks::{self as repo, DeliveryRow, NewDelivery, NewSubscription};
use crate::repositories::{from_db_time, to_db_time};

/// Whose subscriptions the caller manages: the platform's (`None`, admins) or one partner's.
/// Everyone else is refused.
fn owner(actor: &Actor) -> Result<Option<i64>, ApiError> {
    match (actor.role, actor.partner_id) {
        (Role::Admin, _) => Ok(None),
        (Role::Partner, Some(partner)) => Ok(Some(partner)),
        _ => Err(ApiError::Forbidden),
    }
}

/// A subscription the caller may see: admins see every one, partner staff their partner's.
/// Others' and deleted ones answer 404.
fn visible(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
) -> Result<repo::SubscriptionRow, ApiError> {
    let owner = owner(actor)?;
    let row = repo::subscription(conn, id)?.ok_or(ApiError::NotFound)?;
    if !row.active || (!actor.is_admin() && row.partner_id != owner) {
        return Err(ApiError::NotFound);
    }
    Ok(row)
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

fn to_dto(row: repo::SubscriptionRow) -> Result<Webhook, ApiError> {
    let names: Vec<String> = from_text(&row.event_types)?;
    Ok(Webhook {
        id: row.id,
        partner_id: row.partner_id,
        url: row.url,
        events: names
            .iter()
            .filter_map(|n| WebhookEventType::parse(n))
            .collect(),
        active: row.active,
        created_at: from_db_time(row.created_at),
        created_by: row.created_by,
    })
}

/// Creates a subscription. The target is checked (scheme, and every address its name resolves
/// to) before anything is stored; a refused target is a 422 on `url`. The secret is returned
/// this once.
pub async fn create(
    db: &Db,
    actor: Actor,
    input: WebhookInput,
    allow_private: bool,
    now: DateTime<Utc>,
) -> Result<WebhookCreated, ApiError> {
    let partner_id = owner(&actor)?;
    let url = input.url.trim().to_owned();
    let checked = url.clone();
    actix_web::web::block(move || check_target(&checked, allow_private))
        .await
        .map_err(|e| ApiError::internal(format!("address check: {e}")))?
        .map_err(|r| r.into_field_error())?;
    let secret = format!("whsec_{}", random_hex(32));
    let events: Vec<&str> = input.events.iter().map(|e| e.as_str()).collect();
    let event_types = to_text(&events)?;
    let stored = secret.clone();
    let webhook = db
        .write(move |c| {
            c.transaction(|c| {
                let id = repo::insert_subscription(
                    c,
                    &NewSubscription {
                        partner_id,
                        url: &url,
                        secret: &stored,
                        event_types: &event_types,
                        created_by: actor.user_id,
                        now: to_db_time(now),
                    },
                )?;
                audit::record(
                    c,
                    &AuditEntry::new("webhook", id, "created", now).by(actor.user_id),
                )?;
                to_dto(repo::subscription(c, id)?.ok_or(ApiError::NotFound)?)
            })
        })
        .await?;
    Ok(WebhookCreated { webhook, secret })
}

/// The caller's active subscriptions, oldest first (admins: every one, partners' included).
pub fn list(conn: &mut AnyConnection, actor: &Actor) -> Result<Vec<Webhook>, ApiError> {
    // Admins' owner is the platform (None), which here means no filter: they see every one.
    let partner = owner(actor)?;
    repo::active_subscriptions(conn, partner)?
        .into_iter()
        .map(to_dto)
        .collect()
}

/// Deletes (deactivates) a subscription: nothing more is sent to it, including deliveries
/// still waiting; the rows stay for the audit trail.
pub fn delete(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    conn.transaction(|conn| {
        visible(conn, actor, id)?;
        if !repo::deactivate(conn, id)? {
            return Err(ApiError::NotFound);
        }
        audit::record(
            conn,
            &AuditEntry::new("webhook", id, "deleted", now).by(actor.user_id),
        )?;
        Ok(())
    })
}

fn delivery_dto(
    row: DeliveryRow,
    attempts: Vec<WebhookAttempt>,
) -> Result<WebhookDelivery, ApiError> {
    let event_type = WebhookEventType::parse(&row.event_type)
        .ok_or_else(|| ApiError::internal(format!("unknown event type {}", row.event_type)))?;
    let state = if row.delivered_at.is_some() {
        DeliveryState::Delivered
    } else if row.given_up_at.is_some() {
        DeliveryState::GivenUp
    } else {
        DeliveryState::Pending
    };
    Ok(WebhookDelivery {
        id: row.id,
        webhook_id: row.subscription_id,
        event_id: row.event_id,
        event_type,
        state,
        payload: from_text(&row.payload)?,
        created_at: from_db_time(row.created_at),
        attempts: row.attempts,
        next_attempt_at: row.next_attempt_at.map(from_db_time),
        delivered_at: row.delivered_at.map(from_db_time),
        given_up_at: row.given_up_at.map(from_db_time),
        last_status: row.last_status,
        last_error: row.last_error,
        redelivery_of: row.redelivery_of,
        attempt_log: attempts,
    })
}

fn with_attempts(
    conn: &mut AnyConnection,
    rows: Vec<DeliveryRow>,
) -> Result<Vec<WebhookDelivery>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut attempts = repo::attempts_of(conn, &ids)?;
    rows.into_iter()
        .map(|row| {
            let mine = attempts
                .iter()
                .filter(|a| a.delivery_id == row.id)
                .map(|a| WebhookAttempt {
                    attempted_at: from_db_time(a.attempted_at),
                    status_code: a.status_code,
                    error: a.error.clone(),
                    duration_ms: a.duration_ms,
                })
                .collect();
            attempts.retain(|a| a.delivery_id != row.id);
            delivery_dto(row, mine)
        })
        .collect()
}

/// A subscription's delivery log, newest first, each delivery with its attempts.
pub fn deliveries(
    conn: &mut AnyConnection,
    actor: &Actor,
    webhook_id: i64,
    page: PageRequest,
) -> Result<Page<WebhookDelivery>, ApiError> {
    visible(conn, actor, webhook_id)?;
    let rows = repo::deliveries_page(conn, webhook_id, page.before, page.fetch())?;
    let more = rows.len() as i64 > page.limit;
    let next_cursor = if more {
        rows.get(usize::try_from(page.limit - 1).unwrap_or(0))
            .map(|r| r.id.to_string())
    } else {
        None
    };
    let mut rows = rows;
    rows.truncate(usize::try_from(page.limit).unwrap_or(usize::MAX));
    Ok(Page {
        items: with_attempts(conn, rows)?,
        next_cursor,
    })
}

/// Queues the event of a delivery again for the same subscription, due at once, with a fresh
/// 24-hour window. The envelope is the same (same event id), so a receiver that already
/// processed it can recognise the duplicate.
pub fn redeliver(
    conn: &mut AnyConnection,
    actor: &Actor,
    delivery_id: i64,
    now: DateTime<Utc>,
) -> Result<WebhookDelivery, ApiError> {
    conn.transaction(|conn| {
        let original = repo::delivery(conn, delivery_id)?.ok_or(ApiError::NotFound)?;
        visible(conn, actor, original.subscription_id)?;
        let id = repo::insert_delivery(
            conn,
            &NewDelivery {
                subscription_id: original.subscription_id,
                event_id: &original.event_id,
                event_type: &original.event_type,
                payload: &original.payload,
                now: to_db_time(now),
                redelivery_of: Some(original.id),
            },
        )?;
        audit::record(
            conn,
            &AuditEntry::new("webhook_delivery", id, "redeliver", now).by(actor.user_id),
        )?;
        let row = repo::delivery(conn, id)?.ok_or(ApiError::NotFound)?;
        delivery_dto(row, Vec::new())
    })
}

/// Queues `event_type` with `data` for every subscription that should receive it. Call it
/// inside the transaction of the change, so the event exists exactly when the change does.
/// `data` must hold public fields only (see the module's note); `prefecture_code` is added.
pub fn emit(
    conn: &mut AnyConnection,
    event_type: WebhookEventType,
    prefecture_code: &str,
    data: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let type_name = event_type.as_str();
    let mut targets = Vec::new();
    for sub in repo::active_subscriptions(conn, None)? {
        let events: Vec<String> = from_text(&sub.event_types)?;
        if !events.iter().any(|e| e == type_name) {
            continue;
        }
        let receives = match sub.partner_id {
            None => true,
            Some(partner) => repo::partner_covers(conn, partner, prefecture_code)?,
        };
        if receives {
            targets.push(sub.id);
        }
    }
    if targets.is_empty() {
        return Ok(0);
    }
    let mut data = data;
    if let Some(object) = data.as_object_mut() {
        object.insert(
            "prefecture_code".to_owned(),
            serde_json::Value::String(prefecture_code.to_owned()),
        );
    }
    let event_id = format!("evt_{}", random_hex(16));
    let envelope = serde_json::json!({
        "id": event_id,
        "type": type_name,
        "created_at": crate::repositories::from_db_time(to_db_time(now)),
        "data": data,
    });
    let payload = to_text(&envelope)?;
    for subscription_id in &targets {
        repo::insert_delivery(
            conn,
            &NewDelivery {
                subscription_id: *subscription_id,
                event_id: &event_id,
                event_type: type_name,
                payload: &payload,
                now: to_db_time(now),
                redelivery_of: None,
            },
        )?;
    }
    Ok(targets.len())
}

/// RFC 3339 in UTC with at most microseconds, as every time in the API.
pub fn time(t: chrono::NaiveDateTime) -> serde_json::Value {
    serde_json::to_value(from_db_time(t)).unwrap_or(serde_json::Value::Null)
}

// The events. Each takes what its service already loaded and picks the public fields.

/// `project.published`: a posting passed review and is public (its public fields).
pub fn project_published(
    conn: &mut AnyConnection,
    p: &crate::repositories::projects::ProjectWithCompany,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let project = &p.project;
    emit(
        conn,
        WebhookEventType::ProjectPublished,
        &p.prefecture_code,
        serde_json::json!({
            "project_id": project.id,
            "company_id": project.company_id,
            "company_name": p.company_name,
            "industry_code": p.industry_code,
            "title": project.title,
            "status": project.status,
            "monthly_fee": project.monthly_fee,
            "hours_per_month": project.hours_per_month,
            "recruitment_closes_at": project.recruitment_closes_at.map(time),
            "published_at": project.published_at.map(time),
            "path": format!("/projects/{}", project.id),
        }),
        now,
    )
}

/// The public facts of an application: ids, status and times. Never the talent's name,
/// email, proposal or screening answers.
fn application_data(
    ctx: &crate::repositories::applications::ApplicationContext,
) -> serde_json::Value {
    let a = &ctx.application;
    serde_json::json!({
        "application_id": a.id,
        "project_id": a.project_id,
        "company_id": ctx.company_id,
        "status": a.status,
        "referred_by_partner_id": a.referred_by_partner_id,
        "created_at": time(a.created_at),
        "updated_at": time(a.updated_at),
    })
}

/// `application.created`: a talent applied.
pub fn application_created(
    conn: &mut AnyConnection,
    ctx: &crate::repositories::applications::ApplicationContext,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    emit(
        conn,
        WebhookEventType::ApplicationCreated,
        &ctx.prefecture_code,
        application_data(ctx),
        now,
    )
}

/// `application.status_changed`: `from` → `to` (the context may be read before the move).
pub fn application_status_changed(
    conn: &mut AnyConnection,
    ctx: &crate::repositories::applications::ApplicationContext,
    from: &str,
    to: &str,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let mut data = application_data(ctx);
    if let Some(object) = data.as_object_mut() {
        object.insert("status".into(), to.into());
        object.insert("previous_status".into(), from.into());
        object.insert("changed_at".into(), time(to_db_time(now)));
    }
    emit(
        conn,
        WebhookEventType::ApplicationStatusChanged,
        &ctx.prefecture_code,
        data,
        now,
    )
}

/// `contract.accepted`: both sides accepted the terms, so the engagement starts (or, for a
/// renewal, its next term does).
pub fn contract_accepted(
    conn: &mut AnyConnection,
    ctx: &crate::repositories::applications::ApplicationContext,
    contract: &crate::repositories::contracts::ContractRow,
    engagement_id: i64,
    starts_on: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    emit(
        conn,
        WebhookEventType::ContractAccepted,
        &ctx.prefecture_code,
        serde_json::json!({
            "contract_id": contract.id,
            "application_id": ctx.application.id,
            "engagement_id": engagement_id,
            "project_id": ctx.application.project_id,
            "company_id": ctx.company_id,
            "term_number": contract.term_number,
            "version": contract.version,
            "status": "accepted",
            "starts_on": starts_on,
            "accepted_at": time(to_db_time(now)),
        }),
        now,
    )
}

/// `engagement.report_submitted`: the month and hours of a work report (not its text).
#[allow(clippy::too_many_arguments)]
pub fn engagement_report_submitted(
    conn: &mut AnyConnection,
    ctx: &crate::repositories::applications::ApplicationContext,
    engagement_id: i64,
    report_id: i64,
    month: &str,
    hours: i32,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    emit(
        conn,
        WebhookEventType::EngagementReportSubmitted,
        &ctx.prefecture_code,
        serde_json::json!({
            "engagement_id": engagement_id,
            "report_id": report_id,
            "application_id": ctx.application.id,
            "project_id": ctx.application.project_id,
            "company_id": ctx.company_id,
            "month": month,
            "hours": hours,
            "submitted_at": time(to_db_time(now)),
        }),
        now,
    )
}

/// `engagement.ended`: which side ended it and when (not the reason, which is the parties'
/// own words).
pub fn engagement_ended(
    conn: &mut AnyConnection,
    ctx: &crate::repositories::applications::ApplicationContext,
    engagement_id: i64,
    ended_by: &str,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    emit(
        conn,
        WebhookEventType::EngagementEnded,
        &ctx.prefecture_code,
        serde_json::json!({
            "engagement_id": engagement_id,
            "application_id": ctx.application.id,
            "project_id": ctx.application.project_id,
            "company_id": ctx.company_id,
            "status": "ended",
            "ended_by": ended_by,
            "ended_at": time(to_db_time(now)),
        }),
        now,
    )
}

/// `case_study.published`: the published story's public facts (it is public from now on).
pub fn case_study_published(
    conn: &mut AnyConnection,
    study: &kakehashi_shared::case_study::CaseStudy,
    ctx: &crate::repositories::applications::ApplicationContext,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    emit(
        conn,
        WebhookEventType::CaseStudyPublished,
        &study.prefecture_code,
        serde_json::json!({
            "case_study_id": study.id,
            "engagement_id": study.engagement_id,
            "company_id": ctx.company_id,
            "industry_code": study.industry_code,
            "challenges": study.challenges,
            "title": study.text.title,
            "status": "published",
            "published_at": time(to_db_time(now)),
            "path": format!("/case-studies/{}", study.id),
        }),
        now,
    )
}
