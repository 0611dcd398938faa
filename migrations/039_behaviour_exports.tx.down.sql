DROP TABLE behaviour_exports;
