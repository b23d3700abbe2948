-- Rate limits shared by every instance on one database: one row per limited key, holding the
-- GCRA "theoretical arrival time" (microseconds since the Unix epoch) after which the key has
-- its whole allowance back. A missing row means the same, so idle rows are simply deleted.
-- Only PostgreSQL deployments use it; on SQLite (one instance) the limits are kept in memory
-- and the table stays empty, so both backends have the same schema.
CREATE TABLE rate_limits (
    -- What is counted (login_ip, login_email, search_ip, api_key, ...).
    bucket TEXT NOT NULL,
    -- A SHA-256 digest of the client's address, the email or the id: fixed length, no
    -- personal data in clear.
    key TEXT NOT NULL,
    tat BIGINT NOT NULL,
    PRIMARY KEY (bucket, key)
);
