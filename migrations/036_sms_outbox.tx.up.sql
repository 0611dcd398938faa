-- The SMS of "Få besked på SMS og/eller e-mail" (Brugerprofil), as the
-- mail outbox (012): a row written in the transaction of the change that
-- causes it, with the River job that sends it through NemSMS's seam
-- (server/sms), once: sent_at is set in the transaction that sends it.
CREATE TABLE sms_outbox (
    id         bigserial PRIMARY KEY,
    created_at timestamptz NOT NULL,
    citizen_id bigint REFERENCES citizens (id) ON DELETE CASCADE,
    to_number  text NOT NULL,
    kind       text NOT NULL,
    text_body  text NOT NULL,
    sent_at    timestamptz,
    attempts   integer NOT NULL DEFAULT 0,
    last_error text
);
CREATE INDEX sms_outbox_citizen_idx ON sms_outbox (citizen_id);
-- Retention deletes it by age, as the mail outbox (storage.RetentionRules).
CREATE INDEX sms_outbox_created_idx ON sms_outbox (created_at);
