DROP TABLE presentation_cvs;
DROP TABLE cv_entries;
DROP TABLE cvs;
DROP SEQUENCE cv_numbers;
