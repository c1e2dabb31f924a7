-- A review date an agency sets for one of its systems (issue 20), earlier
-- than the register's own (its last version or review plus the review
-- period an admin sets in /manage/settings). The record's review_by is the
-- earlier of the two while this date is still after the last version or
-- review; once a review or a new version passes it, it no longer counts.
-- NULL: the agency set none. See server/src/storage/review_dates.rs.
ALTER TABLE systems ADD COLUMN agency_review_by TEXT;
