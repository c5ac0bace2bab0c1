-- The record machinery for every collection (issue #11): natural keys, parents, the owner and region a record is
-- listed under, values claimed uniquely across records, and warnings on record versions.

-- A record's natural key (an enterprise's USCC), its parent record (a fund of a fund investment) and, from its latest
-- version, its status, owner (the institution whose SUBMITTER may read it) and region: the columns lists filter on.
ALTER TABLE record_head
    ADD COLUMN key       VARCHAR(64),
    ADD COLUMN parent_id UUID,
    ADD COLUMN status    VARCHAR(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    ADD COLUMN owner     VARCHAR(64),
    ADD COLUMN region    CHAR(6);
CREATE UNIQUE INDEX record_head_by_key ON record_head (collection, key) WHERE key IS NOT NULL;
CREATE INDEX record_head_by_parent ON record_head (collection, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX record_head_by_owner ON record_head (collection, owner) WHERE owner IS NOT NULL;
CREATE INDEX record_head_by_id ON record_head (id);

-- Investments are the only collection older than these columns: their owner is the insurer, their region their own.
UPDATE record_head h SET status = v.status, owner = v.content ->> 'institutionCode', region = v.content ->> 'region'
FROM record_version v
WHERE v.collection = h.collection AND v.id = h.id AND v.version = h.latest_version AND h.collection = 'investments';

-- Lists filter on members of the latest content (@> containment).
CREATE INDEX record_version_content ON record_version USING gin (content jsonb_path_ops);

-- Values the latest version of a record holds alone within its collection, from valid_from (inclusive) to
-- valid_until (exclusive), open-ended when null: a stock code on a board, a security code, an AMAC code. Replaced
-- with every version in the write's transaction, under an advisory lock per (collection, name, value), so that of two
-- concurrent writes claiming one value for overlapping days exactly one is stored.
CREATE TABLE record_claim (
    collection  VARCHAR(64)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    value       VARCHAR(200) NOT NULL,
    id          UUID         NOT NULL,
    valid_from  DATE,
    valid_until DATE,
    FOREIGN KEY (collection, id) REFERENCES record_head (collection, id)
);
CREATE INDEX record_claim_by_value ON record_claim (collection, name, value);
CREATE INDEX record_claim_by_record ON record_claim (collection, id);

-- Warnings a record version was accepted with; reviewed as report warnings are, with ids from the same sequence so
-- that POST /warnings/{id}/review names one warning of either kind.
CREATE TABLE record_warning (
    id          BIGINT       PRIMARY KEY DEFAULT nextval('report_warning_id_seq'),
    collection  VARCHAR(64)  NOT NULL,
    record_id   UUID         NOT NULL,
    version     INT          NOT NULL,
    code        VARCHAR(64)  NOT NULL,
    pointer     VARCHAR(200) NOT NULL,
    message     VARCHAR(500) NOT NULL,
    reviewed_at TIMESTAMPTZ,
    reviewed_by VARCHAR(64),
    CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL)),
    FOREIGN KEY (collection, record_id, version) REFERENCES record_version (collection, id, version)
);
CREATE INDEX record_warning_by_version ON record_warning (collection, record_id, version);
