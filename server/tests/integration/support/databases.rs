//! Fresh databases for tests: a SQLite file in a temporary directory and a new
//! PostgreSQL database, so every test starts from an empty register.

use lantern::storage::Storage;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The PostgreSQL server tests create their databases on.
fn postgres_server() -> String {
    std::env::var("LANTERN_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// One empty register on one database, removed when the test is done with
/// it: by [`TestDatabase::remove`], or when it is dropped (a test that fails
/// drops its PostgreSQL database too).
pub struct TestDatabase {
    pub name: &'static str,
    pub storage: Storage,
    /// Where it is, for tests that check the storage layer against SQL of their own.
    pub url: String,
    /// Taken by `remove`; what is left is cleaned up on drop.
    cleanup: Option<Cleanup>,
}

enum Cleanup {
    /// The SQLite file's folder, deleted when dropped.
    Sqlite {
        _folder: tempfile::TempDir,
    },
    Postgres(String),
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TestDatabase {
    /// An empty register on SQLite.
    pub async fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let url = Storage::sqlite_url(dir.path());
        let storage = Storage::open(&url).await.expect("SQLite opens");
        TestDatabase {
            name: "sqlite",
            storage,
            url,
            cleanup: Some(Cleanup::Sqlite { _folder: dir }),
        }
    }

    /// An empty register in a new PostgreSQL database.
    pub async fn postgres() -> TestDatabase {
        use sqlx::Connection;
        let server = postgres_server();
        let name = format!(
            "lantern_test_{}_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL must run at {server} for the storage tests (.ci/run starts it): {e}"
                )
            });
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create the test database");
        admin.close().await.ok();
        let url = format!("{server}/{name}");
        let storage = Storage::open(&url).await.expect("PostgreSQL opens");
        TestDatabase {
            name: "postgres",
            storage,
            url,
            cleanup: Some(Cleanup::Postgres(name)),
        }
    }

    /// Runs `test` on an empty SQLite register, then on an empty PostgreSQL
    /// one, each to its end: a failure on one does not keep the other from
    /// running, and the test fails naming every database it failed on.
    pub async fn on_both(test: impl AsyncFn(TestDatabase)) {
        use futures_util::FutureExt;
        let mut failed = Vec::new();
        for db in TestDatabase::both().await {
            let name = db.name;
            let run = std::panic::AssertUnwindSafe(test(db));
            if let Err(panic) = run.catch_unwind().await {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failed.push(format!("on {name}: {message}"));
            }
        }
        assert!(failed.is_empty(), "failed {}", failed.join("\n"));
    }

    /// Both databases, for tests that must behave the same on each.
    pub async fn both() -> Vec<TestDatabase> {
        vec![TestDatabase::sqlite().await, TestDatabase::postgres().await]
    }

    /// A connection of the test's own to the database, for SQL the storage
    /// layer does not offer (checking its answers, setting times).
    pub async fn connect(&self) -> sqlx::AnyConnection {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        sqlx::AnyConnection::connect(&self.url)
            .await
            .expect("the test database accepts a second connection")
    }

    /// Closes the register and removes its database.
    pub async fn remove(mut self) {
        self.storage.close().await;
        if let Some(Cleanup::Postgres(name)) = self.cleanup.take() {
            drop_postgres_database(&name).await;
        }
    }
}

impl Drop for TestDatabase {
    /// A test that ends without `remove` (it failed, say) still leaves no
    /// database behind. The drop cannot await, so a thread of its own does.
    fn drop(&mut self) {
        if let Some(Cleanup::Postgres(name)) = self.cleanup.take() {
            let dropping = std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime for the cleanup")
                    .block_on(drop_postgres_database(&name));
            });
            let _ = dropping.join();
        }
    }
}

/// Drops a test's PostgreSQL database, closing whatever still uses it.
async fn drop_postgres_database(name: &str) {
    use sqlx::Connection;
    let server = postgres_server();
    if let Ok(mut admin) = sqlx::PgConnection::connect(&format!("{server}/postgres")).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut admin)
            .await;
    }
}

#[tokio::test]
async fn a_dropped_database_is_removed_even_without_remove() {
    use sqlx::Connection;
    let db = TestDatabase::postgres().await;
    let name = db.url.rsplit('/').next().unwrap().to_string();
    drop(db);
    let mut admin = sqlx::PgConnection::connect(&format!("{}/postgres", postgres_server()))
        .await
        .unwrap();
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_one(&mut admin)
        .await
        .unwrap();
    assert_eq!(left, 0, "{name} is dropped");
}

#[tokio::test]
async fn on_both_runs_the_second_database_after_the_first_fails_and_names_it() {
    use futures_util::FutureExt;
    let ran = std::sync::Mutex::new(Vec::new());
    let outcome = std::panic::AssertUnwindSafe(TestDatabase::on_both(async |db| {
        ran.lock().unwrap().push(db.name);
        let name = db.name;
        db.remove().await;
        assert_ne!(name, "sqlite", "fails on SQLite");
    }))
    .catch_unwind()
    .await;
    assert_eq!(*ran.lock().unwrap(), ["sqlite", "postgres"]);
    let message = *outcome.unwrap_err().downcast::<String>().unwrap();
    assert!(message.contains("on sqlite:"), "{message}");
    assert!(!message.contains("on postgres"), "{message}");
}
