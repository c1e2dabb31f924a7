-- Each system keeps the id of its latest audit (by date, then by id), as it
-- keeps that audit's outcome (`audit_outcome`), set in the transaction that
-- records an audit. Reading a record, a page of the API or a batch of the
-- export then joins the audit by its key instead of searching a system's
-- audits for the latest one: at 100,000 systems on PostgreSQL, that search
-- took about a third of each export batch (bench/export.sh,
-- docs/performance.md).

ALTER TABLE systems ADD COLUMN latest_audit BIGINT REFERENCES audits (id);

UPDATE systems SET latest_audit = (
    SELECT id FROM audits WHERE audits.system_id = systems.id
    ORDER BY audited_on DESC, id DESC LIMIT 1
) WHERE EXISTS (SELECT 1 FROM audits WHERE audits.system_id = systems.id);

-- A version's stored open-data JSON stays in the version's row (compressed)
-- instead of going out of line into the TOAST table, where PostgreSQL puts
-- the largest text of a row over 2 kB first: the export read each one
-- through the TOAST table's index. Values written before are written again
-- (`|| ''` makes a new value) so they move into their rows; the other long
-- texts of a version, which only a record page reads, move out instead.
-- At 100,000 systems: about 45 s, and the export's PostgreSQL time per
-- batch down by a quarter (docs/performance.md).
ALTER TABLE system_versions ALTER COLUMN public_members SET STORAGE MAIN;
UPDATE system_versions SET public_members = public_members || ''
    WHERE public_members IS NOT NULL;
