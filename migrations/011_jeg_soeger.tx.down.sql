DROP TABLE employment_conditions;
DROP TABLE sought_occupation_history;
DROP TABLE sought_occupations;
ALTER TABLE citizens DROP COLUMN home_postcode;
