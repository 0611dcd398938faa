ALTER TABLE meetings DROP COLUMN reminded_at;
