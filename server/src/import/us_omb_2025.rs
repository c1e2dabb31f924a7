//! The US federal AI use case inventory 2025 (OMB memo M-25-21), 36 columns.
//!
//! The crosswalk from its columns to the record is documented, column by
//! column, in `docs/import-us-omb-2025.md`; keep the two in step.

use super::{ImportRecord, ParsedFile, RejectedRow, python_list, stable_id};
use crate::publishing::check;
use app::record::{
    Agency, AgencySlug, Assessment, AssessmentKind, DataSet, PersonalData, RiskLevel, Stage,
    SystemContent, Technique, Topic, Withheld,
};
use std::collections::HashMap;

/// The source name that namespaces ids derived from this format.
const SOURCE: &str = "us-omb-2025";

/// The file's columns, as OMB publishes them.
pub const COLUMNS: [&str; 36] = [
    "agency",
    "agency_name",
    "id",
    "use_case_name",
    "agency_bureau",
    "contact_email",
    "is_withheld",
    "development_stage",
    "is_high_impact",
    "HI_justification",
    "topic_area",
    "classification",
    "problem_solved",
    "benefits",
    "system_outputs",
    "operational_date",
    "contracting_usage",
    "vendor_name",
    "have_ato",
    "system_name_ato",
    "data_description",
    "link_to_data",
    "has_pii",
    "pia_url",
    "demographic_features",
    "has_custom_code",
    "code_url",
    "hi_testing_conducted",
    "hi_assessment_completed",
    "hi_potential_impacts",
    "hi_independent_review",
    "hi_ongoing_monitoring",
    "hi_training_established",
    "hi_failsafe_presence",
    "hi_appeal_process",
    "hi_public_consultation",
];

const NAME_LIMIT: usize = 200;
const SUMMARY_LIMIT: usize = 500;

/// Why a whole file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is not text (it is binary or not UTF-8), so it is not a us-omb-2025 CSV file"
    )]
    NotText,
    #[error("the file is not a us-omb-2025 CSV file: {0}")]
    WrongColumns(String),
    #[error("the CSV could not be read: {0}")]
    Csv(String),
}

/// One CSV row by column name.
struct Row<'a> {
    values: &'a csv::StringRecord,
    index: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    /// The trimmed value of a column ("" when blank).
    fn get(&self, column: &str) -> &str {
        self.index
            .get(column)
            .and_then(|i| self.values.get(*i))
            .map_or("", str::trim)
    }

    /// The value, or `None` when blank.
    fn some(&self, column: &str) -> Option<String> {
        Some(self.get(column))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }
}

