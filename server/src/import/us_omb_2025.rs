//! The US federal AI use case inventory 2025 (OMB memo M-25-21), 36 columns.
//!
//! The crosswalk from its columns to the record is documented, column by
//! column, in `docs/import-us-omb-2025.md`; keep the two in step.

mod crosswalk;
mod mapping;
mod text;

use super::{ImportRecord, ParsedFile, RejectedRow, stable_id};
use crate::publishing::check;
use mapping::map_row;
use std::collections::HashMap;
pub use text::parse_date;

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
    let mut seen = SeenRows::default();
    for (i, result) in reader.records().enumerate() {
        let row_number = i + 2;
        match read_row(result, &index, &mut seen, row_number) {
            Ok(record) => parsed.records.push(record),
            Err(reason) => parsed.rejected.push(RejectedRow {
                row: row_number,
                reason,
            }),
        }
    }
    parsed.rejected.sort_by_key(|r| r.row);
    Ok(parsed)
}

/// Earlier rows by their full content and by their key, to tell exact
/// duplicates from conflicting ids.
#[derive(Default)]
struct SeenRows {
    content: HashMap<Vec<String>, usize>,
    key: HashMap<String, usize>,
    /// How often each agency, bureau and name occurred without an id.
    blank_ids: HashMap<String, usize>,
}

/// One row as a record, or the reason it is rejected.
fn read_row(
    result: Result<csv::StringRecord, csv::Error>,
    index: &HashMap<&'static str, usize>,
    seen: &mut SeenRows,
    row_number: usize,
) -> Result<ImportRecord, String> {
    let values = result.map_err(|e| format!("could not be read as CSV: {e}"))?;
    if values.len() != COLUMNS.len() {
        return Err(format!(
            "has {} cells; this format has {}",
            values.len(),
            COLUMNS.len()
        ));
    }
    let row = Row {
        values: &values,
        index,
    };
    let content_key: Vec<String> = values.iter().map(str::to_string).collect();
    if let Some(first) = seen.content.get(&content_key) {
        return Err(format!("exact duplicate of row {first}"));
    }
    seen.content.insert(content_key, row_number);

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
            let n = seen.blank_ids.entry(base.clone()).or_insert(0);
            *n += 1;
            format!("{base}#{n}")
        }
    };
    if let Some(first) = seen.key.get(&key) {
        return Err(format!(
            "id “{}” of agency {agency_code} is already used by row {first} with different content; fix the id in the source",
            row.get("id")
        ));
    }
    seen.key.insert(key.clone(), row_number);

    // The same checks as the write API, after mapping: what an importer
    // builds meets every rule a record sent by hand does.
    let (agency, content) = map_row(&row)?;
    let content = check::content(&content).map_err(super::problems_as_reason)?;
    Ok(ImportRecord {
        row: row_number,
        id: stable_id(SOURCE, &key),
        agency,
        content,
    })
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

#[cfg(test)]
mod tests;
