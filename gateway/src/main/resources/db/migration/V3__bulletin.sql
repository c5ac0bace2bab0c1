-- Issued bulletins (bulletin feature): the HTML and PDF exactly as sent, numbered per (period, region), with the
-- figures they showed and each source's status and ETag, so an office can reproduce what it sent out.
CREATE TABLE issued_bulletin (
    id          UUID         PRIMARY KEY,
    period      VARCHAR(16)  NOT NULL,
    region      VARCHAR(16)  NOT NULL,
    number      INTEGER      NOT NULL CHECK (number > 0),
    issued_at   TIMESTAMPTZ  NOT NULL,
    issued_by   VARCHAR(200) NOT NULL,
    html        BYTEA        NOT NULL,
    pdf         BYTEA        NOT NULL,
    sha256_html CHAR(64)     NOT NULL,
    sha256_pdf  CHAR(64)     NOT NULL,
    UNIQUE (period, region, number)
);

CREATE TABLE issued_bulletin_figure (
    bulletin_id UUID        NOT NULL REFERENCES issued_bulletin (id),
    service     VARCHAR(64) NOT NULL,
    code        VARCHAR(64) NOT NULL,
    field       VARCHAR(64) NOT NULL,
    period      VARCHAR(16) NOT NULL,
    region      VARCHAR(16) NOT NULL,
    value       NUMERIC     NOT NULL,
    PRIMARY KEY (bulletin_id, service, code, field, period, region)
);

CREATE TABLE issued_bulletin_source (
    bulletin_id          UUID         NOT NULL REFERENCES issued_bulletin (id),
    service              VARCHAR(64)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    etag                 VARCHAR(200),
    detail               VARCHAR(2000),
    served_from_cache_at TIMESTAMPTZ,
    PRIMARY KEY (bulletin_id, service)
);
