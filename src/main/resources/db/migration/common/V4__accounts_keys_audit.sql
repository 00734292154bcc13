-- Who may change data: accounts (passwords hashed by Spring Security's delegating encoder,
-- e.g. {bcrypt}), API keys for machine clients (only a SHA-256 of each key is kept), and the
-- audit trail of every write.
CREATE TABLE account (
    username      VARCHAR(100)  PRIMARY KEY,
    password_hash VARCHAR(200)  NOT NULL,
    roles         VARCHAR(200)  NOT NULL,  -- comma-separated, e.g. EDITOR,ADMIN
    enabled       BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_key (
    id           VARCHAR(16)   PRIMARY KEY,   -- the key's public prefix
    key_hash     VARCHAR(64)   NOT NULL,      -- SHA-256 of the whole key, hex
    name         VARCHAR(200)  NOT NULL,
    roles        VARCHAR(200)  NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE audit_event_seq;
CREATE TABLE audit_event (
    id     BIGINT        PRIMARY KEY,
    at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor  VARCHAR(100),
    method VARCHAR(10)   NOT NULL,
    path   VARCHAR(2000) NOT NULL,
    status INTEGER       NOT NULL,
    detail VARCHAR(4000)
);
CREATE INDEX audit_event_at ON audit_event (at);
