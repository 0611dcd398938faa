-- Kalender's private iCalendar address (SPEC D5, "Beyond the anchors"):
-- at most one per citizen. Only the secret's SHA-256 is kept
-- (storage.TokenHash), as for sessions and the job agents' links, so a
-- copy of the database gives no one a feed; the secret is shown to the
-- citizen once, when made. A new address replaces the row (the old one
-- stops working at once); revoking deletes it, and the address answers
-- 404. The row goes with the citizen.
CREATE TABLE calendar_feeds (
    citizen_id  bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    secret_hash bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);

-- A booking deadline's version, for the feed's SEQUENCE (RFC 5545: it
-- grows on every change of the event): the meetings keep theirs
-- (meetings.version); a deadline's grows here, on any change of what the
-- feed shows of it, whoever writes it.
ALTER TABLE meeting_deadlines ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE FUNCTION meeting_deadlines_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.due, NEW.type_codes, NEW.met_by, NEW.withdrawn) IS DISTINCT FROM (OLD.due, OLD.type_codes, OLD.met_by, OLD.withdrawn) THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER meeting_deadlines_version BEFORE UPDATE ON meeting_deadlines
    FOR EACH ROW EXECUTE FUNCTION meeting_deadlines_version();
