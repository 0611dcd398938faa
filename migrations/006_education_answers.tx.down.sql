DROP TABLE education_answers;
