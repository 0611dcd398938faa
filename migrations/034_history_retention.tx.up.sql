-- Historik's retention (SPEC D12, E2; storage.RetentionRules): the jobs
-- delete what ended more than three years ago. These indexes let them find
-- it without reading every citizen's rows; an open period (to_date NULL)
-- is never deleted and is not indexed.
CREATE INDEX absences_to_date_idx ON absences (to_date) WHERE to_date IS NOT NULL;
CREATE INDEX enrolments_to_date_idx ON enrolments (to_date) WHERE to_date IS NOT NULL;
CREATE INDEX sought_occupation_history_at_idx ON sought_occupation_history (at);
