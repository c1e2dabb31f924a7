-- Publishing: drafts and the two-person rule, API tokens for agency tooling,
-- and the audit log of every write.

-- Agencies that want a second pair of eyes: an approver who did not write a
-- draft must approve it before it is published. 0 = off, 1 = on.
ALTER TABLE agencies ADD COLUMN requires_approval INTEGER NOT NULL DEFAULT 0
    CHECK (requires_approval IN (0, 1));

-- Unpublished work on a system: at most one draft per system. A draft of a
-- new system carries the id the system will get when it is first published.
-- Drafts are never public; publishing one writes a version and removes it.
CREATE TABLE drafts (
    system_id      TEXT PRIMARY KEY,
    agency         TEXT NOT NULL REFERENCES agencies (slug),
    -- The draft's content: the record's versioned fields as JSON.
    content        TEXT NOT NULL,
    change_summary TEXT NOT NULL,
    -- editing: being written; submitted: waiting for an approver.
    state          TEXT NOT NULL CHECK (state IN ('editing', 'submitted')),
    -- Who wrote the draft last (`account:ID` or `token:ID`) and their name:
    -- the two-person rule compares the approver with this author.
    author         TEXT NOT NULL,
    author_name    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX drafts_agency ON drafts (agency);

-- Tokens for an agency's own tooling (`Authorization: Bearer …`). Only the
-- SHA-256 of a token is kept; the token itself is shown once, when created.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    agency       TEXT NOT NULL REFERENCES agencies (slug),
    -- draft: writes drafts only; publish: publishes (or submits for approval).
    scope        TEXT NOT NULL CHECK (scope IN ('draft', 'publish')),
    label        TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    last_used_at TEXT
);
CREATE INDEX api_tokens_agency ON api_tokens (agency);

-- Every write to the register: who (an account's email or a token's id),
-- acting as what (a role, or a token's scope), when, what, on which system.
-- Admins read it in /manage/log. Rows are never updated or deleted.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    acting_as TEXT NOT NULL,
    agency    TEXT,
    action    TEXT NOT NULL,
    system_id TEXT,
    detail    TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

-- An import an editor uploaded and is looking at: the checked records wait
-- here until they confirm it (any instance may serve the confirmation).
-- Confirmed or not, rows older than a day are deleted.
CREATE TABLE pending_imports (
    id         TEXT PRIMARY KEY,
    agency     TEXT NOT NULL REFERENCES agencies (slug),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    file_name  TEXT NOT NULL,
    -- The records to write, as JSON: [{"row", "id", "content"}].
    records    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
