-- Joblog (SPEC C3): the citizen's logs. log is the log as saved
-- (shared.JoblogInput, normalized); the columns are what the list filters,
-- counts and sorts by, written from it on every save. A log sent by a case
-- system keeps its sender (origin_org) and the sender's own id for it
-- (origin_id), by which the sender updates and deletes it. The retention
-- rule "joblogs" (storage.RetentionRules) deletes a log not edited for 4
-- years, by updated_at.
CREATE TABLE joblogs (
    id         bigserial PRIMARY KEY,
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('jobsoegning', 'anden_aktivitet')),
    status     text CHECK (status IN ('ikke_soegt', 'soegt', 'samtale')),
    closed     boolean NOT NULL DEFAULT false,
    -- title, company and contact in lower case, for "Søg i dine logs".
    search     text NOT NULL,
    log        jsonb NOT NULL,
    origin_org text REFERENCES organisations (code),
    origin_id  text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((origin_org IS NULL) = (origin_id IS NULL))
);
CREATE INDEX joblogs_citizen ON joblogs (citizen_id, closed, updated_at DESC);
CREATE UNIQUE INDEX joblogs_origin ON joblogs (origin_org, origin_id) WHERE origin_org IS NOT NULL;
CREATE INDEX joblogs_updated ON joblogs (updated_at);
