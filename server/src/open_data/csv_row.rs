//! `export.csv`: one row per published system, for spreadsheets.
//!
//! - UTF-8 with a byte order mark and CRLF line ends, so Excel opens it with
//!   the right characters; fields are quoted where they need it.
//! - Lists are joined with [`SEPARATOR`]. A data set's personal data level
//!   and sensitive attributes are in their own columns.
//! - A withheld field's cell is empty; the `withheld` column says why.
//! - After the audit's columns: the record's `language` (empty: the
//!   register's default) and its agency's translations, one column per
//!   translatable field and language Lantern ships (`summary@nl`), empty
//!   where there is none.
//! - Last, how complete the record is: its score and the expected fields it
//!   leaves empty (the JSON's `completeness`). New columns come at the end,
//!   so a spreadsheet that reads columns by position keeps working.
//! - A cell that a spreadsheet would run as a formula (it starts with `=`,
//!   `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.

use app::i18n::Language;
use app::record::fields::{FIELDS, Field, Kind, Value, assessment_line};
use app::record::{PersonalData, System, translatable};

/// What joins the items of a list in one cell.
pub const SEPARATOR: &str = " | ";

/// The columns before the record's fields.
const BEFORE: [(&str, &str); 4] = [
    ("id", "The stable public id"),
    ("url", "The record's page on this register (a path)"),
    ("agency", "The owning agency's slug"),
    ("agency_name", "The owning agency's name"),
];

/// The columns after the record's fields.
const AFTER: [(&str, &str); 9] = [
    ("version", "The current version's number"),
    (
        "published_at",
        "When the current version was published (RFC 3339, UTC)",
    ),
    (
        "reviewed_at",
        "When the agency last reviewed it (RFC 3339, UTC)",
    ),
    (
        "audit_outcome",
        "The latest audit's outcome, or empty if never audited",
    ),
    ("audited_on", "The latest audit's date"),
    ("auditor", "Who audited it"),
    ("audit_next_due", "When the next audit is due"),
    ("audit_report_url", "The audit report"),
    (
        "audit_overdue",
        "true once the next audit's due date has passed",
    ),
];

/// The columns, in order, with what each holds: also the data dictionary's
/// CSV part. The record's fields come from the field table, in its order.
pub fn columns() -> Vec<(String, String)> {
    let fields = FIELDS.iter().flat_map(|field| {
        field
            .csv_columns()
            .iter()
            .map(move |column| (column.to_string(), column_description(field, column)))
    });
    let language = (
        "language".to_string(),
        "The language the agency wrote the record in; empty: the register's default".to_string(),
    );
    let translations = translation_columns().map(|(field, language)| {
        let what = format!(
            "The agency's translation of {} into {}, if it gave one",
            field.name,
            language.code()
        );
        (format!("{}@{}", field.name, language.code()), what)
    });
    BEFORE
        .iter()
        .map(|(name, what)| (name.to_string(), what.to_string()))
        .chain(fields)
        .chain(
            AFTER
                .iter()
                .map(|(name, what)| (name.to_string(), what.to_string())),
        )
        .chain(std::iter::once(language))
        .chain(translations)
        .chain(
            OVERSIGHT
                .iter()
                .map(|(name, what)| (name.to_string(), what.to_string())),
        )
        .collect()
}

/// The last columns: how complete the record is, and when it is due for review.
const OVERSIGHT: [(&str, &str); 4] = [
    (
        "completeness",
        "The share of the fields expected of this kind of system that the record fills, 0 to 100",
    ),
    (
        "completeness_missing",
        "The expected fields the record leaves empty, by their column names, joined",
    ),
    (
        "review_by",
        "When the agency is due to review the record (RFC 3339, UTC); empty once retired",
    ),
    (
        "review_overdue",
        "true once that date has passed without a new version or a review",
    ),
];

/// The translation columns' field and language, in order: by field, then language.
fn translation_columns() -> impl Iterator<Item = (&'static Field, Language)> {
    translatable().flat_map(|field| Language::shipped().map(move |language| (field, language)))
}

