-- Mail (issue 21): messages waiting for the mail server, written in the
-- same transaction as the event that causes them, and sent by a worker
-- (server/src/mail/worker.rs) that claims a row before it sends it, so two
-- instances never send one message twice.
--
-- A row holds what the message is about, not its text: the worker writes
-- the text when it sends (in the recipient's language, with what is true
-- then). A sent row is deleted, and its address with it.
CREATE TABLE mail_queue (
    id             BIGSERIAL PRIMARY KEY,
    -- The address it goes to: never shown, never exported, never logged.
    -- Emptied when the message is given up.
    recipient      TEXT NOT NULL,
    -- The language the message is written in (a code of LANTERN_LANGUAGES).
    language       TEXT NOT NULL,
    -- What kind of message (server/src/mail/letters.rs), and what it is
    -- about, as JSON ({"comment": 12}).
    kind           TEXT NOT NULL,
    about          TEXT NOT NULL,
    queued_at      timestamptz NOT NULL,
    -- Not sent before this time: the queue time, then each retry's backoff.
    send_after     timestamptz NOT NULL,
    attempts       BIGINT NOT NULL DEFAULT 0,
    -- The instance sending it, and until when its claim holds.
    claimed_by     TEXT,
    claimed_until  timestamptz,
    -- Why the last attempt failed, without the address.
    last_error     TEXT,
    -- Set when the mail server refused it for good or it failed too often.
    given_up_at    timestamptz
);
CREATE INDEX mail_queue_due ON mail_queue (send_after) WHERE given_up_at IS NULL;

-- The language a citizen wrote in, for the mail that answers them (NULL:
-- written before this migration, so the register's default language).
ALTER TABLE comments ADD COLUMN language TEXT;
