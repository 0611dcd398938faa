-- The citizen's answer in the current step of the uddannelsespålæg (SPEC D1,
-- 003_…txt "Uddannelseselementet"): saved along the way, and sent_at once
-- sent to the caseworker. One row per step, so an answer outlives new plan
-- versions that keep the step.
CREATE TABLE education_answers (
    citizen_id bigint      NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    step       smallint    NOT NULL CHECK (step BETWEEN 1 AND 3),
    data       jsonb       NOT NULL,
    saved_at   timestamptz NOT NULL,
    sent_at    timestamptz,
    PRIMARY KEY (citizen_id, step)
);

-- The case systems collect what was sent, newest last.
CREATE INDEX education_answers_sent ON education_answers (sent_at) WHERE sent_at IS NOT NULL;
