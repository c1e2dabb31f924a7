-- People who sign in to manage the register: register admins, agency editors
-- and approvers (each belongs to one agency and touches only its systems),
-- auditors of oversight bodies, and moderators of citizen feedback.
--
-- Passwords are kept only as argon2id hashes (PHC strings, salt included).
-- Emails are kept lower-cased, so one address is one account.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    -- The name shown on what the account writes: an auditor's oversight body,
    -- an editor's own name.
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'auditor', 'moderator')),
    -- The agency of an editor or approver; other roles have none.
    agency        TEXT REFERENCES agencies (slug),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK ((role IN ('editor', 'approver')) = (agency IS NOT NULL))
);
