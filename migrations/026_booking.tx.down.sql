ALTER TABLE meeting_offers DROP COLUMN place;
