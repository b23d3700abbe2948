-- An ordered log of changes that search and matching must see. Every instance follows it to
-- keep its in-memory index current (written in the same transaction as the change).
CREATE TABLE search_changes (
    id BIGSERIAL PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('project', 'talent', 'company')),
    entity_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
