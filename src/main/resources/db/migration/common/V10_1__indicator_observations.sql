-- The plan monitoring's figures (指标监测): one value per indicator, year and area (the whole
-- city's adcode or a district's). The indicators themselves are defined in gis-data/indicators.json.
-- recorded_by is NULL for the baseline the service loads from gis-data/indicator-observations.csv.
CREATE TABLE indicator_observation (
    indicator_id VARCHAR(64)      NOT NULL,
    obs_year     INTEGER          NOT NULL,
    area_code    VARCHAR(12)      NOT NULL,
    obs_value    DOUBLE PRECISION NOT NULL,
    source       VARCHAR(1000),
    sample       BOOLEAN          NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(200),
    PRIMARY KEY (indicator_id, obs_year, area_code)
);

-- One row: a revision that grows with every write of figures (derived layers key on it; locking
-- the row serialises writers), and the checksum of the baseline last loaded.
CREATE TABLE indicator_state (
    id                INTEGER PRIMARY KEY,
    revision          BIGINT  NOT NULL,
    baseline_checksum VARCHAR(128)
);
INSERT INTO indicator_state (id, revision, baseline_checksum) VALUES (1, 0, NULL);
