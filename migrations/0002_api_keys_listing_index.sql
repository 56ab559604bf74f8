-- GET /api/v1/keys lists an account's keys ORDER BY created_at DESC, id DESC. The first index stopped at
-- created_at, so SQLite sorted the tie-break on id in a temporary B-tree; this one answers the whole order.
DROP INDEX api_keys_by_account;
CREATE INDEX api_keys_by_account ON api_keys(account_id, created_at DESC, id DESC);
