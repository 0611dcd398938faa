-- What the citizen has seen of their plan: the newest version they opened
-- (for "what changed" and the front-page notice) and whether they chose
-- "Vis ikke denne besked igen" for the first-plan box (SPEC D1, B3).
CREATE TABLE plan_visits (
    citizen_id          bigint PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    seen_version        bigint NOT NULL DEFAULT 0,
    first_box_dismissed boolean NOT NULL DEFAULT false
);
