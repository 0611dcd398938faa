-- Forberedelsesskema (SPEC C5; 003_…txt «Forberedelsesskema -
-- profilafklaring»; 000_…txt 4.6): screenings a jobcenter's case system
-- publishes for a citizen, with their question set (questions, jsonb, as
-- sent), and the citizen's answer (answers, jsonb: option ids by question
-- id). The sender knows a screening by its own id (origin_org, origin_id).
-- Only the latest screening is shown (published_at, id); a new one deletes
-- an unanswered earlier one. The case system collects answers in the order
-- of answer_seq. The retention rule "screenings" (storage.RetentionRules)
-- deletes an answer 90 days after the day it was given.
CREATE TABLE screenings (
    id           bigserial PRIMARY KEY,
    citizen_id   bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    origin_org   text NOT NULL REFERENCES organisations (code),
    origin_id    text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('dagpenge', 'kontanthjaelp')),
    questions    jsonb NOT NULL,
    published_at timestamptz NOT NULL,
    answers      jsonb,
    answered_at  timestamptz,
    answer_seq   bigint UNIQUE,
    CHECK ((answers IS NULL) = (answered_at IS NULL) AND (answered_at IS NULL) = (answer_seq IS NULL))
);
CREATE UNIQUE INDEX screenings_origin ON screenings (origin_org, origin_id);
CREATE INDEX screenings_citizen ON screenings (citizen_id, published_at DESC, id DESC);
CREATE INDEX screenings_answered ON screenings (answered_at) WHERE answered_at IS NOT NULL;

CREATE SEQUENCE screening_answer_seq;
