//! PostgreSQL's move to its own types (migration 0017: times `timestamptz`,
//! lists `jsonb`, flags `boolean`). A register written in the previous
//! schema, where PostgreSQL held everything as SQLite does, is converted in
//! place when Lantern opens it: every row of every table is still there with
//! the same values, and every export is byte for byte what it was. The
//! migrations after it (0018: each system's latest audit kept in its row;
//! 0020: each record's completeness and review date, worked out from the
//! records as `lantern serve` does at start) run on the way and are held to
//! the same.
//!
//! The previous schema is filled by copying a SQLite register row by row
//! (both held the same text and integers then), so the exports before are
//! SQLite's and the test also holds the two databases to one behaviour.

use crate::support::ENGLISH;
use crate::support::databases::TestDatabase;
use crate::support::search::TestSearch;
use crate::support::shared_data;
use crate::support::site;

use app::record::{
    Author, CommentState, DraftState, FeedbackKind, HideReason, Role, TokenScope, WriteState,
};
use app::register::Register;
use axum::http::StatusCode;
use lantern::accounts::NewAccount;
use lantern::import::{self, us_omb_2025};
use lantern::storage::{
    Draft, IdempotencyKey, LogEntry, NewApiToken, NewComment, PendingImport, Storage, WriteOutcome,
};
use sqlx::{Connection, Row};
use std::collections::BTreeMap;

/// The last migration of the previous schema.
const PREVIOUS_SCHEMA: i64 = 16;

#[tokio::test]
async fn a_postgresql_register_of_the_previous_schema_converts_in_place_with_every_export_identical()
 {
    let source = TestDatabase::sqlite().await;
    fill(&source.storage).await;
    // Comments written in the previous schema kept no language (0024).
    sqlx::query("UPDATE comments SET language = NULL")
        .execute(&mut source.connect().await)
        .await
        .unwrap();
    let before = exports(&source.storage).await;

    let target = PreviousSchema::create().await;
    let copied = copy_rows(&source.url, &target.url).await;
    assert!(copied["system_versions"] > 3000, "{copied:?}");
    let storage = Storage::open(&target.url)
        .await
        .expect("Lantern opens a register of the previous schema and converts it");
    // Migration 0020's oversight columns are worked out from the records,
    // as `lantern serve` does when it starts.
    // Each system it works out is queued for the search index, which must
    // learn its new facets; those rows go before the tables are compared.
    let mut conn = sqlx::PgConnection::connect(&target.url).await.unwrap();
    let (queued_before,): (i64,) = sqlx::query_as("SELECT coalesce(max(id), 0) FROM search_outbox")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    let filled = storage.fill_oversight().await.unwrap();
    assert_eq!(filled as i64, storage.health().await.unwrap().systems);
    let queued = sqlx::query("DELETE FROM search_outbox WHERE id > $1")
        .bind(queued_before)
        .execute(&mut conn)
        .await
        .unwrap();
    assert_eq!(queued.rows_affected(), filled);
    conn.close().await.unwrap();

    let tables = columns(&target.url).await;
    let types = column_types(&tables);
    for (column, expected) in [
        ("system_versions.published_at", "timestamp with time zone"),
        ("changes.changed_at", "timestamp with time zone"),
        ("sessions.expires_at", "timestamp with time zone"),
        ("system_versions.tags", "jsonb"),
        ("system_versions.data", "jsonb"),
        ("drafts.content", "jsonb"),
        ("systems.described", "boolean"),
        ("comments.personal_data_found", "boolean"),
        ("agencies.requires_approval", "boolean"),
    ] {
        assert_eq!(types[column], expected, "{column}");
    }
    let times = types
        .values()
        .filter(|t| *t == "timestamp with time zone")
        .count();
    // 31 converted by migration 0017, `systems.review_by` (0020),
    // `systems.agency_review_by` (0023), four of `mail_queue` (0024) and
    // three of `subscriptions` (0025).
    assert_eq!(times, 42, "every time column converted: {types:?}");
    // Migration 0018: each system's latest audit (compared with SQLite's,
    // kept as audits were recorded, with every other column below), and a
    // version's stored JSON kept in its row.
    let mut conn = sqlx::PgConnection::connect(&target.url).await.unwrap();
    let (audited, storage_kind): (i64, String) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM systems WHERE latest_audit IS NOT NULL), \
         (SELECT attstorage::text FROM pg_attribute \
          WHERE attrelid = 'system_versions'::regclass AND attname = 'public_members')",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    assert!(audited > 0, "the latest audits are filled in");
    assert_eq!(storage_kind, "m", "public_members is stored MAIN");

    let sqlite_tables = table_contents(&source.url, &tables).await;
    let postgres_tables = table_contents(&target.url, &tables).await;
    assert_eq!(
        sqlite_tables.keys().collect::<Vec<_>>(),
        postgres_tables.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &sqlite_tables {
        // A table made after the previous schema (0020's missing fields) is
        // written by the fill, not copied.
        if let Some(copied) = copied.get(table) {
            assert_eq!(rows.len(), *copied, "{table}: every row copied");
        }
        assert!(
            rows == &postgres_tables[table],
            "{table}: the values changed in the conversion"
        );
    }

    let after = exports(&storage).await;
    assert_same_exports(&before, &after, "after the conversion");

    // The stored open-data JSON, written again from the converted columns,
    // is the same text.
    let mut conn = sqlx::PgConnection::connect(&target.url).await.unwrap();
    sqlx::query("UPDATE system_versions SET public_members = NULL")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("UPDATE audits SET public_json = NULL")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let rewritten = exports(&storage).await;
    assert_same_exports(&before, &rewritten, "with the stored JSON written again");
    storage.close().await;
}

