//! The site through its router, without a socket: statuses, pages, bad input.

use crate::support::databases;
use crate::support::search;
use crate::support::site;

use app::record::{AgencySlug, SystemContent, Withheld};
use app::register::Register;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use databases::TestDatabase;
use http_body_util::BodyExt;
use lantern::storage::Storage;
use search::TestSearch;
use site::{ONE_AT_A_TIME, get, router};
use tower::ServiceExt;

/// The site of a register, with an embedded search index that holds all of it.
async fn site(storage: &Storage) -> (Router, TestSearch) {
    let search = TestSearch::embedded(storage).await;
    (router(storage, search.engine.clone()), search)
}

/// The first system id linked from a page.
fn first_system_link(html: &str) -> String {
    let start = html.find("href=\"/systems/").expect("a system link") + "href=\"/systems/".len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn pages_answer_with_the_same_counts_on_both_databases() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let (site, _search) = site(&db.storage).await;
        let (status, body) = get(&site, "/healthz").await;
        assert_eq!(status, StatusCode::OK, "{}", db.name);
        let health: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            health,
            serde_json::json!({
                "status": "ok", "database": "ok", "systems": 44, "agencies": 13,
                "search": "embedded", "search_status": "ok", "search_pending": 0,
                "mail": {
                    "status": "off", "server": "not configured", "waiting": 0, "retrying": 0,
                    "given_up": 0, "oldest_waiting": null, "reason": null,
                },
            })
        );

        let (status, home) = get(&site, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            home.contains("<strong>44</strong> systems published"),
            "{}",
            db.name
        );

        let (status, list) = get(&site, "/systems").await;
        assert_eq!(status, StatusCode::OK);
        assert!(list.contains(">44 systems<"), "{}", db.name);
        assert_eq!(list.matches("class=\"system-item\"").count(), 25);
        let (_, second) = get(&site, "/systems?page=2").await;
        assert_eq!(
            second.matches("class=\"system-item\"").count(),
            19,
            "{}",
            db.name
        );

        let id = first_system_link(&list);
        let (status, record) = get(&site, &format!("/systems/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        for heading in [
            "At a glance",
            "Purpose",
            "How it works",
            "Human oversight",
            "Data used",
            "Latest audit",
        ] {
            assert!(
                record.contains(&format!(">{heading}<")),
                "{}: {heading}",
                db.name
            );
        }

        let (status, agencies) = get(&site, "/agencies").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            agencies.matches("href=\"/agencies/").count(),
            13,
            "{}",
            db.name
        );
        db.remove().await;
    }
}

/// A citizen's sentence that matches nothing as a whole shows the closest
/// systems, says so, and downloads what it shows; the API stays exact.
#[tokio::test]
async fn a_sentence_shows_its_closest_matches_with_a_note() {
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let (site, search) = site(&db.storage).await;
        let (status, page) = get(&site, "/systems?q=how+is+my+tax+return+checked").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            page.contains("No system matches all of “how is my tax return checked”"),
            "{page}"
        );
        assert!(page.contains("<mark>return</mark> risk scoring"), "{page}");
        assert!(!page.contains("No systems found"));
        assert!(page.contains("/api/v1/export.csv?q=tax+return"), "{page}");
        let (_, api) = get(&site, "/api/v1/systems?q=how+is+my+tax+return+checked").await;
        let api: serde_json::Value = serde_json::from_str(&api).unwrap();
        assert_eq!(api["total"], 0, "the API answers exactly what was asked");
        assert!(api["suggestions"][0]["q"].as_str().is_some());
        search.remove().await;
        db.remove().await;
    })
    .await;
}

#[tokio::test]
async fn unknown_addresses_are_404_pages() {
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let (site, _search) = site(&db.storage).await;
        for uri in [
            "/systems/no-such-id",
            "/agencies/no-such-agency",
            "/no/such/page",
            "/systems/%3Cscript%3E",
        ] {
            let (status, body) = get(&site, uri).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
            assert!(body.contains("Page not found"), "{uri}");
        }
        db.remove().await;
    })
    .await;
}

