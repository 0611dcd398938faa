-- Selvbooking (booking helper): an offer of a meeting in person names where
-- it is held, so that the booked meeting carries the address the Møder page
-- shows ("Se adresse på kort" [002 Bilag 3]). Empty for a meeting by phone
-- or video.
ALTER TABLE meeting_offers ADD COLUMN place text NOT NULL DEFAULT '';