/// A register with rows in every table: the demo's agencies, systems and
/// audits, the real US 2025 inventory, and the accounts, sessions, tokens,
/// drafts, comments, flags, answers, log entries, sign-in locks, waiting
/// imports, idempotency keys and leases that using it leaves.
async fn fill(storage: &Storage) {
    lantern::demo::seed_if_empty(storage).await.unwrap();
    let bytes = std::fs::read(shared_data::us_omb_2025_use_cases()).unwrap();
    let parsed = us_omb_2025::parse(&bytes, ENGLISH).unwrap();
    import::write(storage, &parsed, "the test file", false)
        .await
        .unwrap();
    let now = "2026-11-28T07:00:00Z";
    let later = "2026-12-28T07:00:00Z";
    let agency = storage.agencies().await.unwrap()[0].agency.slug.clone();
    let system = storage
        .agency_systems(&agency, 1)
        .await
        .unwrap()
        .remove(0)
        .id;
    let content = storage.system(&system).await.unwrap().unwrap().content;

    let mut tx = storage.begin().await.unwrap();
    let editor = Storage::create_account(
        &mut tx,
        &NewAccount {
            email: "editor@example.org".into(),
            name: "An Editor".into(),
            role: Role::Editor,
            agency: Some(agency.clone()),
        },
        "hash",
        now,
    )
    .await
    .unwrap();
    let admin = Storage::create_account(
        &mut tx,
        &NewAccount {
            email: "admin@example.org".into(),
            name: "An Admin".into(),
            role: Role::Admin,
            agency: None,
        },
        "hash",
        now,
    )
    .await
    .unwrap();
    Storage::set_account_disabled(&mut tx, admin.id, Some(now))
        .await
        .unwrap();
    let token = Storage::create_token(
        &mut tx,
        &NewApiToken {
            agency: &agency,
            scope: TokenScope::Publish,
            label: "pipeline",
            token_hash: "token-hash",
            created_by: "editor@example.org",
            now,
            expires_at: Some(later),
        },
    )
    .await
    .unwrap();
    let revoked = Storage::create_token(
        &mut tx,
        &NewApiToken {
            agency: &agency,
            scope: TokenScope::Draft,
            label: "old",
            token_hash: "old-hash",
            created_by: "editor@example.org",
            now,
            expires_at: None,
        },
    )
    .await
    .unwrap();
    Storage::revoke_token(&mut tx, revoked.id, now)
        .await
        .unwrap();
    Storage::save_draft(
        &mut tx,
        &Draft {
            system_id: system.clone(),
            agency: agency.clone(),
            content: content.clone(),
            change_summary: "Clearer purpose".into(),
            state: DraftState::Editing,
            author: Author::Account(editor.id),
            author_name: editor.name.clone(),
            created_at: now.into(),
            updated_at: now.into(),
        },
    )
    .await
    .unwrap();
    Storage::set_requires_approval(&mut tx, &agency, true)
        .await
        .unwrap();
    Storage::remember_idempotent_write(
        &mut tx,
        token.id,
        &IdempotencyKey {
            key: "key-1".into(),
            request_hash: "request-hash".into(),
        },
        &WriteOutcome {
            id: system.clone(),
            state: WriteState::Published,
            version: Some(1),
        },
        now,
    )
    .await
    .unwrap();
    Storage::log_write(
        &mut tx,
        &LogEntry {
            id: 0,
            at: now.into(),
            actor: "editor@example.org".into(),
            acting_as: "editor".into(),
            agency: Some(agency.0.clone()),
            action: "save_draft".into(),
            system_id: Some(system.0.clone()),
            detail: "Saved a draft".into(),
        },
    )
    .await
    .unwrap();
    let comment = |kind, state, email: Option<&str>, personal_data_found| NewComment {
        system: system.clone(),
        kind,
        body: "Who checks the model's decisions?".into(),
        body_key: format!("who checks {kind:?} {state:?}"),
        name: Some("A citizen".into()),
        email: email.map(str::to_string),
        language: "en".into(),
        state,
        personal_data_found,
        now: now.into(),
    };
    let question = Storage::insert_comment(
        &mut tx,
        &comment(FeedbackKind::Question, CommentState::Published, None, false),
    )
    .await
    .unwrap();
    Storage::answer_comment(&mut tx, question, "A caseworker.", "An Editor", later)
        .await
        .unwrap();
    Storage::answer_comment(
        &mut tx,
        question,
        "A caseworker, always.",
        "An Editor",
        later,
    )
    .await
    .unwrap();
    Storage::add_flag(&mut tx, question, "client-1", HideReason::OffTopic, now)
        .await
        .unwrap();
    let pending = Storage::insert_comment(
        &mut tx,
        &comment(
            FeedbackKind::Error,
            CommentState::Pending,
            Some("me@example.org"),
            true,
        ),
    )
    .await
    .unwrap();
    Storage::moderate_comment(
        &mut tx,
        pending,
        CommentState::Hidden,
        Some(HideReason::PersonalData),
        Some("holds a phone number"),
        "moderator@example.org",
        later,
    )
    .await
    .unwrap();
    Storage::insert_comment(
        &mut tx,
        &comment(
            FeedbackKind::Feedback,
            CommentState::Pending,
            Some("you@example.org"),
            false,
        ),
    )
    .await
    .unwrap();
    Storage::forget_emails(&mut tx, "2026-11-28T07:00:01Z", later)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    storage
        .create_session(editor.id, "session-hash", "csrf", now, later)
        .await
        .unwrap();
    storage
        .use_token("token-hash", now, now)
        .await
        .unwrap()
        .expect("the token is usable");
    for _ in 0..3 {
        storage
            .claim_sign_in("editor@example.org", now, now, 2, later)
            .await
            .unwrap();
    }
    storage
        .save_pending_import(
            &PendingImport {
                id: "pending-1".into(),
                agency: agency.clone(),
                account_id: editor.id,
                file_name: "systems.csv".into(),
                records: serde_json::json!([{"row": 2, "id": system.0, "content": content}])
                    .to_string(),
                created_at: now.into(),
            },
            "2026-11-27T07:00:00Z",
        )
        .await
        .unwrap();
    assert!(
        storage
            .take_lease("indexer", "instance-1", now, later)
            .await
            .unwrap()
    );
}

