ALTER TABLE behaviour_events DROP COLUMN detail;
