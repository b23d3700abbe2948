-- API keys for integrators: created by admins and partner staff, scoped, stored only as a
-- SHA-256 of the key (shown once), revocable, each with its own rate limit.
CREATE TABLE api_keys (
    id BIGSERIAL PRIMARY KEY,
    -- The staff account that created the key; requests made with it act as this account.
    user_id BIGINT NOT NULL REFERENCES users (id),
    -- The partner the key belongs to (partner staff's keys); NULL for admins' keys.
    partner_id BIGINT REFERENCES partners (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- The first characters of the key (kh_ and 8 hex digits), to tell keys apart on screen.
    prefix TEXT NOT NULL,
    -- Hex SHA-256 of the whole key.
    key_hash TEXT NOT NULL UNIQUE,
    -- JSON array of scope names (read whole, never filtered on).
    scopes TEXT NOT NULL,
    rate_limit_per_minute INTEGER NOT NULL DEFAULT 600 CHECK (rate_limit_per_minute > 0),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    -- Written at most once a minute per key.
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    revoked_by_user_id BIGINT REFERENCES users (id)
);
CREATE INDEX api_keys_partner ON api_keys (partner_id);
