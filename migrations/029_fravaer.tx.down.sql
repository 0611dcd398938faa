DROP TABLE absence_events;
ALTER TABLE absences DROP COLUMN rask_fra, DROP COLUMN rask_by;
