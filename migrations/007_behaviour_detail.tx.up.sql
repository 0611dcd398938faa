-- What a behaviour event is about: the page's path for "Side åbnet", the
-- counters page for a simulation (SPEC E1).
ALTER TABLE behaviour_events ADD COLUMN detail text NOT NULL DEFAULT '';
