-- The latest versions' figures, kept up to date in the transaction that appends a version (R2dbcReports), so that an
-- indicator query reads a few hundred rows instead of aggregating every line of four periods (at 1,000 banks x
-- 36 months the city's sums took 200-500 ms over report_line; bench/README.md). Nothing else writes these tables;
-- they always equal an aggregate over report r JOIN report_line l ON l.version_id = r.latest_version_id.

-- The lines of each (institution, period)'s latest version. Weighted averages pair a rate line with its weight line
-- of the same institution and region: both are read in key order (a merge join), per period and item.
CREATE TABLE latest_line (
    period           VARCHAR(10)    NOT NULL,
    item             VARCHAR(64)    NOT NULL,
    region           CHAR(6)        NOT NULL,
    institution_code VARCHAR(32)    NOT NULL,
    value            NUMERIC(24, 4) NOT NULL,
    PRIMARY KEY (period, item, region, institution_code) INCLUDE (value)
);

-- Per (period, region, item): the sum of the latest lines and how many there are (one per institution). Changed by
-- the difference between a version and the one it replaces, so concurrent appends of different institutions add up.
-- A row whose lines fall to 0 stays (total 0) and means "nobody reported": readers skip it. No CHECK (lines >= 0):
-- PostgreSQL checks the row an upsert proposes to insert, and a withdrawal proposes negative differences.
CREATE TABLE latest_sum (
    period VARCHAR(10) NOT NULL,
    region CHAR(6)     NOT NULL,
    item   VARCHAR(64) NOT NULL,
    total  NUMERIC     NOT NULL,
    lines  INT         NOT NULL,
    PRIMARY KEY (period, region, item)
);

-- Per (period, region, institution): the items of its latest lines there, sorted; region 361000 (the city) holds the
-- items it reported anywhere. Disclosure control and reportingInstitutions count the institutions behind an
-- indicator's inputs, which sums cannot tell (an institution may report one input and not the other).
CREATE TABLE latest_coverage (
    period           VARCHAR(10) NOT NULL,
    region           CHAR(6)     NOT NULL,
    institution_code VARCHAR(32) NOT NULL,
    items            TEXT[]      NOT NULL,
    PRIMARY KEY (period, region, institution_code)
);

INSERT INTO latest_line (period, item, region, institution_code, value)
SELECT r.period, l.item, l.region, r.institution_code, l.value
FROM report r JOIN report_line l ON l.version_id = r.latest_version_id;

INSERT INTO latest_sum (period, region, item, total, lines)
SELECT period, region, item, sum(value), count(*) FROM latest_line GROUP BY period, region, item;

INSERT INTO latest_coverage (period, region, institution_code, items)
SELECT period, region, institution_code, array_agg(item ORDER BY item) FROM latest_line GROUP BY period, region, institution_code
UNION ALL
SELECT period, '361000', institution_code, array_agg(DISTINCT item ORDER BY item) FROM latest_line GROUP BY period, institution_code;

-- V1003's index served the figures query over report_line, which no longer reads report_line.
DROP INDEX report_line_by_region;
