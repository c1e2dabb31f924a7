//! Fresh databases for tests: a SQLite file in a temporary directory and a new
//! PostgreSQL database, so every test starts from an empty register.

// Each test crate uses a different part of this module.
use lantern::storage::Storage;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The PostgreSQL server tests create their databases on.
fn postgres_server() -> String {
    std::env::var("LANTERN_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// One empty register on one database, removed when the test is done with it.
pub struct TestDatabase {
    pub name: &'static str,
    pub storage: Storage,
    /// Where it is, for tests that check the storage layer against SQL of their own.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(tempfile::TempDir),
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
            cleanup: Cleanup::Sqlite(dir),
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
            cleanup: Cleanup::Postgres(name),
        }
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
    pub async fn remove(self) {
        use sqlx::Connection;
        self.storage.close().await;
        match self.cleanup {
            Cleanup::Sqlite(dir) => drop(dir),
            Cleanup::Postgres(name) => {
                let server = postgres_server();
                if let Ok(mut admin) =
                    sqlx::PgConnection::connect(&format!("{server}/postgres")).await
                {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut admin)
                        .await;
                }
            }
        }
    }
}
