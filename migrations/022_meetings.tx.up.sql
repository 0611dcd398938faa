-- Møder and selvbooking (SPEC D4, F; FEATURES.md 5.1–5.2; 003 «Kontaktforløb
-- (møder og frister)», «Frister», «Tilmelding (eller raskmelding) som
-- straksbookingramt»). The case systems of the jobcentres and the a-kasser
-- publish meetings, bookable online offers with their times, deadlines and
-- invitations through the ingestion API; STAR publishes the rights-and-
-- duties texts. The citizen books, rebooks (ombook) and cancels (meld
-- afbud) in Jobnet, and the case systems collect what happened from
-- meeting_events.

-- An online offer ("onlinetilbud"): a meeting type a jobcenter or a-kasse
-- lets citizens book, for the kontaktgrupper and ages it names ("målrettet
-- borgeren ... på baggrund af samtaletypen, borgers alder mv." [003]). An
-- empty kontaktgrupper means every group; a NULL age bound means none.
CREATE TABLE meeting_offers (
    id                bigserial PRIMARY KEY,
    org               text NOT NULL REFERENCES organisations (code),
    origin_id         text NOT NULL,
    type_code         text NOT NULL,
    type_name         text NOT NULL,
    description       text NOT NULL DEFAULT '',
    minutes           integer NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    form              text NOT NULL,
    choose_caseworker boolean NOT NULL DEFAULT false,
    kontaktgrupper    integer[] NOT NULL DEFAULT '{}',
    age_min           integer,
    age_max           integer,
    receipt_text      text NOT NULL DEFAULT '',
    withdrawn         boolean NOT NULL DEFAULT false,
    UNIQUE (org, origin_id)
);

-- A bookable time of an offer, with the caseworker or team who holds it.
CREATE TABLE meeting_slots (
    id         bigserial PRIMARY KEY,
    offer_id   bigint NOT NULL REFERENCES meeting_offers (id) ON DELETE CASCADE,
    origin_id  text NOT NULL,
    caseworker text NOT NULL,
    starts_at  timestamptz NOT NULL,
    withdrawn  boolean NOT NULL DEFAULT false,
    UNIQUE (offer_id, origin_id)
);
CREATE INDEX meeting_slots_time ON meeting_slots (offer_id, starts_at) WHERE NOT withdrawn;

-- A citizen's meeting with a jobcenter or an a-kasse: published by its
-- case system (origin_id its id), or booked in Jobnet (slot_id set, and
-- origin_id 'jobnet-<id>' so the case system can update it by that id).
-- invited marks a call-in ("indkaldelse") the citizen has not yet
-- acknowledged with OK (accepted_at). version grows on every change (the
-- calendar feed's SEQUENCE).
CREATE TABLE meetings (
    id           bigserial PRIMARY KEY,
    citizen_id   bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    org          text NOT NULL REFERENCES organisations (code),
    origin_id    text NOT NULL,
    type_code    text NOT NULL DEFAULT '',
    type_name    text NOT NULL,
    form         text NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
    place        text NOT NULL DEFAULT '',
    phone        text NOT NULL DEFAULT '',
    caseworker   text NOT NULL DEFAULT '',
    text         text NOT NULL DEFAULT '',
    status       text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    cancelled_by text CHECK (cancelled_by IN ('citizen', 'org')),
    participants text NOT NULL DEFAULT '',
    agreements   text NOT NULL DEFAULT '',
    invited      boolean NOT NULL DEFAULT false,
    accepted_at  timestamptz,
    slot_id      bigint REFERENCES meeting_slots (id) ON DELETE SET NULL,
    deadline_id  bigint,
    version      integer NOT NULL DEFAULT 1,
    updated_at   timestamptz NOT NULL,
    CHECK ((status = 'cancelled') = (cancelled_by IS NOT NULL)),
    UNIQUE (org, origin_id)
);
CREATE INDEX meetings_citizen ON meetings (citizen_id, starts_at);
-- A slot is never booked twice: at most one meeting that is not cancelled
-- holds it. The booking transaction relies on this index, not on a read.
CREATE UNIQUE INDEX meetings_slot_once ON meetings (slot_id) WHERE slot_id IS NOT NULL AND status <> 'cancelled';

-- A deadline ("frist") by which the citizen must book one of the meeting
-- types in type_codes; met_by is the meeting that met it.
CREATE TABLE meeting_deadlines (
    id          bigserial PRIMARY KEY,
    citizen_id  bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    org         text NOT NULL REFERENCES organisations (code),
    origin_id   text NOT NULL,
    due         date NOT NULL,
    type_codes  text[] NOT NULL CHECK (cardinality(type_codes) > 0),
    met_by      bigint REFERENCES meetings (id) ON DELETE SET NULL,
    withdrawn   boolean NOT NULL DEFAULT false,
    UNIQUE (org, origin_id)
);
CREATE INDEX meeting_deadlines_citizen ON meeting_deadlines (citizen_id, due) WHERE NOT withdrawn;
ALTER TABLE meetings ADD FOREIGN KEY (deadline_id) REFERENCES meeting_deadlines (id) ON DELETE SET NULL;

-- The rights-and-duties texts of the booking flow's last step, per
-- kontaktgruppe and meeting type ("kontaktgruppe- og mødetype specifikke
-- tekster, der kommer fra Umbraco" [003]): data, published by STAR.
-- kontaktgruppe 0 and type_code '' are the fallbacks.
CREATE TABLE meeting_rights (
    kontaktgruppe integer NOT NULL,
    type_code     text NOT NULL,
    sections      jsonb NOT NULL,
    PRIMARY KEY (kontaktgruppe, type_code)
);

-- What happened to meetings in Jobnet, for the case systems to collect
-- (GET /api/ingest/v1/meeting-events), in seq order per organisation.
CREATE TABLE meeting_events (
    seq        bigserial PRIMARY KEY,
    org        text NOT NULL REFERENCES organisations (code),
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('booked', 'cancelled', 'accepted')),
    at         timestamptz NOT NULL
);
CREATE INDEX meeting_events_org ON meeting_events (org, seq);
