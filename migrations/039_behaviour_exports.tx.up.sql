-- Anonymised exports of the Jobsøgningsdata (SPEC E1): STAR asks for the
-- behaviour events of a period; a scheduled job (server/jobs
-- behaviour_export.go) writes the file, in which the citizens' and the
-- sessions' ids are replaced by pseudonyms made with a key of that export
-- alone, never stored. The format is in the README ("Jobsøgningsdata").
-- The file is kept until retention deletes it (storage.RetentionRules).
CREATE TABLE behaviour_exports (
    id           bigserial PRIMARY KEY,
    requested_by text NOT NULL REFERENCES organisations (code),
    requested_at timestamptz NOT NULL,
    from_at      timestamptz NOT NULL,
    to_at        timestamptz NOT NULL CHECK (to_at > from_at),
    finished_at  timestamptz,
    events       integer,
    citizens     integer,
    content      bytea,
    CHECK ((finished_at IS NULL) = (content IS NULL))
);
CREATE INDEX behaviour_exports_pending_idx ON behaviour_exports (id) WHERE finished_at IS NULL;
