DROP TABLE region_programmes;
DROP TABLE widget_counts;
DROP INDEX companies_referred_by;
DROP INDEX applications_referred_by;
DROP INDEX users_referred_by;
ALTER TABLE applications DROP COLUMN referred_by_partner_id;
ALTER TABLE users DROP COLUMN referred_by_partner_id;
DROP TABLE partner_origins;
