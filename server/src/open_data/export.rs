//! The whole register in one file: `export.json`, `export.ndjson` and
//! `export.csv`, over HTTP and from `lantern export`.
//!
//! The export reads published systems in id order, [`BATCH`] at a time, as
//! the database joins their stored JSON (see `storage::public_json`; the
//! CSV reads its rows back from that JSON), and
//! hands the bytes on in chunks of about [`CHUNK_BYTES`] through a bounded
//! channel: memory stays constant however large the register, a slow reader
//! slows the export down, and no database connection is held between batches.

use super::csv_row;
use crate::storage::{Lines, Selection, Storage};
use app::error::AppError;
use app::record::SystemId;
use axum::body::Bytes;
use std::collections::VecDeque;
use tokio::sync::mpsc;

/// Systems read from the database at a time.
const BATCH: i64 = 1000;
/// About how many bytes each chunk handed on holds.
const CHUNK_BYTES: usize = 256 * 1024;
/// Chunks waiting for the reader: each format hands on a whole batch at a
/// time (about 2 MB of JSON, or 1.4 MB of CSV).
const CHUNKS_WAITING: usize = 4;
/// Batches read at once while one is written, when their ends are known
/// beforehand (the whole register, a list of ids): on PostgreSQL, a batch
/// keeps one of its processes busy, and two use a second core.
const READS_AT_ONCE: usize = 2;

/// The formats of the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document: `{"exported_at": …, "systems": […]}`.
    Json,
    /// One system per line.
    Ndjson,
    /// One row per system, lists joined with ` | `, for spreadsheets.
    Csv,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Ndjson => "application/x-ndjson",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }

    /// The file name a download gets: `lantern-register-2026-11-28.csv`.
    pub fn file_name(self, today: &str) -> String {
        format!("lantern-register-{today}.{}", self.extension())
    }
}

/// A piece of the export: its bytes and how many systems ended in it.
pub struct Chunk {
    pub bytes: Bytes,
    pub systems: u64,
}

/// Starts writing the export in the background; the chunks come out of the
/// receiver in order. An error ends the stream with an `Err`, so a reader
/// never mistakes a broken export for a whole one.
pub fn start(
    storage: Storage,
    format: Format,
    selection: Selection,
) -> mpsc::Receiver<Result<Chunk, AppError>> {
    let (sender, receiver) = mpsc::channel(CHUNKS_WAITING);
    tokio::spawn(async move {
        let written = match Reader::new(storage, format, selection).await {
            Ok(reader) => write(reader, format, &sender).await,
            Err(error) => Err(error),
        };
        if let Err(error) = written {
            // The reader may be gone already; then nobody is left to tell.
            let _ = sender.send(Err(error)).await;
        }
    });
    receiver
}

/// Where the export writes: a buffer handed on whenever it is full enough.
struct Output<'a> {
    buffer: Vec<u8>,
    systems: u64,
    sender: &'a mpsc::Sender<Result<Chunk, AppError>>,
}

impl Output<'_> {
    /// Hands the buffer on if it is full enough (or `force`). `false` once
    /// the reader has gone: then there is no point going on.
    async fn hand_on(&mut self, force: bool) -> bool {
        if self.buffer.len() < CHUNK_BYTES && !force {
            return true;
        }
        let chunk = Chunk {
            bytes: Bytes::from(std::mem::replace(
                &mut self.buffer,
                Vec::with_capacity(CHUNK_BYTES + 64 * 1024),
            )),
            systems: std::mem::take(&mut self.systems),
        };
        self.sender.send(Ok(chunk)).await.is_ok()
    }
}

