-- Line endings: browsers send line breaks as CR LF, so a version saved from
-- the form differed in every text field from one saved through the API, and
-- the history showed "8 fields changed" for a one-field edit. Every write
-- path now stores LF only (`publishing::check::normalised`); this repairs
-- the versions saved before. The versions stay, with their numbers and
-- dates; only the line endings of their text fields change, so the history
-- shows what really changed. (Their content hash is left as it was: a
-- repaired system's next identical re-publish makes one more version, whose
-- history says that nothing changed.) Lists kept as JSON text (data sets,
-- assessments, withheld) are left as they are: the history compares them
-- with line endings normalised.
UPDATE system_versions SET
    summary = replace(replace(summary, char(13) || char(10), char(10)), char(13), char(10)),
    purpose = replace(replace(purpose, char(13) || char(10), char(10)), char(13), char(10)),
    how_it_works = replace(replace(how_it_works, char(13) || char(10), char(10)), char(13), char(10)),
    human_oversight = replace(replace(human_oversight, char(13) || char(10), char(10)), char(13), char(10)),
    contest = replace(replace(contest, char(13) || char(10), char(10)), char(13), char(10)),
    explainability = replace(replace(explainability, char(13) || char(10), char(10)), char(13), char(10)),
    fairness = replace(replace(fairness, char(13) || char(10), char(10)), char(13), char(10)),
    risks = replace(replace(risks, char(13) || char(10), char(10)), char(13), char(10)),
    legal_basis = replace(replace(legal_basis, char(13) || char(10), char(10)), char(13), char(10)),
    change_summary = replace(replace(change_summary, char(13) || char(10), char(10)), char(13), char(10))
WHERE instr(summary, char(13)) > 0
   OR instr(purpose, char(13)) > 0
   OR instr(how_it_works, char(13)) > 0
   OR instr(human_oversight, char(13)) > 0
   OR instr(contest, char(13)) > 0
   OR instr(explainability, char(13)) > 0
   OR instr(fairness, char(13)) > 0
   OR instr(risks, char(13)) > 0
   OR instr(legal_basis, char(13)) > 0
   OR instr(change_summary, char(13)) > 0;
