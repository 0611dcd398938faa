DROP TRIGGER cv_searchability_history ON cvs;
DROP FUNCTION cv_searchability_history();
DROP TABLE cv_searchability_history;
