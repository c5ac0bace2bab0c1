-- The review of warnings (GET /warnings, POST /warnings/{id}/review): a review sets both columns at once, once.
ALTER TABLE report_warning
    ADD CONSTRAINT report_warning_review_complete CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL));

-- No new index: the list of a period runs report_by_period (period, institution_code) INCLUDE (latest_version_id)
-- to each latest version, then report_warning_by_version (version_id); a review finds its row by primary key.
