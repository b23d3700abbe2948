DROP INDEX api_keys_partner;
DROP TABLE api_keys;
