-- The national-scale data set (issue 15, server/scaleseed): each stage of
-- a `make seed-scale` run is one transaction that ends by writing its row
-- here, so a second run skips the stages done and an interrupted stage
-- leaves nothing behind (its transaction rolled back). anchor is the day
-- the data set is built around, the same for every stage of one data set;
-- size is the number of citizens (of ads, for the ads) it was built for.
CREATE TABLE scale_seed_stages (
    stage   text PRIMARY KEY,
    anchor  date NOT NULL,
    size    integer NOT NULL,
    rows    bigint NOT NULL,
    done_at timestamptz NOT NULL
);
