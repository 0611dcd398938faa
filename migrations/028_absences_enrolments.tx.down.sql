DROP TABLE enrolments;
DROP TABLE absences;
