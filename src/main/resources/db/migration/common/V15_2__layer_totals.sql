-- The link source layers whose totals are kept, with the totals of all their features (PolygonTally):
-- their polygon_totals are then complete, so a plan polygon with no row holds none of the layer's
-- features and a single edit can amend the totals rather than drop them. Rows are added and removed
-- with the layer's polygon_totals, in the same transaction; an edit locks its layer's row first, so it
-- never amends totals that a concurrent change is dropping.
CREATE TABLE layer_totals (
    source_layer VARCHAR(64) NOT NULL PRIMARY KEY,
    totals       VARCHAR     NOT NULL
);

-- Totals kept before this version hold rounded sums, which a feature cannot be taken out of: they are
-- added up again by the layer's next write.
DELETE FROM polygon_totals;
