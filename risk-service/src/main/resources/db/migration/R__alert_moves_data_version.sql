-- The alerts feed ALERTS_OPEN_*_COUNT, so every change of an alert (raised, recoloured, acknowledged, closed, by a
-- caller or by the scheduled evaluation) moves the database's data version in the same transaction, as reporting's
-- V1007__data_version.sql does for its tables (why deferred, why not a sequence: see there). alert_change moves with
-- its alert; alert_evaluation and alert_daily_run feed no indicator.
--
-- Repeatable, not V2: Flyway applies pending versioned migrations in version order, so a V2 here would always run
-- before reporting's V1007 that creates bump_data_version(); repeatable migrations run after every versioned one.
DROP TRIGGER IF EXISTS alert_moves_data_version ON alert;
CREATE CONSTRAINT TRIGGER alert_moves_data_version AFTER INSERT OR UPDATE OR DELETE ON alert
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