#[tokio::test]
async fn bad_query_parameters_get_a_message_never_a_500() {
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let (site, _search) = site(&db.storage).await;
        let long_query = format!("/systems?q={}", "a".repeat(501));
        for (uri, status, message) in [
            (
                "/systems?risk_level=banana",
                StatusCode::OK,
                "“banana” is not a risk level the register knows.",
            ),
            (
                "/systems?page=-1",
                StatusCode::BAD_REQUEST,
                "page “-1” is not a page number",
            ),
            (
                "/systems?page=abc",
                StatusCode::BAD_REQUEST,
                "page “abc” is not a page number",
            ),
            (
                "/systems?sort=;drop",
                StatusCode::BAD_REQUEST,
                "sort “;drop” is not one of",
            ),
            (
                "/systems?stage=%27%20OR%201=1",
                StatusCode::OK,
                "is not a stage the register knows.",
            ),
            (
                long_query.as_str(),
                StatusCode::BAD_REQUEST,
                "the search text is 501 characters long; it can be at most 500",
            ),
            (
                "/systems?page=401",
                StatusCode::BAD_REQUEST,
                "beyond the first 10,000 results",
            ),
            ("/systems?page=3", StatusCode::OK, "There is no page 3"),
            (
                "/systems?agency=no-such-agency",
                StatusCode::OK,
                "No system matches all of these filters.",
            ),
            ("/systems?unknown=1&stage=pilot", StatusCode::OK, "systems"),
        ] {
            let (got, body) = get(&site, uri).await;
            assert_eq!(got, status, "{uri}");
            assert!(body.contains(message), "{uri}: {message}");
        }
        let (status, _) = get(&site, "/healthz").await;
        assert_eq!(status, StatusCode::OK, "still serving");
        db.remove().await;
    })
    .await;
}

#[tokio::test]
async fn healthz_is_503_when_the_database_is_unreachable() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let (site, _search) = site(&db.storage).await;
    db.storage.close().await;
    let (status, body) = get(&site, "/healthz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("\"database\":\"unreachable\""), "{body}");
    let (status, body) = get(&site, "/systems").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("Sorry, something went wrong"));
    db.remove().await;
}

#[tokio::test]
async fn markdown_from_agencies_is_rendered_inert() {
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let demo = lantern::demo::register();
        let system = &demo.systems[0];
        let id = lantern::import::stable_id("demo", &system.key);
        let hostile = SystemContent {
            purpose: "Intro <script>alert('purpose')</script> text".into(),
            how_it_works: "[click me](javascript:alert('how'))".into(),
            human_oversight: "<img src=x onerror=\"alert('oversight')\">".into(),
            contest: "<iframe src=\"https://evil.example/contest\"></iframe>".into(),
            explainability: "<style>body{display:none}</style>Explained".into(),
            fairness: "*emphasis* and a [safe link](https://example.org)".into(),
            withheld: Vec::<Withheld>::new(),
            ..system.content.clone()
        };
        let mut tx = db.storage.begin().await.unwrap();
        Storage::publish(
            &mut tx,
            &id,
            &AgencySlug(system.agency.clone()),
            &hostile,
            "hostile",
            "2030-01-01T00:00:00Z",
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();

        let (site, _search) = site(&db.storage).await;
        let (status, page) = get(&site, &format!("/systems/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let article = &page[page.find("<article").unwrap()..page.find("</article>").unwrap()];
        assert!(!article.contains("<script"), "script");
        assert!(!article.contains("alert("), "no script text survives");
        assert!(
            !article.to_lowercase().contains("javascript:"),
            "javascript: link"
        );
        assert!(!article.contains("onerror"), "event handler");
        assert!(!article.contains("<iframe"), "iframe");
        assert!(!article.contains("<style"), "style");
        assert!(!article.contains("display:none"), "style text");
        assert!(article.contains("click me"), "the link text stays");
        assert!(
            article.contains("<em>emphasis</em>"),
            "markdown still renders"
        );
        assert!(
            article.contains("href=\"https://example.org\""),
            "safe links stay"
        );
        db.remove().await;
    })
    .await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let (site, _search) = site(&db.storage).await;
    for uri in [
        "/",
        "/systems",
        "/systems/no-such-id",
        "/agencies",
        "/healthz",
        "/favicon.ico",
    ] {
        let response = site
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let headers = response.headers();
        let policy = headers
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap().to_string());
        let policy = policy.unwrap_or_else(|| panic!("{uri}: no Content-Security-Policy"));
        assert!(policy.contains("frame-ancestors 'none'"), "{uri}: {policy}");
        assert!(!policy.contains("unsafe-inline"), "{uri}: {policy}");
        assert_eq!(
            headers.get("x-content-type-options").unwrap(),
            "nosniff",
            "{uri}"
        );
        assert!(headers.get("referrer-policy").is_some(), "{uri}");
    }
    // Pages allow only their own nonce-carrying scripts, and the nonce is the page's.
    let response = site
        .clone()
        .oneshot(Request::get("/systems").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce")
        .to_string();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains(&format!("nonce=\"{nonce}\"")));
    db.remove().await;
}

