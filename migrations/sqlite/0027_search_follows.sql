-- Following a search by email (issue 21): a subscription may follow a
-- search of `/systems` (its words and filters, as an encoded query string
-- such as `q=fraud&risk_level=high`) and hears of the changes of the
-- systems it finds (server/src/mail/searches.rs). SQLite cannot change a
-- CHECK constraint in place: the table is made again, rows and ids kept.
CREATE TABLE subscriptions_next (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Never shown, never exported, never logged.
    email         TEXT NOT NULL,
    follows       TEXT NOT NULL CHECK (follows IN ('agency', 'topic', 'system', 'search')),
    -- The agency's slug, the topic, the system's id, or the search.
    target        TEXT NOT NULL,
    frequency     TEXT NOT NULL CHECK (frequency IN ('immediate', 'daily')),
    -- The language its mail is written in.
    language      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    -- NULL until the address confirms.
    confirmed_at  TEXT,
    -- A daily digest (and a search's mail) covers what happened after this time.
    digest_from   TEXT,
    UNIQUE (email, follows, target)
);
INSERT INTO subscriptions_next (id, email, follows, target, frequency, language, created_at, confirmed_at, digest_from)
    SELECT id, email, follows, target, frequency, language, created_at, confirmed_at, digest_from FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_next RENAME TO subscriptions;
CREATE INDEX subscriptions_followed ON subscriptions (follows, target) WHERE confirmed_at IS NOT NULL;
CREATE INDEX subscriptions_digests ON subscriptions (digest_from) WHERE frequency = 'daily';
CREATE INDEX subscriptions_searches ON subscriptions (digest_from) WHERE follows = 'search';
