-- Layers editors marked as constraints (control lines such as 永久基本农田 or 生态保护红线) for the
-- compliance review, with their rule as JSON (written by the compliance package). The plan's own
-- constraint layers are declared in gis-data/rules.json, not here.
CREATE TABLE compliance_constraint (
    layer_id   VARCHAR(64)     PRIMARY KEY,
    rule       VARCHAR(100000) NOT NULL,
    marked_by  VARCHAR(200),
    marked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
