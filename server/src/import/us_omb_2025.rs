//! The US federal AI use case inventory 2025 (OMB memo M-25-21), 36 columns.
//!
//! The crosswalk from its columns to the record is documented, column by
//! column, in `docs/import-us-omb-2025.md`; keep the two in step.

mod crosswalk;
mod mapping;
mod text;

use super::{ImportRecord, ParsedFile, RejectedRow, stable_id};
use crate::publishing::check;
use app::i18n::{FluentValue, Language, t_in, t_with_in};
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
#[derive(Debug, PartialEq, Eq)]
pub enum FileError {
    Empty,
    /// Binary, or not UTF-8.
    NotText,
    /// The columns that are missing and those that are not this format's.
    WrongColumns {
        missing: Vec<String>,
        unexpected: Vec<String>,
    },
    /// The header could not be read, with what the CSV reader said.
    Csv(String),
}

impl FileError {
    /// What is wrong, in `language`.
    pub fn words(&self, language: Language) -> String {
        let with = |key, name, value: String| {
            t_with_in(language, key, &[(name, value.into())]).into_owned()
        };
        match self {
            FileError::Empty => t_in(language, "import-file-empty").into_owned(),
            FileError::NotText => t_in(language, "import-file-not-text").into_owned(),
            FileError::WrongColumns {
                missing,
                unexpected,
            } => {
                let mut problems = Vec::new();
                if !missing.is_empty() {
                    let columns = shorten_list(missing, language);
                    problems.push(with("import-file-missing-columns", "columns", columns));
                }
                if !unexpected.is_empty() {
                    let columns = shorten_list(unexpected, language);
                    problems.push(with("import-file-unexpected-columns", "columns", columns));
                }
                with("import-file-wrong-columns", "problems", problems.join("; "))
            }
            FileError::Csv(problem) => with("import-file-csv", "problem", problem.clone()),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Language::SOURCE))
    }
}

impl std::error::Error for FileError {}

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

/// Reads a whole file: the records to write and the rows reported, with
/// their reasons in `language`.
///
/// Refuses the file, before anything is written, when it is empty, binary, or
/// does not have exactly this format's 36 columns.
pub fn parse(bytes: &[u8], language: Language) -> Result<ParsedFile, FileError> {
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
        match read_row(result, &index, &mut seen, row_number, language) {
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
    language: Language,
) -> Result<ImportRecord, String> {
    let words = |key, args: &[(&str, FluentValue)]| t_with_in(language, key, args).into_owned();
    let values =
        result.map_err(|e| words("import-row-not-csv", &[("problem", e.to_string().into())]))?;
    if values.len() != COLUMNS.len() {
        let args = [
            ("cells", values.len().into()),
            ("columns", COLUMNS.len().into()),
        ];
        return Err(words("import-row-cells", &args));
    }
    let row = Row {
        values: &values,
        index,
    };
    let content_key: Vec<String> = values.iter().map(str::to_string).collect();
    if let Some(first) = seen.content.get(&content_key) {
        return Err(words("import-row-duplicate", &[("row", (*first).into())]));
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
        let args = [
            ("id", row.get("id").into()),
            ("agency", agency_code.into()),
            ("row", (*first).into()),
        ];
        return Err(words("import-row-id-taken", &args));
    }
    seen.key.insert(key.clone(), row_number);

    // The same checks as the write API, after mapping: what an importer
    // builds meets every rule a record sent by hand does.
    let (agency, content) = map_row(&row, language)?;
    let content = check::content(&content, language)
        .map_err(|error| super::problems_as_reason(error, language))?;
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
        let owned = |names: Vec<&str>| names.into_iter().map(str::to_string).collect();
        return Err(FileError::WrongColumns {
            missing: owned(missing),
            unexpected: owned(unexpected),
        });
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

/// Column names for a reason: the first eight, quoted and cut at 40
/// characters, then how many more.
fn shorten_list(names: &[String], language: Language) -> String {
    let mut shown: Vec<String> = names
        .iter()
        .take(8)
        .map(|n| format!("“{}”", n.chars().take(40).collect::<String>()))
        .collect();
    if names.len() > 8 {
        let more = [("count", (names.len() - 8).into())];
        shown.push(t_with_in(language, "import-file-more-columns", &more).into_owned());
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests;
