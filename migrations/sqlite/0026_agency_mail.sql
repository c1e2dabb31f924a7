-- Mail to the people who keep the register (issue 21): a weekly reminder
-- to each editor and approver of what waits in their agency (drafts for
-- approval, questions unanswered for too long, records due for review),
-- and a weekly summary to each admin. Each account can turn each kind off.
--
-- When the account was last reminded, or sent its summary: the next one
-- is due a week later. Two instances queue one (server/src/storage/reminders.rs).
ALTER TABLE accounts ADD COLUMN reminded_at TEXT;
ALTER TABLE accounts ADD COLUMN summarised_at TEXT;

-- The kinds of mail an account turned off (app/src/mail.rs, AccountMail).
CREATE TABLE account_mail_off (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    kind       TEXT NOT NULL CHECK (kind IN ('drafts', 'questions', 'reviews', 'summary')),
    PRIMARY KEY (account_id, kind)
);
