-- The citizen's answer in the current step of the uddannelsespålæg (SPEC D1,
-- 003_…txt "Uddannelseselementet"): data is the latest saved, sent_data what
-- the caseworker last got. One row per step, so an answer outlives new plan
-- versions that keep the step.
CREATE TABLE education_answers (
    citizen_id bigint      NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    step       smallint    NOT NULL CHECK (step BETWEEN 1 AND 3),
    data       jsonb       NOT NULL,
    saved_at   timestamptz NOT NULL,
    sent_data  jsonb,
    sent_at    timestamptz,
    -- The case systems collect what was sent in the order of sent_seq.
    sent_seq   bigint UNIQUE,
    PRIMARY KEY (citizen_id, step),
    CHECK ((sent_data IS NULL) = (sent_at IS NULL) AND (sent_at IS NULL) = (sent_seq IS NULL))
);

CREATE SEQUENCE education_sent_seq;