/// Every export and the feeds built from the changes, as bytes; the JSON
/// document's `exported_at` (the moment of the request) left out.
async fn exports(storage: &Storage) -> BTreeMap<&'static str, String> {
    let search = TestSearch::embedded(storage).await;
    let site = site::router(storage, search.engine.clone());
    let mut exports = BTreeMap::new();
    for uri in [
        "/api/v1/export.ndjson",
        "/api/v1/export.csv",
        "/api/v1/export.json",
        "/api/v1/changes?limit=500",
        "/api/v1/changes?since=2020-01-01T00:00:00Z&limit=500",
        "/api/v1/systems?limit=100&sort=updated",
    ] {
        let (status, text) = site::get(&site, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {text}");
        let text = match text.split_once(",\"schema\":") {
            Some((_, rest)) if uri.ends_with(".json") => rest.to_string(),
            _ => text,
        };
        exports.insert(uri, text);
    }
    exports
}

fn assert_same_exports(
    before: &BTreeMap<&'static str, String>,
    after: &BTreeMap<&'static str, String>,
    when: &str,
) {
    for (uri, text) in before {
        assert!(text.len() > 1000, "{uri} holds the register");
        if text != &after[uri] {
            let at = text
                .bytes()
                .zip(after[uri].bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(text.len().min(after[uri].len()));
            let around = |s: &str| s[at.saturating_sub(200)..(at + 200).min(s.len())].to_string();
            panic!(
                "{uri} differs {when}, at byte {at}:\n before: {}\n after:  {}",
                around(text),
                around(&after[uri])
            );
        }
    }
}

/// A new PostgreSQL database migrated up to [`PREVIOUS_SCHEMA`], dropped at the end.
struct PreviousSchema {
    url: String,
    _database: TestDatabase,
}

impl PreviousSchema {
    async fn create() -> PreviousSchema {
        // An empty database of the test's own, made by the support module and
        // emptied again, so it is dropped like any other.
        let database = TestDatabase::postgres().await;
        database.storage.close().await;
        let url = database.url.clone();
        let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query("DROP SCHEMA public CASCADE")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("CREATE SCHEMA public")
            .execute(&mut conn)
            .await
            .unwrap();
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/postgres");
        let mut migrator = sqlx::migrate::Migrator::new(folder).await.unwrap();
        migrator
            .migrations
            .to_mut()
            .retain(|m| m.version <= PREVIOUS_SCHEMA);
        migrator.run(&mut conn).await.unwrap();
        conn.close().await.unwrap();
        PreviousSchema {
            url,
            _database: database,
        }
    }
}

/// The register's tables and their columns, with PostgreSQL's type of each.
async fn columns(postgres: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut conn = sqlx::PgConnection::connect(postgres).await.unwrap();
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS d \
         FROM information_schema.columns WHERE table_schema = 'public' \
         AND table_name <> '_sqlx_migrations' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    let mut tables: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for row in rows {
        tables
            .entry(row.get("t"))
            .or_default()
            .push((row.get("c"), row.get("d")));
    }
    tables
}

/// `table.column` → PostgreSQL's type, of [`columns`]' answer.
fn column_types(tables: &BTreeMap<String, Vec<(String, String)>>) -> BTreeMap<String, String> {
    tables
        .iter()
        .flat_map(|(table, columns)| {
            columns
                .iter()
                .map(move |(column, kind)| (format!("{table}.{column}"), kind.clone()))
        })
        .collect()
}

/// Copies every row of every table of the SQLite register into the
/// PostgreSQL one of the previous schema, as the text and integers both
/// held; answers how many rows each table got.
async fn copy_rows(sqlite: &str, postgres: &str) -> BTreeMap<String, usize> {
    let mut from = sqlx::SqliteConnection::connect(sqlite).await.unwrap();
    let mut to = sqlx::PgConnection::connect(postgres).await.unwrap();
    let mut tx = to.begin().await.unwrap();
    // The rows go in table by table: foreign keys are checked by the source.
    sqlx::query("SET LOCAL session_replication_role = replica")
        .execute(&mut *tx)
        .await
        .unwrap();
    let mut copied = BTreeMap::new();
    for (table, columns) in columns(postgres).await {
        let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
        let select = names
            .iter()
            .map(|c| format!("CAST({c} AS TEXT)"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(&format!("SELECT {select} FROM {table}"))
            .fetch_all(&mut from)
            .await
            .unwrap_or_else(|e| panic!("{table} in SQLite: {e}"));
        let values = columns
            .iter()
            .enumerate()
            .map(|(n, (_, kind))| format!("CAST(${} AS {kind})", n + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let insert = format!(
            "INSERT INTO {table} ({}) VALUES ({values})",
            names.join(", ")
        );
        // What the migrations wrote (default settings, the counts' first row)
        // gives way to the register's own.
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut *tx)
            .await
            .unwrap();
        for row in &rows {
            let mut query = sqlx::query(&insert);
            for n in 0..names.len() {
                query = query.bind(row.get::<Option<String>, _>(n));
            }
            query.execute(&mut *tx).await.unwrap();
        }
        for (column, _) in columns.iter().filter(|(_, kind)| kind == "bigint") {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
                 coalesce(max({column}), 0) + 1, false) FROM {table} \
                 WHERE pg_get_serial_sequence('{table}', '{column}') IS NOT NULL"
            ))
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        copied.insert(table, rows.len());
    }
    tx.commit().await.unwrap();
    to.close().await.unwrap();
    copied
}

/// A value of a row, as comparable across the two databases: JSON parsed,
/// everything else as the text Lantern reads.
#[derive(Debug, PartialEq)]
enum Value {
    Text(Option<String>),
    Json(serde_json::Value),
}

/// Every table's rows (in their text's order), each value as Lantern reads
/// it: on PostgreSQL, times through `rfc3339()` (the changes feed's with
/// microseconds), flags as 1 or 0 and JSON parsed. `tables` are the
/// converted register's tables and columns (see [`columns`]).
async fn table_contents(
    url: &str,
    tables: &BTreeMap<String, Vec<(String, String)>>,
) -> BTreeMap<String, Vec<Vec<Value>>> {
    let postgres = url.starts_with("postgres");
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.unwrap();
    let mut contents = BTreeMap::new();
    for (table, columns) in tables {
        let select = columns
            .iter()
            .map(|(c, kind)| match (postgres, kind.as_str()) {
                (true, "timestamp with time zone") if c == "changed_at" => {
                    format!("rfc3339_precise({c})")
                }
                (true, "timestamp with time zone") => format!("rfc3339({c})"),
                (true, "boolean") => format!("CASE WHEN {c} THEN '1' ELSE '0' END"),
                _ => format!("CAST({c} AS TEXT)"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(&format!("SELECT {select} FROM {table}"))
            .fetch_all(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        let mut values: Vec<Vec<Value>> = rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .enumerate()
                    .map(|(n, (_, kind))| {
                        let text: Option<String> = row.get(n);
                        match (kind.as_str(), text) {
                            ("jsonb", Some(text)) => {
                                Value::Json(serde_json::from_str(&text).expect("stored JSON"))
                            }
                            (_, text) => Value::Text(text),
                        }
                    })
                    .collect()
            })
            .collect();
        values.sort_by_key(|row| format!("{row:?}"));
        contents.insert(table.clone(), values);
    }
    conn.close().await.unwrap();
    contents
}
