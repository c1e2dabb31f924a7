-- Each system keeps the id of its latest audit (by date, then by id), as it
-- keeps that audit's outcome (`audit_outcome`), set in the transaction that
-- records an audit. Reading a record, a page of the API or a batch of the
-- export then joins the audit by its key instead of searching a system's
-- audits for the latest one: at 100,000 systems on PostgreSQL, that search
-- took about a third of each export batch (bench/export.sh,
-- docs/performance.md).

ALTER TABLE systems ADD COLUMN latest_audit INTEGER REFERENCES audits (id);

UPDATE systems SET latest_audit = (
    SELECT id FROM audits WHERE audits.system_id = systems.id
    ORDER BY audited_on DESC, id DESC LIMIT 1
) WHERE EXISTS (SELECT 1 FROM audits WHERE audits.system_id = systems.id);
