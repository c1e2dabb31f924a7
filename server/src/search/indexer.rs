//! The indexer: applies the search outbox to the search engine.
//!
//! It runs in every `lantern serve`. Each round it reads the oldest pending
//! changes, indexes those systems as the database has them now (or removes
//! them from the index when they are no longer published), then deletes
//! exactly those outbox rows. A failure leaves the rows in place and the
//! round is retried with growing pauses, so an engine that is down for a
//! while catches up when it comes back. Only the holder of a lease in the
//! database works at a time, so instances sharing one Meilisearch never
//! write an old version of a system over a newer one.

use super::{SharedEngine, SystemDocument};
use crate::clock;
use crate::storage::Storage;
use app::record::SystemId;
use std::collections::BTreeSet;
use std::time::Duration;

/// The lease's name in `search_leases`.
pub const LEASE: &str = "search";
/// How long a lease lasts unless renewed.
const LEASE_SECONDS: i64 = 30;
/// Outbox rows applied per round.
const BATCH: i64 = 500;
/// How often an idle indexer looks for new changes.
const POLL: Duration = Duration::from_millis(500);
/// The first pause after a failure; each further failure doubles it.
const FIRST_RETRY: Duration = Duration::from_millis(200);
/// The longest pause between retries.
const LONGEST_RETRY: Duration = Duration::from_secs(30);

/// A name for a lease holder that no other process or role shares.
pub fn holder(role: &str) -> String {
    static PROCESS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let process = PROCESS.get_or_init(|| {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        format!("{}-{started}", std::process::id())
    });
    format!("{process}/{role}")
}

/// Takes or renews the lease for `holder`; says whether it is held.
pub async fn renew_lease(storage: &Storage, holder: &str) -> anyhow::Result<bool> {
    let now = time::OffsetDateTime::now_utc();
    let until = now + time::Duration::seconds(LEASE_SECONDS);
    Ok(storage
        .take_lease(
            LEASE,
            holder,
            &clock::format_timestamp(now),
            &clock::format_timestamp(until),
        )
        .await?)
}

/// Waits until `holder` has the lease (another instance's round, or its
/// expired lease, ends within a lease period).
pub async fn wait_for_lease(storage: &Storage, holder: &str) -> anyhow::Result<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(2 * LEASE_SECONDS as u64);
    while !renew_lease(storage, holder).await? {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "another lantern instance has held the search lease for over a minute"
        );
        tokio::time::sleep(POLL).await;
    }
    Ok(())
}

/// Applies the search outbox to one engine.
pub struct Indexer {
    storage: Storage,
    engine: SharedEngine,
    holder: String,
}

impl Indexer {
    pub fn new(storage: Storage, engine: SharedEngine) -> Indexer {
        Indexer {
            storage,
            engine,
            holder: holder("indexer"),
        }
    }

    /// Applies one round of pending changes; returns how many outbox rows it
    /// took in (0 when none were pending or another instance holds the lease).
    pub async fn apply_pending(&self) -> anyhow::Result<usize> {
        // Read before taking the lease, so an idle indexer only reads. Rows
        // another instance applies meanwhile are applied again: harmless.
        let entries = self.storage.pending_search_changes(BATCH).await?;
        if entries.is_empty() || !renew_lease(&self.storage, &self.holder).await? {
            return Ok(0);
        }
        let systems: BTreeSet<SystemId> = entries.iter().map(|e| e.system.clone()).collect();
        let systems: Vec<SystemId> = systems.into_iter().collect();
        let documents: Vec<SystemDocument> = (self.storage.indexed_systems(&systems).await?)
            .into_iter()
            .map(SystemDocument::from)
            .collect();
        let published: BTreeSet<&SystemId> = documents.iter().map(|d| &d.summary.id).collect();
        let removed: Vec<SystemId> = systems
            .iter()
            .filter(|id| !published.contains(id))
            .cloned()
            .collect();
        self.engine.apply(documents, removed).await?;
        let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
        self.storage.clear_search_changes(&ids).await?;
        Ok(entries.len())
    }

    /// Builds the index unless `built` says start-up did, then applies
    /// changes as they come, for as long as the server runs. A Meilisearch
    /// that is down at start is built when it answers.
    pub async fn run(self, mut built: bool) {
        let mut retry = FIRST_RETRY;
        loop {
            let round = async {
                if !built {
                    super::ensure_built(&self.storage, self.engine.as_ref()).await?;
                    built = true;
                }
                self.apply_pending().await
            };
            match round.await {
                Ok(0) => {
                    retry = FIRST_RETRY;
                    tokio::time::sleep(POLL).await;
                }
                // More may be waiting: go straight on.
                Ok(_) => retry = FIRST_RETRY,
                Err(error) => {
                    tracing::warn!(
                        error = format!("{error:#}"),
                        retry_in_ms = retry.as_millis() as u64,
                        "could not update the search index; will retry"
                    );
                    tokio::time::sleep(retry).await;
                    retry = (retry * 2).min(LONGEST_RETRY);
                }
            }
        }
    }
}
