//! The scale-out configuration, run for real: `lantern serve` processes on
//! one PostgreSQL database and a Meilisearch of the test's own, which the
//! tests kill (SIGKILL) and restart. Tests that need Meilisearch are in
//! `on_meilisearch` and say SKIPPED without `MEILISEARCH_BIN`.

use crate::support::databases::TestDatabase;
use crate::support::processes::{Lantern, lantern_command, wait_until};
use std::time::Duration;

/// The demo register on a new PostgreSQL database, with a publishing token
/// of the tax office (as its `Authorization` header value).
async fn demo_on_postgres() -> (TestDatabase, String) {
    let db = TestDatabase::postgres().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let token = match crate::support::manage::agency_token(
        &db.storage,
        "tax-office",
        app::record::TokenScope::Publish,
    )
    .await
    {
        crate::support::manage::Auth::Bearer(secret) => format!("Bearer {secret}"),
        _ => unreachable!("a token is a bearer"),
    };
    (db, token)
}

/// A new system of the tax office, published through `lantern`'s API; its id.
async fn publish(lantern: &Lantern, token: &str, name: &str) -> String {
    let body = serde_json::json!({
        "name": name,
        "summary": "Published through one instance of several.",
        "stage": "pilot",
        "topic": "tax",
    });
    let created = lantern
        .request(
            "POST",
            "/api/v1/systems",
            &[
                ("authorization", token),
                ("content-type", "application/json"),
            ],
            &body.to_string(),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    created.json()["id"].as_str().unwrap().to_string()
}

/// How many systems a word search of the API finds through `lantern`
/// (`None` while search answers an error).
async fn found_by_api(lantern: &Lantern, words: &str) -> Option<u64> {
    let answer = lantern
        .get(&format!("/api/v1/systems?q={words}&limit=1"))
        .await;
    (answer.status == 200).then(|| answer.json()["total"].as_u64().unwrap())
}

/// `/healthz` of `lantern`, as JSON.
async fn health(lantern: &Lantern) -> serde_json::Value {
    let answer = lantern.get("/healthz").await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    answer.json()
}

#[tokio::test]
async fn the_embedded_index_refuses_a_second_process() {
    let db = TestDatabase::sqlite().await;
    let data_dir = tempfile::tempdir().unwrap();
    let path = data_dir.path().to_path_buf();
    let first = Lantern::start_in(data_dir, &db.url, None, &[]).await;
    let second = lantern_command(&path, &db.url, None)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "the second one stops");
    assert!(
        said.contains("is in use by another lantern process"),
        "and says why: {said}"
    );
    assert_eq!(
        first.get("/healthz").await.status,
        200,
        "the first keeps serving"
    );
    drop(first);
    db.remove().await;
}

mod on_meilisearch {
    use super::*;
    use crate::support::processes::OwnMeilisearch;

    /// With Meilisearch killed, the register keeps serving, search says it is
    /// unavailable, `/healthz` says degraded and writes queue in the outbox;
    /// restarted, the outbox drains and every change is searchable. An
    /// instance started while Meilisearch is down serves too, and builds the
    /// index when it answers.
    #[tokio::test]
    async fn a_killed_meilisearch_degrades_search_only_and_catches_up() {
        let Some(mut meilisearch) = OwnMeilisearch::start().await else {
            return;
        };
        let (db, token) = demo_on_postgres().await;
        let settings = meilisearch.settings();
        let mut lantern = Lantern::start(&db.url, Some(&settings), &[]).await;
        wait_until("the index is built", Duration::from_secs(60), async || {
            found_by_api(&lantern, "chatbot").await.unwrap_or(0) > 0
        })
        .await;
        let id = publish(&lantern, &token, "Quokka letter sorter").await;
        wait_until(
            "the new system is found",
            Duration::from_secs(30),
            async || found_by_api(&lantern, "quokka").await == Some(1),
        )
        .await;

        meilisearch.kill();
        let page = lantern.get("/systems?q=chatbot").await;
        assert_eq!(page.status, 503, "{}", page.text);
        assert!(page.text.contains("Search is unavailable"), "{}", page.text);
        let api = lantern.get("/api/v1/systems?q=chatbot").await;
        assert_eq!(api.status, 503, "{}", api.text);
        assert_eq!(api.json()["errors"][0]["code"], "search_unavailable");
        assert_eq!(api.header("retry-after"), Some("30"));
        for path in [
            format!("/systems/{id}"),
            format!("/api/v1/systems/{id}"),
            "/agencies".into(),
            "/".into(),
            "/api/v1/changes".into(),
        ] {
            let answer = lantern.get(&path).await;
            assert_eq!(answer.status, 200, "{path} without search");
        }
        let healthz = health(&lantern).await;
        assert_eq!(healthz["status"], "degraded", "{healthz}");
        assert_eq!(healthz["search_status"], "unavailable", "{healthz}");

        // Writes keep landing; the changes wait in the outbox.
        let while_down = publish(&lantern, &token, "Wombat benefit checker").await;
        let pending = health(&lantern).await["search_pending"].as_i64().unwrap();
        assert!(pending >= 1, "the change waits: {pending}");
        assert_eq!(
            lantern.get(&format!("/systems/{while_down}")).await.status,
            200
        );

        meilisearch.start_again().await;
        wait_until("the outbox drains", Duration::from_secs(90), async || {
            let healthz = health(&lantern).await;
            healthz["status"] == "ok" && healthz["search_pending"] == 0
        })
        .await;
        assert_eq!(found_by_api(&lantern, "wombat").await, Some(1));
        assert_eq!(found_by_api(&lantern, "quokka").await, Some(1));

        // Started while Meilisearch is down: serving, degraded, then whole.
        lantern.kill();
        meilisearch.kill();
        let lantern = Lantern::start(&db.url, Some(&settings), &[]).await;
        assert_eq!(health(&lantern).await["status"], "degraded");
        assert_eq!(lantern.get(&format!("/systems/{id}")).await.status, 200);
        meilisearch.start_again().await;
        wait_until("search comes back", Duration::from_secs(90), async || {
            found_by_api(&lantern, "wombat").await == Some(1)
        })
        .await;
        drop(lantern);
        db.remove().await;
    }

