use super::*;
use app::record::{AssessmentKind, PersonalData, RiskLevel, Stage, Technique, Topic};

/// The file read by someone working in English.
fn parse(bytes: &[u8]) -> Result<ParsedFile, FileError> {
    super::parse(bytes, Language::SOURCE)
}

fn header() -> String {
    COLUMNS.join(",")
}

/// A CSV row with the given columns set and every other column blank.
fn row(values: &[(&str, &str)]) -> String {
    COLUMNS
        .iter()
        .map(|c| {
            let v = values.iter().find(|(k, _)| k == c).map_or("", |(_, v)| *v);
            format!("\"{}\"", v.replace('"', "\"\""))
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn file(rows: &[String]) -> Vec<u8> {
    let mut text = String::from("\u{feff}");
    text.push_str(&header());
    for r in rows {
        text.push('\n');
        text.push_str(r);
    }
    text.into_bytes()
}

const BASIC: &[(&str, &str)] = &[
    ("agency", "DHS"),
    ("agency_name", "Department of Homeland Security"),
    ("id", "DHS-314"),
    ("use_case_name", "Face matching at ports of entry"),
    ("development_stage", "Deployed"),
    ("is_high_impact", "High-impact"),
    ("topic_area", "Law Enforcement"),
    ("classification", "Computer Vision"),
    (
        "problem_solved",
        "Checks that a traveller\nmatches their passport photo.",
    ),
    ("demographic_features", "['a) Race/Ethnicity', 'c) Age']"),
    ("has_pii", "Yes"),
    ("operational_date", "Jan-24"),
];

#[test]
fn maps_a_row_by_the_crosswalk() {
    let parsed = parse(&file(&[row(BASIC)])).unwrap();
    assert_eq!(parsed.rejected, []);
    let record = &parsed.records[0];
    assert_eq!(record.row, 2);
    assert_eq!(record.agency.slug.0, "dhs");
    assert_eq!(record.agency.name, "Department of Homeland Security");
    let c = &record.content;
    assert_eq!(c.agency_ref.as_deref(), Some("DHS-314"));
    assert_eq!(c.stage, Stage::InUse);
    assert_eq!(c.risk_level, RiskLevel::High);
    assert_eq!(c.topic, Topic::LawEnforcement);
    assert_eq!(c.technique, [Technique::ComputerVision]);
    assert_eq!(c.in_use_since.as_deref(), Some("2024-01-01"));
    assert_eq!(
        c.summary,
        "Checks that a traveller matches their passport photo."
    );
    assert_eq!(c.data[0].personal_data, Some(PersonalData::Identified));
    assert_eq!(c.data[0].sensitive_attributes, ["Race/Ethnicity", "Age"]);
    assert!(c.purpose.contains("**Problem to solve**"), "{}", c.purpose);
    assert!(
        c.tags.iter().any(|t| t == "high-impact (US OMB)"),
        "{:?}",
        c.tags
    );
}

#[test]
fn a_cell_of_several_links_becomes_several_assessments() {
    let two = "https://www.dhs.gov/publication/a-pia ; https://www.federalregister.gov/d/2016-1,\
               https://www.dhs.gov/publication/a-pia";
    let words = "To be posted on https://www.hhs.gov/pia/index.html, pending";
    let mut rows = Vec::new();
    for (id, pia) in [("DHS-1", two), ("DHS-2", words)] {
        let mut values: Vec<(&str, &str)> = BASIC
            .iter()
            .filter(|(column, _)| !matches!(*column, "id" | "pia_url"))
            .copied()
            .collect();
        values.extend([("id", id), ("pia_url", pia)]);
        rows.push(row(&values));
    }
    let parsed = parse(&file(&rows)).unwrap();
    assert_eq!(parsed.rejected, []);
    let urls: Vec<Option<&str>> = parsed.records[0]
        .content
        .assessments
        .iter()
        .filter(|a| a.kind == AssessmentKind::Dpia)
        .map(|a| a.url.as_deref())
        .collect();
    assert_eq!(
        urls,
        [
            Some("https://www.dhs.gov/publication/a-pia"),
            Some("https://www.federalregister.gov/d/2016-1")
        ]
    );
    let kept = &parsed.records[1].content;
    assert!(
        kept.assessments
            .iter()
            .all(|a| a.kind != AssessmentKind::Dpia)
    );
    assert!(
        kept.risks.contains(
            "Privacy impact assessment: To be posted on https://www.hhs.gov/pia/index.html, pending"
        ),
        "{}",
        kept.risks
    );
}

#[test]
fn refuses_files_that_are_not_this_format() {
    assert_eq!(parse(b""), Err(FileError::Empty));
    assert_eq!(parse(b"  \n"), Err(FileError::Empty));
    assert_eq!(
        parse(b"\x89PNG\r\n\x1a\n\0\0\0IHDR"),
        Err(FileError::NotText)
    );
    assert_eq!(parse(&[0xff, 0xfe, 0x41, 0x00]), Err(FileError::NotText));
    match parse(b"name,summary\nA,B\n") {
        Err(error @ FileError::WrongColumns { .. }) => {
            let message = error.to_string();
            assert!(message.contains("missing columns"), "{message}");
            assert!(message.contains("“name”"), "{message}");
        }
        other => panic!("expected wrong columns, got {other:?}"),
    }
}

#[test]
fn files_and_rows_are_refused_in_the_language_of_the_person_importing() {
    let dutch = Language::parse("nl").unwrap();
    let refused = super::parse(b"name,summary\nA,B\n", dutch).unwrap_err();
    let words = refused.words(dutch);
    assert!(
        words.starts_with(
            "het bestand is geen us-omb-2025-CSV-bestand: ontbrekende kolommen: “agency”"
        ),
        "{words}"
    );
    assert!(
        words.contains("en nog 28; onverwachte kolommen: “name”, “summary”"),
        "{words}"
    );

    let bad_stage: Vec<(&str, &str)> = BASIC
        .iter()
        .map(|(k, v)| match *k {
            "development_stage" => (*k, "Soms"),
            "id" => (*k, "DHS-2"),
            _ => (*k, *v),
        })
        .collect();
    let parsed = super::parse(&file(&[row(BASIC), row(BASIC), row(&bad_stage)]), dutch).unwrap();
    let reasons: Vec<&str> = parsed.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "precies gelijk aan rij 2",
            "development_stage “Soms” is niet een van: Pre-deployment, Pilot, Deployed, Retired",
        ]
    );
}

#[test]
fn reports_rows_it_cannot_import_with_their_row_number() {
    let no_name: Vec<(&str, &str)> = BASIC
        .iter()
        .map(|(k, v)| {
            if *k == "use_case_name" {
                (*k, "")
            } else if *k == "id" {
                (*k, "DHS-1")
            } else {
                (*k, *v)
            }
        })
        .collect();
    let bad_stage: Vec<(&str, &str)> = BASIC
        .iter()
        .map(|(k, v)| {
            if *k == "development_stage" {
                (*k, "Sometimes")
            } else if *k == "id" {
                (*k, "DHS-2")
            } else {
                (*k, *v)
            }
        })
        .collect();
    let short = "x,x,x".to_string();
    let parsed = parse(&file(&[
        row(BASIC),
        row(BASIC),
        row(&no_name),
        row(&bad_stage),
        short,
    ]))
    .unwrap();
    assert_eq!(parsed.records.len(), 1);
    let reasons: Vec<(usize, &str)> = parsed
        .rejected
        .iter()
        .map(|r| (r.row, r.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert_eq!(reasons[0], (3, "exact duplicate of row 2"));
    assert!(
        reasons[1].1.contains("use_case_name is blank"),
        "{reasons:?}"
    );
    assert!(reasons[2].1.contains("Sometimes"), "{reasons:?}");
    assert!(reasons[3].1.contains("has 3 cells"), "{reasons:?}");
    assert_eq!(parsed.rows(), 5);
}

#[test]
fn a_reused_id_with_other_content_is_reported() {
    let other: Vec<(&str, &str)> = BASIC
        .iter()
        .map(|(k, v)| {
            if *k == "use_case_name" {
                (*k, "Something else")
            } else {
                (*k, *v)
            }
        })
        .collect();
    let parsed = parse(&file(&[row(BASIC), row(&other)])).unwrap();
    assert_eq!(parsed.records.len(), 1);
    assert!(
        parsed.rejected[0].reason.contains("already used by row 2"),
        "{:?}",
        parsed.rejected
    );
}

#[test]
fn rows_without_ids_get_stable_distinct_ids() {
    let blank_a: Vec<(&str, &str)> = BASIC
        .iter()
        .map(|(k, v)| if *k == "id" { (*k, "") } else { (*k, *v) })
        .collect();
    let mut blank_b = blank_a.clone();
    blank_b.push(("benefits", "Faster checks"));
    let bytes = file(&[row(&blank_a), row(&blank_b)]);
    let first = parse(&bytes).unwrap();
    let second = parse(&bytes).unwrap();
    assert_eq!(first.records.len(), 2);
    assert_ne!(first.records[0].id, first.records[1].id);
    assert_eq!(first.records[0].id, second.records[0].id);
    assert_eq!(first.records[1].id, second.records[1].id);
}

#[test]
fn long_names_are_shortened_and_kept_in_full_in_the_purpose() {
    let long = "A very long use case name ".repeat(10);
    let values: Vec<(&str, &str)> = BASIC
        .iter()
        .map(|(k, v)| {
            if *k == "use_case_name" {
                (*k, long.as_str())
            } else {
                (*k, *v)
            }
        })
        .collect();
    let parsed = parse(&file(&[row(&values)])).unwrap();
    let content = &parsed.records[0].content;
    assert!(content.name.chars().count() <= 200);
    assert!(content.name.ends_with('…'));
    assert!(content.purpose.contains(long.trim()), "{}", content.purpose);
}

#[test]
fn dates_in_the_shapes_agencies_wrote() {
    for (raw, want) in [
        ("2024-10-01 00:00:00", Some("2024-10-01")),
        ("01/2024", Some("2024-01-01")),
        ("1/15/2024", Some("2024-01-15")),
        ("01/15/2024 00:00:00", Some("2024-01-15")),
        ("12/18/2025 00:00:00 AM", Some("2025-12-18")),
        ("1/5/2024 9:30", Some("2024-01-05")),
        ("Jan-24", Some("2024-01-01")),
        ("2023", Some("2023-01-01")),
        ("", None),
        ("soon", None),
        ("13/2024", None),
    ] {
        assert_eq!(parse_date(raw).as_deref(), want, "{raw}");
    }
}

/// The real 2025 inventory, read from the shared data folder beside the
/// repository, or where `LANTERN_SHARED_DATA` says.
pub fn real_file() -> Vec<u8> {
    let path = std::env::var_os("LANTERN_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
        })
        .join("us-omb-2025/2025_individually_reported_AI_use_cases.csv");
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("the shared US 2025 data must be at {}: {e}", path.display()))
}

#[test]
fn every_row_of_the_real_file_is_imported_or_reported() {
    let parsed = parse(&real_file()).unwrap();
    assert_eq!(parsed.rows(), 3611);
    let agencies: std::collections::HashSet<_> = parsed
        .records
        .iter()
        .map(|r| r.agency.slug.clone())
        .collect();
    assert_eq!(agencies.len(), 41);
    let ids: std::collections::HashSet<_> = parsed.records.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids.len(), parsed.records.len(), "ids are unique");
    for rejected in &parsed.rejected {
        assert!(!rejected.reason.is_empty());
        assert!((2..=3612).contains(&rejected.row));
    }
    // Known problems of the file: two exact duplicates, a blank name, a reused id.
    assert!(
        parsed
            .rejected
            .iter()
            .filter(|r| r.reason.starts_with("exact duplicate"))
            .count()
            >= 2
    );
    assert!(
        parsed
            .rejected
            .iter()
            .any(|r| r.reason.contains("use_case_name is blank"))
    );
    for record in &parsed.records {
        let c = &record.content;
        assert!(
            !c.name.is_empty() && c.name.chars().count() <= 200,
            "row {}",
            record.row
        );
        assert!(
            !c.summary.is_empty() && c.summary.chars().count() <= 500,
            "row {}",
            record.row
        );
        // Every link is one address: cells listing several became several.
        for url in c.assessments.iter().filter_map(|a| a.url.as_deref()) {
            assert!(
                crate::publishing::check::is_url(url) && !url.contains([',', ';']),
                "row {}: {url}",
                record.row
            );
        }
        // No EU AI Act category the source did not claim.
        assert!(
            !matches!(c.risk_level, RiskLevel::Minimal | RiskLevel::Limited),
            "row {}",
            record.row
        );
    }
    let again = parse(&real_file()).unwrap();
    assert_eq!(parsed, again, "parsing is deterministic");
}
