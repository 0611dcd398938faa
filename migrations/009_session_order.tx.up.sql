-- The order sessions began in, to find a citizen's previous session
-- (the return after an automatic sign-off, SPEC A2) even when two began
-- at the same moment by the server's clock.
ALTER TABLE sessions ADD COLUMN seq bigserial;
DROP INDEX sessions_account_idx;
CREATE INDEX sessions_account_idx ON sessions (account_id, seq DESC);
