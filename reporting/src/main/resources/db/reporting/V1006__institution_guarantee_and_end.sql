-- The registry's attributes of risk-service's financing-guarantee companies (the government guarantee list, mainly
-- small firms and farming), and the day a supervisory action ended an institution (issue #13).
--
-- active_to stays the effective end every query reads: the earlier of the ADMIN's registered end
-- (registered_active_to) and the day an ending action ended it (ended_on). Keeping both apart lets the ADMIN's next
-- PUT of the same content neither re-open the institution nor make a new version, and lets withdrawing the action
-- re-open it.
ALTER TABLE institution_version
    ADD COLUMN registered_active_to          DATE,
    ADD COLUMN ended_on                      DATE,
    ADD COLUMN gov_guarantee_batch           INT,
    ADD COLUMN gov_guarantee_listed_on       DATE,
    ADD COLUMN mainly_small_and_agricultural BOOLEAN NOT NULL DEFAULT false;

UPDATE institution_version SET registered_active_to = active_to;

ALTER TABLE institution_version
    ADD CONSTRAINT institution_guarantee_batch CHECK (gov_guarantee_batch BETWEEN 1 AND 99),
    ADD CONSTRAINT institution_guarantee_listing_complete CHECK ((gov_guarantee_batch IS NULL) = (gov_guarantee_listed_on IS NULL)),
    ADD CONSTRAINT institution_active_to_effective CHECK (active_to IS NOT DISTINCT FROM LEAST(registered_active_to, ended_on));
