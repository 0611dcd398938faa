ALTER TABLE job_ads DROP COLUMN employer, DROP COLUMN external_url;
DROP INDEX job_ads_occupation;
