ALTER TABLE joblogs DROP COLUMN title, DROP COLUMN company, DROP COLUMN postcode, DROP COLUMN city,
    DROP COLUMN country, DROP COLUMN area, DROP COLUMN place;
