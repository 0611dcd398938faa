DROP INDEX login_events_at_idx, sessions_ended_idx, sessions_idle_idx;
