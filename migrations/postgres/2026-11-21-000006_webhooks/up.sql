-- Webhooks: subscriptions, an outbox of deliveries (one per event per subscription) written in
-- the transaction of the change, and the log of every attempt.

CREATE TABLE webhook_subscriptions (
    id BIGSERIAL PRIMARY KEY,
    -- The partner that owns it; NULL for the platform's (admins') subscriptions.
    partner_id BIGINT REFERENCES partners (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    -- Kept in clear: we must sign with it. Shown to the creator once.
    secret TEXT NOT NULL,
    -- JSON array of event types.
    event_types TEXT NOT NULL,
    -- Deleting a subscription deactivates it, so its delivery log stays.
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX webhook_subscriptions_partner ON webhook_subscriptions (partner_id);

CREATE TABLE webhook_deliveries (
    id BIGSERIAL PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    -- The same for every subscription's copy of one event (receivers de-duplicate by it).
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL CHECK (event_type IN ('project.published', 'application.created',
        'application.status_changed', 'contract.accepted', 'engagement.report_submitted',
        'engagement.ended', 'case_study.published')),
    -- The exact body sent: the envelope {"id","type","created_at","data"}.
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- NULL once delivered or given up.
    next_attempt_at TIMESTAMP,
    -- A worker holds the delivery until then; another may take it over afterwards.
    claimed_until TIMESTAMP,
    delivered_at TIMESTAMP,
    given_up_at TIMESTAMP,
    last_status INTEGER,
    last_error TEXT,
    -- Set on a manual redelivery: the delivery it repeats.
    redelivery_of BIGINT REFERENCES webhook_deliveries (id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);

CREATE TABLE webhook_attempts (
    id BIGSERIAL PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at TIMESTAMP NOT NULL,
    status_code INTEGER,
    error TEXT,
    duration_ms BIGINT NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
