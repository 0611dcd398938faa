-- The outbox: every mail Jobnet sends is first a row here, written in the
-- transaction of the change that causes it together with the River job
-- that sends it (server/storage/outbox.go). sent_at is set in the
-- transaction that sends it, so a job run again sends nothing.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    to_address      text NOT NULL,
    citizen_id      bigint REFERENCES citizens (id) ON DELETE CASCADE,
    kind            text NOT NULL,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL,
    unsubscribe_url text,
    lang            text NOT NULL CHECK (lang IN ('da', 'en')),
    sent_at         timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX outbox_citizen_idx ON outbox (citizen_id);
-- Retention deletes the outbox by age (storage.RetentionRules).
CREATE INDEX outbox_created_idx ON outbox (created_at);

-- The campaigns of "Få besked på SMS og/eller email" (Brugerprofil,
-- FEATURES 7.2) a citizen subscribes to by e-mail. The profile page that
-- fills it comes later; the plan's change notice (SPEC D1) reads it now.
CREATE TABLE mail_subscriptions (
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    campaign   text NOT NULL CHECK (campaign IN ('moeder-og-pligter', 'beskeder', 'gode-raad', 'undersoegelser')),
    email      text NOT NULL,
    PRIMARY KEY (citizen_id, campaign)
);
