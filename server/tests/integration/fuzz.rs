//! Property tests of what reads text from outside: the US CSV importer, the
//! Lantern JSON importer, the markdown renderer and sanitiser, and the search
//! query parser with the embedded engine behind it. Inputs are stitched
//! together from fragments that have broken parsers before (quotes, markup,
//! entities, line endings, control and direction characters), by a seeded
//! generator, so a failure names its case and repeats exactly.
//!
//! Each property runs a bounded number of cases (see `CASES`): enough to
//! find the shallow crashes in a test run; deeper fuzzing is cargo-fuzz's job.

use crate::support::ENGLISH;
use crate::support::databases;
use crate::support::html_scan;
use crate::support::search;

use app::record::{Agency, AgencySlug, is_system_id};
use app::search::SystemQuery;
use lantern::publishing::check;
use serde_json::{Value, json};

/// Cases per property.
const CASES: usize = 2_000;

/// A small, seeded random generator (xorshift64*): the same seed, the same cases.
struct Cases(u64);

impl Cases {
    fn new(seed: u64) -> Cases {
        Cases(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Up to `max` fragments of `from`, joined.
    fn text(&mut self, from: &[&str], max: usize) -> String {
        let count = self.below(max + 1);
        (0..count).map(|_| self.pick(from)).collect()
    }
}

/// Pieces of markup, markdown, entities and odd characters.
const MARKUP: &[&str] = &[
    "a",
    "word ",
    "Zoë ",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    " ",
    "<",
    ">",
    "</",
    "/>",
    "\"",
    "'",
    "`",
    "```",
    "&",
    "&amp;",
    "&#",
    "&#x6a;",
    "&#106;",
    ";",
    "=",
    "*",
    "**",
    "_",
    "#",
    "- ",
    "1. ",
    "> ",
    "|",
    "|---|",
    "\\",
    "[",
    "](",
    ")",
    "![",
    "<a href=",
    "<a href=\"javascript:alert(1)\">",
    "java\tscript:",
    "javascript:",
    "data:text/html,",
    "vbscript:",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<iframe>",
    "<form action=x>",
    "<base href=x>",
    "<meta http-equiv=refresh>",
    "<textarea>",
    "</textarea>",
    "</title>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<math>",
    "<object>",
    "onclick=",
    " onmouseover=",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "😀",
];

/// Elements a sanitised text may never hold.
const ACTIVE: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "textarea",
    "select", "base", "meta", "link", "title", "svg", "math", "frame", "frameset", "applet",
];

#[test]
fn sanitised_markdown_never_holds_an_active_element_or_attribute() {
    let mut cases = Cases::new(14);
    for case in 0..CASES {
        let markdown = cases.text(MARKUP, 40);
        let html = app::systems::markdown::to_safe_html(&markdown);
        let injected = html_scan::injected(&html);
        assert!(
            injected.is_empty(),
            "case {case}: {markdown:?} gave {html:?}: {injected:?}"
        );
        for tag in html_scan::start_tags(&html) {
            assert!(
                !ACTIVE.contains(&tag.name.as_str()),
                "case {case}: {markdown:?} gave <{}>",
                tag.name
            );
        }
    }
}

/// Pieces of CSV: cells, quotes, separators, line ends, and the values the
/// importer reads.
const CSV: &[&str] = &[
    ",",
    ",",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "DOC",
    "DHS",
    "x",
    "Deployed",
    "Pilot",
    "Retired",
    "High-impact",
    "Not High-impact",
    "Yes",
    "No",
    "[]",
    "['a', 'b']",
    "['c) Age']",
    "[",
    "'",
    "2024-01-31",
    "01/31/2024",
    "a@b.gov",
    "a@b.gov, cc: c@d.gov",
    "javascript:alert(1)",
    "https://example.gov/x",
    "data:,x",
    "\u{0}",
    "\u{202e}",
    "\u{feff}",
    "é",
    "<b>",
    "</title>",
    "Yes - Disclosure Risk",
];

/// A cell for `column`: mostly a value of the kind the column holds, with
/// markup and odd characters mixed in, sometimes anything at all.
fn us_cell(cases: &mut Cases, column: &str) -> String {
    // The columns a row needs right are wild less often, so that many rows
    // get through to the checks after mapping.
    let keyed = matches!(
        column,
        "agency"
            | "use_case_name"
            | "development_stage"
            | "is_high_impact"
            | "demographic_features"
            | "hi_public_consultation"
    );
    if cases.below(if keyed { 40 } else { 4 }) == 0 {
        return cases.text(CSV, 3);
    }
    match column {
        "agency" => cases.pick(&["DOC", "DHS", "TAX-OFFICE", "é"]).to_string(),
        "id" => format!("ID-{}", cases.below(50)),
        "development_stage" => cases
            .pick(&["Deployed", "Pilot", "Retired", ""])
            .to_string(),
        "is_high_impact" => cases
            .pick(&["High-impact", "Not High-impact", ""])
            .to_string(),
        "demographic_features" | "hi_public_consultation" => cases
            .pick(&["[]", "['c) Age', 'd) Sex']", "['None of the above']"])
            .to_string(),
        "use_case_name" => format!("Name {}", cases.text(MARKUP, 6).replace('\0', "")),
        // A NUL makes the whole file "not text": kept for the other branch.
        _ => cases.text(MARKUP, 6).replace('\0', ""),
    }
}

#[test]
fn the_us_importer_never_panics_and_keeps_only_valid_records() {
    let columns = lantern::import::us_omb_2025::COLUMNS;
    let mut cases = Cases::new(2025);
    let mut records = 0;
    for case in 0..CASES {
        let file = if cases.below(2) == 0 {
            // Well-formed CSV of wild cells.
            let mut csv = csv::Writer::from_writer(Vec::new());
            csv.write_record(columns).unwrap();
            for _ in 0..1 + cases.below(3) {
                let row: Vec<String> = columns.iter().map(|c| us_cell(&mut cases, c)).collect();
                csv.write_record(&row).unwrap();
            }
            csv.into_inner().unwrap()
        } else {
            // Text that may not be CSV at all, or rows of the wrong length.
            let mut file = String::new();
            if cases.below(4) > 0 {
                file.push_str(&columns.join(","));
                file.push('\n');
            }
            for _ in 0..cases.below(4) {
                let cells = 33 + cases.below(6);
                let row: Vec<String> = (0..cells).map(|_| cases.text(CSV, 3)).collect();
                file.push_str(&row.join(","));
                file.push('\n');
            }
            file.into_bytes()
        };
        let Ok(parsed) = lantern::import::us_omb_2025::parse(&file, ENGLISH) else {
            continue;
        };
        if std::env::var("FUZZ_SHOW").is_ok() {
            for rejected in &parsed.rejected {
                println!("{}", rejected.reason);
            }
        }
        for record in &parsed.records {
            records += 1;
            let checked = check::content(&record.content, ENGLISH);
            assert!(
                checked.is_ok(),
                "case {case}: a record the API would refuse: {checked:?}\n{:?}",
                String::from_utf8_lossy(&file)
            );
            assert!(
                is_system_id(&record.id.0),
                "case {case}: id {:?}",
                record.id
            );
            assert!(
                check::one_line_problem(&record.agency.name).is_none(),
                "case {case}: agency name {:?}",
                record.agency.name
            );
        }
    }
    assert!(
        records > 100,
        "only {records} records: the generator is too wild"
    );
}

/// A random JSON value of a system's shape: known keys, values of any type.
fn system_value(cases: &mut Cases) -> Value {
    const KEYS: &[&str] = &[
        "id",
        "agency",
        "agency_ref",
        "name",
        "summary",
        "unit",
        "contact",
        "purpose",
        "stage",
        "topic",
        "tags",
        "technique",
        "risk_level",
        "data",
        "withheld",
        "assessments",
        "version",
        "unknown",
    ];
    let mut object = serde_json::Map::new();
    object.insert("name".into(), json!("A system"));
    object.insert("summary".into(), json!("What it does."));
    object.insert("stage".into(), json!("in_use"));
    object.insert("topic".into(), json!("tax"));
    for _ in 0..cases.below(6) {
        let key = cases.pick(KEYS).to_string();
        let value = match cases.below(7) {
            0 => Value::Null,
            1 => json!(cases.below(1000)),
            2 => json!([cases.text(MARKUP, 3), cases.text(MARKUP, 3)]),
            3 => json!({ "name": cases.text(MARKUP, 3), "personal_data": cases.text(MARKUP, 1) }),
            4 => json!(true),
            5 => json!(cases.pick(&[
                "in_use",
                "tax",
                "high",
                "rules",
                "7k2m9x4q1b3c",
                "tax-office"
            ])),
            _ => json!(cases.text(MARKUP, 6)),
        };
        object.insert(key, value);
    }
    Value::Object(object)
}

#[test]
fn the_lantern_json_importer_never_panics_and_keeps_only_valid_records() {
    let tax = |slug: &AgencySlug| {
        (slug.0 == "tax-office").then(|| Agency {
            slug: slug.clone(),
            name: "Tax Office".into(),
            jurisdiction: String::new(),
            website: None,
            contact: None,
            description: String::new(),
        })
    };
    let default = AgencySlug("tax-office".into());
    let mut cases = Cases::new(7);
    let mut records = 0;
    for case in 0..CASES {
        // Half the files are JSON of the right shape, half are text that
        // may not be JSON at all.
        let file = if cases.below(2) == 0 {
            let systems: Vec<Value> = (0..cases.below(4))
                .map(|_| system_value(&mut cases))
                .collect();
            json!({ "systems": systems }).to_string()
        } else {
            format!("{{\"systems\": [{}]}}", cases.text(MARKUP, 12))
        };
        let Ok(parsed) =
            lantern::import::lantern_json::parse(file.as_bytes(), &default, &tax, ENGLISH)
        else {
            continue;
        };
        for record in &parsed.records {
            records += 1;
            assert!(
                is_system_id(&record.id.0),
                "case {case}: id {:?}",
                record.id
            );
            assert!(
                check::content(&record.content, ENGLISH).is_ok(),
                "case {case}: {file}"
            );
        }
    }
    assert!(records > 0, "no case made a record");
}

/// Pieces of query strings.
const QUERY: &[&str] = &[
    "q=",
    "q=tax",
    "&",
    "=",
    "?",
    "stage=",
    "in_use",
    "pilot",
    "agency=",
    "tax-office",
    "risk_level=",
    "high",
    "audit=",
    "none",
    "sort=",
    "name",
    "newest",
    "page=",
    "2",
    "0",
    "-1",
    "99999999999",
    "per_page=",
    "500",
    "skip=",
    "topic=",
    "technique=",
    "rules",
    "%",
    "%FF",
    "%20",
    "+",
    "\"",
    "\"fraud",
    "*",
    "-",
    "OR",
    "AND",
    "(",
    ")",
    ":",
    "~",
    "^",
    "\\",
    "é",
    "😀",
    "\u{0}",
    "a",
    "benefit",
    "facial",
    "recogn",
];

#[tokio::test]
async fn queries_parse_round_trip_and_search_without_error() {
    let db = databases::TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let search = search::TestSearch::embedded(&db.storage).await;
    let mut cases = Cases::new(99);
    for case in 0..CASES {
        let text = cases.text(QUERY, 10);
        let (query, problems) = SystemQuery::from_query_string(&text);
        let (again, again_problems) = SystemQuery::from_query_string(&query.to_params());
        assert_eq!(again, query, "case {case}: {text:?} does not round-trip");
        assert!(
            again_problems.is_empty(),
            "case {case}: {text:?} → {:?} has problems {again_problems:?}",
            query.to_params()
        );
        // Every fifth query goes to the engine: a parsed query always runs.
        if problems.is_empty() && case % 5 == 0 {
            let found = search.engine.search(&query).await;
            assert!(found.is_ok(), "case {case}: {text:?}: {found:?}");
        }
    }
    search.remove().await;
    db.remove().await;
}
