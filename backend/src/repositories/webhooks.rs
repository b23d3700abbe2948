//! Webhook subscriptions, the delivery outbox and the attempt log.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    partner_prefectures, webhook_attempts, webhook_deliveries, webhook_subscriptions,
};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct SubscriptionRow {
    pub id: i64,
    pub partner_id: Option<i64>,
    pub url: String,
    pub secret: String,
    pub event_types: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub created_by: i64,
}

pub struct NewSubscription<'a> {
    pub partner_id: Option<i64>,
    pub url: &'a str,
    pub secret: &'a str,
    pub event_types: &'a str,
    pub created_by: i64,
    pub now: NaiveDateTime,
}

pub fn insert_subscription(conn: &mut AnyConnection, s: &NewSubscription<'_>) -> QueryResult<i64> {
    diesel::insert_into(webhook_subscriptions::table)
        .values((
            webhook_subscriptions::partner_id.eq(s.partner_id),
            webhook_subscriptions::url.eq(s.url),
            webhook_subscriptions::secret.eq(s.secret),
            webhook_subscriptions::event_types.eq(s.event_types),
            webhook_subscriptions::active.eq(true),
            webhook_subscriptions::created_at.eq(s.now),
            webhook_subscriptions::created_by.eq(s.created_by),
        ))
        .returning(webhook_subscriptions::id)
        .get_result(conn)
}

pub fn subscription(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<SubscriptionRow>> {
    webhook_subscriptions::table
        .find(id)
        .select(SubscriptionRow::as_select())
        .first(conn)
        .optional()
}

/// Active subscriptions, oldest first; only one partner's when `partner` is given.
pub fn active_subscriptions(
    conn: &mut AnyConnection,
    partner: Option<i64>,
) -> QueryResult<Vec<SubscriptionRow>> {
    let mut query = webhook_subscriptions::table
        .filter(webhook_subscriptions::active.eq(true))
        .order(webhook_subscriptions::id.asc())
        .select(SubscriptionRow::as_select())
        .into_boxed();
    if let Some(p) = partner {
        query = query.filter(webhook_subscriptions::partner_id.eq(p));
    }
    query.load(conn)
}

pub fn deactivate(conn: &mut AnyConnection, id: i64) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_subscriptions::table
            .find(id)
            .filter(webhook_subscriptions::active.eq(true)),
    )
    .set(webhook_subscriptions::active.eq(false))
    .execute(conn)?;
    Ok(n == 1)
}

/// Whether a partner covers a prefecture.
pub fn partner_covers(
    conn: &mut AnyConnection,
    partner_id: i64,
    prefecture_code: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        partner_prefectures::table
            .filter(partner_prefectures::partner_id.eq(partner_id))
            .filter(partner_prefectures::prefecture_code.eq(prefecture_code)),
    ))
    .get_result(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: i64,
    pub subscription_id: i64,
    pub event_id: String,
    pub event_type: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub claimed_until: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub given_up_at: Option<NaiveDateTime>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub redelivery_of: Option<i64>,
}

pub struct NewDelivery<'a> {
    pub subscription_id: i64,
    pub event_id: &'a str,
    pub event_type: &'a str,
    pub payload: &'a str,
    pub now: NaiveDateTime,
    pub redelivery_of: Option<i64>,
}

/// Queues a delivery, due at once.
pub fn insert_delivery(conn: &mut AnyConnection, d: &NewDelivery<'_>) -> QueryResult<i64> {
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::subscription_id.eq(d.subscription_id),
            webhook_deliveries::event_id.eq(d.event_id),
            webhook_deliveries::event_type.eq(d.event_type),
            webhook_deliveries::payload.eq(d.payload),
            webhook_deliveries::created_at.eq(d.now),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(Some(d.now)),
            webhook_deliveries::redelivery_of.eq(d.redelivery_of),
        ))
        .returning(webhook_deliveries::id)
        .get_result(conn)
}

pub fn delivery(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<DeliveryRow>> {
    webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// A subscription's deliveries, newest first, before `before`.
pub fn deliveries_page(
    conn: &mut AnyConnection,
    subscription_id: i64,
    before: Option<i64>,
    fetch: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let mut query = webhook_deliveries::table
        .filter(webhook_deliveries::subscription_id.eq(subscription_id))
        .order(webhook_deliveries::id.desc())
        .limit(fetch)
        .select(DeliveryRow::as_select())
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(webhook_deliveries::id.lt(before));
    }
    query.load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_attempts)]
pub struct AttemptRow {
    pub id: i64,
    pub delivery_id: i64,
    pub attempted_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
}

/// The attempts of some deliveries, newest first.
pub fn attempts_of(conn: &mut AnyConnection, delivery_ids: &[i64]) -> QueryResult<Vec<AttemptRow>> {
    webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(delivery_ids))
        .order(webhook_attempts::id.desc())
        .select(AttemptRow::as_select())
        .load(conn)
}

