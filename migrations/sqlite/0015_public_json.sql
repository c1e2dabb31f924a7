-- Each version's content and each audit as the open data publishes them,
-- written when they are published: they never change, so the export joins
-- this stored text instead of building every record again (see
-- docs/performance.md and server/src/storage/public_json.rs). A version
-- keeps the members of its JSON object (without the braces: they go into
-- the record between the system's and the audit's); an audit, its object.
-- Lantern fills what is missing when it starts, and writes it all again
-- when the shape of the open data changed (the shape it was written in is
-- kept in public_json_shape). A migration that changes a version's or an
-- audit's columns must set public_members or public_json to NULL.
ALTER TABLE system_versions ADD COLUMN public_members TEXT;
ALTER TABLE audits ADD COLUMN public_json TEXT;
CREATE TABLE public_json_shape (shape TEXT NOT NULL);
