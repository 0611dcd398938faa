DROP TABLE plan_versions;
