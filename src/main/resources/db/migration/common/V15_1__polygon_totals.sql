-- What a tally added up per plan polygon for the features of a link source layer as its links were
-- staged (PolygonTally): kept until the links of either side change, in the same transaction.
CREATE TABLE polygon_totals (
    source_layer   VARCHAR(64)  NOT NULL,
    target_layer   VARCHAR(64)  NOT NULL,
    target_id      VARCHAR(128) NOT NULL,
    contained_only BOOLEAN      NOT NULL,
    totals         VARCHAR      NOT NULL,
    PRIMARY KEY (source_layer, target_layer, target_id, contained_only)
);
