-- "Jeg søger job som" (issue 10, SPEC C2): the occupations a citizen
-- seeks work as, their employment conditions, the history of adds and
-- removes, and the citizen's home postcode, whose centre is "home" for
-- the Find job button's 50 km circle.

-- Home: until an address arrives from the CPR register, a postcode. It is
-- not a foreign key: the postcodes are reloaded with each reference
-- release (storage.LoadReference).
ALTER TABLE citizens ADD COLUMN home_postcode text CHECK (home_postcode ~ '^[0-9]{4}$');

-- One row per occupation the citizen seeks work as; an occupation once
-- only ("En stillingsbetegnelse kan kun vælges én gang"), whether chosen by
-- its title or by an alias. occupation_id is the taxonomy's stable id (not
-- a foreign key, as above); alias is the alias it was chosen by.
-- Experience is optional; given, it has years and the last year worked
-- ("Angives erfaring skal angives antal år og hvornår det senest er
-- brugt"), months optional. seq is the order they were added in, also
-- within one moment.
CREATE TABLE sought_occupations (
    citizen_id        bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    occupation_id     integer NOT NULL,
    alias             text,
    educated          boolean NOT NULL,
    experience_years  smallint CHECK (experience_years BETWEEN 0 AND 60),
    experience_months smallint CHECK (experience_months BETWEEN 0 AND 11),
    last_worked       smallint CHECK (last_worked >= 1950),
    added_at          timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    seq               bigserial,
    PRIMARY KEY (citizen_id, occupation_id),
    CHECK ((experience_years IS NULL) = (last_worked IS NULL)),
    CHECK (experience_months IS NULL OR experience_years IS NOT NULL)
);

-- "Søgt Job som viser de seneste 3 års tilføjelser og fjernelser" (003
-- «Historik»): every add and remove, with its moment.
CREATE TABLE sought_occupation_history (
    id            bigserial PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    occupation_id integer NOT NULL,
    alias         text,
    change        text NOT NULL CHECK (change IN ('tilfoejet', 'fjernet')),
    at            timestamptz NOT NULL
);
CREATE INDEX sought_occupation_history_citizen_idx ON sought_occupation_history (citizen_id, at DESC);

-- "Ansættelsesbetingelser": weekly working time and when the citizen can
-- start; a row once the citizen has said.
CREATE TABLE employment_conditions (
    citizen_id         bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    working_time       text NOT NULL CHECK (working_time IN ('fuldtid', 'deltid')),
    start_asap         boolean NOT NULL,
    start_by_agreement boolean NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK (start_asap OR start_by_agreement)
);
