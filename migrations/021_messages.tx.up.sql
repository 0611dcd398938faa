-- Min beskedbakke (SPEC D6, F): the messages the case systems (jobcentre,
-- a-kasser, STAR) send to a citizen or to a group of citizens. A group
-- message is one row per recipient, all with the sender's one message id
-- (origin_id), so that each citizen's read state and reply are their own.
-- parties are the organisations besides the sender that share the letter
-- (the a-kasse's access rests on it: shared.projectMessages). A reply is
-- the citizen's one answer to a "Kan besvares" message; reply_seq orders
-- the replies for the sender's case system to collect
-- (GET /api/ingest/v1/message-replies), like education answers.
CREATE TABLE messages (
    id          bigserial PRIMARY KEY,
    citizen_id  bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    sender_org  text NOT NULL REFERENCES organisations (code),
    origin_id   text NOT NULL,
    sender      text NOT NULL,
    parties     text[] NOT NULL DEFAULT '{}',
    subject     text NOT NULL,
    body        text NOT NULL,
    important   boolean NOT NULL DEFAULT false,
    answerable  boolean NOT NULL DEFAULT false,
    sent_at     timestamptz NOT NULL,
    read_at     timestamptz,
    reply       text,
    replied_at  timestamptz,
    reply_seq   bigint,
    CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply IS NULL) = (reply_seq IS NULL)),
    CHECK (reply IS NULL OR answerable),
    UNIQUE (sender_org, origin_id, citizen_id)
);
CREATE SEQUENCE message_reply_seq;
CREATE INDEX messages_citizen ON messages (citizen_id, sent_at DESC);
CREATE INDEX messages_replies ON messages (sender_org, reply_seq) WHERE reply_seq IS NOT NULL;
CREATE INDEX messages_sent ON messages (sent_at);
