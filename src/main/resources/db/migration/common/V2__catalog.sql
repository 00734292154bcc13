-- The layer catalog. Each layer points at its current version; each version is one table
-- lv_<version id> (created by the service, not by migrations) with columns id, c_1..c_n, geom.
CREATE SEQUENCE layer_version_seq;
CREATE SEQUENCE data_version_seq;

CREATE TABLE layer_version (
    id            BIGINT PRIMARY KEY,
    layer_id      VARCHAR(64) NOT NULL,
    state         VARCHAR(16) NOT NULL,  -- BUILDING, CURRENT or PREVIOUS
    geometry_type VARCHAR(32),
    feature_count BIGINT,
    min_x         DOUBLE PRECISION,
    min_y         DOUBLE PRECISION,
    max_x         DOUBLE PRECISION,
    max_y         DOUBLE PRECISION,
    checksum      VARCHAR(128),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX layer_version_layer ON layer_version (layer_id, state);

CREATE TABLE layer_field (
    version_id BIGINT       NOT NULL REFERENCES layer_version (id),
    ordinal    INTEGER      NOT NULL,
    name       VARCHAR(128) NOT NULL,
    type       VARCHAR(16)  NOT NULL,
    title_zh   VARCHAR(200),
    title_en   VARCHAR(200),
    PRIMARY KEY (version_id, ordinal)
);

CREATE TABLE layer (
    id              VARCHAR(64)  PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    title_zh        VARCHAR(200) NOT NULL,
    title_en        VARCHAR(200) NOT NULL,
    description_zh  VARCHAR(4000),
    description_en  VARCHAR(4000),
    source          VARCHAR(4000),
    accuracy        VARCHAR(200),
    licence         VARCHAR(4000),
    current_version BIGINT NOT NULL REFERENCES layer_version (id),
    data_version    BIGINT NOT NULL,
    first_version   BIGINT NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Features of project and imported layers linked to the plan polygons that contain
-- (relation within) or intersect them; computed by the service with a spatial join.
CREATE TABLE feature_link (
    source_layer VARCHAR(64)  NOT NULL,
    source_id    VARCHAR(128) NOT NULL,
    target_layer VARCHAR(64)  NOT NULL,
    target_id    VARCHAR(128) NOT NULL,
    relation     VARCHAR(16)  NOT NULL,
    PRIMARY KEY (source_layer, source_id, target_layer, target_id)
);
CREATE INDEX feature_link_target ON feature_link (target_layer, target_id);
