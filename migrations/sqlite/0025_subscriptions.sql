-- Following the register by email (issue 21): an address follows an
-- agency, a topic or one system, and gets mail about its new systems, new
-- versions, retirements, audits and official answers, at once or as a
-- daily digest. Nothing is sent before the address confirms (a signed link
-- in a first message: server/src/mail/tokens.rs); unsubscribing deletes
-- the row, and the address with it.
CREATE TABLE subscriptions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Never shown, never exported, never logged.
    email         TEXT NOT NULL,
    follows       TEXT NOT NULL CHECK (follows IN ('agency', 'topic', 'system')),
    -- The agency's slug, the topic, or the system's id.
    target        TEXT NOT NULL,
    frequency     TEXT NOT NULL CHECK (frequency IN ('immediate', 'daily')),
    -- The language its mail is written in.
    language      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    -- NULL until the address confirms.
    confirmed_at  TEXT,
    -- A daily digest covers what happened after this time.
    digest_from   TEXT,
    UNIQUE (email, follows, target)
);
CREATE INDEX subscriptions_followed ON subscriptions (follows, target) WHERE confirmed_at IS NOT NULL;
CREATE INDEX subscriptions_digests ON subscriptions (digest_from) WHERE frequency = 'daily';
