-- Brugerprofil (SPEC A3; FEATURES.md 7.2; 003 «Brugerprofil»).
--
-- contact_details: how Jobnet and the jobcenter reach the citizen. email is
-- always a CONFIRMED address (or ''): an address waiting for its code lives
-- in email_codes only, so nothing but the code is ever sent to it (003: "En
-- angivet e-mailadresse skal bekræftes, før der sendes kommunikation til
-- den"). The CV's own phone and e-mail (cvs) are what employers see, and
-- stay the CV's.
CREATE TABLE contact_details (
    citizen_id         bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    email              text NOT NULL DEFAULT '',
    email_confirmed_at timestamptz,
    phone              text NOT NULL DEFAULT '' CHECK (phone = '' OR phone ~ '^[0-9]{8}$'),
    updated_at         timestamptz NOT NULL,
    CHECK ((email = '') = (email_confirmed_at IS NULL))
);

-- The codes that confirm an address: only the code's SHA-256 is kept; a
-- code is spent when used (used_at), void after its expiry or its tries,
-- and a new code for the citizen voids the earlier (superseded_at).
CREATE TABLE email_codes (
    id            bigserial PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    email         text NOT NULL,
    code_hash     bytea NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    used_at       timestamptz,
    superseded_at timestamptz
);
CREATE INDEX email_codes_citizen_idx ON email_codes (citizen_id, id DESC);
-- Retention deletes spent and void codes by age (storage.RetentionRules).
CREATE INDEX email_codes_created_idx ON email_codes (created_at);

-- One temporary address: "Slutdato må maksimalt være 90 dage efter
-- startdato" (003), held by the database too.
CREATE TABLE temporary_addresses (
    citizen_id bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    street     text NOT NULL,
    postcode   text NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
    city       text NOT NULL,
    from_date  date NOT NULL,
    to_date    date NOT NULL,
    CHECK (to_date >= from_date AND to_date <= from_date + 90)
);
-- Retention deletes an address a week after its end, in batches.
CREATE INDEX temporary_addresses_to_idx ON temporary_addresses (to_date);

-- The campaigns a citizen gets by SMS through NemSMS (the number is the
-- profile's phone, known to NemSMS when subscribed: server/sms).
CREATE TABLE sms_subscriptions (
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    campaign   text NOT NULL CHECK (campaign IN ('moeder-og-pligter', 'beskeder', 'gode-raad', 'undersoegelser')),
    PRIMARY KEY (citizen_id, campaign)
);
