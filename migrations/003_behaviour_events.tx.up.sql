-- Jobsøgningsdata (SPEC E1): what citizens open, for later anonymised export.
-- Never written for a caseworker's mirror session (SPEC K5).
CREATE TABLE behaviour_events (
    id           bigserial PRIMARY KEY,
    session_hash bytea NOT NULL,
    citizen_id   bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind         text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX behaviour_events_at_idx ON behaviour_events (at);