/// Reads a whole file: the records to write and the rows reported.
///
/// Refuses the file, before anything is written, when it is empty, binary, or
/// does not have exactly this format's 36 columns.
pub fn parse(bytes: &[u8]) -> Result<ParsedFile, FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    if bytes.contains(&0) || std::str::from_utf8(bytes).is_err() {
        return Err(FileError::NotText);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| FileError::Csv(e.to_string()))?
        .clone();
    let index = check_columns(&headers)?;

    let mut parsed = ParsedFile::default();
    // Earlier rows by their full content and by their key, to tell exact
    // duplicates from conflicting ids.
    let mut seen_content: HashMap<Vec<String>, usize> = HashMap::new();
    let mut seen_key: HashMap<String, usize> = HashMap::new();
    let mut blank_id_occurrences: HashMap<String, usize> = HashMap::new();

    for (i, result) in reader.records().enumerate() {
        let row_number = i + 2;
        let values = match result {
            Ok(values) => values,
            Err(e) => {
                parsed.rejected.push(RejectedRow {
                    row: row_number,
                    reason: format!("could not be read as CSV: {e}"),
                });
                continue;
            }
        };
        if values.len() != COLUMNS.len() {
            parsed.rejected.push(RejectedRow {
                row: row_number,
                reason: format!(
                    "has {} cells; this format has {}",
                    values.len(),
                    COLUMNS.len()
                ),
            });
            continue;
        }
        let row = Row {
            values: &values,
            index: &index,
        };
        let content_key: Vec<String> = values.iter().map(str::to_string).collect();
        if let Some(first) = seen_content.get(&content_key) {
            parsed.rejected.push(RejectedRow {
                row: row_number,
                reason: format!("exact duplicate of row {first}"),
            });
            continue;
        }
        seen_content.insert(content_key, row_number);

        let agency_code = row.get("agency");
        let key = match row.some("id") {
            Some(id) => format!("{agency_code}/{id}"),
            None => {
                // No id: the agency, bureau and name identify the row, numbered
                // in file order when the same three occur more than once.
                let base = format!(
                    "{agency_code}/{}/{}",
                    row.get("agency_bureau"),
                    row.get("use_case_name")
                );
                let n = blank_id_occurrences.entry(base.clone()).or_insert(0);
                *n += 1;
                format!("{base}#{n}")
            }
        };
        if let Some(first) = seen_key.get(&key) {
            parsed.rejected.push(RejectedRow {
                row: row_number,
                reason: format!(
                    "id “{}” of agency {agency_code} is already used by row {first} with different content; fix the id in the source",
                    row.get("id")
                ),
            });
            continue;
        }
        seen_key.insert(key.clone(), row_number);

        // The same checks as the write API, after mapping: what an importer
        // builds meets every rule a record sent by hand does.
        let mapped = map_row(&row).and_then(|(agency, content)| {
            let content = check::content(&content).map_err(super::problems_as_reason)?;
            Ok((agency, content))
        });
        match mapped {
            Ok((agency, content)) => parsed.records.push(ImportRecord {
                row: row_number,
                id: stable_id(SOURCE, &key),
                agency,
                content,
            }),
            Err(reason) => parsed.rejected.push(RejectedRow {
                row: row_number,
                reason,
            }),
        }
    }
    parsed.rejected.sort_by_key(|r| r.row);
    Ok(parsed)
}

fn check_columns(headers: &csv::StringRecord) -> Result<HashMap<&'static str, usize>, FileError> {
    let found: Vec<&str> = headers.iter().map(str::trim).collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !found.contains(c))
        .collect();
    let unexpected: Vec<&str> = found
        .iter()
        .copied()
        .filter(|c| !COLUMNS.contains(c))
        .collect();
    if !missing.is_empty() || !unexpected.is_empty() {
        let mut problems = Vec::new();
        if !missing.is_empty() {
            problems.push(format!("missing columns: {}", shorten_list(&missing)));
        }
        if !unexpected.is_empty() {
            problems.push(format!("unexpected columns: {}", shorten_list(&unexpected)));
        }
        return Err(FileError::WrongColumns(problems.join("; ")));
    }
    Ok(COLUMNS
        .iter()
        .map(|c| {
            (
                *c,
                found.iter().position(|f| f == c).expect("checked above"),
            )
        })
        .collect())
}

fn shorten_list(names: &[&str]) -> String {
    let mut shown: Vec<String> = names
        .iter()
        .take(8)
        .map(|n| format!("“{}”", n.chars().take(40).collect::<String>()))
        .collect();
    if names.len() > 8 {
        shown.push(format!("and {} more", names.len() - 8));
    }
    shown.join(", ")
}

