-- Following a search by email (issue 21): a subscription may follow a
-- search of `/systems` (its words and filters, as an encoded query string
-- such as `q=fraud&risk_level=high`) and hears of the changes of the
-- systems it finds (server/src/mail/searches.rs).
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_follows_check;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_follows_check
    CHECK (follows IN ('agency', 'topic', 'system', 'search'));
CREATE INDEX subscriptions_searches ON subscriptions (digest_from) WHERE follows = 'search';
