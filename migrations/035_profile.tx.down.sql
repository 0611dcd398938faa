DROP TABLE sms_subscriptions;
DROP TABLE temporary_addresses;
DROP TABLE email_codes;
DROP TABLE contact_details;
