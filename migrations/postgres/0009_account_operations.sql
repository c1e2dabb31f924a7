-- Accounts and tokens an operator can run. A disabled account cannot sign in
-- and its sessions end at once (sessions are only valid for accounts that are
-- not disabled); enabling it again lets it sign in with its password. An API
-- token may carry an expiry, after which it is refused like a revoked one.
ALTER TABLE accounts ADD COLUMN disabled_at TEXT;
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