async fn write(
    mut reader: Reader,
    format: Format,
    sender: &mpsc::Sender<Result<Chunk, AppError>>,
) -> Result<(), AppError> {
    let mut out = Output {
        buffer: Vec::with_capacity(CHUNK_BYTES + 64 * 1024),
        systems: 0,
        sender,
    };
    match format {
        Format::Json => {
            out.buffer.extend_from_slice(
                format!(
                    "{{\"exported_at\":\"{}\",\"schema\":\"/api/v1/schema/system.json\",\"systems\":[",
                    crate::clock::now()
                )
                .as_bytes(),
            );
        }
        Format::Ndjson => {}
        Format::Csv => csv_row::Writer::new().header(&mut out.buffer),
    }
    // The next batches are read while this one is written out: the
    // database (SQLite's worker thread, or PostgreSQL) and the writing work
    // at once. A batch that starts after the previous one's last id waits
    // for it; batches whose ends are known are read [`READS_AT_ONCE`].
    let mut readings: VecDeque<Reading> = reader.next(None).into_iter().collect();
    let mut first = true;
    while let Some(reading) = readings.pop_front() {
        while readings.len() < READS_AT_ONCE && reader.knows_the_next_start() {
            match reader.next(None) {
                Some(next) => readings.push_back(next),
                None => break,
            }
        }
        let batch = reading.await.map_err(|error| {
            AppError::Internal(format!("the export's reader stopped: {error}"))
        })??;
        if readings.is_empty() {
            readings.extend(reader.next(Some(&batch)));
        }
        match batch {
            // The JSON of a batch comes whole from the database.
            Batch::Lines(lines) => {
                for record in lines.records() {
                    if format == Format::Json {
                        out.buffer
                            .extend_from_slice(if first { b"\n" } else { b",\n" });
                    }
                    out.buffer.extend_from_slice(record.as_bytes());
                    if format == Format::Ndjson {
                        out.buffer.push(b'\n');
                    }
                    first = false;
                    out.systems += 1;
                }
                if !out.hand_on(false).await {
                    return Ok(());
                }
            }
            Batch::Csv { rows, systems, .. } => {
                out.buffer.extend_from_slice(&rows);
                out.systems += systems as u64;
                if !out.hand_on(false).await {
                    return Ok(());
                }
            }
        }
    }
    if format == Format::Json {
        out.buffer.extend_from_slice(b"\n]}\n");
    }
    out.hand_on(true).await;
    Ok(())
}

/// `lantern export`: the export into a file (written whole, then moved into
/// place, so a failed export never leaves half a file) or standard output,
/// with progress on standard error.
pub async fn run(
    data: &crate::config::DataConfig,
    format: Format,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressStyle};
    use std::io::Write;
    let storage = data.open().await?;
    let total = storage.health().await?.systems;
    let progress = ProgressBar::new(u64::try_from(total).unwrap_or(0));
    progress.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({per_sec})")
            .expect("the template is fixed and valid")
            .progress_chars("=> "),
    );
    progress.set_message("Exporting systems");
    let started = std::time::Instant::now();
    let (mut sink, partial): (Box<dyn Write + Send>, Option<std::path::PathBuf>) = match output {
        Some(path) => {
            let partial = path.with_extension(format!("{}.partial", format.extension()));
            let file = std::fs::File::create(&partial)
                .map_err(|e| anyhow::anyhow!("could not write {}: {e}", partial.display()))?;
            (Box::new(std::io::BufWriter::new(file)), Some(partial))
        }
        None => (Box::new(std::io::stdout()), None),
    };
    let mut chunks = start(storage, format, Selection::All);
    let (mut systems, mut bytes) = (0u64, 0u64);
    while let Some(chunk) = chunks.recv().await {
        let chunk = chunk.map_err(|e| anyhow::anyhow!("the export failed: {e}"))?;
        sink.write_all(&chunk.bytes)?;
        systems += chunk.systems;
        bytes += chunk.bytes.len() as u64;
        progress.set_position(systems);
    }
    sink.flush()?;
    drop(sink);
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let mut written_to = "standard output".to_string();
    if let (Some(partial), Some(path)) = (partial, output) {
        std::fs::rename(&partial, path)?;
        written_to = path.display().to_string();
    }
    eprintln!(
        "Exported {systems} systems as {} ({:.1} MB) to {written_to} in {seconds:.1} s.",
        format.extension(),
        bytes as f64 / 1e6
    );
    Ok(())
}

/// Reads the export's batches in the background, ahead of the writer.
struct Reader {
    storage: Storage,
    format: Format,
    /// Whether an audit is overdue is decided on the day the export starts.
    today: String,
    batches: Batches,
}

