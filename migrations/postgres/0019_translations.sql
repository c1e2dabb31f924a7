-- A record's language and its translations (see app/src/record/translations.rs):
-- the language its agency wrote it in (NULL: the register's default language),
-- and its texts in other languages as JSON, language code → field → text.
ALTER TABLE system_versions ADD COLUMN language TEXT;
ALTER TABLE system_versions ADD COLUMN translations JSONB NOT NULL DEFAULT '{}'::jsonb;
