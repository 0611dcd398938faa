ALTER TABLE messages DROP COLUMN withdrawn_at;
DROP INDEX messages_replies_waiting;
UPDATE messages SET reply_seq = nextval('message_reply_seq') WHERE reply IS NOT NULL AND reply_seq IS NULL;
ALTER TABLE messages DROP CONSTRAINT messages_reply_check, DROP COLUMN reply_ready_at, DROP COLUMN reply_files;
ALTER TABLE messages ADD CONSTRAINT messages_check CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply IS NULL) = (reply_seq IS NULL));
DROP TABLE message_reply_attachments;
DROP TRIGGER message_attachments_orphaned ON messages;
DROP FUNCTION message_attachments_orphaned();
DROP TABLE message_attachments;
