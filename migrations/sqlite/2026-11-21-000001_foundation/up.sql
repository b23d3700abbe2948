-- Foundation: reference taxonomies, organisations, accounts, sessions, audit log.
-- Kept in step with ../../postgres/2026-11-21-000001_foundation/up.sql (same tables, same names).

CREATE TABLE prefectures (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 2),
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    region_ja TEXT NOT NULL,
    region_en TEXT NOT NULL,
    capital_ja TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE industries (
    code TEXT PRIMARY KEY NOT NULL,
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE challenges (
    code TEXT PRIMARY KEY NOT NULL,
    group_code TEXT NOT NULL,
    group_ja TEXT NOT NULL,
    group_en TEXT NOT NULL,
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE skills (
    code TEXT PRIMARY KEY NOT NULL,
    group_code TEXT NOT NULL,
    group_ja TEXT NOT NULL,
    group_en TEXT NOT NULL,
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE hubs (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    response_deadline_days INTEGER NOT NULL DEFAULT 14 CHECK (response_deadline_days BETWEEN 1 AND 60),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE hub_prefectures (
    hub_id BIGINT NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    prefecture_code TEXT NOT NULL REFERENCES prefectures (code),
    PRIMARY KEY (hub_id, prefecture_code)
);
CREATE INDEX hub_prefectures_prefecture ON hub_prefectures (prefecture_code);

CREATE TABLE partners (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('prefecture', 'municipality', 'bank', 'chamber', 'other')),
    referral_code TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE partner_prefectures (
    partner_id BIGINT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    prefecture_code TEXT NOT NULL REFERENCES prefectures (code),
    PRIMARY KEY (partner_id, prefecture_code)
);

CREATE TABLE companies (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    industry_code TEXT NOT NULL REFERENCES industries (code),
    prefecture_code TEXT NOT NULL REFERENCES prefectures (code),
    municipality TEXT NOT NULL,
    referred_by_partner_id BIGINT REFERENCES partners (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX companies_prefecture ON companies (prefecture_code);

CREATE TABLE users (
    id INTEGER PRIMARY KEY NOT NULL,
    -- Stored trimmed and lower-cased, so uniqueness is case-insensitive on both backends.
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('talent', 'company_member', 'coordinator', 'partner', 'admin')),
    company_id BIGINT REFERENCES companies (id),
    hub_id BIGINT REFERENCES hubs (id),
    partner_id BIGINT REFERENCES partners (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    -- Each role belongs to exactly the organisation it acts for.
    CHECK ((role = 'company_member') = (company_id IS NOT NULL)),
    CHECK ((role = 'coordinator') = (hub_id IS NOT NULL)),
    CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);
CREATE INDEX users_company ON users (company_id);
CREATE INDEX users_hub ON users (hub_id);

-- Refresh tokens rotate on every use; all tokens of one sign-in share a family, so a reused
-- (stolen) token revokes the whole family.
CREATE TABLE refresh_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    replaced_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Every state change: who, acting for whom, from, to, when.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    actor_user_id BIGINT REFERENCES users (id),
    on_behalf_of_company_id BIGINT REFERENCES companies (id),
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
