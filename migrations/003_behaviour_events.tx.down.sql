DROP TABLE behaviour_events;
