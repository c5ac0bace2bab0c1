-- The reporting machinery's tables, the same in every service that takes periodic reports.
-- Versions 1000+ belong to the machinery; a service's own migrations use 1-999 (spring.flyway.out-of-order).

-- Every change of an institution is a new row; the latest version is the registry.
CREATE TABLE institution_version (
    code        VARCHAR(32)  NOT NULL,
    version     INT          NOT NULL CHECK (version > 0),
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    region      CHAR(6)      NOT NULL,
    active_from DATE         NOT NULL,
    active_to   DATE,
    changed_at  TIMESTAMPTZ  NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (code, version),
    CHECK (active_to IS NULL OR active_to >= active_from)
);

-- One row per (institution, period): the pointer to the latest version, locked while a version is appended so
-- that concurrent submissions never lose an update or reuse a version number.
CREATE TABLE report (
    institution_code  VARCHAR(32) NOT NULL,
    period            VARCHAR(10) NOT NULL,
    period_type       VARCHAR(8)  NOT NULL,
    latest_version    INT         NOT NULL,
    latest_version_id BIGINT      NOT NULL,
    PRIMARY KEY (institution_code, period)
);
CREATE INDEX report_by_period ON report (period, institution_code) INCLUDE (latest_version_id);

-- Append-only: a version is never updated or deleted.
CREATE TABLE report_version (
    id               BIGSERIAL PRIMARY KEY,
    institution_code VARCHAR(32) NOT NULL,
    period           VARCHAR(10) NOT NULL,
    version          INT         NOT NULL CHECK (version > 0),
    content_hash     CHAR(64)    NOT NULL,
    status           VARCHAR(32) NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    submitted_by     VARCHAR(64) NOT NULL,
    submitted_for    VARCHAR(32),
    UNIQUE (institution_code, period, version)
);

CREATE TABLE report_line (
    version_id BIGINT        NOT NULL REFERENCES report_version (id),
    item       VARCHAR(64)   NOT NULL,
    region     CHAR(6)       NOT NULL,
    value      NUMERIC(24, 4) NOT NULL,
    PRIMARY KEY (version_id, item, region)
);

CREATE TABLE report_warning (
    id          BIGSERIAL PRIMARY KEY,
    version_id  BIGINT       NOT NULL REFERENCES report_version (id),
    code        VARCHAR(64)  NOT NULL,
    pointer     VARCHAR(200) NOT NULL,
    message     VARCHAR(500) NOT NULL,
    reviewed_at TIMESTAMPTZ,
    reviewed_by VARCHAR(64)
);
CREATE INDEX report_warning_by_version ON report_warning (version_id);

-- A year's targets, replaced as a whole: each PUT is a new version, earlier sets stay readable.
CREATE TABLE target_set (
    year       INT         NOT NULL,
    version    INT         NOT NULL CHECK (version > 0),
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (year, version)
);

CREATE TABLE target_line (
    year      INT            NOT NULL,
    version   INT            NOT NULL,
    indicator VARCHAR(64)    NOT NULL,
    kind      VARCHAR(16)    NOT NULL,
    value     NUMERIC(24, 2) NOT NULL CHECK (value > 0),
    PRIMARY KEY (year, version, indicator),
    FOREIGN KEY (year, version) REFERENCES target_set (year, version)
);
