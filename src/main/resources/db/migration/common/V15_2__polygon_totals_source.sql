-- The link source layers whose polygon_totals are complete: a plan polygon with no row then holds none
-- of the layer's features, so that a single edit can amend the totals (PolygonTally.Amendment) rather
-- than drop them. Rows are added and removed with the layer's totals, in the same transaction; an
-- edit locks its layer's row first, so it never amends totals that a concurrent change is dropping.
CREATE TABLE polygon_totals_source (
    source_layer VARCHAR(64) NOT NULL PRIMARY KEY
);

-- Totals kept before this version hold rounded sums, which a feature cannot be taken out of: they are
-- added up again by the layer's next write.
DELETE FROM polygon_totals;
