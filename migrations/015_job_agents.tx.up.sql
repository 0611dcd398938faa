-- Job agents (issue 11; FEATURES 1.1–1.2): a saved Find Job search mailed
-- daily or weekly with the ads new since the last mail
-- (server/storage/jobagents.go). citizen_id is null for an anonymous
-- agent (Work in Denmark, or Jobnet without a login), whose address is
-- confirmed by a link before any agent mail leaves; a citizen's agent is
-- confirmed at once (README, "Decisions").
CREATE TABLE job_agents (
    id              bigserial PRIMARY KEY,
    citizen_id      bigint REFERENCES citizens (id) ON DELETE CASCADE,
    name            text NOT NULL,
    -- The search in its canonical query form (shared.JobSearch.Query).
    search          text NOT NULL,
    frequency       text NOT NULL CHECK (frequency IN ('daglig', 'ugentlig')),
    -- A weekly agent runs on this ISO weekday (1 Monday … 7 Sunday): the
    -- day it was made.
    weekday         smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    lang            text NOT NULL CHECK (lang IN ('da', 'en')),
    email           text NOT NULL,
    -- Null until an anonymous agent's confirmation link is followed; the
    -- link's token is stored as its SHA-256 only, and forgotten once used.
    confirmed_at    timestamptz,
    confirm_hash    bytea UNIQUE,
    created_at      timestamptz NOT NULL,
    last_run_at     timestamptz,
    -- The run period last done (the day of a daily agent's run, the
    -- weekday's date of a weekly one's): a run does each agent once per
    -- period, so a retried or doubled run mails nothing twice.
    last_period     date,
    -- The newest ad already mailed, by the order Find Job lists ads in
    -- (published, id): a run mails only ads after it.
    seen_published  timestamptz NOT NULL,
    seen_id         bigint NOT NULL DEFAULT 0,
    CHECK ((citizen_id IS NULL) OR confirmed_at IS NOT NULL)
);
CREATE INDEX job_agents_citizen ON job_agents (citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX job_agents_email ON job_agents (lower(email)) WHERE citizen_id IS NULL;
CREATE INDEX job_agents_due ON job_agents (last_period) WHERE confirmed_at IS NOT NULL;

-- The unsubscribe links' tokens, one per agent mail (only the hash):
-- every mail's link keeps working while the agent exists, and a stolen
-- copy of the table holds no working link.
CREATE TABLE job_agent_tokens (
    token_hash bytea PRIMARY KEY,
    agent_id   bigint NOT NULL REFERENCES job_agents (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL
);
CREATE INDEX job_agent_tokens_agent ON job_agent_tokens (agent_id, created_at);

-- Work in Denmark's agents' mails come from its own address (FEATURES 1.2:
-- "sendes fra no-reply@workindenmark.dk"); null is the portal's sender.
ALTER TABLE outbox ADD COLUMN from_address text;
