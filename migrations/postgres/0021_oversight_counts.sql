-- The register's counts (migration 0012) of the oversight facets:
-- 'completeness' ('complete' or 'incomplete'), 'missing' (a system counts
-- once under each expected field it leaves empty) and 'review' ('current'
-- or 'overdue'). A system whose oversight is not worked out yet (NULL)
-- counts under none of them until it is. Run again after 0012, this
-- recounts them (a test does).
DELETE FROM published_counts WHERE facet IN ('completeness', 'missing', 'review');
INSERT INTO published_counts (facet, value, systems)
SELECT 'completeness', CASE WHEN completeness = 100 THEN 'complete' ELSE 'incomplete' END, count(*)
    FROM systems WHERE current_version IS NOT NULL AND completeness IS NOT NULL
    GROUP BY CASE WHEN completeness = 100 THEN 'complete' ELSE 'incomplete' END
UNION ALL
SELECT 'missing', m.field, count(*) FROM system_missing_fields m
    JOIN systems s ON s.id = m.system_id WHERE s.current_version IS NOT NULL GROUP BY m.field
UNION ALL
SELECT 'review', review, count(*) FROM systems
    WHERE current_version IS NOT NULL AND review IS NOT NULL GROUP BY review;
