-- Retention jobs (SPEC E2) find expired rows by time: the login history by
-- its moment, sessions by when they ended or went idle.
CREATE INDEX login_events_at_idx ON login_events (at);
CREATE INDEX sessions_ended_idx ON sessions (ended_at);
CREATE INDEX sessions_idle_idx ON sessions (last_seen_at) WHERE ended_at IS NULL;