/// A delivery due for an attempt, with where and how to send it.
#[derive(Debug, Clone, Queryable)]
pub struct DueDelivery {
    pub id: i64,
    pub event_id: String,
    pub event_type: String,
    pub payload: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub url: String,
    pub secret: String,
}

/// Deliveries due at `now` that no worker holds, to active subscriptions, oldest due first.
pub fn due(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<DueDelivery>> {
    webhook_deliveries::table
        .inner_join(webhook_subscriptions::table)
        .filter(webhook_subscriptions::active.eq(true))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .filter(webhook_deliveries::delivered_at.is_null())
        .filter(webhook_deliveries::given_up_at.is_null())
        .filter(
            webhook_deliveries::claimed_until
                .is_null()
                .or(webhook_deliveries::claimed_until.lt(now)),
        )
        .order((
            webhook_deliveries::next_attempt_at.asc(),
            webhook_deliveries::id.asc(),
        ))
        .limit(limit)
        .select((
            webhook_deliveries::id,
            webhook_deliveries::event_id,
            webhook_deliveries::event_type,
            webhook_deliveries::payload,
            webhook_deliveries::created_at,
            webhook_deliveries::attempts,
            webhook_subscriptions::url,
            webhook_subscriptions::secret,
        ))
        .load(conn)
}

/// Takes a delivery for one worker until `until`: one conditional update, so of several
/// workers (or instances) racing for it exactly one wins.
pub fn claim(
    conn: &mut AnyConnection,
    id: i64,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_deliveries::table
            .find(id)
            .filter(webhook_deliveries::delivered_at.is_null())
            .filter(webhook_deliveries::given_up_at.is_null())
            .filter(webhook_deliveries::next_attempt_at.le(now))
            .filter(
                webhook_deliveries::claimed_until
                    .is_null()
                    .or(webhook_deliveries::claimed_until.lt(now)),
            ),
    )
    .set(webhook_deliveries::claimed_until.eq(Some(until)))
    .execute(conn)?;
    Ok(n == 1)
}

/// What one attempt came to.
pub struct AttemptResult<'a> {
    pub delivery_id: i64,
    pub attempted_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<&'a str>,
    pub duration_ms: i64,
    pub delivered: bool,
    /// When to try again (failed, within the window).
    pub next_attempt_at: Option<NaiveDateTime>,
    /// Set when the window is over.
    pub given_up: bool,
}

/// Logs an attempt and moves the delivery on (delivered, rescheduled or given up), releasing
/// the claim. Runs in the caller's transaction.
pub fn record_attempt(conn: &mut AnyConnection, r: &AttemptResult<'_>) -> QueryResult<()> {
    diesel::insert_into(webhook_attempts::table)
        .values((
            webhook_attempts::delivery_id.eq(r.delivery_id),
            webhook_attempts::attempted_at.eq(r.attempted_at),
            webhook_attempts::status_code.eq(r.status_code),
            webhook_attempts::error.eq(r.error),
            webhook_attempts::duration_ms.eq(r.duration_ms),
        ))
        .execute(conn)?;
    diesel::update(webhook_deliveries::table.find(r.delivery_id))
        .set((
            webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
            webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
            webhook_deliveries::last_status.eq(r.status_code),
            webhook_deliveries::last_error.eq(r.error),
            webhook_deliveries::next_attempt_at.eq(r.next_attempt_at),
            webhook_deliveries::delivered_at.eq(r.delivered.then_some(r.attempted_at)),
            webhook_deliveries::given_up_at.eq(r.given_up.then_some(r.attempted_at)),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Ids of the deliveries queued before `before` that no kept delivery repeats.
pub fn prunable(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<Vec<i64>> {
    // Newest first: a redelivery (newer) is deleted before the original it names.
    let old: Vec<i64> = webhook_deliveries::table
        .filter(webhook_deliveries::created_at.lt(before))
        .order(webhook_deliveries::id.desc())
        .select(webhook_deliveries::id)
        .load(conn)?;
    // A redelivery names its original; that one goes once the redelivery itself has gone.
    let referenced: Vec<Option<i64>> = webhook_deliveries::table
        .filter(webhook_deliveries::redelivery_of.is_not_null())
        .filter(webhook_deliveries::created_at.ge(before))
        .select(webhook_deliveries::redelivery_of)
        .load(conn)?;
    Ok(old
        .into_iter()
        .filter(|id| !referenced.contains(&Some(*id)))
        .collect())
}

/// Deletes deliveries and their attempts.
pub fn delete_deliveries(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<usize> {
    diesel::delete(webhook_attempts::table.filter(webhook_attempts::delivery_id.eq_any(ids)))
        .execute(conn)?;
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(ids)))
        .execute(conn)
}
