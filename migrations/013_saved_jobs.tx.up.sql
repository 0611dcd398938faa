-- Find Job for a logged-in citizen (issue 11): favourite ads ("Se gemte
-- job"), the ads the citizen has opened (seen/unseen on the teasers) and
-- saved searches ("Gem søgning", søgeprofiler in 000 4.2). All of it lives
-- on the server, so that it follows the citizen to any device (FEATURES.md
-- 1.1).

-- A favourite keeps what its teaser shows (title, employer, place, and the
-- source of an external ad) as it was when saved, and ad_id is not a
-- foreign key: an ad withdrawn, or one day removed, stays on the list,
-- marked "Udløbet" (the ad is expired when job_ads has no live row for it).
CREATE TABLE saved_jobs (
    citizen_id   bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    ad_id        bigint NOT NULL,
    title        text NOT NULL,
    employer     text NOT NULL,
    place        text NOT NULL,
    external_url text,
    saved_at     timestamptz NOT NULL,
    PRIMARY KEY (citizen_id, ad_id)
);

-- Seen = the citizen opened the ad (its page, or an external ad's source)
-- in their own session; a caseworker's look marks nothing. One row per
-- citizen and ad that still exists (the foreign key), and the retention
-- rule "seen_job_ads" (storage.RetentionRules) deletes marks six months
-- after the first look and marks of withdrawn ads, so the table is bounded
-- by the live ads each citizen opened lately.
CREATE TABLE seen_job_ads (
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    ad_id      bigint NOT NULL REFERENCES job_ads (id) ON DELETE CASCADE,
    first_seen timestamptz NOT NULL,
    PRIMARY KEY (citizen_id, ad_id)
);
CREATE INDEX seen_job_ads_first_seen ON seen_job_ads (first_seen);

-- A saved search is its name and the search in the one form Find Job's
-- address uses (shared.JobSearch.Query, without page, view or origin), so
-- running it again is opening /find-job?<query>. At most
-- shared.MaxSavedSearches per citizen, each name once.
CREATE TABLE saved_searches (
    id         bigserial PRIMARY KEY,
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    query      text NOT NULL CHECK (length(query) <= 4000),
    created_at timestamptz NOT NULL,
    UNIQUE (citizen_id, name)
);
