DROP TABLE meeting_events;
DROP TABLE meeting_rights;
ALTER TABLE meetings DROP COLUMN deadline_id;
DROP TABLE meeting_deadlines;
DROP TABLE meetings;
DROP TABLE meeting_slots;
DROP TABLE meeting_offers;
