-- Oversight of each record (issue 20), kept on the system's row by the
-- writes, so search filters, the register's counts and the statistics read
-- a column instead of working it out from every record:
--
-- completeness: the share of the fields its kind of system is expected to
--   fill that it fills, 0 to 100 (app/src/record/completeness.rs);
-- system_missing_fields: the expected fields it leaves empty, one row each;
-- review_by: when the agency is due to review the record (its last version
--   or review, plus 12 months, or 6 for a high-risk system);
-- review: 'overdue' once review_by has passed, else 'current'; set by the
--   hourly review check (server/src/oversight.rs), which also moves the
--   counts and queues the system for the search index.
--
-- They are NULL for systems published before this migration: Lantern
-- works them out from the records when it starts (Storage::fill_oversight).
ALTER TABLE systems ADD COLUMN completeness INTEGER
    CHECK (completeness BETWEEN 0 AND 100);
ALTER TABLE systems ADD COLUMN review_by timestamptz;
ALTER TABLE systems ADD COLUMN review TEXT CHECK (review IN ('current', 'overdue'));
CREATE INDEX systems_review_by ON systems (review_by) WHERE review = 'current';

CREATE TABLE system_missing_fields (
    system_id TEXT NOT NULL REFERENCES systems (id),
    field     TEXT NOT NULL,
    PRIMARY KEY (system_id, field)
);
CREATE INDEX system_missing_fields_field ON system_missing_fields (field);