#[tokio::test]
async fn pages_are_gzipped_for_clients_that_accept_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let (site, _search) = site(&db.storage).await;
    let request = Request::get("/systems")
        .header("accept-encoding", "gzip")
        .body(Body::empty())
        .unwrap();
    let response = site.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let zipped = response.into_body().collect().await.unwrap().to_bytes();
    let (_, plain) = get(&site, "/systems").await;
    assert!(
        zipped.len() * 3 < plain.len(),
        "{} gzipped vs {} plain",
        zipped.len(),
        plain.len()
    );
    db.remove().await;
}

#[tokio::test]
async fn the_list_server_function_refuses_bad_parameters_with_400() {
    use leptos::server_fn::ServerFn;
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let (site, _search) = site(&db.storage).await;
        let post = |body: &'static str| {
            Request::post(<app::search::page::SearchSystems as ServerFn>::PATH)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap()
        };
        let response = site
            .clone()
            .oneshot(post("params=stage%3Dpilot"))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let response = site
            .clone()
            .oneshot(post("params=page%3Dbanana"))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert!(String::from_utf8_lossy(&body).contains("banana"));
        let response = site.clone().oneshot(post("nonsense")).await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "undecodable arguments are the caller's mistake"
        );
        let (status, _) = get(&site, "/healthz").await;
        assert_eq!(status, StatusCode::OK, "still serving");
        db.remove().await;
    })
    .await;
}

/// An engine whose index updates fail while `failing` is set; searches work.
/// Every update it is asked for is reported on `attempts`: `true` when it
/// took it, `false` when it refused.
struct FlakyEngine {
    inner: lantern::search::SharedEngine,
    failing: std::sync::atomic::AtomicBool,
    attempts: tokio::sync::mpsc::UnboundedSender<bool>,
}

#[async_trait::async_trait]
impl app::search::Search for FlakyEngine {
    async fn search(
        &self,
        query: &app::search::SystemQuery,
    ) -> Result<std::sync::Arc<app::search::SearchResults>, app::error::AppError> {
        self.inner.search(query).await
    }
}

#[async_trait::async_trait]
impl lantern::search::SearchEngine for FlakyEngine {
    fn name(&self) -> &'static str {
        "flaky"
    }
    async fn is_built(&self) -> anyhow::Result<bool> {
        self.inner.is_built().await
    }
    async fn apply(
        &self,
        documents: Vec<lantern::search::SystemDocument>,
        removed: Vec<app::record::SystemId>,
    ) -> anyhow::Result<()> {
        if self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = self.attempts.send(false);
            anyhow::bail!("the search engine is down (test)");
        }
        let applied = self.inner.apply(documents, removed).await;
        let _ = self.attempts.send(applied.is_ok());
        applied
    }
    async fn start_rebuild(&self) -> anyhow::Result<Box<dyn lantern::search::Rebuild + '_>> {
        self.inner.start_rebuild().await
    }
}

