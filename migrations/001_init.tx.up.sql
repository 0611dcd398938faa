-- Organisations: jobcentre and a-kasser.
CREATE TABLE organisations (
    code text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('jobcenter', 'akasse')),
    name text NOT NULL
);

CREATE TABLE citizens (
    id             bigserial PRIMARY KEY,
    cpr            text NOT NULL UNIQUE CHECK (cpr ~ '^[0-9]{6}-[0-9]{4}$'),
    name           text NOT NULL,
    jobcenter_code text REFERENCES organisations (code),
    akasse_code    text REFERENCES organisations (code),
    enrolment      text NOT NULL DEFAULT 'afmeldt' CHECK (enrolment IN ('tilmeldt', 'afmeldt')),
    eures_visible  boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A citizen's periods in a kontaktgruppe ("forløb"); to_date NULL = open.
CREATE TABLE forloeb (
    id               bigserial PRIMARY KEY,
    citizen_id       bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kontaktgruppe    integer NOT NULL,
    tilmeldekategori integer NOT NULL DEFAULT 0,
    from_date        date NOT NULL,
    to_date          date,
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX forloeb_citizen_idx ON forloeb (citizen_id, from_date);

CREATE TABLE citizen_accounts (
    id                  bigserial PRIMARY KEY,
    citizen_id          bigint NOT NULL UNIQUE REFERENCES citizens (id) ON DELETE CASCADE,
    username            text NOT NULL,
    password_hash       text NOT NULL,
    privacy_accepted_at timestamptz NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX citizen_accounts_username_idx ON citizen_accounts (lower(username));

CREATE TABLE caseworkers (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL,
    password_hash text NOT NULL,
    name          text NOT NULL,
    org_code      text NOT NULL REFERENCES organisations (code),
    role          text NOT NULL CHECK (role IN ('sagsbehandler_jobcenter', 'sagsbehandler_akasse'))
);
CREATE UNIQUE INDEX caseworkers_username_idx ON caseworkers (lower(username));

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is
-- stored. A session ends by "Log ud" (end_reason 'logout') or by idle timeout
-- ('expired'); the row is kept so the next login can return to last_path
-- after an automatic sign-off (SPEC A2).
CREATE TABLE sessions (
    token_hash        bytea PRIMARY KEY,
    account_id        bigint REFERENCES citizen_accounts (id) ON DELETE CASCADE,
    caseworker_id     bigint REFERENCES caseworkers (id) ON DELETE CASCADE,
    mirror_citizen_id bigint REFERENCES citizens (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    last_path         text NOT NULL DEFAULT '/',
    ended_at          timestamptz,
    end_reason        text CHECK (end_reason IN ('logout', 'expired')),
    CHECK ((account_id IS NULL) <> (caseworker_id IS NULL))
);
CREATE INDEX sessions_account_idx ON sessions (account_id, created_at DESC);

-- Historik → Login: the citizen's own logins and every caseworker access (SPEC K3).
CREATE TABLE login_events (
    id            bigserial PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    at            timestamptz NOT NULL DEFAULT now(),
    caseworker_id bigint REFERENCES caseworkers (id) ON DELETE SET NULL,
    name          text NOT NULL,
    organisation  text
);
CREATE INDEX login_events_citizen_idx ON login_events (citizen_id, at DESC);

-- "Vigtig information" (SPEC B3).
CREATE TABLE notifications (
    id         bigserial PRIMARY KEY,
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    title      text NOT NULL,
    text       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    done_at    timestamptz
);
CREATE INDEX notifications_citizen_idx ON notifications (citizen_id) WHERE done_at IS NULL;

-- Ingestion API (SPEC F): one token per organisation's case system, stored hashed.
CREATE TABLE api_tokens (
    token_hash bytea PRIMARY KEY,
    org_code   text NOT NULL REFERENCES organisations (code),
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Each ingested message id once per sender; the body hash tells a retry from
-- a conflicting reuse of the id.
CREATE TABLE ingest_messages (
    org_code     text NOT NULL REFERENCES organisations (code),
    message_id   text NOT NULL,
    request_hash bytea NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_code, message_id)
);
