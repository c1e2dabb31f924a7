-- The changes feed says when an agency confirmed a record is still right
-- without a new version ("reviewed, no change", issue 20): kind 'reviewed'.
-- SQLite cannot change a CHECK constraint, so the table is made again with
-- the new one and its rows copied over, sequence numbers kept.
CREATE TABLE changes_new (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (kind IN ('published', 'updated', 'retired', 'audited', 'reviewed')),
    system_id  TEXT NOT NULL REFERENCES systems (id),
    -- The version current after the change.
    version    INTEGER NOT NULL,
    -- The audit an `audited` change recorded.
    audit_id   INTEGER REFERENCES audits (id),
    changed_at TEXT NOT NULL
);
INSERT INTO changes_new (seq, kind, system_id, version, audit_id, changed_at)
    SELECT seq, kind, system_id, version, audit_id, changed_at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
CREATE INDEX changes_changed_at ON changes (changed_at);
CREATE INDEX changes_system ON changes (system_id);
