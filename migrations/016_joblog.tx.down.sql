DROP TABLE joblogs;
