-- An agency page lists the agency's described systems first (those whose
-- current version states its purpose), newest first. With that order kept
-- on the system's row and indexed, the first page reads its 50 rows instead
-- of sorting every version of the agency's systems (at 100,000 systems and
-- 120 agencies, about 6 ms per agency page before).
ALTER TABLE systems ADD COLUMN described INTEGER NOT NULL DEFAULT 0 CHECK (described IN (0, 1));
UPDATE systems SET described = 1 WHERE EXISTS (
    SELECT 1 FROM system_versions v
    WHERE v.system_id = systems.id AND v.version = systems.current_version AND v.purpose <> '');
-- A system's updated_at is its current version's published_at: both are
-- written by the publish that makes the version current.
UPDATE systems SET updated_at = (
    SELECT v.published_at FROM system_versions v
    WHERE v.system_id = systems.id AND v.version = systems.current_version)
WHERE current_version IS NOT NULL;
CREATE INDEX systems_agency_page ON systems (agency, described DESC, updated_at DESC, id);
