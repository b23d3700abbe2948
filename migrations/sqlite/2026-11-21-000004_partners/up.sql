-- Regional partners: the sites that may embed the widget, who each partner referred, what the
-- widget was seen and clicked, and the programmes and subsidies partners maintain.

-- Origins (scheme://host[:port]) granted CORS for the widget's data, per partner.
CREATE TABLE partner_origins (
    partner_id BIGINT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    PRIMARY KEY (partner_id, origin)
);

-- The partner whose link a talent followed to register (companies have theirs on companies).
ALTER TABLE users ADD COLUMN referred_by_partner_id BIGINT REFERENCES partners (id);
-- The partner whose link the talent followed to this application.
ALTER TABLE applications ADD COLUMN referred_by_partner_id BIGINT REFERENCES partners (id);
CREATE INDEX users_referred_by ON users (referred_by_partner_id);
CREATE INDEX applications_referred_by ON applications (referred_by_partner_id);
CREATE INDEX companies_referred_by ON companies (referred_by_partner_id);

-- Widget views and clicks per partner, day (YYYY-MM-DD, UTC) and prefecture shown ('' = all).
CREATE TABLE widget_counts (
    partner_id BIGINT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    prefecture_code TEXT NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, day, prefecture_code)
);

-- Programmes and subsidies a partner maintains for a prefecture it covers (region pages).
CREATE TABLE region_programmes (
    id INTEGER PRIMARY KEY NOT NULL,
    partner_id BIGINT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    prefecture_code TEXT NOT NULL REFERENCES prefectures (code),
    title TEXT NOT NULL,
    -- Free text: amounts are often "up to ¥300,000" or "half of the travel cost".
    amount TEXT NOT NULL,
    eligibility TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX region_programmes_prefecture ON region_programmes (prefecture_code);