/// Maps one row to its agency and record, or says why it cannot be imported.
fn map_row(row: &Row) -> Result<(Agency, SystemContent), String> {
    let agency_code = row.get("agency");
    if agency_code.is_empty() {
        return Err("agency is blank: every system needs an owning agency".into());
    }
    let slug = agency_slug(agency_code)
        .ok_or_else(|| format!("agency “{agency_code}” cannot be made into a slug"))?;
    let full_name = one_line(row.get("use_case_name"));
    if full_name.is_empty() {
        return Err("use_case_name is blank: every system needs a name".into());
    }
    let stage = stage(row)?;
    let mut tags = Vec::new();
    if row.get("development_stage").is_empty() {
        tags.push("stage not reported".to_string());
    }
    let (topic, topic_tag) = topic(row.get("topic_area"));
    tags.extend(topic_tag);
    let (technique, technique_tag) = technique(row.get("classification"));
    tags.extend(technique_tag);
    let (risk_level, risk_tag) = risk_level(row.get("is_high_impact"))?;
    tags.extend(risk_tag);

    let name = shorten(&full_name, NAME_LIMIT);
    let mut purpose = String::new();
    if name != full_name {
        purpose.push_str(&format!("**Name as reported:** {full_name}\n\n"));
    }
    push_part(&mut purpose, "Problem to solve", row.get("problem_solved"));
    push_part(&mut purpose, "Expected benefits", row.get("benefits"));

    let operational_date = row.get("operational_date");
    let in_use_since = parse_date(operational_date);
    let mut how_it_works = String::new();
    push_part(&mut how_it_works, "Outputs", row.get("system_outputs"));
    let mut facts = Vec::new();
    push_fact(&mut facts, "Developed", row.get("contracting_usage"));
    push_fact(&mut facts, "Custom code", row.get("has_custom_code"));
    push_fact(&mut facts, "Code", row.get("code_url"));
    push_fact(&mut facts, "Authority to operate", row.get("have_ato"));
    push_fact(
        &mut facts,
        "System with the authority to operate",
        row.get("system_name_ato"),
    );
    if in_use_since.is_none() {
        push_fact(&mut facts, "Operational date as reported", operational_date);
    }
    push_list(&mut how_it_works, &facts);

    let mut oversight = Vec::new();
    push_fact(
        &mut oversight,
        "Ongoing monitoring",
        row.get("hi_ongoing_monitoring"),
    );
    push_fact(
        &mut oversight,
        "Independent review",
        row.get("hi_independent_review"),
    );
    push_fact(
        &mut oversight,
        "Training of operators",
        row.get("hi_training_established"),
    );
    push_fact(&mut oversight, "Fail-safe", row.get("hi_failsafe_presence"));
    let consultation = python_list::parse(row.get("hi_public_consultation"))
        .ok_or_else(|| "hi_public_consultation is not a list like ['a', 'b']".to_string())?;
    push_fact(
        &mut oversight,
        "Public consultation",
        &consultation.join("; "),
    );
    let mut human_oversight = String::new();
    push_list(&mut human_oversight, &oversight);

    let mut contest = String::new();
    push_list(
        &mut contest,
        &fact("Appeal process", row.get("hi_appeal_process")),
    );

    let demographic = python_list::parse(row.get("demographic_features"))
        .ok_or_else(|| "demographic_features is not a list like ['a', 'b']".to_string())?;
    let (sensitive_attributes, statements) = sensitive_attributes(&demographic);
    let mut fairness = String::new();
    push_list(
        &mut fairness,
        &fact("Testing before deployment", row.get("hi_testing_conducted")),
    );
    for statement in statements {
        fairness.push_str(&format!("{statement}\n\n"));
    }

    let mut risks = String::new();
    push_part(
        &mut risks,
        "Why the agency classed it this way",
        row.get("HI_justification"),
    );
    push_part(
        &mut risks,
        "Potential impacts",
        row.get("hi_potential_impacts"),
    );
    push_list(
        &mut risks,
        &fact(
            "Impact assessment completed",
            row.get("hi_assessment_completed"),
        ),
    );

    let personal_data = match row.get("has_pii") {
        "Yes" => Some(PersonalData::Identified),
        "No" => Some(PersonalData::None),
        _ => None,
    };
    let mut data = Vec::new();
    if !row.get("data_description").is_empty()
        || !row.get("link_to_data").is_empty()
        || personal_data.is_some()
        || !sensitive_attributes.is_empty()
    {
        data.push(DataSet {
            name: "Data used by this use case".into(),
            description: row.get("data_description").into(),
            source: shorten(&one_line(row.get("link_to_data")), check::MAX_LINE),
            personal_data,
            sensitive_attributes,
        });
    }

    // A privacy impact assessment cell holds one link, several (each
    // becomes an assessment of its own), or words; words are kept as written.
    let mut assessments = Vec::new();
    let pia = row.get("pia_url");
    match links(pia) {
        Some(urls) => assessments.extend(urls.into_iter().map(|url| Assessment {
            kind: AssessmentKind::Dpia,
            date: None,
            url: Some(url),
        })),
        None => push_list(&mut risks, &fact("Privacy impact assessment", pia)),
    }
    if row.get("hi_assessment_completed") == "Yes" {
        assessments.push(Assessment {
            kind: AssessmentKind::AlgorithmImpact,
            date: None,
            url: None,
        });
    }

    let supplier = match (line(row, "vendor_name"), row.get("contracting_usage")) {
        (Some(vendor), _) => Some(vendor),
        (None, "In-house Development") => Some("Built in-house".to_string()),
        _ => None,
    };

    let mut content = SystemContent {
        // The agency's own reference is never cut: one too long is reported.
        agency_ref: Some(one_line(row.get("id"))).filter(|id| !id.is_empty()),
        name,
        summary: summary(row),
        unit: line(row, "agency_bureau"),
        contact: contact(row.get("contact_email")),
        purpose: purpose.trim_end().into(),
        how_it_works: how_it_works.trim_end().into(),
        stage,
        in_use_since,
        retired_on: None,
        topic,
        tags,
        technique,
        risk_level,
        decision_role: None,
        human_oversight: human_oversight.trim_end().into(),
        contest: contest.trim_end().into(),
        data,
        explainability: String::new(),
        fairness: fairness.trim_end().into(),
        risks: risks.trim_end().into(),
        assessments,
        legal_basis: String::new(),
        supplier,
        withheld: Vec::new(),
    };
    content.withheld = withheld(row.get("is_withheld"), &content);
    if !content.withheld.is_empty() || row.get("is_withheld").starts_with("Yes") {
        content.tags.push("withholding requested".into());
    }
    let agency = Agency {
        slug,
        name: shorten(
            &line(row, "agency_name").unwrap_or_else(|| one_line(agency_code)),
            200,
        ),
        jurisdiction: "United States (federal)".into(),
        website: None,
        contact: None,
        description: format!(
            "A US federal agency. Its records were imported from the 2025 federal AI use case inventory, where it reports as {agency_code}."
        ),
    };
    Ok((agency, content))
}

