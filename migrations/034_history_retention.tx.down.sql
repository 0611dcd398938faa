DROP INDEX sought_occupation_history_at_idx;
DROP INDEX enrolments_to_date_idx;
DROP INDEX absences_to_date_idx;
