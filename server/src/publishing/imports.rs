//! Bulk import in the browser: an editor uploads their agency's inventory,
//! sees what it would do (new, changed, unchanged and rejected rows, with
//! reasons), then confirms; the import is written in one transaction or not
//! at all. The files are read by the importers of `lantern import`.

use super::{Actor, check};
use crate::import::{ImportFormat, ImportRecord, ParsedFile, lantern_json, us_omb_2025};
use crate::storage::{
    CountMoves, CurrentVersion, Draft, LogEntry, PendingImport, PublishOutcome, Storage,
    content_hash,
};
use app::error::AppError;
use app::i18n::{Language, t_in, t_with_in};
use app::manage::import::{ImportDone, ImportLine, ImportPreview, RejectedRows};
use app::record::{Agency, AgencySlug, DraftState, SystemContent, SystemId};
use app::register::Register;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

/// The largest file accepted, in bytes (the whole US 2025 inventory is 3 MB).
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// How long an upload waits for its confirmation.
const WAITS_FOR: time::Duration = time::Duration::days(1);

/// A record as it waits for confirmation.
#[derive(Debug, Serialize, Deserialize)]
struct Waiting {
    row: usize,
    id: SystemId,
    content: SystemContent,
}

/// The agency an editor or approver imports for.
fn importing_agency(actor: &Actor) -> Result<(i64, AgencySlug), AppError> {
    match actor {
        Actor::Account(person) if person.role.belongs_to_agency() => person
            .agency
            .clone()
            .map(|agency| (person.id, agency))
            .ok_or(AppError::Forbidden),
        _ => Err(AppError::Forbidden),
    }
}

/// Reads an uploaded file and says what importing it would do; the records
/// wait (under the preview's id) until [`confirm`].
pub async fn preview(
    storage: &Storage,
    actor: &Actor,
    format: ImportFormat,
    file_name: &str,
    bytes: &[u8],
) -> Result<ImportPreview, AppError> {
    let (account_id, agency) = importing_agency(actor)?;
    let language = actor.language();
    if bytes.is_empty() {
        return Err(check::problem("file", &t_in(language, "import-check-file")));
    }
    let parsed = read_file(storage, format, bytes, &agency, language).await?;
    let current = storage.read_current_versions().await?;
    let mut preview = ImportPreview {
        id: String::new(),
        file_name: file_name.to_string(),
        new: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
        rejected: Vec::new(),
    };
    let waiting = sort_records(parsed, &agency, &current, &mut preview, language);
    if !waiting.is_empty() {
        let now = time::OffsetDateTime::now_utc();
        preview.id = crate::accounts::random_token();
        let pending = PendingImport {
            id: preview.id.clone(),
            agency,
            account_id,
            file_name: file_name.to_string(),
            records: serde_json::to_string(&waiting).expect("serialising plain data cannot fail"),
            created_at: crate::clock::format_timestamp(now),
        };
        storage
            .save_pending_import(&pending, &crate::clock::format_timestamp(now - WAITS_FOR))
            .await?;
    }
    Ok(preview)
}

/// The file's records in `format`; a file that cannot be read is a problem
/// with the `file` field, said in `language` like the reasons its rows are
/// rejected. A Lantern JSON file may name agencies the register knows.
async fn read_file(
    storage: &Storage,
    format: ImportFormat,
    bytes: &[u8],
    agency: &AgencySlug,
    language: Language,
) -> Result<ParsedFile, AppError> {
    let parsed = match format {
        ImportFormat::UsOmb2025 => {
            us_omb_2025::parse(bytes, language).map_err(|e| e.words(language))
        }
        ImportFormat::LanternJson => {
            let agencies: HashMap<AgencySlug, Agency> = storage
                .agencies()
                .await?
                .into_iter()
                .map(|a| (a.agency.slug.clone(), a.agency))
                .collect();
            lantern_json::parse(bytes, agency, &|slug| agencies.get(slug).cloned(), language)
                .map_err(|e| e.words(language))
        }
    };
    parsed.map_err(|problem| {
        let message = t_with_in(
            language,
            "import-cannot-import",
            &[("problem", problem.into())],
        );
        check::problem("file", &message)
    })
}

