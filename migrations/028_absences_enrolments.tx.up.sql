-- Fravær og fritagelser (SPEC D7) and Til- og afmelding (SPEC D8), the two
-- kinds of registration Historik lists besides plans, meetings and logins
-- (SPEC D12; FEATURES.md 6 and 7.1). This migration is the contract the
-- three features share: the registration pages write these rows, Historik
-- and the Kalender read them. Later migrations add what one feature alone
-- needs.

-- An absence or exemption: registered by the citizen on Jobnet (ferie,
-- syg/rask, midlertidigt arbejde), by a caseworker in the case system
-- (ingested with org and origin_id), or by the system (a scheduled job, or
-- the closing of absences that are not lawful in a new target group).
-- to_date NULL is open-ended (a sygemelding until raskmelding).
CREATE TABLE absences (
    id            bigserial PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind          text NOT NULL,
    from_date     date NOT NULL,
    to_date       date,
    comment       text NOT NULL DEFAULT '',
    -- Historik → Sygdomsregistreringer shows who registered each entry:
    -- "Borger selv, sagsbehandler eller system" (003 «Jobnet Historik»).
    registered_by text NOT NULL CHECK (registered_by IN ('borger', 'sagsbehandler', 'system')),
    registered_at timestamptz NOT NULL DEFAULT now(),
    -- The case system's organisation and id of an ingested absence.
    org           text REFERENCES organisations (code),
    origin_id     text,
    -- Set when the absence was ended early: a raskmelding ends a
    -- sygemelding, the jobcenter closes an absence not lawful in the new
    -- target group (000 5.5). to_date then holds the last day.
    closed_at     timestamptz,
    closed_by     text CHECK (closed_by IN ('borger', 'sagsbehandler', 'system')),
    CHECK (to_date IS NULL OR to_date >= from_date),
    CHECK ((org IS NULL) = (origin_id IS NULL))
);
CREATE INDEX absences_citizen_idx ON absences (citizen_id, from_date DESC);
CREATE UNIQUE INDEX absences_origin_idx ON absences (org, origin_id) WHERE origin_id IS NOT NULL;

-- An enrolment as ledig, one row per period (Historik → Ledighedsstatusser:
-- "hvornår han ved tilmeldinger har været registreret som ledig"). The
-- current one has to_date NULL or in the future; citizens.enrolment stays
-- the status of today, kept in step by the code that writes here.
--   benefit:  the ydelse chosen at enrolment (001 «Tilmelding»).
--   ledighed: "helt eller delvis ledige eller ikke ledige" (001).
--   uden_ydelse: dagpenge without a registered a-kasse membership, and
--             every dimittend until the a-kasse reports the dagpengeret.
--   state:    kontanthjælp waits ('afventer') until the jobcenter
--             effectuates it, lapses ('bortfaldet') after 6 days, or is
--             rejected ('afvist'); the others are 'effektueret' at once.
CREATE TABLE enrolments (
    id            bigserial PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    benefit       text NOT NULL CHECK (benefit IN ('dagpenge', 'kontanthjaelp', 'dimittend', 'ingen')),
    ledighed      text NOT NULL CHECK (ledighed IN ('helt', 'delvis', 'ikke')),
    uden_ydelse   boolean NOT NULL DEFAULT false,
    state         text NOT NULL CHECK (state IN ('afventer', 'effektueret', 'bortfaldet', 'afvist')),
    from_date     date NOT NULL,
    to_date       date,
    -- The afmelding's reason (shared.DeregistrationReasons), when ended by one.
    end_reason    text,
    registered_by text NOT NULL CHECK (registered_by IN ('borger', 'sagsbehandler', 'system')),
    registered_at timestamptz NOT NULL DEFAULT now(),
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX enrolments_citizen_idx ON enrolments (citizen_id, from_date DESC);
