-- Messages from employers (SPEC D6: "Beskeder fra arbejdsgivere"). An
-- employer writes to a citizen it found in the CV bank through Jobnet for
-- virksomheder, which STAR runs: the message comes from STAR's system
-- (sender_org STAR) naming the employer by CVR number and name, and the
-- citizen's answer goes back the same way (message-replies for STAR).
ALTER TABLE messages
    ADD COLUMN employer_cvr  text CHECK (employer_cvr ~ '^[0-9]{8}$'),
    ADD COLUMN employer_name text,
    ADD CHECK ((employer_cvr IS NULL) = (employer_name IS NULL));
