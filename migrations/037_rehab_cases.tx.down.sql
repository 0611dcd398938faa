DROP TABLE rehab_cases;
DROP SEQUENCE rehab_preparation_seq;
