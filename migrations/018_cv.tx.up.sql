-- Mit CV (SPEC C4) and the Præsentations-CV. cvs is the CV itself: its
-- number (given once from cv_numbers when the CV is first saved, never
-- changed nor reused), whether it is søgbart, the contact data employers
-- reach the citizen by (until Brugerprofil → Personlige oplysninger is
-- built), the link, languages and driving licence categories (the last
-- two NOT IN THE SOURCES), and the LinkedIn box's "Vis ikke denne besked
-- igen". cv_entries are the folds' entries, entry being
-- shared.CVEntryInput as stored (normalized).
--
-- Deletion [003 «Slet min adgang»]: "Ved sletning slettes borgers Jobnet
-- account. CV i Jobsearch slettes for nuværende ikke." The CV hangs on the
-- citizen (the person), not on citizen_accounts (the login), so deleting
-- the account leaves it; and the citizen's row cannot be deleted while a
-- CV exists (ON DELETE RESTRICT), so no cascade from a future clean-up of
-- citizens takes the CV with it unnoticed. The same holds for the
-- Præsentations-CV. No retention rule deletes a CV (storage.RetentionRules).
-- server/storage/cv_test.go holds both.
CREATE SEQUENCE cv_numbers START 1000001;

CREATE TABLE cvs (
    citizen_id           bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE RESTRICT,
    number               bigint NOT NULL UNIQUE DEFAULT nextval('cv_numbers'),
    searchable           boolean NOT NULL DEFAULT false,
    phone                text NOT NULL DEFAULT '',
    email                text NOT NULL DEFAULT '',
    link                 text NOT NULL DEFAULT '',
    link_nudge_dismissed boolean NOT NULL DEFAULT false,
    languages            jsonb NOT NULL DEFAULT '[]',
    licences             jsonb NOT NULL DEFAULT '[]',
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- 003 «Personlige oplysninger»: søgbart only when employers can reach
    -- the citizen (shared.CVSettings.Check says it in Danish first).
    CHECK (NOT searchable OR phone <> '' OR email <> '')
);

CREATE TABLE cv_entries (
    id         bigserial PRIMARY KEY,
    citizen_id bigint NOT NULL REFERENCES cvs (citizen_id) ON DELETE CASCADE,
    section    text NOT NULL CHECK (section IN ('erhvervserfaring', 'uddannelse', 'kvalifikation')),
    entry      jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX cv_entries_citizen ON cv_entries (citizen_id, section);

CREATE TABLE presentation_cvs (
    citizen_id bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE RESTRICT,
    content    jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
