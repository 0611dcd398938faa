DROP TABLE banner;
DELETE FROM organisations WHERE kind = 'star';
ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check CHECK (kind IN ('jobcenter', 'akasse'));
ALTER TABLE job_ads DROP COLUMN employer, DROP COLUMN external_url;
DROP INDEX job_ads_occupation;
