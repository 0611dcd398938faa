-- Til- og afmelding (SPEC D8; FEATURES.md 6.2): what the enrolment flow,
-- its scheduled job and the case systems' messages need beside the
-- contract's enrolments table (028).

-- "Personer, der ikke har folkeregisteradresse i Danmark kan ikke tilmelde
-- sig fra Jobnet" (001). The CPR register is outside this project's reach:
-- the fact is a column the register's feed (or the demo) sets; a citizen
-- is taken to have one until told otherwise.
ALTER TABLE citizens ADD COLUMN danish_address boolean NOT NULL DEFAULT true;
-- The match group the jobcenter registered (1 jobparat, 2 indsatsparat,
-- 3 midlertidigt passiv), for "står i match 2 eller 3, kan ikke tilmelde
-- sig" (001); NULL when none is known.
ALTER TABLE citizens ADD COLUMN matchgruppe smallint CHECK (matchgruppe BETWEEN 1 AND 3);

-- The jobcenter the enrolment was attached to ("knyttet til det
-- jobcenter, hvor de har folkeregisteradresse", 001): the receipt names it
-- and the feed goes to it.
ALTER TABLE enrolments ADD COLUMN jobcenter_code text REFERENCES organisations (code);
-- A kontanthjælp enrolment waiting ('afventer'): the day the citizen
-- should come by at the latest, and the day the scheduled job lapses it
-- (shared/workdays.Kontanthjaelp).
ALTER TABLE enrolments ADD COLUMN show_up_by date;
ALTER TABLE enrolments ADD COLUMN lapses_on date;
-- When the enrolment ended in Jobnet (an afmelding applied, a lapse, a
-- rejection, a switch to dagpenge); end_pending marks an afmelding from a
-- later day (end_reason, to_date set) that the scheduled job applies on
-- its day and the citizen may withdraw until then.
ALTER TABLE enrolments ADD COLUMN ended_at timestamptz;
ALTER TABLE enrolments ADD COLUMN end_pending boolean NOT NULL DEFAULT false;
-- A dimittend's dagpengeret reported by the a-kasse for a later day: the
-- scheduled job switches the enrolment to dagpenge on it.
ALTER TABLE enrolments ADD COLUMN dagpenge_from date;
CREATE INDEX enrolments_lapse_idx ON enrolments (lapses_on) WHERE state = 'afventer';
CREATE INDEX enrolments_end_idx ON enrolments (to_date) WHERE end_pending;
CREATE INDEX enrolments_dagpenge_idx ON enrolments (dagpenge_from) WHERE dagpenge_from IS NOT NULL;

-- The jobcenter's own text on the receipt, per benefit, "plads til 1500
-- karakterer" (001), from its case system.
CREATE TABLE enrolment_receipt_texts (
    org        text NOT NULL REFERENCES organisations (code),
    benefit    text NOT NULL CHECK (benefit IN ('dagpenge', 'kontanthjaelp', 'dimittend', 'ingen')),
    text       text NOT NULL CHECK (char_length(text) <= 1500),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (org, benefit)
);

-- What happened to enrolments in Jobnet, for the case systems to collect
-- (GET /api/ingest/v1/enrolment-events) in seq order per organisation:
-- "oplysning om afmelding og gentilmelding vil gå direkte videre" (001).
CREATE TABLE enrolment_events (
    seq          bigserial PRIMARY KEY,
    org          text NOT NULL REFERENCES organisations (code),
    enrolment_id bigint NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('enrolled', 'deregistration_set', 'deregistration_withdrawn',
                     'deregistered', 'lapsed', 'effectuated', 'rejected', 'switched_to_dagpenge')),
    at           timestamptz NOT NULL
);
CREATE INDEX enrolment_events_org ON enrolment_events (org, seq);
