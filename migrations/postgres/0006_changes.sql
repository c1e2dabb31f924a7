-- The register's changes feed: one row per publication, update, retirement
-- and audit, in the order they were committed. `seq` is the feed's cursor:
-- writers of changes take their turn (SQLite has one writer; on PostgreSQL
-- each takes a transaction-scoped advisory lock before writing a change), so
-- a reader paging by `seq` never skips or repeats a change.
--
-- `changed_at` is RFC 3339 UTC with microseconds (`2026-11-28T07:00:00.000000Z`),
-- fixed width so it sorts as text.
CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('published', 'updated', 'retired', 'audited')),
    system_id  TEXT NOT NULL REFERENCES systems (id),
    -- The version current after the change.
    version    INTEGER NOT NULL,
    -- The audit an `audited` change recorded.
    audit_id   BIGINT REFERENCES audits (id),
    changed_at TEXT NOT NULL
);
CREATE INDEX changes_changed_at ON changes (changed_at);
CREATE INDEX changes_system ON changes (system_id);

-- What happened before this table existed, oldest first: every published
-- version and every audit.
INSERT INTO changes (kind, system_id, version, audit_id, changed_at)
SELECT kind, system_id, version, audit_id, changed_at FROM (
    SELECT CASE
               WHEN v.version = 1 THEN 'published'
               WHEN v.stage = 'retired' AND p.stage <> 'retired' THEN 'retired'
               ELSE 'updated'
           END AS kind,
           v.system_id, v.version, NULL AS audit_id,
           substr(v.published_at, 1, 19) || '.000000Z' AS changed_at
    FROM system_versions v
    LEFT JOIN system_versions p ON p.system_id = v.system_id AND p.version = v.version - 1
    UNION ALL
    SELECT 'audited', au.system_id,
           coalesce((SELECT max(v.version) FROM system_versions v
                     WHERE v.system_id = au.system_id AND v.published_at <= au.recorded_at), 1),
           au.id, substr(au.recorded_at, 1, 19) || '.000000Z'
    FROM audits au
) AS past
ORDER BY changed_at, system_id, version;
