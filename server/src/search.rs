//! Search engines and keeping them in step with the register.
//!
//! Two engines answer the same [`SearchEngine`] interface: the embedded one
//! (tantivy, an index under the data directory) by default, and Meilisearch
//! when `MEILISEARCH_URL` is set. The database stays the source of truth:
//! every change writes an outbox row in its own transaction and the
//! [`indexer`] applies those rows to the engine, with retries.

mod document;
pub mod embedded;
pub mod indexer;
pub mod meilisearch;
mod words;

use crate::storage::Storage;
use app::record::SystemId;
use app::search::Search;
use std::sync::Arc;

pub use document::SystemDocument;

/// Bumped whenever what an index holds, or how, changes: an index built by
/// an older version is rebuilt at start-up.
pub const INDEX_SCHEMA: u32 = 6;

/// A search engine Lantern keeps in step with the register.
#[async_trait::async_trait]
pub trait SearchEngine: Search {
    /// What the engine is, for logs and `/healthz` (`embedded`, `meilisearch`).
    fn name(&self) -> &'static str;

    /// Whether an index built by the current [`INDEX_SCHEMA`], with the
    /// settings this version gives it, exists.
    async fn is_built(&self) -> anyhow::Result<bool>;

    /// Whether the engine answers now, for `/healthz`. An embedded index
    /// always does; Meilisearch is a server that may be down.
    async fn is_available(&self) -> bool {
        true
    }

    /// Indexes these documents (replacing what the index had for them) and
    /// removes these systems, all at once. Applying the same change twice
    /// leaves the index as applying it once.
    async fn apply(
        &self,
        documents: Vec<SystemDocument>,
        removed: Vec<SystemId>,
    ) -> anyhow::Result<()>;

    /// Starts building a new index beside the live one; it replaces the live
    /// one when finished, so searches keep working meanwhile.
    async fn start_rebuild(&self) -> anyhow::Result<Box<dyn Rebuild + '_>>;
}

/// A new index being filled, page by page.
#[async_trait::async_trait]
pub trait Rebuild: Send {
    /// Adds a page of documents.
    async fn add(&mut self, documents: Vec<SystemDocument>) -> anyhow::Result<()>;
    /// Makes the new index the live one.
    async fn finish(self: Box<Self>) -> anyhow::Result<()>;
}

/// The engine `lantern` shares between pages, the API and the indexer.
pub type SharedEngine = Arc<dyn SearchEngine>;

/// The systems a search's feed and its followers follow: the search's
/// most recently updated.
pub const FOLLOWED: u32 = 100;

/// The ids of the [`FOLLOWED`] systems `query` finds that were most
/// recently updated: what a search's Atom feed and its followers' mail
/// tell the changes of.
pub async fn followed_systems(
    search: &dyn Search,
    query: &app::search::SystemQuery,
) -> Result<Vec<SystemId>, app::error::AppError> {
    let mut query = query.clone();
    query.sort = app::search::Sort::Updated;
    query.page = 1;
    query.per_page = FOLLOWED;
    query.skip = None;
    let results = search.search(&query).await?;
    Ok(results
        .hits
        .iter()
        .map(|hit| hit.system.id.clone())
        .collect())
}

/// Opens the configured engine: Meilisearch when a URL is given, otherwise the
/// embedded index under `data_dir`.
pub async fn open(
    data_dir: &std::path::Path,
    meilisearch: Option<&meilisearch::Settings>,
) -> anyhow::Result<SharedEngine> {
    Ok(match meilisearch {
        Some(settings) => Arc::new(meilisearch::Meilisearch::new(settings)?),
        None => Arc::new(embedded::Embedded::open(&data_dir.join("search"))?),
    })
}

/// Systems indexed per page of a rebuild.
const REBUILD_PAGE: i64 = 1_000;

/// Builds the index from scratch from the database, calling `progress` with
/// the number of systems indexed so far after each page. Returns the total.
///
/// It holds the indexer's lease while it works, so no instance applies the
/// outbox to the old index meanwhile: changes committed during the rebuild
/// keep their outbox rows and reach the new index afterwards.
pub async fn rebuild(
    storage: &Storage,
    engine: &dyn SearchEngine,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<u64> {
    holding_lease(storage, async |holder| {
        rebuild_holding_lease(storage, engine, holder, progress).await
    })
    .await
}

/// Runs `work` while holding the indexer's lease, waiting for it first.
async fn holding_lease<T>(
    storage: &Storage,
    work: impl AsyncFnOnce(&str) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let holder = indexer::holder("rebuild");
    indexer::wait_for_lease(storage, &holder).await?;
    let result = work(&holder).await;
    if let Err(error) = storage.release_lease(indexer::LEASE, &holder).await {
        tracing::warn!(%error, "could not release the search lease; it expires by itself");
    }
    result
}

async fn rebuild_holding_lease(
    storage: &Storage,
    engine: &dyn SearchEngine,
    holder: &str,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<u64> {
    // The changes already committed are all in what the rebuild reads: once
    // it is live, their outbox rows need not be applied again.
    let covered: Vec<i64> = storage
        .pending_search_changes(i64::MAX)
        .await?
        .iter()
        .map(|entry| entry.id)
        .collect();
    let mut build = engine.start_rebuild().await?;
    let mut after: Option<SystemId> = None;
    let mut indexed = 0u64;
    loop {
        let page: Vec<SystemDocument> = storage
            .indexed_systems_after(after.as_ref(), REBUILD_PAGE)
            .await?
            .into_iter()
            .map(SystemDocument::from)
            .collect();
        let Some(last) = page.last() else { break };
        after = Some(last.summary.id.clone());
        indexed += page.len() as u64;
        build.add(page).await?;
        progress(indexed);
        anyhow::ensure!(
            indexer::renew_lease(storage, holder).await?,
            "another instance took over the search lease during the rebuild"
        );
    }
    build.finish().await?;
    storage.clear_search_changes(&covered).await?;
    Ok(indexed)
}

/// Rebuilds the index if it is missing, was built by an older schema or has
/// other settings. Says whether it rebuilt. Instances starting together
/// rebuild once: the others find it built when they get the lease.
pub async fn ensure_built(storage: &Storage, engine: &dyn SearchEngine) -> anyhow::Result<bool> {
    if engine.is_built().await? {
        return Ok(false);
    }
    holding_lease(storage, async |holder| {
        if engine.is_built().await? {
            return Ok(false);
        }
        tracing::info!(
            engine = engine.name(),
            "the search index is missing or out of date; rebuilding it"
        );
        let started = std::time::Instant::now();
        let total = rebuild_holding_lease(storage, engine, holder, &|_| {}).await?;
        tracing::info!(
            systems = total,
            seconds = started.elapsed().as_secs_f64(),
            "search index rebuilt"
        );
        Ok(true)
    })
    .await
}
