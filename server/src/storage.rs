//! The storage layer: every SQL statement of Lantern lives below this module.
//!
//! One implementation serves SQLite and PostgreSQL through sqlx's `Any` driver.
//! The SQL is written in the subset both databases share (`$1` parameters,
//! `ON CONFLICT`, window functions), so behaviour is the same on both; the few
//! places where they differ say so.

mod accounts;
mod audit_log;
mod changes;
mod counts;
mod dialect;
mod drafts;
mod export;
mod feedback;
mod idempotency;
mod imports;
mod kept;
mod mail;
mod manage;
mod outbox;
mod oversight;
mod public_json;
mod publish;
mod read;
mod reminders;
mod review_dates;
mod rows;
mod search_follows;
mod sessions;
mod statistics;
mod subscriptions;
mod tokens;
mod write;

use anyhow::Context;
use app::error::AppError;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

pub use audit_log::{LOG_PAGE, LogEntry};
pub use changes::{Change, ChangeKind, ChangesFrom, ChangesOf, FeedPosition};
pub use counts::{CountMoves, PublishedCounts};
pub use dialect::sql_for;
pub use drafts::Draft;
pub use export::{Lines, Selection};
pub use feedback::{CommentForMail, NewComment, StoredComment};
pub use idempotency::{IdempotencyKey, IdempotentWrite, WriteOutcome};
pub use imports::PendingImport;
pub use mail::{MailKind, NewMail, QueuedMail};
pub use outbox::{IndexedSystem, OutboxEntry};
pub use publish::{PublishOutcome, content_hash, uses_personal_data};
pub use reminders::{MailAccount, WaitingQuestion, WeekSummary};
pub use review_dates::review_by;
pub use search_follows::SearchFollow;
pub use sessions::SignInClaim;
pub use subscriptions::{FollowedChange, Subscribed, Subscription};
pub use tokens::{ApiToken, NewApiToken};
pub use write::{CurrentVersion, NewAudit};

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DatabaseKind {
    Sqlite,
    Postgres,
}

/// The register's database: one connection pool, SQLite or PostgreSQL.
#[derive(Clone)]
pub struct Storage {
    pool: AnyPool,
    kind: DatabaseKind,
    /// The turn of this process's SQLite writers (see [`Storage::begin`]).
    sqlite_writer: Arc<tokio::sync::Mutex<()>>,
    /// The writes this process committed, which end what is kept.
    commits: kept::Commits,
    /// The agencies' names, which label the agency facet of every search page.
    agency_names: kept::Kept<app::search::AgencyNames>,
    /// The feedback settings, which every record page's form follows.
    feedback_settings: kept::Kept<app::feedback::FeedbackSettings>,
    /// The home page's counts and latest systems.
    overview: kept::Kept<app::register::Overview>,
    /// Every agency with its count of published systems.
    agencies: kept::Kept<Vec<app::record::AgencyWithCount>>,
    /// When each published question was published and answered.
    answer_times: kept::Kept<Vec<feedback::AnswerTime>>,
    /// Record pages' systems with their counts of published comments.
    system_pages: kept::KeptByKey<app::record::SystemId, (app::record::System, i64)>,
    /// The register's statistics, kept longer (see `statistics.rs`).
    statistics: kept::Kept<app::statistics::Statistics>,
    /// Each agency's statistics, kept as long.
    agency_statistics: kept::KeptByKey<app::record::AgencySlug, app::statistics::Statistics>,
    /// Held while statistics are counted, so only one request counts.
    statistics_turn: Arc<tokio::sync::Mutex<()>>,
}

/// A transaction that writes: everything written through it lands together
/// at [`WriteTransaction::commit`], or not at all when it is dropped.
pub struct WriteTransaction {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    /// Held until the transaction ends, on SQLite.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    /// Counted once the transaction commits.
    commits: kept::Commits,
}

impl WriteTransaction {
    /// Makes everything written through the transaction last.
    pub async fn commit(self) -> Result<(), AppError> {
        self.tx.commit().await.map_err(database_error)?;
        self.commits.count();
        Ok(())
    }

    /// Commits writes that no kept value reads (the mail queue's claims and
    /// deliveries): what pages keep in memory stays kept.
    pub async fn commit_unseen(self) -> Result<(), AppError> {
        self.tx.commit().await.map_err(database_error)
    }

    /// Undoes everything written through the transaction (as dropping it does).
    pub async fn rollback(self) -> Result<(), AppError> {
        self.tx.rollback().await.map_err(database_error)
    }
}

impl std::ops::Deref for WriteTransaction {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTransaction {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }
}

