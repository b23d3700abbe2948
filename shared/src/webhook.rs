//! Webhooks: subscriptions to workflow events, and the log of their signed deliveries.
//!
//! Every delivery is a POST of an envelope `{"id","type","created_at","data":{...}}` signed with
//! HMAC-SHA256 over `"{timestamp}.{body}"` (header `Kakehashi-Signature: t=<unix>,v1=<hex>`).
//! Delivery is at least once: receivers de-duplicate by the event id (`Kakehashi-Delivery`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, Validate};

/// The longest target URL accepted.
pub const WEBHOOK_URL_MAX: usize = 2000;
/// Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256>`.
pub const SIGNATURE_HEADER: &str = "Kakehashi-Signature";
/// Header carrying the event type.
pub const EVENT_HEADER: &str = "Kakehashi-Event";
/// Header carrying the event id (the same on every retry and redelivery of an event).
pub const DELIVERY_HEADER: &str = "Kakehashi-Delivery";
/// Receivers should refuse a signature whose timestamp is further than this from their clock.
pub const REPLAY_WINDOW_SECONDS: i64 = 300;

/// What happened on Kakehashi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum WebhookEventType {
    /// A posting passed review and is public.
    #[serde(rename = "project.published")]
    ProjectPublished,
    /// A talent applied to a posting.
    #[serde(rename = "application.created")]
    ApplicationCreated,
    /// An application moved in its workflow (screening, interview, offer, declined, ...).
    #[serde(rename = "application.status_changed")]
    ApplicationStatusChanged,
    /// Both sides accepted the contract: the engagement starts.
    #[serde(rename = "contract.accepted")]
    ContractAccepted,
    /// A monthly work report was submitted in an engagement.
    #[serde(rename = "engagement.report_submitted")]
    EngagementReportSubmitted,
    /// An engagement ended.
    #[serde(rename = "engagement.ended")]
    EngagementEnded,
    /// A case study was published.
    #[serde(rename = "case_study.published")]
    CaseStudyPublished,
}
crate::enums::wire_enum!(WebhookEventType {
    ProjectPublished => "project.published",
    ApplicationCreated => "application.created",
    ApplicationStatusChanged => "application.status_changed",
    ContractAccepted => "contract.accepted",
    EngagementReportSubmitted => "engagement.report_submitted",
    EngagementEnded => "engagement.ended",
    CaseStudyPublished => "case_study.published",
});

/// A new subscription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    /// Where deliveries are POSTed: `https://` (plain `http://` and private addresses only
    /// when the server allows them).
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "https://partner.example/kakehashi/events",
            max_length = 2000
        )
    )]
    pub url: String,
    /// The event types to receive, at least one, each once.
    #[cfg_attr(feature = "openapi", schema(example = json!(["project.published", "contract.accepted"])))]
    pub events: Vec<WebhookEventType>,
}

impl Validate for WebhookInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        let url = self.url.trim();
        if url.is_empty() {
            e.add("url", "required", "is required");
        } else if url.chars().count() > WEBHOOK_URL_MAX {
            e.add(
                "url",
                "too_long",
                format!("must be at most {WEBHOOK_URL_MAX} characters"),
            );
        } else if !(url.starts_with("https://") || url.starts_with("http://")) {
            e.add("url", "invalid_format", "must be an https:// address");
        }
        if self.events.is_empty() {
            e.add("events", "required", "choose at least one event type");
        } else if (1..self.events.len()).any(|i| self.events[..i].contains(&self.events[i])) {
            e.add("events", "duplicate", "an event type is named twice");
        }
        e.into_result()
    }
}

/// A subscription. The secret is shown only once, in [`WebhookCreated`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub id: i64,
    /// The partner that owns it; `null` for the platform's (admins') subscriptions, which
    /// receive events from every prefecture.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub partner_id: Option<i64>,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://partner.example/kakehashi/events")
    )]
    pub url: String,
    pub events: Vec<WebhookEventType>,
    /// Deleted subscriptions are inactive: nothing more is sent to them.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    /// The account that created it.
    pub created_by: i64,
}

/// The answer to a creation: the subscription and its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookCreated {
    pub webhook: Webhook,
    /// The HMAC-SHA256 key (`whsec_` and 64 hex digits). Store it now: it is never shown again.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "whsec_4f1c0e2a9b7d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcd")
    )]
    pub secret: String,
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Not delivered yet; the next attempt is at `next_attempt_at`.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Every attempt failed for 24 hours; kept in the log, can be redelivered by hand.
    GivenUp,
}
crate::enums::wire_enum!(DeliveryState {
    Pending => "pending",
    Delivered => "delivered",
    GivenUp => "given_up",
});

/// One HTTP attempt of a delivery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookAttempt {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's HTTP status; `null` when no answer came (refused, timed out).
    #[cfg_attr(feature = "openapi", schema(example = 500))]
    pub status_code: Option<i32>,
    /// Why the attempt failed (a non-2xx status, a redirect, a timeout, a refused address).
    #[cfg_attr(feature = "openapi", schema(example = "HTTP 500"))]
    pub error: Option<String>,
    /// How long the attempt took, in milliseconds.
    #[cfg_attr(feature = "openapi", schema(example = 120))]
    pub duration_ms: i64,
}

/// One event sent (or to be sent) to one subscription, with its attempts, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub id: i64,
    pub webhook_id: i64,
    /// The event id, sent as `Kakehashi-Delivery` and as the envelope's `id`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "evt_9f2c4a1b7e3d5c6a8b9d0e1f2a3b4c5d")
    )]
    pub event_id: String,
    pub event_type: WebhookEventType,
    pub state: DeliveryState,
    /// The exact body sent (the envelope).
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    /// When the next attempt is due (pending deliveries only).
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub given_up_at: Option<DateTime<Utc>>,
    /// The status of the last attempt, if the receiver answered.
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    /// The delivery this one repeats, when made by a manual redelivery.
    pub redelivery_of: Option<i64>,
    /// Every attempt, newest first.
    pub attempt_log: Vec<WebhookAttempt>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_are_spelled_the_same_on_the_wire_and_in_the_database() {
        for t in WebhookEventType::ALL {
            let json = serde_json::to_string(t).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(WebhookEventType::parse(t.as_str()), Some(*t));
        }
    }

    #[test]
    fn input_needs_an_address_and_distinct_events() {
        let ok = WebhookInput {
            url: "https://partner.example/hook".into(),
            events: vec![WebhookEventType::ProjectPublished],
        };
        assert!(ok.validate().is_ok());
        let bad = WebhookInput {
            url: "ftp://x".into(),
            events: vec![
                WebhookEventType::ProjectPublished,
                WebhookEventType::ProjectPublished,
            ],
        };
        let errors = bad.validate().err().map(|e| e.0).unwrap_or_default();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            vec![("url", "invalid_format"), ("events", "duplicate")]
        );
    }
}