/// What a record field's column holds: the table's description, with how
/// lists are joined and which names a closed set uses.
fn column_description(field: &Field, column: &str) -> String {
    match (field.kind, column) {
        (Kind::DataSets, "data_sets") => "The data sets' names, joined".into(),
        (Kind::DataSets, "personal_data") => {
            "The most identifying level among the data sets: none, pseudonymised or identified"
                .into()
        }
        (Kind::DataSets, _) => "Sensitive attributes of any data set, joined".into(),
        (Kind::Choice(set), _) => {
            format!("{} One of: {}", field.description_in_english(), set.names())
        }
        (Kind::Choices(set), _) => format!(
            "{} Any of: {}, joined",
            field.description_in_english(),
            set.names()
        ),
        (Kind::Texts, _) => format!("{} Joined", field.description_in_english()),
        (Kind::Assessments, _) => format!(
            "{} As kind date url, joined",
            field.description_in_english()
        ),
        (Kind::Withheld, _) => format!(
            "{} As field: reason, joined",
            field.description_in_english()
        ),
        _ => field.description_in_english().to_string(),
    }
}

/// Writes CSV rows into a caller's buffer.
pub struct Writer {
    csv: csv::WriterBuilder,
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

impl Writer {
    pub fn new() -> Writer {
        let mut csv = csv::WriterBuilder::new();
        csv.terminator(csv::Terminator::CRLF);
        Writer { csv }
    }

    /// The byte order mark and the header row.
    pub fn header(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice("\u{feff}".as_bytes());
        self.write(out, columns().into_iter().map(|(name, _)| name.to_string()));
    }

    /// One system's row: a withheld field's cells are empty.
    pub fn row(&mut self, out: &mut Vec<u8>, system: &System) {
        self.write(out, cells(system).into_iter().map(safe));
    }