#[tokio::test]
async fn a_failed_index_update_is_retried_until_the_change_is_searchable() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let search = TestSearch::embedded(&db.storage).await;
    let (attempts, mut attempted) = tokio::sync::mpsc::unbounded_channel();
    let flaky = std::sync::Arc::new(FlakyEngine {
        inner: search.engine.clone(),
        failing: true.into(),
        attempts,
    });
    // The next update the engine is asked for, refused or taken.
    let mut next_attempt = async move || {
        tokio::time::timeout(std::time::Duration::from_secs(15), attempted.recv())
            .await
            .expect("the indexer tries within 15 seconds")
            .expect("the engine is still there")
    };
    let site = router(&db.storage, flaky.clone());
    let indexer = tokio::spawn(
        lantern::search::indexer::Indexer::new(db.storage.clone(), flaky.clone()).run(true),
    );

    let demo = lantern::demo::register();
    let system = &demo.systems[0];
    let id = lantern::import::stable_id("demo", &system.key);
    let renamed = SystemContent {
        name: "Zebra crossing counter".into(),
        ..system.content.clone()
    };
    let mut tx = db.storage.begin().await.unwrap();
    Storage::publish(
        &mut tx,
        &id,
        &AgencySlug(system.agency.clone()),
        &renamed,
        "rename",
        "2030-02-01T00:00:00Z",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // The index cannot take the change: the site keeps serving, the record
    // page shows the change (the database is the truth), search does not yet.
    // Two refused attempts: the second began after the change was written.
    assert!(!next_attempt().await);
    assert!(!next_attempt().await);
    let (status, record) = get(&site, &format!("/systems/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(record.contains("Zebra crossing counter"));
    let (status, results) = get(&site, "/systems?q=zebra").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        results.contains("No systems found"),
        "not searchable while the index is down"
    );
    assert_eq!(
        db.storage.pending_search_count().await.unwrap(),
        1,
        "the change waits in the outbox"
    );

    // The engine recovers; the indexer's retry applies the change.
    flaky
        .failing
        .store(false, std::sync::atomic::Ordering::SeqCst);
    while !next_attempt().await {}
    let (_, results) = get(&site, "/systems?q=zebra").await;
    assert!(results.contains(">1 system<"), "searchable once taken");
    // The outbox row goes just after the index took the change.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while db.storage.pending_search_count().await.unwrap() != 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the outbox never emptied"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    indexer.abort();
    db.remove().await;
}

#[tokio::test]
async fn the_search_api_answers_json_with_facets_and_errors_in_the_envelope() {
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        lantern::demo::seed_if_empty(&db.storage).await.unwrap();
        let (site, _search) = site(&db.storage).await;

        let (status, body) = get(&site, "/api/v1/systems?q=facial+recogntion&limit=5").await;
        assert_eq!(status, StatusCode::OK);
        let page: serde_json::Value = serde_json::from_str(&body).unwrap();
        let hit = &page["hits"][0];
        for field in [
            "id",
            "name",
            "agency",
            "agency_name",
            "summary",
            "stage",
            "risk_level",
            "topic",
            "audit",
            "updated_at",
            "url",
        ] {
            assert!(hit.get(field).is_some(), "hits carry {field}: {hit}");
        }
        assert!(
            hit["highlights"]["name"]
                .as_str()
                .unwrap()
                .contains("<mark>recognition</mark>"),
            "{hit}"
        );
        assert_eq!(page["limit"], 5);
        let total = page["total"].as_u64().unwrap();
        assert!(total >= 1);
        let stages = page["facets"]["stage"].as_object().unwrap();
        assert_eq!(
            stages.values().map(|n| n.as_u64().unwrap()).sum::<u64>(),
            total
        );
        for facet in [
            "agency",
            "stage",
            "risk_level",
            "topic",
            "technique",
            "audit",
            "personal_data",
        ] {
            assert!(page["facets"].get(facet).is_some(), "facet {facet}");
        }

        let (status, body) = get(&site, "/api/v1/systems?stage=in_use&stage=pilot&limit=500").await;
        assert_eq!(status, StatusCode::OK);
        let page: serde_json::Value = serde_json::from_str(&body).unwrap();
        let hits = page["hits"].as_array().unwrap();
        assert_eq!(hits.len() as u64, page["total"].as_u64().unwrap());
        assert!(
            hits.iter()
                .all(|h| h["stage"] == "in_use" || h["stage"] == "pilot")
        );

        // Words that find nothing together: the words that do are offered.
        let (status, body) = get(&site, "/api/v1/systems?q=chatbot+zzqxw").await;
        assert_eq!(status, StatusCode::OK);
        let page: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(page["total"], 0);
        assert_eq!(page["suggestions"][0]["q"], "chatbot", "{body}");
        assert!(page["suggestions"][0]["total"].as_u64().unwrap() >= 1);
        // The page shows the systems of the best of them at once, and says so.
        let (_, html) = get(&site, "/systems?q=chatbot+zzqxw").await;
        assert!(
            html.contains("No system matches all of “chatbot zzqxw”. These are the systems for"),
            "the page shows the closest matches"
        );
        assert!(html.contains("<mark>chatbot</mark>"));

        let long = format!("/api/v1/systems?q={}", "x".repeat(501));
        for (uri, field) in [
            (long.as_str(), "q"),
            ("/api/v1/systems?page=2", "page"),
            ("/api/v1/systems?per_page=10", "per_page"),
            ("/api/v1/systems?sort=random", "sort"),
            ("/api/v1/systems?stage=banana", "stage"),
            ("/api/v1/systems?agency=no-such-agency", "agency"),
            ("/api/v1/systems?stages=pilot", "stages"),
            ("/api/v1/systems?limit=0", "limit"),
            ("/api/v1/systems?limit=100000", "limit"),
            ("/api/v1/systems?limit=ten", "limit"),
            ("/api/v1/systems?cursor=abc", "cursor"),
            ("/api/v1/systems?cursor=10000", "cursor"),
        ] {
            let (status, body) = get(&site, uri).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
            let errors: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(errors["errors"][0]["code"], "invalid_parameter", "{body}");
            assert_eq!(errors["errors"][0]["field"], field, "{body}");
            assert!(errors["errors"][0]["detail"].as_str().unwrap().len() > 10);
        }
        let (status, _) = get(&site, "/healthz").await;
        assert_eq!(status, StatusCode::OK, "still serving");
        db.remove().await;
    })
    .await;
}

