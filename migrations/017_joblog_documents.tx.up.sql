-- Joblog documents (SPEC C3, 003_…txt «Joblog»: "Gem ansøgning,
-- jobannonce og CV"): a log's job ad, CV and application. content is the
-- file as sent; type is what storage judged it to be from its content
-- (shared.JudgeDocument), and what it is served as. A document goes with
-- its log (ON DELETE CASCADE), so the retention rule "joblogs" deletes a
-- log's documents with it after 4 years.
--
-- joblogs.documents counts a log's documents for the list's paperclip
-- without a query per log; it is changed in the transaction that adds or
-- removes a document, under the log's row lock, which also keeps the
-- count within shared.JoblogMaxDocuments when two uploads race.
CREATE TABLE joblog_documents (
    id         bigserial PRIMARY KEY,
    citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    joblog_id  bigint NOT NULL REFERENCES joblogs (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('jobannonce', 'cv', 'ansoegning')),
    name       text NOT NULL,
    type       text NOT NULL CHECK (type IN ('pdf', 'docx', 'odt', 'png', 'jpeg')),
    size       integer NOT NULL CHECK (size > 0),
    content    bytea NOT NULL,
    created_at timestamptz NOT NULL
);
-- Compressed files (PDF, DOCX, ODT, PNG, JPEG all are) gain nothing from
-- PostgreSQL's compression; stored uncompressed, reading them costs no
-- decompression.
ALTER TABLE joblog_documents ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX joblog_documents_log ON joblog_documents (citizen_id, joblog_id, id);
CREATE INDEX joblog_documents_joblog ON joblog_documents (joblog_id);

ALTER TABLE joblogs ADD COLUMN documents integer NOT NULL DEFAULT 0 CHECK (documents >= 0);
