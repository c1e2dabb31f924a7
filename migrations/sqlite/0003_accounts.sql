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

-- Who is signed in. The cookie holds a random token; only its SHA-256 is kept
-- here, so a copy of the database signs nobody in. Sessions live in the
-- database so that several instances share them.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    -- Every form of the session carries this token, against cross-site requests.
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Recent failed sign-ins per email: repeated guessing locks the email for a
-- while. No IP addresses are kept.
CREATE TABLE sign_in_failures (
    email        TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    first_at     TEXT NOT NULL,
    locked_until TEXT
);
