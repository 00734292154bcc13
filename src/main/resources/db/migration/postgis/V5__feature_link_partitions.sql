-- feature_link becomes partitioned by source layer: an import then stages its links in a table of
-- their own, indexes it in one sort and attaches it as the layer's partition in its switch
-- transaction, instead of inserting every row into one shared, indexed table. Layers linked before
-- (and every row of a layer without a partition of its own yet) live in the default partition.
CREATE TABLE feature_link_rows AS SELECT * FROM feature_link;
DROP TABLE feature_link;

CREATE TABLE feature_link (
    source_layer VARCHAR(64)  NOT NULL,
    source_id    VARCHAR(128) NOT NULL,
    target_layer VARCHAR(64)  NOT NULL,
    target_id    VARCHAR(128) NOT NULL,
    relation     VARCHAR(16)  NOT NULL,
    PRIMARY KEY (source_layer, source_id, target_layer, target_id)
) PARTITION BY LIST (source_layer);
CREATE INDEX feature_link_target ON feature_link (target_layer, target_id);
CREATE TABLE feature_link_default PARTITION OF feature_link DEFAULT;

INSERT INTO feature_link SELECT * FROM feature_link_rows;
DROP TABLE feature_link_rows;
