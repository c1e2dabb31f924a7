//! `export.csv`: one row per published system, for spreadsheets.
//!
//! - UTF-8 with a byte order mark and CRLF line ends, so Excel opens it with
//!   the right characters; fields are quoted where they need it.
//! - Lists are joined with [`SEPARATOR`]. A data set's personal data level
//!   and sensitive attributes are in their own columns.
//! - A withheld field's cell is empty; the `withheld` column says why.
//! - A cell that a spreadsheet would run as a formula (it starts with `=`,
//!   `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.

use crate::api::record::PublishedSystem;
use app::record::PersonalData;

/// What joins the items of a list in one cell.
pub const SEPARATOR: &str = " | ";

/// The columns, in order, with what each holds: also the data dictionary's CSV part.
pub const COLUMNS: &[(&str, &str)] = &[
    ("id", "The stable public id"),
    ("url", "The record's page on this register (a path)"),
    ("agency", "The owning agency's slug"),
    ("agency_name", "The owning agency's name"),
    ("agency_ref", "The agency's own reference"),
    ("name", "What the system is called"),
    ("summary", "One paragraph for citizens"),
    ("unit", "The bureau, team or department that runs it"),
    ("contact", "Public email address or URL for questions"),
    ("stage", "planned, development, pilot, in_use or retired"),
    ("in_use_since", "YYYY-MM-DD"),
    ("retired_on", "YYYY-MM-DD"),
    ("topic", "The area of government"),
    ("tags", "Free tags, joined"),
    ("technique", "Techniques, joined"),
    (
        "risk_level",
        "minimal, limited, high, prohibited or unassessed",
    ),
    (
        "decision_role",
        "informs_human, recommends, decides_with_review or decides_alone",
    ),
    ("purpose", "Markdown"),
    ("how_it_works", "Markdown"),
    ("human_oversight", "Markdown"),
    ("contest", "Markdown: how to appeal or get a human decision"),
    ("explainability", "Markdown"),
    ("fairness", "Markdown"),
    ("risks", "Markdown"),
    ("legal_basis", "Markdown"),
    ("supplier", "The vendor, or built in-house"),
    ("data_sets", "The data sets' names, joined"),
    (
        "personal_data",
        "The most identifying level among the data sets: none, pseudonymised or identified",
    ),
    (
        "sensitive_attributes",
        "Sensitive attributes of any data set, joined",
    ),
    ("assessments", "Impact assessments as kind date url, joined"),
    ("withheld", "Withheld fields as field: reason, joined"),
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
        self.write(out, COLUMNS.iter().map(|(name, _)| name.to_string()));
    }

    /// One system's row.
    pub fn row(&mut self, out: &mut Vec<u8>, system: &PublishedSystem) {
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

fn nullable(value: &Option<Option<String>>) -> String {
    value.clone().flatten().unwrap_or_default()
}

fn joined<T>(items: Option<&Vec<T>>, cell: impl Fn(&T) -> String) -> String {
    items
        .map(|items| items.iter().map(cell).collect::<Vec<_>>().join(SEPARATOR))
        .unwrap_or_default()
}

/// The cells of a row, in [`COLUMNS`] order.
fn cells(system: &PublishedSystem) -> Vec<String> {
    let c = &system.content;
    let data = c.data.as_ref();
    let personal_data = data.and_then(|sets| {
        sets.iter()
            .filter_map(|set| set.personal_data)
            .max_by_key(|level| match level {
                PersonalData::None => 0,
                PersonalData::Pseudonymised => 1,
                PersonalData::Identified => 2,
            })
    });
    let mut sensitive: Vec<&str> = data
        .into_iter()
        .flatten()
        .flat_map(|set| set.sensitive_attributes.iter().map(String::as_str))
        .collect();
    sensitive.sort_unstable();
    sensitive.dedup();
    let audit = system.audit.as_ref();
    let cells = vec![
        system.id.clone(),
        system.url.clone(),
        system.agency.clone(),
        system.agency_name.clone(),
        nullable(&c.agency_ref),
        c.name.clone(),
        c.summary.clone(),
        nullable(&c.unit),
        nullable(&c.contact),
        c.stage.as_str().to_string(),
        nullable(&c.in_use_since),
        nullable(&c.retired_on),
        c.topic.as_str().to_string(),
        joined(c.tags.as_ref(), String::clone),
        joined(c.technique.as_ref(), |t| t.as_str().to_string()),
        c.risk_level.as_str().to_string(),
        c.decision_role
            .flatten()
            .map_or(String::new(), |d| d.as_str().to_string()),
        text(&c.purpose),
        text(&c.how_it_works),
        text(&c.human_oversight),
        text(&c.contest),
        text(&c.explainability),
        text(&c.fairness),
        text(&c.risks),
        text(&c.legal_basis),
        nullable(&c.supplier),
        joined(data, |set| set.name.clone()),
        personal_data.map_or(String::new(), |p| p.as_str().to_string()),
        sensitive.join(SEPARATOR),
        joined(c.assessments.as_ref(), |a| {
            [
                Some(a.kind.as_str().to_string()),
                a.date.clone(),
                a.url.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
        }),
        joined(Some(&c.withheld), |w| format!("{}: {}", w.field, w.reason)),
        system.version.to_string(),
        system.published_at.clone(),
        text(&system.reviewed_at),
        audit.map_or(String::new(), |a| a.outcome.as_str().to_string()),
        audit.map_or(String::new(), |a| a.audited_on.clone()),
        audit.map_or(String::new(), |a| a.auditor.clone()),
        audit.map_or(String::new(), |a| text(&a.next_due)),
        audit.map_or(String::new(), |a| text(&a.report_url)),
        system.audit_overdue.to_string(),
    ];
    debug_assert_eq!(cells.len(), COLUMNS.len());
    cells
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
        let content = crate::seed::generate(1, 3).records.remove(0).content;
        let system = PublishedSystem {
            id: "s-1".into(),
            url: "/systems/s-1".into(),
            agency: "tax".into(),
            agency_name: "Tax, \"Office\"".into(),
            agency_contact: None,
            version: 2,
            published_at: "2026-11-28T07:00:00Z".into(),
            reviewed_at: None,
            content: crate::api::record::PublicContent::new(content),
            audit: None,
            audit_overdue: false,
        };
        let mut writer = Writer::new();
        let mut out = Vec::new();
        writer.header(&mut out);
        writer.row(&mut out, &system);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), COLUMNS.len());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(&row[0], "s-1");
        assert_eq!(&row[3], "Tax, \"Office\"");
    }
}
