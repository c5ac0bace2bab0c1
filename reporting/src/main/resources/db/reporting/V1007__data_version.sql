-- The data version of this service's database (issue #15): the ETag of an indicator answer names it, so it must move
-- whenever a committed write can change an answer, and only then. One row, moved by one in the transaction of the
-- write itself, by the triggers below.
--
-- Why not a sequence or max(id): ids are taken before commit, and commits finish in another order than ids were
-- taken. A reader can see id 8 committed while id 7's transaction is still running; its tag then names "8", and once
-- 7 commits, the data has changed under the same tag. A counter in a row, updated in the writing transaction, is
-- read only as committed, and writers queue on its row lock, so every committed version is a distinct state and a
-- later snapshot never sees a smaller version.
--
-- Why deferred: the triggers fire at COMMIT, so the row lock is taken at the end of the writing transaction and held
-- only while it commits, not while a report is checked and written (concurrent month-end submissions would otherwise
-- queue for whole transactions). A transaction bumps the version once however many rows it writes (last_xact).
--
-- epoch: the version starts again at 0 in a new database (a reset, a restore of the demo data); the epoch, made once
-- here, keeps a tag of one database from matching another's.
--
-- What counts: the rows every indicator reads through, one per write: report (the pointer every appended or
-- withdrawn version moves; latest_line, latest_sum and latest_coverage change in the same transaction), target_set
-- (a year's targets are a new set), institution_version (the registry: completeness, record indicators over it),
-- record_head (every record version inserts or moves its head). Not the per-line tables (report_line, latest_*,
-- target_line, record_version): one row per write is enough and cheaper. A service adds its own tables with its
-- own trigger on bump_data_version() (risk-service: alert).
CREATE TABLE data_version (
    one       BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
    epoch     UUID    NOT NULL DEFAULT gen_random_uuid(),
    version   BIGINT  NOT NULL DEFAULT 0,
    last_xact XID8
);
INSERT INTO data_version DEFAULT VALUES;

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1, last_xact = pg_current_xact_id()
    WHERE last_xact IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER report_moves_data_version AFTER INSERT OR UPDATE OR DELETE ON report
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER target_set_moves_data_version AFTER INSERT OR UPDATE OR DELETE ON target_set
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER institution_version_moves_data_version AFTER INSERT OR UPDATE OR DELETE ON institution_version
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER record_head_moves_data_version AFTER INSERT OR UPDATE OR DELETE ON record_head
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
