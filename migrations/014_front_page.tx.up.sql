-- The front page (issue 11, SPEC B1–B5).

-- Automatch and the forsidekort look for the ads of a citizen's
-- occupations, newest first; "Uopfordret" also for ads withdrawn in the
-- last year, so the index is not limited to live ads.
CREATE INDEX job_ads_occupation ON job_ads (occupation_id, published DESC, id DESC);
