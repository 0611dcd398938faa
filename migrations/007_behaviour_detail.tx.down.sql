DROP INDEX behaviour_events_session_idx;
ALTER TABLE behaviour_events DROP COLUMN detail;