fn agency_slug(code: &str) -> Option<AgencySlug> {
    let slug: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    app::record::is_slug(&slug).then_some(AgencySlug(slug))
}

fn stage(row: &Row) -> Result<Stage, String> {
    match row.get("development_stage").to_ascii_lowercase().as_str() {
        "deployed" => Ok(Stage::InUse),
        "pilot" => Ok(Stage::Pilot),
        "pre-deployment" => Ok(Stage::Development),
        "retired" => Ok(Stage::Retired),
        // Not reported: tagged "stage not reported" by the caller.
        "" => Ok(Stage::Development),
        _ => Err(format!(
            "development_stage “{}” is not one of: Pre-deployment, Pilot, Deployed, Retired",
            row.get("development_stage")
        )),
    }
}

/// The topic, and the reported topic area as a tag when it says more.
fn topic(area: &str) -> (Topic, Option<String>) {
    let topic = match area {
        "Science" | "Other - Applied Mathematical Sciences" => Topic::Science,
        "Admin Functions"
        | "Administrative functions"
        | "IT"
        | "Procurement and Finance Mgmt"
        | "Cybersecurity"
        | "HR" => Topic::Administration,
        "Law Enforcement" => Topic::LawEnforcement,
        "Health and Medical" => Topic::Health,
        "Service Delivery" => Topic::ServiceDelivery,
        "Energy and Environment" => Topic::Environment,
        "Transportation" => Topic::Transport,
        "Benefits Processing" => Topic::Benefits,
        _ => Topic::Other,
    };
    let tag = if area.is_empty() {
        Some("topic not reported".to_string())
    } else {
        Some(shorten(&one_line(area), check::max_chars("tags")))
    };
    (topic, tag)
}

