-- How many published systems each facet value has: the home page's counts,
-- each agency's count on /agencies and its page, /healthz's total, and the
-- statistics. Every write that changes what a system counts under (a
-- publish, an audit) moves its counts in the same transaction
-- (server/src/storage/counts.rs), so no request counts the register.
--
-- facet: 'all' (value ''), 'agency', 'stage', 'risk_level', 'topic',
-- 'technique' (a system counts once under each of its techniques, none when
-- they are withheld), 'audit' (the latest audit's outcome, 'none' for never
-- audited) and 'personal_data' ('yes' or 'no').
CREATE TABLE IF NOT EXISTS published_counts (
    facet   TEXT NOT NULL,
    value   TEXT NOT NULL,
    systems BIGINT NOT NULL,
    PRIMARY KEY (facet, value)
);

-- The counts from scratch. Run again, this recounts the register (a test
-- does, to check it agrees with the counts the writes kept).
DELETE FROM published_counts;
INSERT INTO published_counts (facet, value, systems)
SELECT 'all', '', count(*) FROM systems WHERE current_version IS NOT NULL
UNION ALL
SELECT 'agency', agency, count(*) FROM systems WHERE current_version IS NOT NULL GROUP BY agency
UNION ALL
SELECT 'stage', v.stage, count(*) FROM systems s
    JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version GROUP BY v.stage
UNION ALL
SELECT 'risk_level', v.risk_level, count(*) FROM systems s
    JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version GROUP BY v.risk_level
UNION ALL
SELECT 'topic', v.topic, count(*) FROM systems s
    JOIN system_versions v ON v.system_id = s.id AND v.version = s.current_version GROUP BY v.topic
UNION ALL
SELECT 'technique', t.technique, count(*) FROM system_techniques t
    JOIN systems s ON s.id = t.system_id WHERE s.current_version IS NOT NULL GROUP BY t.technique
UNION ALL
SELECT 'audit', coalesce(audit_outcome, 'none'), count(*) FROM systems
    WHERE current_version IS NOT NULL GROUP BY coalesce(audit_outcome, 'none')
UNION ALL
SELECT 'personal_data', personal_data, count(*) FROM systems
    WHERE current_version IS NOT NULL GROUP BY personal_data;
