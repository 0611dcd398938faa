DROP TABLE messages;
DROP SEQUENCE message_reply_seq;
