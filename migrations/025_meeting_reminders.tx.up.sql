-- The reminder of a meeting two days before (SPEC D4): a citizen who
-- subscribes to "Møder og pligter" by e-mail (mail_subscriptions) gets one
-- mail per meeting; reminded_at marks it sent, so a second run, or a run
-- on another worker, sends none. It is not a change to the meeting:
-- version stays.
ALTER TABLE meetings ADD COLUMN reminded_at timestamptz;
