//! Values that many pages read and few writes change, kept in memory for a
//! moment so that a busy page does not ask the database for them each time:
//! the agencies' names (every search page's agency facet), the feedback
//! settings (every record page's form), the home page's overview and the
//! most recently read record pages.
//!
//! A write committed through this process forgets them at once. A write
//! through another instance (sharing PostgreSQL) shows within [`FOR`].

use app::error::AppError;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a value is kept.
pub const FOR: Duration = Duration::from_secs(2);

/// How many writes this process has committed: a value read before a
/// commit is not kept past it.
#[derive(Clone, Default)]
pub struct Commits(Arc<AtomicU64>);

impl Commits {
    fn seen(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// Called after each commit.
    pub fn count(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// One kept value.
#[derive(Clone)]
pub struct Kept<T> {
    slot: Arc<Mutex<Option<Reading<T>>>>,
    commits: Commits,
    /// How long a value is kept when nothing is committed.
    lifetime: Duration,
}

/// A value and when it was read.
struct Reading<T> {
    started: Instant,
    commits_before: u64,
    value: T,
}

impl<T> Reading<T> {
    /// Read less than `lifetime` ago, and no commit since.
    fn is_fresh_for(&self, commits: &Commits, lifetime: Duration) -> bool {
        self.started.elapsed() < lifetime && self.commits_before == commits.seen()
    }
}

impl<T: Clone> Kept<T> {
    pub fn new(commits: &Commits) -> Kept<T> {
        Kept::keeping_for(commits, FOR)
    }

    /// A value kept for `lifetime` instead of [`FOR`].
    pub fn keeping_for(commits: &Commits, lifetime: Duration) -> Kept<T> {
        Kept {
            slot: Arc::new(Mutex::new(None)),
            commits: commits.clone(),
            lifetime,
        }
    }

    /// The kept value if it is fresh, or else the value `read` reads (kept
    /// for the next callers).
    pub async fn get_or_read(
        &self,
        read: impl Future<Output = Result<T, AppError>>,
    ) -> Result<T, AppError> {
        if let Some(value) = self.fresh() {
            return Ok(value);
        }
        // Taken before reading: a commit while the read runs may or may not
        // be in what it reads, so the value is not kept past that commit.
        let started = Instant::now();
        let commits_before = self.commits.seen();
        let value = read.await?;
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Some(Reading {
                started,
                commits_before,
                value: value.clone(),
            });
        }
        Ok(value)
    }

    /// The kept value, if it is fresh.
    pub fn fresh(&self) -> Option<T> {
        let slot = self.slot.lock().ok()?;
        let reading = slot.as_ref()?;
        reading
            .is_fresh_for(&self.commits, self.lifetime)
            .then(|| reading.value.clone())
    }
}

/// How many values a [`KeptByKey`] holds at most.
const KEYS: usize = 1_000;

/// Values kept by key, each as a [`Kept`] is: for what is read by key, a
/// record page by its system's id. At most [`KEYS`] are kept.
#[derive(Clone)]
pub struct KeptByKey<K, T> {
    slots: Arc<Mutex<HashMap<K, Reading<T>>>>,
    commits: Commits,
    /// How long a value is kept when nothing is committed.
    lifetime: Duration,
}

impl<K: Eq + Hash + Clone, T: Clone> KeptByKey<K, T> {
    pub fn new(commits: &Commits) -> KeptByKey<K, T> {
        KeptByKey::keeping_for(commits, FOR)
    }

    /// Values kept for `lifetime` instead of [`FOR`].
    pub fn keeping_for(commits: &Commits, lifetime: Duration) -> KeptByKey<K, T> {
        KeptByKey {
            slots: Arc::default(),
            commits: commits.clone(),
            lifetime,
        }
    }

    /// The value kept for `key` if it is fresh, or else the value `read`
    /// reads (kept when it is `Some`: what does not exist is not kept, so
    /// asking for made-up keys cannot push out what does).
    pub async fn get_or_read(
        &self,
        key: &K,
        read: impl Future<Output = Result<Option<T>, AppError>>,
    ) -> Result<Option<T>, AppError> {
        if let Some(value) = self.fresh(key) {
            return Ok(Some(value));
        }
        let started = Instant::now();
        let commits_before = self.commits.seen();
        let value = read.await?;
        if let (Some(value), Ok(mut slots)) = (&value, self.slots.lock()) {
            if slots.len() >= KEYS && !slots.contains_key(key) {
                slots.retain(|_, reading| reading.is_fresh_for(&self.commits, self.lifetime));
                if slots.len() >= KEYS {
                    slots.clear();
                }
            }
            slots.insert(
                key.clone(),
                Reading {
                    started,
                    commits_before,
                    value: value.clone(),
                },
            );
        }
        Ok(value)
    }

    /// The value kept for `key`, if it is fresh.
    pub fn fresh(&self, key: &K) -> Option<T> {
        let slots = self.slots.lock().ok()?;
        let reading = slots.get(key)?;
        reading
            .is_fresh_for(&self.commits, self.lifetime)
            .then(|| reading.value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_value_is_read_once_until_a_commit() {
        let commits = Commits::default();
        let kept = Kept::new(&commits);
        let reads = AtomicU64::new(0);
        let read = || async { Ok::<u64, AppError>(reads.fetch_add(1, Ordering::SeqCst) + 1) };
        assert_eq!(kept.get_or_read(read()).await.unwrap(), 1);
        assert_eq!(kept.get_or_read(read()).await.unwrap(), 1, "kept");
        commits.count();
        assert_eq!(kept.get_or_read(read()).await.unwrap(), 2, "read again");
        assert_eq!(kept.get_or_read(read()).await.unwrap(), 2);
    }

    #[tokio::test]
    async fn a_commit_during_the_read_is_not_hidden() {
        let commits = Commits::default();
        let kept = Kept::new(&commits);
        let during = async {
            commits.count();
            Ok::<&str, AppError>("read while a write committed")
        };
        kept.get_or_read(during).await.unwrap();
        let after = async { Ok::<&str, AppError>("read after") };
        assert_eq!(kept.get_or_read(after).await.unwrap(), "read after");
    }

    #[tokio::test]
    async fn values_by_key_are_read_once_until_a_commit_and_stay_bounded() {
        let commits = Commits::default();
        let kept: KeptByKey<usize, usize> = KeptByKey::new(&commits);
        let reads = AtomicU64::new(0);
        let read = |value: Option<usize>| {
            reads.fetch_add(1, Ordering::SeqCst);
            async move { Ok::<_, AppError>(value) }
        };
        assert_eq!(
            kept.get_or_read(&1, read(Some(10))).await.unwrap(),
            Some(10)
        );
        assert_eq!(
            kept.get_or_read(&1, read(Some(11))).await.unwrap(),
            Some(10),
            "kept"
        );
        assert_eq!(
            kept.get_or_read(&2, read(Some(20))).await.unwrap(),
            Some(20)
        );
        assert_eq!(kept.get_or_read(&3, read(None)).await.unwrap(), None);
        assert_eq!(
            kept.get_or_read(&3, read(Some(30))).await.unwrap(),
            Some(30),
            "none is not kept"
        );
        commits.count();
        assert_eq!(
            kept.get_or_read(&1, read(Some(12))).await.unwrap(),
            Some(12),
            "read again"
        );
        assert_eq!(reads.load(Ordering::SeqCst), 6);
        for key in 0..3 * KEYS {
            kept.get_or_read(&key, read(Some(key))).await.unwrap();
        }
        assert!(kept.slots.lock().unwrap().len() <= KEYS);
    }

    #[tokio::test]
    async fn a_failed_read_keeps_nothing() {
        let kept: Kept<u8> = Kept::new(&Commits::default());
        let failed = async { Err(AppError::Internal("down".into())) };
        assert!(kept.get_or_read(failed).await.is_err());
        assert_eq!(kept.get_or_read(async { Ok(7) }).await.unwrap(), 7);
    }
}
