DROP TABLE plan_visits;
