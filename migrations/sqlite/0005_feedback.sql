-- Citizen feedback on a system's record: questions, error reports and
-- feedback, moderated, with the owning agency's official answers.
--
-- Nothing here stores a client's IP address: rate limits and flags know a
-- client only by a salted hash whose salt is replaced every day.

-- Register-wide settings admins change in /manage/settings. One row per
-- setting, read by every instance from here.
CREATE TABLE register_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO register_settings (name, value) VALUES
    -- pre: nothing appears before a moderator approves it; post: it appears at
    -- once and moderators review it afterwards.
    ('moderation', 'pre'),
    -- Flags from this many clients hide a published comment until a moderator looks.
    ('flags_to_hide', '3'),
    -- Days a reply email is kept before it is deleted.
    ('email_retention_days', '90'),
    -- Submissions one client may send in an hour.
    ('submissions_per_hour', '10');

CREATE TABLE comments (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    system_id            TEXT NOT NULL REFERENCES systems (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('question', 'error', 'feedback')),
    body                 TEXT NOT NULL,
    -- The body folded for the duplicate check: lower case, spaces collapsed.
    body_key             TEXT NOT NULL,
    name                 TEXT,
    -- For a reply only: never shown, never exported; deleted after the
    -- retention period (email_deleted_at says when).
    email                TEXT,
    email_deleted_at     TEXT,
    -- pending: waits for a moderator; published: public; hidden: stored, not public.
    state                TEXT NOT NULL CHECK (state IN ('pending', 'published', 'hidden')),
    -- Why it is hidden: a moderator's reason, or `flagged` when flags hid it.
    hidden_reason        TEXT CHECK (hidden_reason IN ('spam', 'offensive', 'personal_data', 'off_topic', 'flagged')),
    moderator_note       TEXT,
    moderated_by         TEXT,
    moderated_at         TEXT,
    -- The body seems to hold an email address or a phone number.
    personal_data_found  INTEGER NOT NULL DEFAULT 0 CHECK (personal_data_found IN (0, 1)),
    flags                BIGINT NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL,
    published_at         TEXT,
    -- The owning agency's official answer.
    answer               TEXT,
    answered_by          TEXT,
    answered_at          TEXT,
    answer_updated_at    TEXT
);
CREATE INDEX comments_system ON comments (system_id, state);
CREATE INDEX comments_state ON comments (state, created_at);

-- One flag per client and comment.
CREATE TABLE comment_flags (
    comment_id  BIGINT NOT NULL REFERENCES comments (id),
    client      TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'personal_data', 'off_topic')),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (comment_id, client)
);

-- The day's salt for client hashes, shared by every instance. Old days are deleted.
CREATE TABLE client_salts (
    day  TEXT PRIMARY KEY,
    salt TEXT NOT NULL
);

-- Submissions per client per hour, for the rate limit.
CREATE TABLE feedback_rate (
    client  TEXT NOT NULL,
    hour    TEXT NOT NULL,
    count   BIGINT NOT NULL,
    PRIMARY KEY (client, hour)
);
