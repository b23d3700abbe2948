-- Privacy (APPI): what each person agreed to, and which accounts were deleted.
-- Kept in step with ../../sqlite/2026-11-21-000008_privacy/up.sql.

-- One row per consent given: the terms and the privacy policy (recorded at registration, with
-- the version then in force) and each case study the person agreed to publish. Withdrawing
-- sets withdrawn_at; rows are never deleted, since they prove what was agreed and when.
CREATE TABLE consents (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('terms', 'privacy_policy', 'case_study')),
    version TEXT NOT NULL,
    case_study_id BIGINT REFERENCES case_studies (id),
    granted_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP,
    CHECK ((kind = 'case_study') = (case_study_id IS NOT NULL))
);
CREATE INDEX consents_user ON consents (user_id, id);

-- Accounts deleted at their owner's request (the users row stays, anonymised, because
-- contracts and the audit log refer to it). messages_purged_at: when the retention task
-- blanked the messages the person had written.
CREATE TABLE account_deletions (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users (id),
    deleted_at TIMESTAMP NOT NULL,
    messages_purged_at TIMESTAMP
);
