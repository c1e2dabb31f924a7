//! Importing inventories that agencies already publish.
//!
//! An import reads the whole file first and refuses it, writing nothing, when it
//! is not the format it claims to be. Then every row is either mapped to a
//! record or reported with its row number and the reason; the mapped records
//! are written in one transaction. Ids are derived from the rows' own keys, so
//! importing the same file again changes nothing.

pub mod lantern_json;
pub mod python_list;
pub mod us_omb_2025;

use crate::config::DataConfig;
use crate::publishing::Actor;
use crate::storage::{CountMoves, PublishOutcome, Storage};
use anyhow::Context;
use app::i18n::Language;
use app::record::{Agency, SystemContent, SystemId};
use indicatif::{ProgressBar, ProgressStyle};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::Path;

/// The file formats `lantern import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// The US federal AI use case inventory 2025 (OMB memo M-25-21), 36 columns.
    #[value(name = "us-omb-2025")]
    UsOmb2025,
    /// Lantern's own JSON: `{"systems": [...]}`, each system as the write API takes it.
    #[value(name = "lantern-json")]
    LanternJson,
}

impl ImportFormat {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::UsOmb2025 => "us-omb-2025",
            ImportFormat::LanternJson => "lantern-json",
        }
    }
}

/// One row of a file, mapped to the register's record.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRecord {
    /// Spreadsheet row number: the header is row 1.
    pub row: usize,
    pub id: SystemId,
    pub agency: Agency,
    pub content: SystemContent,
}

/// A row that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    /// Spreadsheet row number: the header is row 1.
    pub row: usize,
    pub reason: String,
}

/// What a file holds once read: records to write and rows reported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedFile {
    pub records: Vec<ImportRecord>,
    pub rejected: Vec<RejectedRow>,
}

impl ParsedFile {
    /// Every row of the file, imported or reported.
    pub fn rows(&self) -> usize {
        self.records.len() + self.rejected.len()
    }
}

/// What writing the records did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub agencies_created: usize,
}

/// A record's problems as one line of an import report:
/// `name: Must not be empty; contact: Must be an email address…` (the
/// checks said them in `language`; the field names are the format's).
pub fn problems_as_reason(error: app::error::AppError, language: Language) -> String {
    match error {
        app::error::AppError::Validation(problems) => problems
            .into_iter()
            .map(|(field, messages)| format!("{field}: {}", messages.join("; ")))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.explanation(language),
    }
}

/// A stable public id derived from a source and the row's own key.
///
/// Twelve characters of a base-32 hash: the same key always gives the same id,
/// and distinct keys collide with negligible probability.
pub fn stable_id(source: &str, key: &str) -> SystemId {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let digest = Sha256::digest(format!("{source}\u{1f}{key}").as_bytes());
    let mut bits: u64 = u64::from_be_bytes(
        digest[..8]
            .try_into()
            .expect("a SHA-256 digest has 32 bytes"),
    );
    let mut id = String::with_capacity(12);
    for _ in 0..12 {
        id.push(ALPHABET[(bits >> 59) as usize] as char);
        bits <<= 5;
    }
    SystemId(id)
}

