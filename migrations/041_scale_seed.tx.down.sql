DROP TABLE scale_seed_stages;
