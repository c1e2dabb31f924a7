-- Writes through the API kept under the `Idempotency-Key` a client sent, per
-- token, so that sending the same request again (after a lost answer or a
-- crash) answers what was done instead of filing the system twice. Written
-- in the same transaction as the write itself; kept for a day.
CREATE TABLE idempotency_keys (
    token_id     BIGINT NOT NULL REFERENCES api_tokens (id),
    client_key   TEXT NOT NULL,
    -- SHA-256 of the request body: the same key with another body is refused.
    request_hash TEXT NOT NULL,
    system_id    TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'published')),
    version      BIGINT,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (token_id, client_key)
);
