-- Import jobs, kept in the store so their progress and reports survive a page reload, a restart
-- and a request landing on another replica.
CREATE TABLE import_job (
    id                  VARCHAR(36)  PRIMARY KEY,
    layer_id            VARCHAR(64)  NOT NULL,
    state               VARCHAR(16)  NOT NULL,  -- RUNNING, SUCCEEDED or FAILED
    file_name           VARCHAR(1000),
    submitted_by        VARCHAR(200),
    features_total      BIGINT,
    features_done       BIGINT       NOT NULL,
    features_per_second DOUBLE PRECISION,
    report              VARCHAR(1000000),      -- JSON
    error_zh            VARCHAR(4000),
    error_en            VARCHAR(4000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX import_job_created ON import_job (created_at);
