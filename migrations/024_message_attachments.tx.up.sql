-- Attachments in Min beskedbakke (SPEC D6, issue 13; shared/message_attachments.go).
--
-- A case system's attachment belongs to the message it sent, which is one
-- row of messages per recipient (migration 021): the attachment is kept
-- once per sent message, keyed like the message by (sender_org,
-- origin_id), not once per recipient, so that STAR's letter with a PDF to
-- 1,000 citizens stores the PDF once. It goes with its message: when the
-- last recipient's row is gone (the 3-year rule, the citizen's deletion,
-- a withdrawal), the trigger below deletes it; the retention rule
-- "message_attachments" deletes any left over by two such deletions that
-- ran at once.
CREATE TABLE message_attachments (
    id         bigserial PRIMARY KEY,
    sender_org text NOT NULL REFERENCES organisations (code),
    origin_id  text NOT NULL,
    position   smallint NOT NULL CHECK (position >= 0),
    name       text NOT NULL,
    type       text NOT NULL CHECK (type IN ('pdf', 'docx', 'odt', 'png', 'jpeg')),
    size       integer NOT NULL CHECK (size > 0),
    content    bytea NOT NULL,
    sent_at    timestamptz NOT NULL,
    UNIQUE (sender_org, origin_id, position)
);
-- As joblog_documents': compressed files gain nothing from PostgreSQL's
-- compression.
ALTER TABLE message_attachments ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE FUNCTION message_attachments_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM message_attachments a
     USING (SELECT DISTINCT sender_org, origin_id FROM gone) g
     WHERE a.sender_org = g.sender_org AND a.origin_id = g.origin_id
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.sender_org = g.sender_org AND m.origin_id = g.origin_id);
    RETURN NULL;
END $$;
CREATE TRIGGER message_attachments_orphaned AFTER DELETE ON messages
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION message_attachments_orphaned();

-- The citizen's files with the answer to a "Kan besvares" message, the
-- citizen's own: one row each, deleted with the message row.
CREATE TABLE message_reply_attachments (
    id         bigserial PRIMARY KEY,
    message_id bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    name       text NOT NULL,
    type       text NOT NULL CHECK (type IN ('pdf', 'docx', 'odt', 'png', 'jpeg')),
    size       integer NOT NULL CHECK (size > 0),
    content    bytea NOT NULL,
    created_at timestamptz NOT NULL
);
ALTER TABLE message_reply_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX message_reply_attachments_message ON message_reply_attachments (message_id, id);
CREATE INDEX message_reply_attachments_citizen ON message_reply_attachments (citizen_id);

-- An answer with files is saved first and its files sent after it, one
-- call each (as the Joblog's documents): reply_files is how many the
-- citizen announced. The answer is ready for the sender to collect — it
-- draws its reply_seq and reply_ready_at — when the last file has come,
-- when the citizen sends it without the rest, or when the collection
-- finds it waiting for more than shared.MessageReplyFilesWait.
ALTER TABLE messages DROP CONSTRAINT messages_check;
ALTER TABLE messages ADD COLUMN reply_files smallint NOT NULL DEFAULT 0 CHECK (reply_files >= 0),
    ADD COLUMN reply_ready_at timestamptz,
    ADD CONSTRAINT messages_reply_check CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply_seq IS NULL) = (reply_ready_at IS NULL)
        AND (reply IS NOT NULL OR reply_seq IS NULL));
UPDATE messages SET reply_ready_at = replied_at WHERE reply_seq IS NOT NULL;
CREATE INDEX messages_replies_waiting ON messages (sender_org, replied_at) WHERE reply IS NOT NULL AND reply_seq IS NULL;

-- A message its sender withdrew after the citizen had read it is kept as
-- "Beskeden er trukket tilbage" (shared.MsgMessageWithdrawn), without its
-- subject, body and files; an unread one is deleted.
ALTER TABLE messages ADD COLUMN withdrawn_at timestamptz;