/// Sorts a file's records into the preview's new, changed, unchanged and
/// rejected (the reasons of its own in `language`), and returns those that
/// would be written.
fn sort_records(
    parsed: ParsedFile,
    agency: &AgencySlug,
    current: &HashMap<SystemId, CurrentVersion>,
    preview: &mut ImportPreview,
    language: Language,
) -> Vec<Waiting> {
    // Reason → rows; rows of other agencies apart from problems to fix.
    let mut rejected: BTreeMap<(bool, String), Vec<usize>> = BTreeMap::new();
    for row in &parsed.rejected {
        rejected
            .entry((false, row.reason.clone()))
            .or_default()
            .push(row.row);
    }
    let mut waiting = Vec::new();
    for ImportRecord {
        row,
        id,
        agency: record_agency,
        content,
    } in parsed.records
    {
        if record_agency.slug != *agency {
            let reason = t_with_in(
                language,
                "import-not-your-agency",
                &[
                    ("agency", record_agency.name.as_str().into()),
                    ("slug", record_agency.slug.0.as_str().into()),
                ],
            );
            rejected
                .entry((true, reason.into_owned()))
                .or_default()
                .push(row);
            continue;
        }
        let line = ImportLine {
            row,
            id: id.0.clone(),
            name: content.name.clone(),
        };
        match current.get(&id) {
            Some(now) if now.agency != *agency => {
                let reason = t_in(language, "import-id-of-another-agency").into_owned();
                rejected.entry((false, reason)).or_default().push(row);
                continue;
            }
            Some(now) if now.content_hash.as_deref() == Some(content_hash(&content).as_str()) => {
                preview.unchanged += 1;
                continue;
            }
            Some(now) if now.version.is_some() => preview.changed.push(line),
            _ => preview.new.push(line),
        }
        waiting.push(Waiting { row, id, content });
    }
    preview.rejected = grouped(rejected);
    waiting
}

/// Rejected rows grouped by reason: problems first, then other agencies;
/// the most rows first, then file order.
fn grouped(rejected: BTreeMap<(bool, String), Vec<usize>>) -> Vec<RejectedRows> {
    let mut groups: Vec<RejectedRows> = rejected
        .into_iter()
        .map(|((other_agency, reason), mut rows)| {
            rows.sort_unstable();
            RejectedRows {
                reason,
                rows,
                other_agency,
            }
        })
        .collect();
    groups.sort_by_key(|group| (group.other_agency, Reverse(group.rows.len()), group.rows[0]));
    groups
}

/// Writes a previewed import, all of it or nothing: published, or submitted
/// for approval where the agency requires it. Only its uploader confirms it.
pub async fn confirm(storage: &Storage, actor: &Actor, id: &str) -> Result<ImportDone, AppError> {
    let (account_id, agency) = importing_agency(actor)?;
    let mut tx = storage.begin().await?;
    let Some(pending) = Storage::take_pending_import(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    if pending.account_id != account_id || pending.agency != agency {
        return Err(AppError::Forbidden);
    }
    let records: Vec<Waiting> = serde_json::from_str(&pending.records)
        .map_err(|e| AppError::Internal(format!("a pending import could not be read: {e}")))?;
    let requires_approval = Storage::requires_approval(&mut tx, &agency).await?;
    let current = Storage::current_versions(&mut tx).await?;
    let mut counts = CountMoves::default();
    let now = crate::clock::now();
    let change_summary = format!("Imported from {}.", pending.file_name);
    let mut done = ImportDone {
        file_name: pending.file_name.clone(),
        published: 0,
        submitted: 0,
    };
    for record in &records {
        // What the register holds may have changed since the preview.
        if current
            .get(&record.id)
            .is_some_and(|now| now.agency != agency)
        {
            return Err(AppError::Conflict(
                t_with_in(
                    actor.language(),
                    "import-now-elsewhere",
                    &[
                        ("row", record.row.to_string().into()),
                        ("id", record.id.0.as_str().into()),
                    ],
                )
                .into_owned(),
            ));
        }
        if requires_approval {
            let draft = Draft {
                system_id: record.id.clone(),
                agency: agency.clone(),
                content: record.content.clone(),
                change_summary: change_summary.clone(),
                state: DraftState::Submitted,
                author: actor.author(),
                author_name: actor.name(),
                created_at: now.clone(),
                updated_at: now.clone(),
            };
            Storage::save_draft(&mut tx, &draft).await?;
            done.submitted += 1;
        } else {
            let outcome = Storage::publish_over(
                &mut tx,
                &mut counts,
                current.get(&record.id),
                &record.id,
                &agency,
                &record.content,
                &change_summary,
                &now,
            )
            .await?;
            if outcome != PublishOutcome::Unchanged {
                done.published += 1;
                Storage::delete_draft(&mut tx, &record.id).await?;
            }
        }
    }
    Storage::apply_count_moves(&mut tx, counts).await?;
    let detail = format!(
        "Imported {}: {} published, {} submitted for approval",
        pending.file_name, done.published, done.submitted
    );
    let entry: LogEntry = actor.log("import", Some(&agency), None, detail);
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(done)
}
