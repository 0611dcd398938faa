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

-- A log's day in the Kalender (shared.JoblogCalendarDay: a job search on
-- its ansøgningsfrist, an activity on its date, else the day it was made
-- in Danish time), kept beside it by a trigger so that a month reads its
-- logs by an index rather than every log of the citizen (issue 13: a
-- month for a citizen with a year of everything, p99 ≤ 10 ms). A trigger,
-- not a generated column: the date casts are not immutable. The portal's
-- time zone is Europe/Copenhagen (server.Config.Location's default).
-- storage's TestCalendarMonth holds it to shared's rule.
ALTER TABLE joblogs ADD COLUMN calendar_day date;
CREATE FUNCTION joblogs_calendar_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.calendar_day := CASE
        WHEN NEW.kind = 'jobsoegning' AND NEW.log->>'deadline' <> '' THEN (NEW.log->>'deadline')::date
        WHEN NEW.kind = 'anden_aktivitet' AND NEW.log->>'date' <> '' THEN (NEW.log->>'date')::date
        ELSE (NEW.created_at AT TIME ZONE 'Europe/Copenhagen')::date END;
    RETURN NEW;
END $$;
CREATE TRIGGER joblogs_calendar_day BEFORE INSERT OR UPDATE ON joblogs
    FOR EACH ROW EXECUTE FUNCTION joblogs_calendar_day();
UPDATE joblogs SET calendar_day = calendar_day; -- the trigger fills it in
CREATE INDEX joblogs_calendar ON joblogs (citizen_id, calendar_day);
