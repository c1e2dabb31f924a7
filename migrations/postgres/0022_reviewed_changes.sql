-- The changes feed says when an agency confirmed a record is still right
-- without a new version ("reviewed, no change", issue 20): kind 'reviewed'.
ALTER TABLE changes DROP CONSTRAINT IF EXISTS changes_kind_check;
ALTER TABLE changes ADD CONSTRAINT changes_kind_check
    CHECK (kind IN ('published', 'updated', 'retired', 'audited', 'reviewed'));
