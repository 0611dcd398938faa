-- Find Job (issue 10): the reference data it searches by, the job ads, and
-- the suggestions of its free text. PostgreSQL's own search: Danish
-- full-text search on a stored, weighted column with a GIN index;
-- pg_trgm for the suggestions; cube and earthdistance for radius searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- Reference data, loaded from the data files of server/taxonomy and
-- server/geo by storage.LoadReference whenever the taxonomy's release is
-- newer than the one loaded.
CREATE TABLE reference_release (
    id               boolean PRIMARY KEY DEFAULT true CHECK (id),
    taxonomy_version integer NOT NULL,
    loaded_at        timestamptz NOT NULL
);

CREATE TABLE disco_groups (
    code   text PRIMARY KEY,
    level  smallint NOT NULL,
    parent text,
    title  text NOT NULL
);

CREATE TABLE occupations (
    id                 integer PRIMARY KEY,
    title              text NOT NULL,
    disco              text NOT NULL,
    aliases            text[] NOT NULL DEFAULT '{}',
    since              integer NOT NULL,
    discontinued_since integer,
    replaced_by        integer
);

CREATE TABLE areas (
    code     text PRIMARY KEY,
    name     text NOT NULL,
    position smallint NOT NULL
);

CREATE TABLE kommuner (
    code   text PRIMARY KEY,
    name   text NOT NULL,
    region text NOT NULL,
    area   text REFERENCES areas (code),
    lat    double precision NOT NULL,
    lon    double precision NOT NULL
);

CREATE TABLE postcodes (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    bulk    boolean NOT NULL,
    kommune text NOT NULL REFERENCES kommuner (code),
    lat     double precision NOT NULL,
    lon     double precision NOT NULL
);

-- What the free text suggests after three characters, typed by what it is
-- (occupation, alias, hierarchy node, town, postcode, country); folded is
-- the label in lower case, which the trigram index serves.
CREATE TABLE suggestions (
    kind   text NOT NULL,
    value  text NOT NULL,
    label  text NOT NULL,
    folded text NOT NULL,
    rank   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, value, label)
);
CREATE INDEX suggestions_folded_trgm ON suggestions USING gin (folded gin_trgm_ops);

-- The job ads, one row per ad of a sender (an organisation's case system
-- or the employer side). ad is the ad as sent (shared.JobAd); the other
-- columns are what the search filters and counts by, derived from it and
-- the reference data when it arrives. search_text is the occupation,
-- its aliases, its DISCO path and the parts of compound words
-- (server/findjob), so that "lager" and "medarbejder" both find a
-- lagermedarbejder.
CREATE TABLE job_ads (
    -- The fixed-width columns the search reads for every ad it finds come
    -- first: PostgreSQL reads a row's columns in order, and the wide ones
    -- would stand in the way.
    id             bigserial PRIMARY KEY,
    facets         bigint NOT NULL,
    published      timestamptz NOT NULL,
    withdrawn      timestamptz,
    widk           boolean NOT NULL,
    abroad         boolean NOT NULL,
    hotjob         boolean NOT NULL,
    external       boolean NOT NULL,
    lat            double precision,
    lon            double precision,
    occupation_id  integer NOT NULL,
    hours_per_week real,
    updated        timestamptz NOT NULL,
    sender_org     text NOT NULL,
    sender_id      text NOT NULL,
    disco          text NOT NULL,
    postcode       text,
    kommune        text,
    area           text,
    working_time   text NOT NULL,
    terms          text NOT NULL,
    duration       text NOT NULL,
    title          text NOT NULL,
    search_text    text NOT NULL,
    description    text NOT NULL,
    ad             jsonb NOT NULL,
    search         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish', title), 'A') ||
        setweight(to_tsvector('danish', search_text), 'B') ||
        setweight(to_tsvector('danish', left(description, 4000)), 'C')
    ) STORED,
    UNIQUE (sender_org, sender_id),
    CHECK ((lat IS NULL) = (lon IS NULL))
) WITH (toast_tuple_target = 256);
-- facets packs the columns the filters count by into one number
-- (storage.facetKey), so that the search groups its ads by one integer
-- rather than eight texts.
-- toast_tuple_target: the ad, its description and texts go out of line
-- (compressed), so the heap keeps the narrow columns the search counts by
-- and a scan of many matching ads reads few pages.
CREATE INDEX job_ads_search ON job_ads USING gin (search) WHERE withdrawn IS NULL;
CREATE INDEX job_ads_published ON job_ads (published DESC, id DESC) WHERE withdrawn IS NULL;
CREATE INDEX job_ads_earth ON job_ads USING gist (ll_to_earth(lat, lon)) WHERE withdrawn IS NULL AND lat IS NOT NULL;
CREATE INDEX job_ads_widk ON job_ads (published DESC, id DESC) WHERE withdrawn IS NULL AND widk;
