-- Versioned records of any collection (investments, cases, pipeline entries, ratings), the same in every service
-- that keeps records; and the Idempotency-Keys of their creation.

-- One row per record: the latest version, locked while a version is appended so that concurrent writes never lose
-- a version or reuse a number.
CREATE TABLE record_head (
    collection     VARCHAR(64) NOT NULL,
    id             UUID        NOT NULL,
    latest_version INT         NOT NULL CHECK (latest_version > 0),
    PRIMARY KEY (collection, id)
);

-- Append-only: a version is never updated or deleted. content is the canonical JSON (its SHA-256 is content_hash).
CREATE TABLE record_version (
    collection   VARCHAR(64) NOT NULL,
    id           UUID        NOT NULL,
    version      INT         NOT NULL CHECK (version > 0),
    content      JSONB       NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    recorded_at  TIMESTAMPTZ NOT NULL,
    recorded_by  VARCHAR(64) NOT NULL,
    recorded_for VARCHAR(32),
    PRIMARY KEY (collection, id, version)
);

-- An Idempotency-Key per API key (subject): the request it first came with and the answer it got. A key older
-- than 24 hours may be claimed again.
CREATE TABLE idempotency_key (
    subject         VARCHAR(64)  NOT NULL,
    key             VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    collection      VARCHAR(64)  NOT NULL,
    record_id       UUID         NOT NULL,
    record_version  INT          NOT NULL,
    response_status INT          NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject, key)
);
