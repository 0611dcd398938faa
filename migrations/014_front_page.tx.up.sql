-- The front page (issue 11, SPEC B1–B5).

-- Automatch and the forsidekort look for the ads of a citizen's
-- occupations, newest first; "Uopfordret" also for ads withdrawn in the
-- last year, so the index is not limited to live ads.
CREATE INDEX job_ads_occupation ON job_ads (occupation_id, published DESC, id DESC);

-- The employer's name and an external ad's address, which automatch's
-- teasers show and "Uopfordret" counts, as columns of their own: in the
-- ad they are read only by decompressing the whole ad, description and
-- all, which is stored out of line.
ALTER TABLE job_ads
    ADD COLUMN employer text GENERATED ALWAYS AS (ad->'employer'->>'name') STORED,
    ADD COLUMN external_url text GENERATED ALWAYS AS (nullif(ad->>'external_url', '')) STORED;

-- STAR, which runs Jobnet, is an organisation with an API token of its
-- own: it sets the front page's banner (SPEC B1).
ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check CHECK (kind IN ('jobcenter', 'akasse', 'star'));

-- STAR's banner: one at a time, shown from from_date to to_date.
CREATE TABLE banner (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    text       text NOT NULL,
    link_text  text,
    link_url   text,
    from_date  date NOT NULL,
    to_date    date NOT NULL CHECK (to_date >= from_date),
    subpages   boolean NOT NULL,
    set_by     text NOT NULL REFERENCES organisations (code),
    updated_at timestamptz NOT NULL
);
