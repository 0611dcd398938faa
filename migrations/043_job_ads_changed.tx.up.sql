-- Find Job's in-memory index (server/storage/adindex.go) follows the ads by
-- the transaction that last changed each: a new ad takes its id from the
-- default, a changed one from the trigger. A refresh reads the ads changed
-- by transactions from the oldest still running at its previous read
-- (pg_snapshot_xmin) on, so a transaction that commits late is never
-- missed and an ad is read again only while such a transaction runs. The
-- ads there before have none (no rewrite of the table); the index reads
-- every ad when it is built.
ALTER TABLE job_ads ADD COLUMN changed xid8;
ALTER TABLE job_ads ALTER COLUMN changed SET DEFAULT pg_current_xact_id();

CREATE FUNCTION job_ads_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed := pg_current_xact_id();
    RETURN NEW;
END
$$;

CREATE TRIGGER job_ads_changed BEFORE UPDATE ON job_ads FOR EACH ROW EXECUTE FUNCTION job_ads_changed();

CREATE INDEX job_ads_changed ON job_ads (changed);