/// How the export goes from one batch to the next.
enum Batches {
    /// The whole register: up to each of the ends read at the start (see
    /// [`Storage::export_batch_ends`]), then after the last of them.
    Ends {
        ends: std::vec::IntoIter<SystemId>,
        after: Option<SystemId>,
    },
    /// After the last id of the previous batch, as long as batches are full
    /// (the whole register, or what facet filters match).
    After(Selection),
    /// The next part of a list of ids, in id order.
    Parts(std::vec::IntoIter<Vec<SystemId>>),
}

/// A batch as the format needs it: the JSON formats take the records'
/// JSON as the database joins it from stored text; the CSV, its rows,
/// written from the systems read back from it (while the batch before is
/// handed on; each system is dropped once its row is written, so a batch
/// in memory is its text and its rows, never its thousand systems).
enum Batch {
    Lines(Lines),
    Csv {
        rows: Vec<u8>,
        systems: usize,
        last: Option<SystemId>,
    },
}

impl Batch {
    fn len(&self) -> usize {
        match self {
            Batch::Lines(lines) => lines.len(),
            Batch::Csv { systems, .. } => *systems,
        }
    }

    fn last(&self) -> Option<SystemId> {
        match self {
            Batch::Lines(lines) => lines.last(),
            Batch::Csv { last, .. } => last.clone(),
        }
    }
}

type Reading = tokio::task::JoinHandle<Result<Batch, AppError>>;

impl Reader {
    async fn new(
        storage: Storage,
        format: Format,
        selection: Selection,
    ) -> Result<Reader, AppError> {
        let batches = match selection {
            Selection::All => Batches::Ends {
                ends: storage.export_batch_ends(BATCH).await?.into_iter(),
                after: None,
            },
            Selection::Listed(mut ids) => {
                ids.sort_unstable();
                ids.dedup();
                let parts: Vec<Vec<SystemId>> = ids
                    .chunks(BATCH as usize)
                    .map(<[SystemId]>::to_vec)
                    .collect();
                Batches::Parts(parts.into_iter())
            }
            other => Batches::After(other),
        };
        Ok(Reader {
            storage,
            format,
            today: crate::clock::today(),
            batches,
        })
    }

    /// Whether the next batch can be read before the one before it is:
    /// where it starts does not depend on what that one holds.
    fn knows_the_next_start(&self) -> bool {
        !matches!(self.batches, Batches::After(_))
    }

    /// Starts reading the next batch (`previous`: the one before it, when
    /// its start depends on it), or `None` when there is none.
    fn next(&mut self, previous: Option<&Batch>) -> Option<Reading> {
        let (after, selection, limit) = match &mut self.batches {
            Batches::Ends { ends, after } => {
                let start = after.clone();
                match ends.next() {
                    Some(end) => {
                        *after = Some(end.clone());
                        // Whatever was published meanwhile up to the end
                        // belongs to this batch too.
                        (start, Selection::UpTo(end), i64::MAX)
                    }
                    None => {
                        self.batches = Batches::After(Selection::All);
                        (start, Selection::All, BATCH)
                    }
                }
            }
            Batches::Parts(parts) => (None, Selection::Listed(parts.next()?), BATCH),
            Batches::After(selection) => {
                let after = match previous {
                    None => None,
                    Some(batch) if batch.len() as i64 == BATCH => Some(batch.last()?),
                    Some(_) => return None,
                };
                (after, selection.clone(), BATCH)
            }
        };
        let (storage, today, format) = (self.storage.clone(), self.today.clone(), self.format);
        Some(tokio::spawn(async move {
            let after = after.as_ref();
            let lines = storage
                .published_lines_after(after, limit, &today, &selection)
                .await?;
            Ok(match format {
                Format::Json | Format::Ndjson => Batch::Lines(lines),
                Format::Csv => {
                    let mut csv = csv_row::Writer::new();
                    let mut rows = Vec::new();
                    for system in lines.systems() {
                        csv.row(&mut rows, &system?);
                    }
                    Batch::Csv {
                        rows,
                        systems: lines.len(),
                        last: lines.last(),
                    }
                }
            })
        }))
    }
}
