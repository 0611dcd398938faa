ALTER TABLE joblogs DROP COLUMN documents;
DROP TABLE joblog_documents;
