-- Min Plan: every version a case system publishes is kept (SPEC D1, D12);
-- the page shows the newest. data holds the shared.Plan without the CPR
-- number, which the citizen_id already says.
CREATE TABLE plan_versions (
    id           bigserial PRIMARY KEY,
    citizen_id   bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    org_code     text NOT NULL REFERENCES organisations (code),
    version_id   text NOT NULL,
    data         jsonb NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_code, version_id)
);
CREATE INDEX plan_versions_citizen_idx ON plan_versions (citizen_id, id DESC);