/// Counts reported by `/healthz`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Health {
    pub systems: i64,
    pub agencies: i64,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Storage {
    /// The URL of the embedded SQLite database in a data directory.
    pub fn sqlite_url(data_dir: &Path) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("lantern.db").display()
        )
    }

    /// Connects to the database at `url` (`sqlite://…` or `postgres://…`) and
    /// brings its schema up to date.
    pub async fn open(url: &str) -> anyhow::Result<Storage> {
        install_default_drivers();
        let kind = if url.starts_with("sqlite:") {
            DatabaseKind::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            DatabaseKind::Postgres
        } else {
            anyhow::bail!(
                "DATABASE_URL must start with sqlite: or postgres:, not “{}”",
                url.split(':').next().unwrap_or(url)
            );
        };
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
        let pool = match kind {
            DatabaseKind::Sqlite => {
                options
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // WAL lets readers work while an import writes; foreign keys
                            // are off by default in SQLite. synchronous = FULL syncs the
                            // log at every commit: a published version or an audit-log
                            // entry survives a power cut once its request was answered
                            // (NORMAL could lose the last commits; see docs/operating.md).
                            // Reads map the file into memory (up to 4 GiB of it)
                            // instead of copying each page out of the kernel's
                            // cache: the export streams about 1.5 times as fast.
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                                 PRAGMA mmap_size = 4294967296;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await
            }
            DatabaseKind::Postgres => options.max_connections(16).connect(url).await,
        }
        .with_context(|| format!("could not open the database at {}", redact(url)))?;
        let migrator = match kind {
            DatabaseKind::Sqlite => &SQLITE_MIGRATIONS,
            DatabaseKind::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&pool)
            .await
            .context("could not migrate the database")?;
        let commits = kept::Commits::default();
        let storage = Storage {
            pool,
            kind,
            sqlite_writer: Arc::default(),
            agency_names: kept::Kept::new(&commits),
            feedback_settings: kept::Kept::new(&commits),
            overview: kept::Kept::new(&commits),
            agencies: kept::Kept::new(&commits),
            answer_times: kept::Kept::new(&commits),
            system_pages: kept::KeptByKey::new(&commits),
            statistics: kept::Kept::keeping_for(&commits, statistics::KEPT_FOR),
            agency_statistics: kept::KeptByKey::keeping_for(&commits, statistics::KEPT_FOR),
            statistics_turn: Arc::default(),
            commits,
        };
        storage
            .forget_outdated_public_json()
            .await
            .context("could not check the shape of the open data's stored JSON")?;
        Ok(storage)
    }

    /// Starts a transaction that will write.
    ///
    /// SQLite has one writer at a time. Writers of this process queue here,
    /// in order, and the transaction takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a deferred transaction whose read turns into a write after
    /// another writer committed fails with "database is locked", and waiting
    /// in SQLite's busy handler sleeps far longer than queueing here. Other
    /// processes (a `lantern import` beside the server) still wait through the
    /// busy timeout. PostgreSQL needs neither.
    async fn write_transaction(&self) -> Result<WriteTransaction, AppError> {
        let (turn, tx) = match self.kind {
            DatabaseKind::Sqlite => {
                let turn = self.sqlite_writer.clone().lock_owned().await;
                (Some(turn), self.pool.begin_with("BEGIN IMMEDIATE").await)
            }
            DatabaseKind::Postgres => (None, self.pool.begin().await),
        };
        Ok(WriteTransaction {
            tx: tx.map_err(database_error)?,
            _turn: turn,
            commits: self.commits.clone(),
        })
    }

    /// Writes a consistent copy of a SQLite database to `file` (`VACUUM
    /// INTO`: a snapshot of one moment, while others keep reading and
    /// writing). PostgreSQL is backed up with its own tools.
    pub async fn backup_into(&self, file: &Path) -> anyhow::Result<()> {
        if self.kind != DatabaseKind::Sqlite {
            anyhow::bail!(
                "lantern backup copies a SQLite register; back up PostgreSQL with pg_dump (see docs/operating.md)"
            );
        }
        let path = file
            .to_str()
            .context("the backup file's name must be UTF-8")?;
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string())
            .execute(&self.pool)
            .await
            .with_context(|| format!("could not write the backup to {path}"))?;
        Ok(())
    }

    /// Refreshes PostgreSQL's statistics of the tables and its map of
    /// pages every transaction sees (`VACUUM (ANALYZE)`) after a bulk write,
    /// rather than waiting for autovacuum: a planner that believes `systems`
    /// is empty picks plans that crawl at 100,000 rows, and without the map
    /// an index-only scan reads every row's page too (an export batch's
    /// join took twice as long). SQLite needs neither.
    pub async fn refresh_statistics(&self) -> Result<(), AppError> {
        if self.kind == DatabaseKind::Postgres {
            sqlx::query("VACUUM (ANALYZE)")
                .execute(&self.pool)
                .await
                .map_err(database_error)?;
        }
        Ok(())
    }

    /// Closes every connection; later calls fail as a database outage would.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Checks the database answers, and says what the register publishes
    /// (from the kept counts: no scan).
    pub async fn health(&self) -> Result<Health, AppError> {
        let (systems, agencies): (i64, i64) = sqlx::query_as(
            "SELECT coalesce((SELECT systems FROM published_counts WHERE facet = 'all'), 0), \
                    (SELECT count(*) FROM agencies)",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(database_error)?;
        Ok(Health { systems, agencies })
    }
}

/// Bytes as lower-case hex digits, the way the database keeps hashes and tokens.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Logs a database error once and turns it into the error users see.
pub(crate) fn database_error(error: sqlx::Error) -> AppError {
    if let sqlx::Error::Database(db) = &error
        && db.is_unique_violation()
    {
        return AppError::Conflict(db.message().to_string());
    }
    tracing::error!(%error, "database error");
    AppError::Internal(error.to_string())
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..scheme_end + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://lantern:secret@db:5432/lantern"),
            "postgres://lantern:***@db:5432/lantern"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(
            redact("sqlite://data/lantern.db"),
            "sqlite://data/lantern.db"
        );
    }
}
