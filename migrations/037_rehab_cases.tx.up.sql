-- Min sag til teamet (SPEC D13; 003_…txt «Min sag til teamet»): a
-- citizen's case before the rehabiliteringsteam, as the jobcenter's case
-- system sends it (RehabilitationProcessService: origin_org, origin_id,
-- opened_on, team_meeting_on, closed_on), the team's recommendation
-- (RehabilitationRecommendationService: outcome, decided_on, team,
-- recommendation), and the citizen's preparatory part: the CV to the team
-- (cv_resources, cv_challenges, cv_wishes) and the screening "Min
-- situation" (situation: option ids by question id, jsonb; situation_comment).
-- One row per case; the page shows the latest open one (shared/minsag.go).
-- The case system collects the citizen's saves in the order of prep_seq,
-- which every save takes anew.
CREATE TABLE rehab_cases (
    id                bigserial PRIMARY KEY,
    citizen_id        bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    origin_org        text NOT NULL REFERENCES organisations (code),
    origin_id         text NOT NULL,
    opened_on         date NOT NULL,
    team_meeting_on   date,
    closed_on         date,
    received_at       timestamptz NOT NULL,
    outcome           text CHECK (outcome IN ('almindelig_indsats', 'ressourceforloeb', 'fleksjob', 'foertidspension',
                                              'foerste_jobafklaringsforloeb', 'nyt_jobafklaringsforloeb')),
    decided_on        date,
    team              text,
    recommendation    text,
    recommended_at    timestamptz,
    cv_resources      text NOT NULL DEFAULT '',
    cv_challenges     text NOT NULL DEFAULT '',
    cv_wishes         text NOT NULL DEFAULT '',
    cv_saved_at       timestamptz,
    situation         jsonb,
    situation_comment text NOT NULL DEFAULT '',
    situation_saved_at timestamptz,
    prep_seq          bigint UNIQUE,
    CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CHECK ((outcome IS NULL) = (decided_on IS NULL) AND (outcome IS NULL) = (recommended_at IS NULL)),
    CHECK ((situation IS NULL) = (situation_saved_at IS NULL))
);
CREATE UNIQUE INDEX rehab_cases_origin ON rehab_cases (origin_org, origin_id);
CREATE INDEX rehab_cases_citizen ON rehab_cases (citizen_id, opened_on DESC, id DESC);

CREATE SEQUENCE rehab_preparation_seq;
