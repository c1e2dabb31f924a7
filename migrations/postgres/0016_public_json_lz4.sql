-- The stored JSON of versions and audits compressed with lz4 instead of
-- PostgreSQL's default pglz: the export reads every version's JSON, and
-- pglz's decompression took about a third of each batch (100,000 systems:
-- 44 MB/s with pglz, 59 MB/s with lz4, bench/export.sh). Values written
-- before are compressed again (`|| ''` makes a new value; a plain copy would
-- keep the old compression). A PostgreSQL built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE system_versions ALTER COLUMN public_members SET COMPRESSION lz4;
    ALTER TABLE audits ALTER COLUMN public_json SET COMPRESSION lz4;
    UPDATE system_versions SET public_members = public_members || ''
        WHERE public_members IS NOT NULL;
    UPDATE audits SET public_json = public_json || '' WHERE public_json IS NOT NULL;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available: the stored JSON stays compressed with pglz';
END
$$;
