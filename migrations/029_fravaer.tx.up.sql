-- Fravær (SPEC D7): what the self-services need beyond the contract (028).

-- A raskmelding given for a day ahead ("rask fra mandag"): the first day
-- the citizen is well. The scheduled job (storage.ApplyRaskmeldinger) ends
-- the sygemelding on that day, as "system" (003 «Jobnet Historik»: "hvis
-- eksempelvis det er et batchjob der har afviklet en hændelse sat til
-- fremtidig eksekvering"); rask_by keeps who gave it.
ALTER TABLE absences
    ADD COLUMN rask_fra date,
    ADD COLUMN rask_by  text CHECK (rask_by IN ('borger', 'sagsbehandler', 'system')),
    ADD CONSTRAINT absences_rask_check CHECK ((rask_fra IS NULL) = (rask_by IS NULL)),
    ADD CONSTRAINT absences_rask_open CHECK (rask_fra IS NULL OR to_date IS NULL);
CREATE INDEX absences_rask_due ON absences (rask_fra) WHERE rask_fra IS NOT NULL;

-- What the citizen registered in Jobnet, for the case systems to collect
-- (GET /api/ingest/v1/absence-events), in seq order per organisation: "Dit
-- jobcenter får automatisk besked om din ferie. Hvis du er medlem af en
-- a-kasse, får den også besked" (000 Billede 23). The citizen's jobcenter
-- gets every event; the a-kasse those of absences lawful on dagpenge
-- (shared.AbsenceKind.LegalForDagpenge), as its view of the page.
--   registered: a new absence (ferie, sygemelding, midlertidigt arbejde)
--   rask:       a raskmelding given (to_date or rask_fra tells the day)
--   ended:      the sygemelding ended on its day by the scheduled job
CREATE TABLE absence_events (
    seq        bigserial PRIMARY KEY,
    org        text NOT NULL REFERENCES organisations (code),
    absence_id bigint NOT NULL REFERENCES absences (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('registered', 'rask', 'ended')),
    at         timestamptz NOT NULL
);
CREATE INDEX absence_events_org ON absence_events (org, seq);
