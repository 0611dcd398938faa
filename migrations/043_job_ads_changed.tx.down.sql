DROP TRIGGER job_ads_changed ON job_ads;
DROP FUNCTION job_ads_changed();
ALTER TABLE job_ads DROP COLUMN changed;
