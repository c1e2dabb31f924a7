//! `lantern import` refuses files that are not the format named, and writes nothing.

use crate::support::ENGLISH;
use crate::support::databases::TestDatabase;
use crate::support::shared_data;

use lantern::config::DataConfig;
use lantern::import::{self, ImportFormat, us_omb_2025};

fn config(dir: &std::path::Path) -> DataConfig {
    DataConfig {
        data_dir: dir.to_path_buf(),
        database_url: None,
        meilisearch_url: None,
        meilisearch_api_key: None,
    }
}

#[tokio::test]
async fn files_of_another_shape_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.csv", b"", "the file is empty"),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            "not text",
        ),
        (
            "other.csv",
            b"name,summary,agency\nA,B,C\n",
            "missing columns",
        ),
        ("latin1.csv", b"agency,name\n\xe9t\xe9,x\n", "not text"),
        (
            "cots.csv",
            &std::fs::read(shared_data::us_omb_2025(
                "2025_consolidated_COTS_AI_use_cases.csv",
            ))
            .unwrap(),
            "not a us-omb-2025 CSV file",
        ),
    ];
    for (name, bytes, message) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let data_dir = dir.path().join(format!("data-{name}"));
        let error = import::run(&config(&data_dir), ImportFormat::UsOmb2025, &file, None)
            .await
            .expect_err(name);
        let text = format!("{error:#}");
        assert!(text.contains(message), "{name}: {text}");
        assert!(
            text.contains(name),
            "{name}: the message names the file: {text}"
        );
        assert!(
            !data_dir.join("lantern.db").exists(),
            "{name}: no database was even created"
        );
    }
    let missing = import::run(
        &config(dir.path()),
        ImportFormat::UsOmb2025,
        &dir.path().join("nope.csv"),
        None,
    )
    .await;
    assert!(format!("{:#}", missing.unwrap_err()).contains("could not read"));
}

#[tokio::test]
async fn the_real_file_imports_with_a_report_and_reimports_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    import::run(
        &config(dir.path()),
        ImportFormat::UsOmb2025,
        &shared_data::us_omb_2025_use_cases(),
        Some(&report),
    )
    .await
    .unwrap();
    let first_report = std::fs::read_to_string(&report).unwrap();
    assert!(first_report.lines().count() >= 4, "{first_report}");
    assert!(
        first_report
            .lines()
            .all(|l| l.starts_with("row ") && l.contains(": ")),
        "{first_report}"
    );
    let storage = config(dir.path()).open().await.unwrap();
    let systems = storage.health().await.unwrap().systems;
    assert_eq!(systems as usize + first_report.lines().count(), 3611);
    storage.close().await;

    import::run(
        &config(dir.path()),
        ImportFormat::UsOmb2025,
        &shared_data::us_omb_2025_use_cases(),
        Some(&report),
    )
    .await
    .unwrap();
    assert_eq!(std::fs::read_to_string(&report).unwrap(), first_report);
    let storage = config(dir.path()).open().await.unwrap();
    assert_eq!(storage.health().await.unwrap().systems, systems);
    assert_eq!(storage.health().await.unwrap().agencies, 41);
}

/// A bulk import leaves PostgreSQL's planner knowing the register's size
/// (`ANALYZE`), not waiting for autovacuum to find out.
#[tokio::test]
async fn a_bulk_import_refreshes_postgresql_statistics() {
    use sqlx::Row;
    let db = TestDatabase::postgres().await;
    let bytes = std::fs::read(shared_data::us_omb_2025_use_cases()).unwrap();
    let parsed = us_omb_2025::parse(&bytes, ENGLISH).unwrap();
    import::write(&db.storage, &parsed, "the test file", false)
        .await
        .unwrap();
    let mut connection = db.connect().await;
    let mut count = async |sql: &str| {
        sqlx::query(sql)
            .fetch_one(&mut connection)
            .await
            .unwrap()
            .get::<i64, _>(0)
    };
    let estimated = count(
        "SELECT CAST(reltuples AS BIGINT) FROM pg_class \
         WHERE relname = 'system_versions' AND relnamespace = 'public'::regnamespace",
    )
    .await;
    let counted = count("SELECT count(*) FROM system_versions").await;
    assert!(counted > 3_000, "{counted}");
    assert_eq!(estimated, counted, "the planner's estimate is the count");
    db.remove().await;
}
