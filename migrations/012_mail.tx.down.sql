DROP TABLE mail_subscriptions;
DROP TABLE outbox;
