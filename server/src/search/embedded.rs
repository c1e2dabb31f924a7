//! The embedded search engine: a tantivy index under the data directory.
//!
//! Nothing to install or start. The index lives in `search/<build>/`, where
//! `<build>` names the index schema it was built with; the file
//! `search/CURRENT` names the live build. A rebuild fills a new build beside
//! the live one and switches `CURRENT` when it is complete, so a crash during
//! a rebuild leaves the old index working, and an index from an older schema
//! (or none at all) is noticed at start-up and rebuilt.
//!
//! One process uses an index at a time: `search/lantern.lock` is locked
//! while it is open, and a second process is refused with a message saying
//! so. The embedded engine serves one `lantern` instance; several instances
//! share Meilisearch.

mod cache;
mod columns;
mod facets;
mod near;
mod oldest_out;
mod query;
mod schema;

use super::{INDEX_SCHEMA, Rebuild, SearchEngine, SystemDocument};
use anyhow::Context;
use app::error::AppError;
use app::record::SystemId;
use app::search::{Search, SearchResults, SystemQuery};
use schema::Fields;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

/// Memory the index writer may use before it writes a segment.
const WRITER_MEMORY: usize = 64_000_000;

/// The embedded engine.
pub struct Embedded {
    dir: PathBuf,
    /// The live index; `None` until the first build.
    live: RwLock<Option<Arc<Live>>>,
    /// Whether recent results are kept (always, but in benchmarks of a first search).
    cache_results: bool,
    /// `search/lantern.lock`, locked for as long as this process has the index open.
    _in_use: std::fs::File,
}

/// An open index: its reader for searches and its writer for changes.
struct Live {
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    cache: cache::ResultCache,
    columns: columns::ColumnCache,
    /// Words' typo and prefix matches, per segment.
    near: Arc<near::KeptMatches>,
}

impl Live {
    fn open(path: &Path) -> anyhow::Result<Live> {
        let (schema, fields) = schema::build();
        let directory = MmapDirectory::open(path)
            .with_context(|| format!("could not open the search index at {}", path.display()))?;
        let index = Index::builder()
            .schema(schema)
            .settings(schema::settings())
            .open_or_create(directory)
            .with_context(|| format!("could not open the search index at {}", path.display()))?;
        schema::register_tokenizer(&index);
        let writer =
            index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(|error| match error {
                    tantivy::TantivyError::LockFailure(..) => anyhow::anyhow!(
                        "the search index at {} is in use by another lantern process \
                     (the embedded index serves one instance; stop the other one first)",
                        path.display()
                    ),
                    other => other.into(),
                })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Live {
            fields,
            reader,
            writer: Mutex::new(writer),
            cache: cache::ResultCache::default(),
            columns: columns::ColumnCache::default(),
            near: Arc::default(),
        })
    }

    /// Deletes and re-adds documents, removes systems, commits and makes the
    /// result visible to searches.
    fn apply(&self, documents: &[SystemDocument], removed: &[SystemId]) -> anyhow::Result<()> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| anyhow::anyhow!("the search index writer was poisoned by a panic"))?;
        for id in removed {
            writer.delete_term(Term::from_field_text(self.fields.id, &id.0));
        }
        for document in documents {
            writer.delete_term(Term::from_field_text(
                self.fields.id,
                &document.summary.id.0,
            ));
            writer.add_document(schema::to_tantivy(&self.fields, document))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        self.columns.keep_only(&searcher);
        self.near.keep_only(&searcher);
        Ok(())
    }
}

impl Embedded {
    /// Opens the index under `dir` if one was built by the current schema;
    /// otherwise the engine starts empty and [`SearchEngine::is_built`] says so.
    pub fn open(dir: &Path) -> anyhow::Result<Embedded> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
        let in_use = lock_for_this_process(dir)?;
        let live = match current_build(dir) {
            Some(build) => Some(Arc::new(Live::open(&dir.join(build))?)),
            None => None,
        };
        Ok(Embedded {
            dir: dir.to_path_buf(),
            live: RwLock::new(live),
            cache_results: true,
            _in_use: in_use,
        })
    }

    /// Turns the cache of recent results and of words' typo and prefix
    /// matches off (so every search runs in full, as one nobody asked
    /// before) or on: for benchmarks.
    pub fn keep_results(&mut self, keep: bool) {
        self.cache_results = keep;
    }

    fn live(&self) -> Option<Arc<Live>> {
        self.live.read().ok().and_then(|live| live.clone())
    }
}

/// Locks `dir/lantern.lock` for this process (the operating system lets go
/// of it when the process ends, however it ends), or says which index is in
/// use by another process.
fn lock_for_this_process(dir: &Path) -> anyhow::Result<std::fs::File> {
    let path = dir.join("lantern.lock");
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("could not open {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "the search index at {} is in use by another lantern process: the embedded \
             index serves one instance (stop the other one first, or run several \
             instances on Meilisearch: see docs/deploying.md)",
            dir.display()
        ),
        Err(std::fs::TryLockError::Error(error)) => {
            Err(error).with_context(|| format!("could not lock {}", path.display()))
        }
    }
}

