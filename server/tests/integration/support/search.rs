//! Search engines for tests: the embedded index in a temporary directory
//! always, and Meilisearch too when `MEILISEARCH_URL` is set.

// Each test crate uses a different part of this module.
use lantern::search::indexer::Indexer;
use lantern::search::meilisearch::{Meilisearch, Settings};
use lantern::search::{SharedEngine, embedded::Embedded};
use lantern::storage::Storage;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One search engine with an empty index, removed when the test is done.
pub struct TestSearch {
    pub name: &'static str,
    pub engine: SharedEngine,
    /// The embedded index's directory: held, never read, so that it is
    /// deleted only when the engine goes.
    _index_dir: Option<tempfile::TempDir>,
    meilisearch: Option<Arc<Meilisearch>>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

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
        };
        search.build(storage).await;
        search
    }

    /// Meilisearch with a fresh index of its own, built from `storage`, when
    /// `MEILISEARCH_URL` is set; otherwise `None`, and a line saying the
    /// Meilisearch run was skipped.
    pub async fn meilisearch(storage: &Storage) -> Option<TestSearch> {
        let Some(url) = std::env::var("MEILISEARCH_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            eprintln!("SKIPPED: the Meilisearch run of this test (set MEILISEARCH_URL to run it)");
            return None;
        };
        let settings = Settings {
            url,
            api_key: std::env::var("MEILISEARCH_API_KEY").ok(),
        };
        let uid = format!(
            "lantern_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let engine = Arc::new(
            Meilisearch::connect_to(&settings, &uid)
                .await
                .expect("Meilisearch answers at MEILISEARCH_URL"),
        );
        let search = TestSearch {
            name: "meilisearch",
            engine: engine.clone(),
            _index_dir: None,
            meilisearch: Some(engine),
        };
        search.build(storage).await;
        Some(search)
    }

    /// Every engine this machine can test: embedded, and Meilisearch when configured.
    pub async fn all(storage: &Storage) -> Vec<TestSearch> {
        let mut engines = vec![TestSearch::embedded(storage).await];
        engines.extend(TestSearch::meilisearch(storage).await);
        engines
    }

    async fn build(&self, storage: &Storage) {
        lantern::search::rebuild(storage, self.engine.as_ref(), &|_| {})
            .await
            .expect("the index builds");
        self.catch_up(storage).await;
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
    pub async fn remove(self) {
        if let Some(meilisearch) = self.meilisearch {
            meilisearch
                .delete()
                .await
                .expect("the test index is deleted");
        }
    }
}
