-- Search: the index (tantivy or Meilisearch) is derived from these tables and
-- kept in step through an outbox.

-- Whether the current version of a system declares a data set with personal
-- data ('yes') or not ('no'): the personal data facet. Kept by the storage
-- layer on every publication, like audit_outcome, so lists filter on it
-- without reading JSON.
ALTER TABLE systems ADD COLUMN personal_data TEXT NOT NULL DEFAULT 'no'
    CHECK (personal_data IN ('yes', 'no'));
UPDATE systems SET personal_data = 'yes' WHERE EXISTS (
    SELECT 1 FROM system_versions v
    WHERE v.system_id = systems.id AND v.version = systems.current_version
      AND (v.data LIKE '%"personal_data":"identified"%'
           OR v.data LIKE '%"personal_data":"pseudonymised"%'));

-- One row per change the search index has not taken in yet. Written in the
-- same transaction as the change, so a change can never be committed without
-- its row; the search worker deletes a row once the index holds the change.
-- A crash in between only means the row is applied again (applying is
-- idempotent: the worker indexes the system as the database has it then).
CREATE TABLE search_outbox (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    system_id TEXT NOT NULL,
    queued_at TEXT NOT NULL
);

-- Lets one lantern instance at a time apply the outbox to a shared search
-- engine (Meilisearch), so two instances never race to write old and new
-- versions of one system. The holder renews its lease while it works; a
-- lease that has expired may be taken over.
CREATE TABLE search_leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Everything already in the register must reach the index: the worker rebuilds
-- a missing index anyway, and this makes an existing one catch up too.
INSERT INTO search_outbox (system_id, queued_at)
    SELECT id, updated_at FROM systems WHERE current_version IS NOT NULL;
