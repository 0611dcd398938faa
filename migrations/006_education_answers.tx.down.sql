DROP TABLE education_answers;
DROP SEQUENCE education_sent_seq;
