-- The consolidated endpoint's last good answers (gateway README, "Consolidated indicators"), shared by every replica.

-- One row per service: bumped by every gateway, before a 2xx write's answer leaves, for the service written and for
-- the services that read its published figures (platform reads capital-market, risk reads credit). A kept answer
-- taken at generation g is current while its service's row still says g (and it was confirmed within 60 s).
CREATE TABLE source_generation (
    service    VARCHAR(64) PRIMARY KEY,
    generation BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- Each source's last good answer per (period, region, view): its indicators as the service sent them (JSON), its
-- ETag, the generation read before it was asked, when it answered them and when it last confirmed them (a 200 or a
-- 304). Never a refusal, never a failure.
CREATE TABLE kept_indicator_answer (
    service      VARCHAR(64)  NOT NULL,
    period       VARCHAR(16)  NOT NULL,
    region       VARCHAR(6)   NOT NULL,
    view         VARCHAR(8)   NOT NULL CHECK (view IN ('STAFF', 'PUBLIC')),
    etag         VARCHAR(128),
    indicators   BYTEA        NOT NULL,
    generation   BIGINT       NOT NULL,
    answered_at  TIMESTAMPTZ  NOT NULL,
    confirmed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (service, period, region, view)
);