/// The techniques, and a tag when the classification is finer than ours.
fn technique(classification: &str) -> (Vec<Technique>, Option<String>) {
    match classification {
        "" => (Vec::new(), None),
        "Classical ML" => (vec![Technique::ClassicalMl], None),
        "Generative AI" => (vec![Technique::GenerativeAi], None),
        "NLP" => (vec![Technique::Nlp], None),
        "Computer Vision" => (vec![Technique::ComputerVision], None),
        "Agentic AI" => (vec![Technique::Agentic], None),
        "Other" => (vec![Technique::Other], None),
        other => (
            vec![Technique::Other],
            Some(shorten(&one_line(other), check::max_chars("tags")).to_lowercase()),
        ),
    }
}

/// The risk level, and the agency's own classification as a tag. OMB's
/// "high-impact" (the output is a principal basis for decisions with a legal
/// or similarly significant effect on people's rights or safety) is taken as
/// high risk. "Not high-impact" says only that it is not that, so the risk
/// level stays "not assessed" rather than claiming EU AI Act categories
/// (minimal, limited) the source never used; the tag keeps what it said.
fn risk_level(is_high_impact: &str) -> Result<(RiskLevel, Option<String>), String> {
    let tagged = |level, tag: &str| Ok((level, Some(format!("{tag} (US OMB)"))));
    match is_high_impact {
        "High-impact" => tagged(RiskLevel::High, "high-impact"),
        "Presumed High-Impact, but Not High-impact" => {
            tagged(RiskLevel::Unassessed, "presumed high-impact, found not")
        }
        "Not High-impact" => tagged(RiskLevel::Unassessed, "not high-impact"),
        "" => Ok((RiskLevel::Unassessed, None)),
        other => Err(format!(
            "is_high_impact “{other}” is not one of: High-impact, Presumed High-Impact, but Not High-impact, Not High-impact"
        )),
    }
}

/// Sensitive attributes from the demographic features list; statements that
/// are not attributes ("None of the above", compliance notes) come back apart.
fn sensitive_attributes(features: &[String]) -> (Vec<String>, Vec<String>) {
    let mut attributes = Vec::new();
    let mut statements = Vec::new();
    for feature in features {
        let feature = feature.trim();
        // OMB's choices carry a letter: "c) Age".
        let text = match feature.split_once(") ") {
            Some((letter, rest)) if letter.len() == 1 => rest,
            _ => feature,
        };
        let lower = text.to_lowercase();
        if lower.starts_with("none") || lower.starts_with("not applicable") || lower == "unknown" {
            continue;
        }
        if text.len() > 80 {
            statements.push(text.to_string());
        } else {
            attributes.push(one_line(text));
        }
    }
    (attributes, statements)
}

/// Fields the agency left blank while asking for the use case to be withheld.
fn withheld(is_withheld: &str, content: &SystemContent) -> Vec<Withheld> {
    let reason = match is_withheld {
        "Yes - Disclosure Risk" => {
            "The agency determined that disclosure poses a risk, such as harm to an interest protected by a FOIA exemption."
        }
        "Yes - Prohibited by Law" => "The agency reports that disclosure is prohibited by law.",
        "Other" => "The agency asked for this to be withheld for another reason it did not state.",
        _ => return Vec::new(),
    };
    let blank_fields = [
        ("purpose", content.purpose.is_empty()),
        ("how_it_works", content.how_it_works.is_empty()),
        ("data", content.data.is_empty()),
        ("supplier", content.supplier.is_none()),
    ];
    blank_fields
        .iter()
        .filter(|(_, blank)| *blank)
        .map(|(field, _)| Withheld {
            field: field.to_string(),
            reason: reason.into(),
        })
        .collect()
}

/// One plain paragraph for citizens, from the first of the descriptive columns that is filled.
fn summary(row: &Row) -> String {
    let source = ["problem_solved", "system_outputs", "benefits"]
        .iter()
        .map(|c| row.get(c))
        .find(|v| !v.is_empty());
    match source {
        Some(text) => shorten(
            &text.split_whitespace().collect::<Vec<_>>().join(" "),
            SUMMARY_LIMIT,
        ),
        None => format!(
            "{} reported this AI use case in the 2025 US federal inventory without describing it.",
            row.some("agency_name")
                .unwrap_or_else(|| row.get("agency").to_string())
        ),
    }
}