    /// Two instances, one register: what is written through one is read,
    /// searched and signed in to through the other; the changes feed stays
    /// whole across both writers; the outbox is applied by the holder of the
    /// lease, and taken over when that instance is killed.
    #[tokio::test]
    async fn two_instances_share_one_register() {
        let Some(meilisearch) = OwnMeilisearch::start().await else {
            return;
        };
        let (db, token) = demo_on_postgres().await;
        crate::support::accounts::create(
            &db.storage,
            "admin@example.gov",
            "Ada Admin",
            app::record::Role::Admin,
            "correct horse battery staple",
        )
        .await;
        let settings = meilisearch.settings();
        let a = Lantern::start(&db.url, Some(&settings), &[]).await;
        let b = Lantern::start(&db.url, Some(&settings), &[]).await;
        let mut instances = [a, b];
        let [a, b] = &instances;
        wait_until("the index is built", Duration::from_secs(60), async || {
            found_by_api(b, "chatbot").await.unwrap_or(0) > 0
        })
        .await;

        // Written through A: read and searched through B.
        let id = publish(a, &token, "Platypus parking permits").await;
        let page = b.get(&format!("/systems/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(page.text.contains("Platypus parking permits"));
        assert_eq!(b.get(&format!("/api/v1/systems/{id}")).await.status, 200);
        wait_until(
            "searchable through B",
            Duration::from_secs(30),
            async || found_by_api(b, "platypus").await == Some(1),
        )
        .await;

        // A session signed in on A works on B.
        let form = "email=admin%40example.gov&password=correct+horse+battery+staple";
        let signed_in = a
            .request(
                "POST",
                "/login",
                &[
                    ("content-type", "application/x-www-form-urlencoded"),
                    ("sec-fetch-site", "same-origin"),
                ],
                form,
            )
            .await;
        assert_eq!(signed_in.status, 303, "{}", signed_in.text);
        let cookie = signed_in.header("set-cookie").unwrap();
        let cookie = cookie.split(';').next().unwrap();
        let manage = b.request("GET", "/manage", &[("cookie", cookie)], "").await;
        assert_eq!(manage.status, 200, "signed in on B too");
        assert!(manage.text.contains("Ada Admin"), "{}", manage.text);

        // Both write at once: the feed holds every change once, in order.
        let last_before = last_cursor(&b.get("/api/v1/changes?limit=500").await.json());
        let writes = (0..10).map(|n| {
            let through = if n % 2 == 0 { a } else { b };
            let token = token.clone();
            async move { publish(through, &token, &format!("Echidna form {n}")).await }
        });
        let written: Vec<String> = futures_util::future::join_all(writes).await;
        for reader in [a, b] {
            let feed = reader
                .get(&format!("/api/v1/changes?since={last_before}&limit=500"))
                .await
                .json();
            let changes = feed["changes"].as_array().unwrap();
            let cursors: Vec<i64> = changes
                .iter()
                .map(|c| c["cursor"].as_str().unwrap().parse().unwrap())
                .collect();
            assert!(cursors.windows(2).all(|w| w[0] < w[1]), "{cursors:?}");
            let mut systems: Vec<&str> = changes
                .iter()
                .map(|c| c["system"].as_str().unwrap())
                .collect();
            systems.sort();
            let mut expected: Vec<&str> = written.iter().map(String::as_str).collect();
            expected.sort();
            assert_eq!(systems, expected, "each write once");
        }

        // The lease holder applies the outbox; killed, the other takes over.
        wait_until(
            "the writes are searchable",
            Duration::from_secs(30),
            async || found_by_api(a, "echidna").await == Some(10),
        )
        .await;
        let holder = lease_holder(&db).await;
        let holding = instances
            .iter()
            .position(|lantern| holder.starts_with(&format!("{}-", lantern.pid())))
            .unwrap_or_else(|| panic!("the lease is held by an instance: {holder}"));
        instances[holding].kill();
        let survivor = &instances[1 - holding];
        publish(survivor, &token, "Numbat noise monitor").await;
        wait_until(
            "the survivor takes the lease over and applies the change",
            Duration::from_secs(90),
            async || found_by_api(survivor, "numbat").await == Some(1),
        )
        .await;
        let holder = lease_holder(&db).await;
        assert!(
            holder.starts_with(&format!("{}-", survivor.pid())),
            "{holder}"
        );
        drop(instances);
        db.remove().await;
    }

    /// The cursor of the last change of a feed page.
    fn last_cursor(page: &serde_json::Value) -> String {
        page["changes"]
            .as_array()
            .and_then(|changes| changes.last())
            .map_or("0".into(), |c| c["cursor"].as_str().unwrap().to_string())
    }

    /// Who holds the search lease (`<pid>-<started>/<role>`).
    async fn lease_holder(db: &TestDatabase) -> String {
        use sqlx::Row;
        let mut connection = db.connect().await;
        sqlx::query("SELECT holder FROM search_leases WHERE name = 'search'")
            .fetch_one(&mut connection)
            .await
            .unwrap()
            .get::<String, _>(0)
    }
}
