DROP TABLE enrolment_events;
DROP TABLE enrolment_receipt_texts;
DROP INDEX enrolments_dagpenge_idx;
DROP INDEX enrolments_end_idx;
DROP INDEX enrolments_lapse_idx;
ALTER TABLE enrolments DROP COLUMN dagpenge_from, DROP COLUMN end_pending, DROP COLUMN ended_at, DROP COLUMN lapses_on,
    DROP COLUMN show_up_by, DROP COLUMN jobcenter_code;
ALTER TABLE citizens DROP COLUMN matchgruppe, DROP COLUMN danish_address;
