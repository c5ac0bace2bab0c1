-- API keys: the key itself is never stored, only its SHA-256 (hex) and the first characters to recognise it.
CREATE TABLE api_key (
    id               UUID PRIMARY KEY,
    secret_hash      CHAR(64)     NOT NULL UNIQUE,
    prefix           VARCHAR(8)   NOT NULL,
    label            VARCHAR(200) NOT NULL,
    roles            TEXT[]       NOT NULL CHECK (cardinality(roles) > 0),
    institution_code VARCHAR(32),
    created_at       TIMESTAMPTZ  NOT NULL,
    revoked_at       TIMESTAMPTZ,
    last_used_at     TIMESTAMPTZ,
    -- a SUBMITTER key, and only a SUBMITTER key, is bound to one institution (architecture.md, "Identity and roles")
    CONSTRAINT submitter_has_institution CHECK (('SUBMITTER' = ANY (roles)) = (institution_code IS NOT NULL))
);

CREATE INDEX api_key_created_at ON api_key (created_at DESC);
