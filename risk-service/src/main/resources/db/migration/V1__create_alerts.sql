-- Alerts (data-standard-2.md, "Alert rules and alerts"): one per (rule, subject, period), coloured in place, with the
-- history of every change; the last evaluation of each (rule, period); the daily run's claim across replicas.
CREATE TABLE alert (
    id           bigserial PRIMARY KEY,
    rule         text        NOT NULL,
    rule_version integer     NOT NULL,
    subject      text        NOT NULL,
    subject_name text        NOT NULL,
    region       text        NOT NULL,
    period       text        NOT NULL,
    colour       text        NOT NULL,
    value        numeric     NOT NULL,
    threshold    numeric,
    status       text        NOT NULL,
    raised_at    timestamptz NOT NULL,
    changed_at   timestamptz NOT NULL,
    CONSTRAINT alert_one_per_rule_subject_period UNIQUE (rule, subject, period),
    CONSTRAINT alert_colour CHECK (colour IN ('YELLOW', 'ORANGE', 'RED')),
    CONSTRAINT alert_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED', 'RESOLVED'))
);

CREATE INDEX alert_by_period ON alert (period, status);
CREATE INDEX alert_open ON alert (status) WHERE status IN ('OPEN', 'ACKNOWLEDGED');

CREATE TABLE alert_change (
    id         bigserial PRIMARY KEY,
    alert_id   bigint      NOT NULL REFERENCES alert (id),
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL,
    colour     text        NOT NULL,
    status     text        NOT NULL,
    value      numeric     NOT NULL,
    note       text
);

CREATE INDEX alert_change_by_alert ON alert_change (alert_id, id);

CREATE TABLE alert_evaluation (
    rule         text        NOT NULL,
    period       text        NOT NULL,
    rule_version integer     NOT NULL,
    evaluated_at timestamptz NOT NULL,
    outcome      text        NOT NULL,
    detail       text,
    PRIMARY KEY (rule, period),
    CONSTRAINT alert_evaluation_outcome CHECK (outcome IN ('OK', 'UNAVAILABLE'))
);

CREATE INDEX alert_evaluation_unavailable ON alert_evaluation (outcome) WHERE outcome = 'UNAVAILABLE';

CREATE TABLE alert_daily_run (
    day        date        PRIMARY KEY,
    claimed_at timestamptz NOT NULL
);
