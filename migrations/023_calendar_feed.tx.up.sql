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
