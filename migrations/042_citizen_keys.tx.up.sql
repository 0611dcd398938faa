-- The citizen id in the key of every citizen table (issue 15; docs/scaling.md
-- 3.1 and 3.5 step 1): each table of one citizen's rows gets the primary key
-- (citizen_id, id), and its children reference it by (citizen_id, parent_id),
-- as Citus requires of tables distributed on citizen_id and co-located with
-- citizens. The feeds' event tables get the citizen id of their row and the
-- key (citizen_id, seq).
--
-- Each table keeps a plain index on id: the by-id lookups of today (the
-- ingestion API, the workers, a row's own page) stay as fast as they were,
-- and a plain index is allowed on a distributed table where a unique one
-- without the distribution column is not. The indexes that the new keys make
-- redundant go.
--
-- Not yet: citizen_accounts (the sessions reference it by id, and a session
-- is not a citizen's row: docs/scaling.md 3.4), job_agents and
-- job_agent_tokens, outbox and sms_outbox (their citizen id may be NULL:
-- a job agent or a mail of someone without a login), and
-- message_attachments (keyed by the sender's message id). Their keys move
-- with the lookup tables of step 2.

-- The children's references to the keys that change.
ALTER TABLE joblog_documents DROP CONSTRAINT joblog_documents_joblog_id_fkey;
ALTER TABLE message_reply_attachments DROP CONSTRAINT message_reply_attachments_message_id_fkey;
ALTER TABLE meetings DROP CONSTRAINT meetings_deadline_id_fkey;
ALTER TABLE meeting_deadlines DROP CONSTRAINT meeting_deadlines_met_by_fkey;
ALTER TABLE absence_events DROP CONSTRAINT absence_events_absence_id_fkey;
ALTER TABLE enrolment_events DROP CONSTRAINT enrolment_events_enrolment_id_fkey;
ALTER TABLE meeting_events DROP CONSTRAINT meeting_events_meeting_id_fkey;

-- The feeds' events carry their citizen.
ALTER TABLE absence_events ADD COLUMN citizen_id bigint;
UPDATE absence_events e SET citizen_id = p.citizen_id FROM absences p WHERE p.id = e.absence_id;
ALTER TABLE absence_events ALTER COLUMN citizen_id SET NOT NULL;
ALTER TABLE absence_events DROP CONSTRAINT absence_events_pkey, ADD PRIMARY KEY (citizen_id, seq);
ALTER TABLE enrolment_events ADD COLUMN citizen_id bigint;
UPDATE enrolment_events e SET citizen_id = p.citizen_id FROM enrolments p WHERE p.id = e.enrolment_id;
ALTER TABLE enrolment_events ALTER COLUMN citizen_id SET NOT NULL;
ALTER TABLE enrolment_events DROP CONSTRAINT enrolment_events_pkey, ADD PRIMARY KEY (citizen_id, seq);
ALTER TABLE meeting_events ADD COLUMN citizen_id bigint;
UPDATE meeting_events e SET citizen_id = p.citizen_id FROM meetings p WHERE p.id = e.meeting_id;
ALTER TABLE meeting_events ALTER COLUMN citizen_id SET NOT NULL;
ALTER TABLE meeting_events DROP CONSTRAINT meeting_events_pkey, ADD PRIMARY KEY (citizen_id, seq);

-- The keys.
ALTER TABLE behaviour_events DROP CONSTRAINT behaviour_events_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX behaviour_events_id_idx ON behaviour_events (id);
ALTER TABLE cv_entries DROP CONSTRAINT cv_entries_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX cv_entries_id_idx ON cv_entries (id);
ALTER TABLE cv_searchability_history DROP CONSTRAINT cv_searchability_history_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX cv_searchability_history_id_idx ON cv_searchability_history (id);
ALTER TABLE email_codes DROP CONSTRAINT email_codes_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX email_codes_id_idx ON email_codes (id);
ALTER TABLE forloeb DROP CONSTRAINT forloeb_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX forloeb_id_idx ON forloeb (id);
ALTER TABLE joblog_documents DROP CONSTRAINT joblog_documents_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX joblog_documents_id_idx ON joblog_documents (id);
ALTER TABLE login_events DROP CONSTRAINT login_events_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX login_events_id_idx ON login_events (id);
ALTER TABLE message_reply_attachments DROP CONSTRAINT message_reply_attachments_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX message_reply_attachments_id_idx ON message_reply_attachments (id);
ALTER TABLE notifications DROP CONSTRAINT notifications_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX notifications_id_idx ON notifications (id);
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX plan_versions_id_idx ON plan_versions (id);
ALTER TABLE rehab_cases DROP CONSTRAINT rehab_cases_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX rehab_cases_id_idx ON rehab_cases (id);
ALTER TABLE saved_searches DROP CONSTRAINT saved_searches_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX saved_searches_id_idx ON saved_searches (id);
ALTER TABLE screenings DROP CONSTRAINT screenings_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX screenings_id_idx ON screenings (id);
ALTER TABLE sought_occupation_history DROP CONSTRAINT sought_occupation_history_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX sought_occupation_history_id_idx ON sought_occupation_history (id);
ALTER TABLE absences DROP CONSTRAINT absences_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX absences_id_idx ON absences (id);
ALTER TABLE enrolments DROP CONSTRAINT enrolments_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX enrolments_id_idx ON enrolments (id);
ALTER TABLE joblogs DROP CONSTRAINT joblogs_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX joblogs_id_idx ON joblogs (id);
ALTER TABLE meetings DROP CONSTRAINT meetings_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX meetings_id_idx ON meetings (id);
ALTER TABLE meeting_deadlines DROP CONSTRAINT meeting_deadlines_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX meeting_deadlines_id_idx ON meeting_deadlines (id);
ALTER TABLE messages DROP CONSTRAINT messages_pkey, ADD PRIMARY KEY (citizen_id, id);
CREATE INDEX messages_id_idx ON messages (id);
DROP INDEX plan_versions_citizen_idx; -- (citizen_id, id DESC): the key now
DROP INDEX email_codes_citizen_idx;   -- the same

-- The references, by the citizen and the parent's id.
ALTER TABLE joblog_documents ADD CONSTRAINT joblog_documents_joblog_id_fkey FOREIGN KEY (citizen_id, joblog_id) REFERENCES joblogs (citizen_id, id) ON DELETE CASCADE;
ALTER TABLE message_reply_attachments ADD CONSTRAINT message_reply_attachments_message_id_fkey FOREIGN KEY (citizen_id, message_id) REFERENCES messages (citizen_id, id) ON DELETE CASCADE;
ALTER TABLE meetings ADD CONSTRAINT meetings_deadline_id_fkey FOREIGN KEY (citizen_id, deadline_id) REFERENCES meeting_deadlines (citizen_id, id) ON DELETE SET NULL (deadline_id);
ALTER TABLE meeting_deadlines ADD CONSTRAINT meeting_deadlines_met_by_fkey FOREIGN KEY (citizen_id, met_by) REFERENCES meetings (citizen_id, id) ON DELETE SET NULL (met_by);
ALTER TABLE absence_events ADD CONSTRAINT absence_events_absence_id_fkey FOREIGN KEY (citizen_id, absence_id) REFERENCES absences (citizen_id, id) ON DELETE CASCADE;
ALTER TABLE enrolment_events ADD CONSTRAINT enrolment_events_enrolment_id_fkey FOREIGN KEY (citizen_id, enrolment_id) REFERENCES enrolments (citizen_id, id) ON DELETE CASCADE;
ALTER TABLE meeting_events ADD CONSTRAINT meeting_events_meeting_id_fkey FOREIGN KEY (citizen_id, meeting_id) REFERENCES meetings (citizen_id, id) ON DELETE CASCADE;
