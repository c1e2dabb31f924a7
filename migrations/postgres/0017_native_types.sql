-- PostgreSQL keeps the register in its own types: times are `timestamptz`,
-- lists and data sets are `jsonb`, flags are `boolean`. Until now they were
-- text and integers, as SQLite keeps them. Every row is converted in place:
-- the text held RFC 3339 times and JSON that Lantern wrote, which convert
-- without loss (a test fills the previous schema and compares every export).
--
-- Dates (`in_use_since`, `audited_on`, …) stay `YYYY-MM-DD` text, and the
-- period keys of the rate limits stay text. The stored open-data JSON
-- (`public_members`, `public_json`) stays text: it is the export's bytes,
-- which `jsonb` would reorder.
--
-- The storage layer writes its SQL once, in these types (see
-- server/src/storage/dialect.rs): a time is read back through rfc3339(),
-- which writes it as the rest of Lantern does (`2026-11-28T07:00:00Z`).

CREATE FUNCTION rfc3339(moment timestamptz) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;

-- The changes feed's times carry microseconds (`2026-11-28T07:00:00.123456Z`).
CREATE FUNCTION rfc3339_precise(moment timestamptz) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

ALTER TABLE agencies
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;
ALTER TABLE agencies DROP CONSTRAINT IF EXISTS agencies_requires_approval_check;
ALTER TABLE agencies ALTER COLUMN requires_approval DROP DEFAULT;
ALTER TABLE agencies
    ALTER COLUMN requires_approval TYPE boolean USING requires_approval = 1,
    ALTER COLUMN requires_approval SET DEFAULT false;

ALTER TABLE systems DROP CONSTRAINT IF EXISTS systems_described_check;
ALTER TABLE systems ALTER COLUMN described DROP DEFAULT;
ALTER TABLE systems
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at::timestamptz,
    ALTER COLUMN described TYPE boolean USING described = 1,
    ALTER COLUMN described SET DEFAULT false;

ALTER TABLE system_versions
    ALTER COLUMN tags TYPE jsonb USING tags::jsonb,
    ALTER COLUMN technique TYPE jsonb USING technique::jsonb,
    ALTER COLUMN data TYPE jsonb USING data::jsonb,
    ALTER COLUMN assessments TYPE jsonb USING assessments::jsonb,
    ALTER COLUMN withheld TYPE jsonb USING withheld::jsonb,
    ALTER COLUMN published_at TYPE timestamptz USING published_at::timestamptz,
    ALTER COLUMN reviewed_at TYPE timestamptz USING reviewed_at::timestamptz;

ALTER TABLE audits
    ALTER COLUMN recorded_at TYPE timestamptz USING recorded_at::timestamptz;

ALTER TABLE search_outbox
    ALTER COLUMN queued_at TYPE timestamptz USING queued_at::timestamptz;
ALTER TABLE search_leases
    ALTER COLUMN expires_at TYPE timestamptz USING expires_at::timestamptz;

ALTER TABLE accounts
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN disabled_at TYPE timestamptz USING disabled_at::timestamptz;
ALTER TABLE sessions
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN expires_at TYPE timestamptz USING expires_at::timestamptz;
ALTER TABLE sign_in_failures
    ALTER COLUMN first_at TYPE timestamptz USING first_at::timestamptz,
    ALTER COLUMN locked_until TYPE timestamptz USING locked_until::timestamptz;

ALTER TABLE drafts
    ALTER COLUMN content TYPE jsonb USING content::jsonb,
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at::timestamptz;
ALTER TABLE api_tokens
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN revoked_at TYPE timestamptz USING revoked_at::timestamptz,
    ALTER COLUMN last_used_at TYPE timestamptz USING last_used_at::timestamptz,
    ALTER COLUMN expires_at TYPE timestamptz USING expires_at::timestamptz;
ALTER TABLE audit_log
    ALTER COLUMN at TYPE timestamptz USING at::timestamptz;
ALTER TABLE pending_imports
    ALTER COLUMN records TYPE jsonb USING records::jsonb,
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;

ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_personal_data_found_check;
ALTER TABLE comments ALTER COLUMN personal_data_found DROP DEFAULT;
ALTER TABLE comments
    ALTER COLUMN personal_data_found TYPE boolean USING personal_data_found = 1,
    ALTER COLUMN personal_data_found SET DEFAULT false,
    ALTER COLUMN email_deleted_at TYPE timestamptz USING email_deleted_at::timestamptz,
    ALTER COLUMN moderated_at TYPE timestamptz USING moderated_at::timestamptz,
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN published_at TYPE timestamptz USING published_at::timestamptz,
    ALTER COLUMN answered_at TYPE timestamptz USING answered_at::timestamptz,
    ALTER COLUMN answer_updated_at TYPE timestamptz USING answer_updated_at::timestamptz;
ALTER TABLE comment_flags
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;

ALTER TABLE changes
    ALTER COLUMN changed_at TYPE timestamptz USING changed_at::timestamptz;
ALTER TABLE idempotency_keys
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;