/// A one-line field as the register keeps it: line breaks, tabs and runs of
/// spaces become one space; other control characters and characters that
/// reverse the direction of text are dropped.
fn one_line(text: &str) -> String {
    let kept = |c: &char| !c.is_control() && !check::is_bidi_control(*c);
    text.split_whitespace()
        .map(|word| word.chars().filter(kept).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A column's value as one line, cut to the register's longest line, or
/// `None` when blank.
fn line(row: &Row, column: &str) -> Option<String> {
    Some(shorten(&one_line(row.get(column)), check::MAX_LINE)).filter(|text| !text.is_empty())
}

/// The public contact in a `contact_email` cell: the first email address or
/// https address in it. Cells often name two people ("a@x.gov, cc: b@x.gov")
/// or a person without an address; a cell with neither leaves the record
/// without a contact rather than a link that goes nowhere (or somewhere else:
/// `javascript:` and `data:` are never links).
fn contact(cell: &str) -> Option<String> {
    cell.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|word| word.trim_matches(['<', '>', '(', ')', '"', '\'']))
        .find(|word| {
            crate::accounts::is_email(word) || (word.starts_with("https://") && check::is_url(word))
        })
        .map(str::to_string)
}

/// Cuts text to at most `limit` characters at a word boundary, marking the cut with "…".
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit - 1).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > limit / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':']))
}

fn push_part(markdown: &mut String, heading: &str, text: &str) {
    if !text.is_empty() {
        markdown.push_str(&format!("**{heading}**\n\n{text}\n\n"));
    }
}

/// The links a cell lists, separated by spaces, commas or semicolons, each
/// once; `None` when the cell is empty or holds anything but links.
fn links(cell: &str) -> Option<Vec<String>> {
    let mut urls: Vec<String> = Vec::new();
    for word in cell.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if word.is_empty() {
            continue;
        }
        if !check::is_url(word) {
            return None;
        }
        if !urls.iter().any(|url| url == word) {
            urls.push(word.to_string());
        }
    }
    (!urls.is_empty()).then_some(urls)
}

fn fact(label: &str, value: &str) -> Vec<String> {
    let mut facts = Vec::new();
    push_fact(&mut facts, label, value);
    facts
}

fn push_fact(facts: &mut Vec<String>, label: &str, value: &str) {
    if !value.is_empty() {
        facts.push(format!(
            "{label}: {}",
            value.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
}

fn push_list(markdown: &mut String, facts: &[String]) {
    for fact in facts {
        markdown.push_str(&format!("- {fact}\n"));
    }
    if !facts.is_empty() {
        markdown.push('\n');
    }
}

/// A date in one of the shapes agencies wrote, as `YYYY-MM-DD`.
///
/// Seen in the 2025 file: `2024-10-01 00:00:00`, `01/2024`, `1/15/2024`,
/// `01/15/2024 00:00:00`, `1/15/2024 9:30`, `Jan-24`, `2024`.
pub fn parse_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let date_part = raw.split_whitespace().next()?;
    let valid = |y: u32, m: u32, d: u32| {
        ((1950..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let numbers = |parts: &[&str]| {
        parts
            .iter()
            .map(|p| p.parse::<u32>().ok())
            .collect::<Option<Vec<u32>>>()
    };
    if let Some(parts) = numbers(&date_part.split('-').collect::<Vec<_>>()) {
        return match parts.as_slice() {
            [y, m, d] if date_part.len() == 10 => valid(*y, *m, *d),
            [y] if date_part.len() == 4 => valid(*y, 1, 1),
            _ => None,
        };
    }
    if let Some(parts) = numbers(&date_part.split('/').collect::<Vec<_>>()) {
        return match parts.as_slice() {
            [m, y] => valid(*y, *m, 1),
            [m, d, y] => valid(*y, *m, *d),
            _ => None,
        };
    }
    // "Jan-24": a month and a two-digit year.
    let (month, year) = date_part.split_once('-')?;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = MONTHS
        .iter()
        .position(|name| month.eq_ignore_ascii_case(name))? as u32
        + 1;
    let y: u32 = year.parse().ok().filter(|_| year.len() == 2)?;
    valid(2000 + y, m, 1)
}

#[cfg(test)]
mod tests;
