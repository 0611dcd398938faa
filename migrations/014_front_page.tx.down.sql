DROP INDEX job_ads_occupation;