/// `lantern import`: reads, maps and writes a file, then prints what happened.
pub async fn run(
    data: &DataConfig,
    format: ImportFormat,
    file: &Path,
    report_file: Option<&Path>,
) -> anyhow::Result<()> {
    let bytes =
        std::fs::read(file).with_context(|| format!("could not read {}", file.display()))?;
    let started = std::time::Instant::now();
    // A file that is not the format at all is refused before the register is opened.
    let (storage, parsed) = match format {
        ImportFormat::UsOmb2025 => {
            let parsed = us_omb_2025::parse(&bytes, Language::SOURCE)
                .with_context(|| format!("{} was not imported", file.display()))?;
            (data.open().await?, parsed)
        }
        ImportFormat::LanternJson => {
            use app::register::Register;
            let systems = lantern_json::systems(&bytes)
                .with_context(|| format!("{} was not imported", file.display()))?;
            let storage = data.open().await?;
            let agencies = storage.agencies().await?;
            // From the terminal every system names its agency.
            let none = app::record::AgencySlug(String::new());
            let agency_of = |slug: &app::record::AgencySlug| {
                agencies
                    .iter()
                    .find(|a| a.agency.slug == *slug)
                    .map(|a| a.agency.clone())
            };
            let parsed = lantern_json::records(&systems, &none, &agency_of, Language::SOURCE);
            (storage, parsed)
        }
    };
    let source = format!("{} ({})", file.display(), format.name());
    let summary = write(&storage, &parsed, &source, true).await?;
    let elapsed = started.elapsed();

    let report = report_text(&parsed.rejected);
    println!(
        "Imported {}: {} rows read; {} new, {} updated, {} unchanged; {} reported; {} agencies created ({:.2} s).",
        file.display(),
        parsed.rows(),
        summary.new,
        summary.updated,
        summary.unchanged,
        parsed.rejected.len(),
        summary.agencies_created,
        elapsed.as_secs_f64()
    );
    match report_file {
        Some(path) => {
            std::fs::write(path, &report)
                .with_context(|| format!("could not write the report to {}", path.display()))?;
            println!("Rows not imported are listed in {}.", path.display());
        }
        None if !parsed.rejected.is_empty() => print!("Rows not imported:\n{report}"),
        None => {}
    }
    Ok(())
}

/// The report of rows not imported, one line each: `row N: reason`.
pub fn report_text(rejected: &[RejectedRow]) -> String {
    let mut text = String::new();
    for row in rejected {
        let _ = writeln!(text, "row {}: {}", row.row, row.reason);
    }
    text
}

/// Writes every record of a parsed file in one transaction, with one entry
/// in the audit log saying what was imported from where (`source`: a file
/// name, say) and what it did.
pub async fn write(
    storage: &Storage,
    parsed: &ParsedFile,
    source: &str,
    show_progress: bool,
) -> anyhow::Result<ImportSummary> {
    let progress = if show_progress {
        ProgressBar::new(parsed.records.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({per_sec})")
            .expect("the template is fixed and valid")
            .progress_chars("=> "),
    );
    progress.set_message("Writing systems");
    let now = crate::clock::now();
    let mut summary = ImportSummary::default();
    let mut tx = storage.begin().await?;
    let current = Storage::current_versions(&mut tx).await?;
    let mut counts = CountMoves::default();
    let mut agencies_seen = std::collections::HashSet::new();
    for record in &parsed.records {
        if agencies_seen.insert(record.agency.slug.clone())
            && Storage::ensure_agency(&mut tx, &record.agency, &now).await?
        {
            summary.agencies_created += 1;
        }
        let outcome = Storage::publish_over(
            &mut tx,
            &mut counts,
            current.get(&record.id),
            &record.id,
            &record.agency.slug,
            &record.content,
            "Imported from the agency's published inventory.",
            &now,
        )
        .await
        .with_context(|| format!("row {} could not be written", record.row))?;
        match outcome {
            PublishOutcome::New => summary.new += 1,
            PublishOutcome::Updated(_) => summary.updated += 1,
            PublishOutcome::Unchanged => summary.unchanged += 1,
        }
        progress.inc(1);
    }
    let detail = format!(
        "Imported {source} from the terminal: {} new, {} updated, {} unchanged; {} rows not imported; {} agencies created",
        summary.new,
        summary.updated,
        summary.unchanged,
        parsed.rejected.len(),
        summary.agencies_created
    );
    Storage::apply_count_moves(&mut tx, counts).await?;
    Storage::log_write(&mut tx, &Actor::Terminal.log("import", None, None, detail))
        .await
        .context("could not log the import")?;
    tx.commit().await.context("could not commit the import")?;
    progress.finish_and_clear();
    storage
        .refresh_statistics()
        .await
        .context("could not refresh the database's statistics after the import")?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::stable_id;

    #[test]
    fn ids_are_stable_short_and_distinct() {
        let a = stable_id("us-omb-2025", "DHS/DHS-314");
        assert_eq!(a, stable_id("us-omb-2025", "DHS/DHS-314"));
        assert_eq!(a.0.len(), 12);
        assert!(
            a.0.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        );
        assert_ne!(a, stable_id("us-omb-2025", "DHS/DHS-315"));
        assert_ne!(a, stable_id("demo", "DHS/DHS-314"));
    }
}
