//! Values that many pages read and few writes change, kept in memory for a
//! moment so that a busy page does not ask the database for them each time:
//! the agencies' names (every search page's agency facet), the feedback
//! settings (every record page's form) and the home page's overview.
//!
//! A write committed through this process forgets them at once. A write
//! through another instance (sharing PostgreSQL) shows within [`FOR`].

use app::error::AppError;
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
}

/// A value and when it was read.
struct Reading<T> {
    started: Instant,
    commits_before: u64,
    value: T,
}

impl<T: Clone> Kept<T> {
    pub fn new(commits: &Commits) -> Kept<T> {
        Kept {
            slot: Arc::new(Mutex::new(None)),
            commits: commits.clone(),
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

    fn fresh(&self) -> Option<T> {
        let slot = self.slot.lock().ok()?;
        let reading = slot.as_ref()?;
        (reading.started.elapsed() < FOR && reading.commits_before == self.commits.seen())
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
    async fn a_failed_read_keeps_nothing() {
        let kept: Kept<u8> = Kept::new(&Commits::default());
        let failed = async { Err(AppError::Internal("down".into())) };
        assert!(kept.get_or_read(failed).await.is_err());
        assert_eq!(kept.get_or_read(async { Ok(7) }).await.unwrap(), 7);
    }
}
