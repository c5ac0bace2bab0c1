-- A region's indicators read the latest versions' lines of one region: this covering index answers them
-- without touching the table (bench/README.md: region query SQL 80-160 ms -> about 33 ms at 1,000 banks x 36 months).
CREATE INDEX report_line_by_region ON report_line (version_id, region, item) INCLUDE (value);
