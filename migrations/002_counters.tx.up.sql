-- Counter data as delivered by the a-kasse (dagpenge, supplerende dagpenge)
-- or the municipality (225-hour rule): the latest figures per kind, as the
-- shared/ types encode them. Jobnet shows them; it never recomputes them.
CREATE TABLE counters (
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('dagpenge', 'supplerende', 'timer225')),
    as_of      date NOT NULL,
    data       jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (citizen_id, kind)
);
