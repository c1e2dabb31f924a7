//! Search engines for tests: the embedded index in a temporary directory,
//! and Meilisearch when `LANTERN_TEST_MEILISEARCH_URL` names one
//! (`scripts/test` starts one when it can). Not `MEILISEARCH_URL`: every
//! `lantern` process a test starts would inherit that and search the test
//! Meilisearch instead of its own engine.

// Each test crate uses a different part of this module.
use lantern::search::indexer::Indexer;
use lantern::search::meilisearch::{Meilisearch, Settings};
use lantern::search::{SharedEngine, embedded::Embedded};
use lantern::storage::Storage;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The engines the search suite runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Embedded,
    Meilisearch,
}

impl Engine {
    /// Whether this machine can run the engine: Meilisearch needs
    /// `LANTERN_TEST_MEILISEARCH_URL`. When it cannot, says so on the test's output.
    pub fn is_here(self) -> bool {
        match self {
            Engine::Embedded => true,
            Engine::Meilisearch if meilisearch_settings().is_some() => true,
            Engine::Meilisearch => {
                eprintln!(
                    "SKIPPED: no Meilisearch (set LANTERN_TEST_MEILISEARCH_URL to run this test on it)"
                );
                false
            }
        }
    }

    /// The engine with an index built from `storage`.
    pub async fn open(self, storage: &Storage) -> TestSearch {
        match self {
            Engine::Embedded => TestSearch::embedded(storage).await,
            Engine::Meilisearch => TestSearch::meilisearch(storage).await,
        }
    }
}

/// Where the test Meilisearch is, when there is one.
pub fn meilisearch_settings() -> Option<Settings> {
    let url = std::env::var("LANTERN_TEST_MEILISEARCH_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    Some(Settings {
        url,
        api_key: std::env::var("LANTERN_TEST_MEILISEARCH_API_KEY").ok(),
    })
}

/// A name for a test's own Meilisearch index, unique in this run.
pub fn meilisearch_index_name() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    format!(
        "lantern_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

/// One search engine with its own index. A Meilisearch index is deleted
/// when the `TestSearch` goes, also when its test panicked.
pub struct TestSearch {
    pub name: &'static str,
    pub engine: SharedEngine,
    /// The embedded index's directory: held, never read, so that it is
    /// deleted only when the engine goes.
    _index_dir: Option<tempfile::TempDir>,
    meilisearch: Option<Arc<Meilisearch>>,
    deleted_on_drop: DeleteOnDrop,
}

/// Deletes a test's Meilisearch index when [`TestSearch::remove`] was not
/// reached (a panic): on a thread and connection of its own, as a drop
/// cannot await and the test's runtime is blocked meanwhile.
struct DeleteOnDrop(Option<(Settings, String)>);

impl Drop for DeleteOnDrop {
    fn drop(&mut self) {
        let Some((settings, uid)) = self.0.take() else {
            return;
        };
        let deleted = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                Meilisearch::connect_to(&settings, &uid)
                    .await?
                    .delete()
                    .await
            })
        })
        .join();
        if !matches!(deleted, Ok(Ok(()))) {
            eprintln!("could not delete the test's Meilisearch index");
        }
    }
}

impl TestSearch {
    /// The embedded engine, with its index built from `storage`.
    pub async fn embedded(storage: &Storage) -> TestSearch {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let engine: SharedEngine =
            Arc::new(Embedded::open(&dir.path().join("search")).expect("the index opens"));
        let search = TestSearch {
            name: "embedded",
            engine,
            _index_dir: Some(dir),
            meilisearch: None,
            deleted_on_drop: DeleteOnDrop(None),
        };
        search.build(storage).await;
        search
    }

    /// The test Meilisearch, with a fresh index of its own built from
    /// `storage`. Check [`Engine::is_here`] first.
    pub async fn meilisearch(storage: &Storage) -> TestSearch {
        let settings = meilisearch_settings().expect("LANTERN_TEST_MEILISEARCH_URL is set");
        TestSearch::meilisearch_at(&settings, storage).await
    }

    /// The Meilisearch at `settings`, with a fresh index of its own built
    /// from `storage`.
    pub async fn meilisearch_at(settings: &Settings, storage: &Storage) -> TestSearch {
        let uid = meilisearch_index_name();
        let engine = Arc::new(
            Meilisearch::connect_to(settings, &uid)
                .await
                .expect("Meilisearch answers"),
        );
        let search = TestSearch {
            name: "meilisearch",
            engine: engine.clone(),
            _index_dir: None,
            meilisearch: Some(engine),
            deleted_on_drop: DeleteOnDrop(Some((settings.clone(), uid))),
        };
        search.build(storage).await;
        search
    }

    async fn build(&self, storage: &Storage) {
        lantern::search::rebuild(storage, self.engine.as_ref(), &|_| {})
            .await
            .expect("the index builds");
        self.catch_up(storage).await;
    }

    /// The Meilisearch engine, for what only it has (its client, its index).
    pub fn meilisearch_engine(&self) -> &Meilisearch {
        self.meilisearch
            .as_deref()
            .expect("a Meilisearch test engine")
    }

    /// Applies every pending change, as the server's indexer would.
    pub async fn catch_up(&self, storage: &Storage) {
        let indexer = Indexer::new(storage.clone(), self.engine.clone());
        while indexer
            .apply_pending()
            .await
            .expect("the index takes the changes")
            > 0
        {}
    }

    /// Deletes what the engine holds outside the test's temporary directory.
    pub async fn remove(mut self) {
        if let Some(meilisearch) = self.meilisearch.take() {
            meilisearch
                .delete()
                .await
                .expect("the test index is deleted");
            self.deleted_on_drop.0 = None;
        }
    }
}
