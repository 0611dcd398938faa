DROP TABLE saved_searches;
DROP TABLE seen_job_ads;
DROP TABLE saved_jobs;
