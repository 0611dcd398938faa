DROP TABLE screenings;
DROP SEQUENCE screening_answer_seq;