/// The prefix of the builds made by the current index schema.
fn build_prefix() -> String {
    format!("v{INDEX_SCHEMA}-")
}

/// The live build named by `CURRENT`, if it was made by the current schema and exists.
fn current_build(dir: &Path) -> Option<String> {
    let build = std::fs::read_to_string(dir.join("CURRENT")).ok()?;
    let build = build.trim().to_string();
    (build.starts_with(&build_prefix()) && dir.join(&build).join("meta.json").is_file())
        .then_some(build)
}

#[async_trait::async_trait]
impl Search for Embedded {
    async fn search(&self, query: &SystemQuery) -> Result<Arc<SearchResults>, AppError> {
        let Some(live) = self.live() else {
            return Err(AppError::Internal(
                "the search index is not built yet".into(),
            ));
        };
        let searcher = live.reader.searcher();
        let generation = searcher.generation().generation_id();
        let key = query.to_params();
        if self.cache_results
            && let Some(results) = live.cache.get(generation, &key)
        {
            return Ok(results);
        }
        // Without the cache, every search runs as one nobody asked before,
        // with words nobody searched for before.
        let near = if self.cache_results {
            live.near.clone()
        } else {
            Arc::default()
        };
        let results =
            query::run(&searcher, &live.fields, &live.columns, &near, query).map_err(|error| {
                tracing::error!(error = format!("{error:#}"), "search failed");
                AppError::Internal(error.to_string())
            })?;
        let results = Arc::new(results);
        if self.cache_results {
            live.cache.put(generation, key, &results);
        }
        Ok(results)
    }
}

#[async_trait::async_trait]
impl SearchEngine for Embedded {
    fn name(&self) -> &'static str {
        "embedded"
    }

    async fn is_built(&self) -> anyhow::Result<bool> {
        Ok(self.live().is_some())
    }

    async fn apply(
        &self,
        documents: Vec<SystemDocument>,
        removed: Vec<SystemId>,
    ) -> anyhow::Result<()> {
        let live = self.live().context("the search index is not built yet")?;
        tokio::task::spawn_blocking(move || live.apply(&documents, &removed)).await?
    }

    async fn start_rebuild(&self) -> anyhow::Result<Box<dyn Rebuild + '_>> {
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
        let build = format!("{}{stamp}", build_prefix());
        let path = self.dir.join(&build);
        std::fs::create_dir_all(&path)
            .with_context(|| format!("could not create {}", path.display()))?;
        let live = Arc::new(Live::open(&path)?);
        Ok(Box::new(EmbeddedRebuild {
            engine: self,
            build,
            live,
        }))
    }
}

/// A new build being filled.
struct EmbeddedRebuild<'a> {
    engine: &'a Embedded,
    build: String,
    live: Arc<Live>,
}

#[async_trait::async_trait]
impl Rebuild for EmbeddedRebuild<'_> {
    async fn add(&mut self, documents: Vec<SystemDocument>) -> anyhow::Result<()> {
        let live = self.live.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let writer = live
                .writer
                .lock()
                .map_err(|_| anyhow::anyhow!("the search index writer was poisoned by a panic"))?;
            for document in &documents {
                writer.add_document(schema::to_tantivy(&live.fields, document))?;
            }
            Ok(())
        })
        .await?
    }

    async fn finish(self: Box<Self>) -> anyhow::Result<()> {
        let live = self.live.clone();
        tokio::task::spawn_blocking(move || live.apply(&[], &[])).await??;
        let dir = &self.engine.dir;
        // Switch atomically: write the new name beside CURRENT, then rename over it.
        let next = dir.join("CURRENT.next");
        std::fs::write(&next, &self.build)
            .with_context(|| format!("could not write {}", next.display()))?;
        std::fs::rename(&next, dir.join("CURRENT"))
            .with_context(|| format!("could not switch {} to the new index", dir.display()))?;
        let old = self
            .engine
            .live
            .write()
            .map_err(|_| anyhow::anyhow!("the search engine lock was poisoned by a panic"))?
            .replace(self.live);
        drop(old);
        remove_old_builds(dir, &self.build);
        Ok(())
    }
}

/// Deletes every build but `keep`. Searches still reading an old build keep
/// their files open, so this is safe while they finish.
fn remove_old_builds(dir: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir()
            && name != keep
            && let Err(error) = std::fs::remove_dir_all(entry.path())
        {
            tracing::warn!(%error, build = name, "could not remove an old search index");
        }
    }
}

impl Embedded {
    /// The index's size on disk in bytes, for benchmarks.
    pub fn size_on_disk(&self) -> u64 {
        fn size(path: &Path) -> u64 {
            std::fs::read_dir(path)
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| match e.metadata() {
                            Ok(m) if m.is_dir() => size(&e.path()),
                            Ok(m) => m.len(),
                            Err(_) => 0,
                        })
                        .sum()
                })
                .unwrap_or(0)
        }
        size(&self.dir)
    }
}