#[tokio::test]
async fn the_agency_facet_ticks_the_largest_agencies_and_lists_the_rest() {
    let _turn = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db: TestDatabase| {
        let register = lantern::seed::generate(2_000, 42);
        lantern::import::write(&db.storage, &register, "the test register", false)
            .await
            .unwrap();
        let (site, _search) = site(&db.storage).await;
        let (status, page) = get(&site, "/systems").await;
        assert_eq!(status, StatusCode::OK);
        let boxes = page.matches(r#"name="agency" value="#).count();
        assert_eq!(
            boxes, 10,
            "the ten agencies with the most systems as checkboxes"
        );
        let list = &page[page
            .find(r#"id="facet-agency-more""#)
            .expect("the other agencies in a list")..];
        let list = &list[..list.find("</select>").unwrap()];
        let agencies = db.storage.agencies().await.unwrap().len();
        assert_eq!(list.matches("<option value=\"").count(), agencies - 10 + 1);

        // Chosen from the list, an agency becomes a ticked box.
        let chosen = list
            .split("<option value=\"")
            .nth(2)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_string();
        let (_, page) = get(&site, &format!("/systems?agency={chosen}")).await;
        assert!(page.contains(&format!(r#"value="{chosen}" form="search-form" checked"#)));
        assert_eq!(page.matches(r#"name="agency" value="#).count(), 11);
        db.remove().await;
    })
    .await;
}
