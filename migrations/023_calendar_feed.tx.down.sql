DROP TRIGGER joblogs_calendar_day ON joblogs;
DROP FUNCTION joblogs_calendar_day();
ALTER TABLE joblogs DROP COLUMN calendar_day;
DROP TRIGGER meeting_deadlines_version ON meeting_deadlines;
DROP FUNCTION meeting_deadlines_version();
ALTER TABLE meeting_deadlines DROP COLUMN version;
DROP TABLE calendar_feeds;
