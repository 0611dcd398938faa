-- The Joblog list (issue 12: p99 ≤ 10 ms for 2,000 logs) reads only the
-- columns it shows. What it shows of a log's form (joblogs.log) is written
-- by PostgreSQL itself beside it, as generated columns, so no save can
-- forget them and the list never reads the whole document. area is the
-- area's code, kept only when the place is not known (shared.Joblog
-- shows the area then).
ALTER TABLE joblogs
    ADD COLUMN title    text GENERATED ALWAYS AS (coalesce(log->>'title', '')) STORED,
    ADD COLUMN company  text GENERATED ALWAYS AS (coalesce(log->>'company', '')) STORED,
    ADD COLUMN postcode text GENERATED ALWAYS AS (coalesce(log->>'postcode', '')) STORED,
    ADD COLUMN city     text GENERATED ALWAYS AS (coalesce(log->>'city', '')) STORED,
    ADD COLUMN country  text GENERATED ALWAYS AS (coalesce(log->>'country', '')) STORED,
    ADD COLUMN area     text GENERATED ALWAYS AS (CASE WHEN (log->>'place_unknown')::boolean THEN log->>'area' END) STORED,
    ADD COLUMN place    text GENERATED ALWAYS AS (coalesce(log->>'place', '')) STORED;
