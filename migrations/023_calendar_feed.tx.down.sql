DROP TRIGGER meeting_deadlines_version ON meeting_deadlines;
DROP FUNCTION meeting_deadlines_version();
ALTER TABLE meeting_deadlines DROP COLUMN version;
DROP TABLE calendar_feeds;
