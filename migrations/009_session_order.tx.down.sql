DROP INDEX sessions_account_idx;
ALTER TABLE sessions DROP COLUMN seq;
CREATE INDEX sessions_account_idx ON sessions (account_id, created_at DESC);
