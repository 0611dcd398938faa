-- Historik → CV-søgbarhed (SPEC D12; 003 «Jobnet Historik»: the CV's
-- søgbarhed over time, kept 3 years): one row each time the CV becomes
-- søgbart or stops being it. A trigger writes it, so every path that
-- changes cvs.searchable (Mit CV's settings, an account deleted, a seed)
-- is recorded, at the moment the writer gave the change (updated_at, the
-- server's clock, which tests pin), not the database's. A CV made
-- søgbart at once is recorded as it is made; one made not søgbart (the
-- default) has nothing to record yet.
CREATE TABLE cv_searchability_history (
    id         bigserial PRIMARY KEY,
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    searchable boolean NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX cv_searchability_history_citizen_idx ON cv_searchability_history (citizen_id, at DESC);
-- The retention job's scan (storage.RetentionRules "cv_searchability").
CREATE INDEX cv_searchability_history_at_idx ON cv_searchability_history (at);

CREATE FUNCTION cv_searchability_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.searchable
       OR TG_OP = 'UPDATE' AND NEW.searchable IS DISTINCT FROM OLD.searchable THEN
        INSERT INTO cv_searchability_history (citizen_id, searchable, at)
        VALUES (NEW.citizen_id, NEW.searchable, NEW.updated_at);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cv_searchability_history AFTER INSERT OR UPDATE OF searchable ON cvs
    FOR EACH ROW EXECUTE FUNCTION cv_searchability_history();
