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
    summary = replace(replace(summary, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    purpose = replace(replace(purpose, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    how_it_works = replace(replace(how_it_works, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    human_oversight = replace(replace(human_oversight, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    contest = replace(replace(contest, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    explainability = replace(replace(explainability, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    fairness = replace(replace(fairness, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    risks = replace(replace(risks, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    legal_basis = replace(replace(legal_basis, chr(13) || chr(10), chr(10)), chr(13), chr(10)),
    change_summary = replace(replace(change_summary, chr(13) || chr(10), chr(10)), chr(13), chr(10))
WHERE strpos(summary, chr(13)) > 0
   OR strpos(purpose, chr(13)) > 0
   OR strpos(how_it_works, chr(13)) > 0
   OR strpos(human_oversight, chr(13)) > 0
   OR strpos(contest, chr(13)) > 0
   OR strpos(explainability, chr(13)) > 0
   OR strpos(fairness, chr(13)) > 0
   OR strpos(risks, chr(13)) > 0
   OR strpos(legal_basis, chr(13)) > 0
   OR strpos(change_summary, chr(13)) > 0;
