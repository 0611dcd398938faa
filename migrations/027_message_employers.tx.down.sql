ALTER TABLE messages DROP COLUMN employer_cvr, DROP COLUMN employer_name;