    fn write(&mut self, out: &mut Vec<u8>, cells: impl Iterator<Item = String>) {
        let mut writer = self.csv.from_writer(out);
        writer
            .write_record(cells)
            .and_then(|()| writer.flush().map_err(csv::Error::from))
            .expect("writing to memory cannot fail");
    }
}

/// A cell a spreadsheet will show as text, never run as a formula.
fn safe(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn joined<T>(items: &[T], cell: impl Fn(&T) -> String) -> String {
    items.iter().map(cell).collect::<Vec<_>>().join(SEPARATOR)
}

/// The cells of a row, in [`columns`] order.
fn cells(system: &System) -> Vec<String> {
    let c = &system.content;
    let mut cells = vec![
        system.id.0.clone(),
        format!("/systems/{}", system.id),
        system.agency.0.clone(),
        system.agency_name.clone(),
    ];
    for (name, value) in c.values() {
        if c.withheld_reason(name).is_some() {
            let field = app::record::fields::field(name).expect("values are the table's");
            cells.extend(field.csv_columns().iter().map(|_| String::new()));
        } else {
            cells.extend(field_cells(&value));
        }
    }
    let audit = system.audit.as_ref();
    cells.extend([
        system.version.to_string(),
        system.published_at.to_string(),
        system
            .reviewed_at
            .clone()
            .map(String::from)
            .unwrap_or_default(),
        audit.map_or(String::new(), |a| a.outcome.as_str().to_string()),
        audit.map_or(String::new(), |a| a.audited_on.clone()),
        audit.map_or(String::new(), |a| a.auditor.clone()),
        audit.map_or(String::new(), |a| text(&a.next_due)),
        audit.map_or(String::new(), |a| text(&a.report_url)),
        system.audit_overdue.to_string(),
        text(&c.language),
    ]);
    cells.extend(translation_columns().map(|(field, language)| {
        c.translations
            .get(language.code())
            .and_then(|translation| translation.get(field.name))
            .filter(|_| c.withheld_reason(field.name).is_none())
            .cloned()
            .unwrap_or_default()
    }));
    let completeness = c.completeness();
    cells.extend([
        completeness.score.to_string(),
        completeness.missing.join(SEPARATOR),
        system
            .review_by
            .clone()
            .map(String::from)
            .unwrap_or_default(),
        system.review_overdue.to_string(),
    ]);
    cells
}

/// The cells of one field: closed values by their stable names, lists joined.
fn field_cells(value: &Value) -> Vec<String> {
    match value {
        Value::Text(text) => vec![text.to_string()],
        Value::Texts(items) => vec![items.join(SEPARATOR)],
        Value::Chosen(chosen) => vec![joined(chosen, |(name, _)| name.to_string())],
        Value::DataSets(sets) => {
            let personal_data =
                sets.iter()
                    .filter_map(|set| set.personal_data)
                    .max_by_key(|level| match level {
                        PersonalData::None => 0,
                        PersonalData::Pseudonymised => 1,
                        PersonalData::Identified => 2,
                    });
            let mut sensitive: Vec<&str> = sets
                .iter()
                .flat_map(|set| set.sensitive_attributes.iter().map(String::as_str))
                .collect();
            sensitive.sort_unstable();
            sensitive.dedup();
            vec![
                joined(sets, |set| set.name.clone()),
                personal_data.map_or(String::new(), |p| p.as_str().to_string()),
                sensitive.join(SEPARATOR),
            ]
        }
        Value::Assessments(assessments) => vec![joined(assessments, |a| {
            assessment_line(a, a.kind.as_str(), " ")
        })],
        Value::Withheld(withheld) => {
            vec![joined(withheld, |w| format!("{}: {}", w.field, w.reason))]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_other_text_kept() {
        assert_eq!(safe("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("+1".into()), "'+1");
        assert_eq!(safe("-2+3".into()), "'-2+3");
        assert_eq!(safe("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(safe("\tx".into()), "'\tx");
        assert_eq!(
            safe("A plain = sign inside".into()),
            "A plain = sign inside"
        );
        assert_eq!(safe(String::new()), "");
    }

    #[test]
    fn a_row_has_a_cell_per_column_and_reads_back() {
        let mut content = app::record::fields::filled_content();
        content.language = Some("nl".into());
        content.translations.insert(
            "en".into(),
            app::record::Translation::from([
                ("summary".to_string(), "In English.".to_string()),
                ("supplier".to_string(), "Never shown".to_string()),
            ]),
        );
        let system = System {
            id: app::record::SystemId("s-1".into()),
            agency: app::record::AgencySlug("tax".into()),
            agency_name: "Tax, \"Office\"".into(),
            agency_contact: None,
            content,
            version: 2,
            published_at: "2026-11-28T07:00:00Z".into(),
            reviewed_at: None,
            audit: None,
            audit_overdue: false,
            review_by: Some("2027-05-28T07:00:00Z".into()),
            review_overdue: true,
        };
        let mut writer = Writer::new();
        let mut out = Vec::new();
        writer.header(&mut out);
        writer.row(&mut out, &system);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), columns().len());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(row.len(), columns().len());
        let cell = |column: &str| {
            let at = headers.iter().position(|h| h == column).unwrap();
            row[at].to_string()
        };
        assert_eq!(cell("id"), "s-1");
        assert_eq!(cell("agency_name"), "Tax, \"Office\"");
        assert_eq!(cell("risk_level"), "high");
        assert_eq!(cell("data_sets"), "Data");
        assert_eq!(cell("supplier"), "", "the supplier is withheld");
        assert_eq!(cell("withheld"), "supplier: Commercial.");
        assert_eq!(cell("audit_overdue"), "false");
        assert_eq!(cell("review_by"), "2027-05-28T07:00:00Z");
        assert_eq!(cell("review_overdue"), "true");
        assert_eq!(cell("language"), "nl");
        assert_eq!(cell("summary@en"), "In English.");
        assert_eq!(cell("summary@nl"), "");
        assert!(
            !headers.iter().any(|h| h == "supplier@en"),
            "suppliers are not translated"
        );
    }
}
