DROP TABLE account_deletions;
DROP TABLE consents;
