//! The register as open data, through HTTP: the exports agree with each other
//! and with the database, every exported record validates against the
//! published JSON Schema, the changes feed never skips or repeats while
//! writes happen, conditional requests answer 304, bad parameters answer 400
//! in the error envelope, and the JSON shape of every endpoint is pinned by
//! a snapshot (`UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change).

use crate::support::ENGLISH;
use crate::support::databases;
use crate::support::search;
use crate::support::shared_data;
use crate::support::site;

use app::record::{Agency, AgencySlug, Audit, AuditOutcome, Stage, SystemContent, SystemId};
use app::register::Register;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use databases::TestDatabase;
use http_body_util::BodyExt;
use lantern::import::{self, us_omb_2025};
use lantern::storage::{NewAudit, Storage};
use search::TestSearch;
use serde_json::{Value, json};
use site::{ONE_AT_A_TIME, router};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tower::ServiceExt;

/// An answer: status, headers and body.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8")
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(&name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }
}

async fn get_with(site: &Router, uri: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = site
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(site: &Router, uri: &str) -> Answer {
    get_with(site, uri, &[]).await
}

fn agency(slug: &str) -> Agency {
    Agency {
        slug: AgencySlug(slug.into()),
        name: format!("Agency {slug}"),
        jurisdiction: "Testland".into(),
        website: None,
        contact: Some(format!("ai@{slug}.example")),
        description: String::new(),
    }
}

fn content(name: &str) -> SystemContent {
    let mut content = lantern::seed::generate(1, 11).records.remove(0).content;
    content.name = name.to_string();
    content.withheld = Vec::new();
    content
}

/// Publishes `content` as system `id` of agency `slug` in its own transaction.
async fn publish(storage: &Storage, slug: &str, id: &str, content: &SystemContent) {
    let now = lantern::clock::now();
    let mut tx = storage.begin().await.unwrap();
    Storage::ensure_agency(&mut tx, &agency(slug), &now)
        .await
        .unwrap();
    Storage::publish(
        &mut tx,
        &SystemId(id.into()),
        &AgencySlug(slug.into()),
        content,
        "Test.",
        &now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn audit(storage: &Storage, id: &str) {
    let now = lantern::clock::now();
    let mut tx = storage.begin().await.unwrap();
    let new = NewAudit {
        system: SystemId(id.into()),
        audit: Audit {
            auditor: "Office of the Inspector".into(),
            audited_on: "2026-11-01".into(),
            outcome: AuditOutcome::PassedWithFindings,
            findings: "Two findings.".into(),
            report_url: None,
            next_due: Some("2027-11-01".into()),
        },
    };
    Storage::record_audit(&mut tx, &new, &now).await.unwrap();
    tx.commit().await.unwrap();
}

/// Every change of the feed, following `next` from the beginning.
async fn whole_feed(site: &Router, limit: usize) -> Vec<Value> {
    let mut changes = Vec::new();
    let mut uri = format!("/api/v1/changes?since=0&limit={limit}");
    loop {
        let page = get(site, &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text());
        let page = page.json();
        changes.extend(page["changes"].as_array().unwrap().iter().cloned());
        uri = page["next"].as_str().unwrap().to_string();
        if page["has_more"] == false {
            return changes;
        }
    }
}

fn ndjson_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

#[tokio::test]
async fn the_us_2025_export_agrees_in_every_format_and_validates_against_the_schema() {
    let db = TestDatabase::sqlite().await;
    let bytes = std::fs::read(shared_data::us_omb_2025_use_cases()).unwrap();
    let parsed = us_omb_2025::parse(&bytes, ENGLISH).unwrap();
    import::write(&db.storage, &parsed, "the test file", false)
        .await
        .unwrap();
    let published = db.storage.health().await.unwrap().systems as usize;
    assert!(published > 3000, "{published}");
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());

    let ndjson = get(&site, "/api/v1/export.ndjson").await;
    assert_eq!(ndjson.status, StatusCode::OK);
    assert_eq!(ndjson.header(header::CONTENT_TYPE), "application/x-ndjson");
    let today = lantern::clock::today();
    assert_eq!(
        ndjson.header(header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"lantern-register-{today}.ndjson\"")
    );
    assert!(ndjson.header(header::ETAG).starts_with("W/\""));
    assert!(ndjson.header(header::LAST_MODIFIED).ends_with(" GMT"));
    assert!(ndjson.header(header::CACHE_CONTROL).contains("public"));
    let lines = ndjson_lines(&ndjson.text());
    assert_eq!(lines.len(), published, "one line per published system");
    let ids: Vec<String> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, ids, "in id order, each once");

    // Each record is the one the API gives for the system (the export reads
    // in batches its own way).
    for line in lines.iter().step_by(40) {
        let one = get(
            &site,
            &format!("/api/v1/systems/{}", line["id"].as_str().unwrap()),
        )
        .await;
        assert_eq!(&one.json(), line);
    }

    // JSON and NDJSON hold the same records.
    let document = get(&site, "/api/v1/export.json").await.json();
    assert_eq!(document["systems"].as_array().unwrap(), &lines);
    assert_eq!(document["schema"], "/api/v1/schema/system.json");

    // The CSV parses back into the same systems, one row each.
    let csv = get(&site, "/api/v1/export.csv").await;
    assert_eq!(csv.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    let text = csv.text();
    assert!(
        text.starts_with('\u{feff}'),
        "a byte order mark for spreadsheets"
    );
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), published);
    let csv_ids: Vec<String> = rows.iter().map(|r| r[0].to_string()).collect();
    assert_eq!(csv_ids, ids);
    let name_column = headers.iter().position(|h| h == "name").unwrap();
    for (row, line) in rows.iter().zip(&lines) {
        let name = line["name"].as_str().unwrap();
        let cell = &row[name_column];
        assert!(
            cell == name || cell == format!("'{name}"),
            "{cell} vs {name}"
        );
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "no cell runs as a formula: {cell}"
            );
        }
    }

    // Every record validates against the schema the API publishes.
    let schema = get(&site, "/api/v1/schema/system.json").await.json();
    let validator = jsonschema::draft202012::new(&schema).expect("the schema is valid JSON Schema");
    for line in &lines {
        if let Err(error) = validator.validate(line) {
            panic!("{} does not validate: {error}", line["id"]);
        }
    }
    // The schema is not so loose that anything passes.
    let mut wrong = lines[0].clone();
    wrong["stage"] = json!("abandoned");
    assert!(!validator.is_valid(&wrong));
    let mut wrong = lines[0].clone();
    wrong.as_object_mut().unwrap().remove("name");
    assert!(!validator.is_valid(&wrong));

    // Gzip when asked, and it decompresses to the same bytes.
    let gzipped = get_with(
        &site,
        "/api/v1/export.ndjson",
        &[(header::ACCEPT_ENCODING, "gzip")],
    )
    .await;
    assert_eq!(gzipped.header(header::CONTENT_ENCODING), "gzip");
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&gzipped.body[..]),
        &mut plain,
    )
    .unwrap();
    assert_eq!(plain, ndjson.body);
    assert!(gzipped.body.len() * 4 < ndjson.body.len(), "it compresses");

    // The changes feed holds one publication per system.
    let changes = whole_feed(&site, 500).await;
    assert_eq!(changes.len(), published);
    assert!(changes.iter().all(|c| c["kind"] == "published"));
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn withheld_fields_are_left_out_of_every_answer_with_their_reason() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let mut secret = content("Benefit fraud scorer");
    secret.supplier = Some("Acme Secret Vendor".into());
    secret.withheld = vec![app::record::Withheld {
        field: "supplier".into(),
        reason: "Commercial confidence".into(),
    }];
    publish(&db.storage, "benefits", "bf-1", &secret).await;
    // A second version changes the withheld value: the history must not show it.
    secret.supplier = Some("Acme Secret Vendor Two".into());
    secret.summary = "Scores claims, now weekly.".into();
    publish(&db.storage, "benefits", "bf-1", &secret).await;
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    for uri in [
        "/api/v1/systems/bf-1",
        "/api/v1/systems/bf-1/versions/1",
        "/api/v1/systems/bf-1/versions/2",
        "/api/v1/export.json",
        "/api/v1/export.ndjson",
        "/api/v1/export.csv",
    ] {
        let answer = get(&site, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        let text = answer.text();
        assert!(!text.contains("Acme Secret Vendor"), "{uri}: {text}");
        assert!(text.contains("Commercial confidence"), "{uri}");
    }
    let system = get(&site, "/api/v1/systems/bf-1").await.json();
    assert!(system.get("supplier").is_none());
    assert!(system.get("purpose").is_some());
    // The pages show the reason and never the value, and no search finds
    // the system by what is withheld.
    for uri in ["/systems/bf-1", "/systems/bf-1/history"] {
        let answer = get(&site, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert!(!answer.text().contains("Acme Secret Vendor"), "{uri}");
    }
    assert!(
        get(&site, "/systems/bf-1")
            .await
            .text()
            .contains("Withheld: Commercial confidence")
    );
    let found = get(&site, "/api/v1/systems?q=Acme").await.json();
    assert_eq!(found["total"], 0, "{found}");
    let page = get(&site, "/systems?q=Acme").await.text();
    assert!(!page.contains("Acme Secret Vendor"));
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn changes_since_a_time_hold_what_came_after_it_and_nothing_before() {
    // The clock is moved by hand: T is a second after the changes before it
    // and a second before those after it, with no sleeping. It starts at the
    // real time: the export the test compares with runs in tasks of its own,
    // on the system's clock, and must agree about which audits are overdue.
    let clock = lantern::clock::ManualClock::starting_at(time::OffsetDateTime::now_utc());
    lantern::clock::with_clock(clock.clone(), changes_since_t(clock)).await;
}

async fn changes_since_t(clock: lantern::clock::ManualClock) {
    let second = time::Duration::seconds(1);
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        publish(storage, "tax", "before-1", &content("Before one")).await;
        audit(storage, "before-1").await;
        clock.advance(second);
        let t = lantern::clock::now_precise();
        clock.advance(second);
        publish(storage, "tax", "after-1", &content("After one")).await;
        let mut changed = content("Before one");
        changed.summary = "Changed after T.".into();
        publish(storage, "tax", "before-1", &changed).await;
        let mut retired = content("After one");
        retired.stage = Stage::Retired;
        retired.retired_on = Some("2026-11-28".into());
        publish(storage, "tax", "after-1", &retired).await;
        audit(storage, "after-1").await;

        let search = TestSearch::embedded(storage).await;
        let site = router(storage, search.engine.clone());
        // T in another offset means the same moment.
        let since = time::OffsetDateTime::parse(&t, &time::format_description::well_known::Rfc3339)
            .unwrap()
            .to_offset(time::macros::offset!(+02:00))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let answer = get(
            &site,
            &format!("/api/v1/changes?since={}", urlencode(&since)),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        let page = answer.json();
        let seen: Vec<(String, String, i64)> = page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["kind"].as_str().unwrap().to_string(),
                    c["system"].as_str().unwrap().to_string(),
                    c["version"].as_i64().unwrap(),
                )
            })
            .collect();
        let expected = [
            ("published", "after-1", 1),
            ("updated", "before-1", 2),
            ("retired", "after-1", 2),
            ("audited", "after-1", 2),
        ]
        .map(|(k, s, v)| (k.to_string(), s.to_string(), v));
        assert_eq!(seen, expected, "{}: {}", db.name, answer.text());
        assert!(
            page["changes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["changed_at"].as_str().unwrap() >= t.as_str())
        );
        assert_eq!(page["has_more"], false);
        assert_eq!(
            page["changes"][3]["audit"]["outcome"],
            "passed_with_findings"
        );
        assert_eq!(page["changes"][1]["change_summary"], "Test.");

        // Following `next` later gives only what came after.
        let next = page["next"].as_str().unwrap().to_string();
        assert!(
            get(&site, &next).await.json()["changes"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        publish(storage, "police", "later-1", &content("Later one")).await;
        let later = get(&site, &next).await.json();
        assert_eq!(later["changes"].as_array().unwrap().len(), 1);
        assert_eq!(later["changes"][0]["system"], "later-1");

        // The export reads in batches its own way, per database: each record
        // is still the one the API gives.
        let lines = ndjson_lines(&get(&site, "/api/v1/export.ndjson").await.text());
        assert_eq!(lines.len(), 3);
        for line in &lines {
            let one = get(
                &site,
                &format!("/api/v1/systems/{}", line["id"].as_str().unwrap()),
            )
            .await;
            assert_eq!(&one.json(), line, "{}", db.name);
        }

        // The Atom feeds: the changes after T are there, newest first; an
        // agency's feed has only its own.
        let feed = get(&site, "/feeds/changes.atom").await;
        assert_eq!(feed.status, StatusCode::OK);
        assert_eq!(
            feed.header(header::CONTENT_TYPE),
            "application/atom+xml; charset=utf-8"
        );
        let xml = feed.text();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        let later_at = xml.find("Later one: published").expect("the newest change");
        let retired_at = xml.find("After one: retired").expect("the retirement");
        assert!(later_at < retired_at, "newest first");
        assert!(xml.contains("Passed with findings by Office of the Inspector"));
        assert_eq!(xml.matches("<entry>").count(), 7);
        let tax = get(&site, "/agencies/tax/feed.atom").await.text();
        assert_eq!(tax.matches("<entry>").count(), 6);
        assert!(!tax.contains("Later one"));
        assert_eq!(
            get(&site, "/agencies/nobody/feed.atom").await.status,
            StatusCode::NOT_FOUND
        );
        // A search's feed: the changes of the systems the search finds,
        // linked to that search's page; a wrong filter is named.
        search.catch_up(storage).await;
        let police = get(&site, "/feeds/changes.atom?agency=police&sort=name").await;
        assert_eq!(police.status, StatusCode::OK);
        let police = police.text();
        assert_eq!(police.matches("<entry>").count(), 1, "{police}");
        assert!(police.contains("Later one: published"));
        assert!(
            police.contains("the search “agency: police”</title>"),
            "{police}"
        );
        assert!(police.contains("/systems?agency=police\"/>"), "{police}");
        assert!(
            police.contains("/feeds/changes.atom?agency=police\"/>"),
            "{police}"
        );
        let nothing = get(&site, "/feeds/changes.atom?q=zzyzx").await.text();
        assert_eq!(nothing.matches("<entry>").count(), 0);
        let wrong = get(&site, "/feeds/changes.atom?risk_level=extreme&colour=red").await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
        assert!(
            wrong.text().contains("risk_level “extreme” is not one of"),
            "{}",
            wrong.text()
        );
        assert!(wrong.text().contains("colour"));
        search.remove().await;
        db.remove().await;
    }
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn paging_the_changes_feed_while_agencies_write_never_skips_or_repeats() {
    for db in TestDatabase::both().await {
        let storage = db.storage.clone();
        let search = TestSearch::embedded(&storage).await;
        let site = router(&storage, search.engine.clone());
        // Three agencies' tools write at once, 40 changes each, and say
        // after each one that they wrote.
        let written = Arc::new((AtomicUsize::new(0), tokio::sync::Notify::new()));
        let writers: Vec<_> = ["a", "b", "c"]
            .into_iter()
            .map(|slug| {
                let storage = storage.clone();
                let written = written.clone();
                tokio::spawn(async move {
                    let wrote = || {
                        written.0.fetch_add(1, Ordering::SeqCst);
                        written.1.notify_one();
                    };
                    for n in 0..20 {
                        let id = format!("{slug}-{n}");
                        publish(&storage, slug, &id, &content(&format!("System {id}"))).await;
                        wrote();
                        let mut changed = content(&format!("System {id}"));
                        changed.summary = format!("Changed {n}");
                        publish(&storage, slug, &id, &changed).await;
                        wrote();
                    }
                })
            })
            .collect();
        // Meanwhile a reader follows the feed, a few at a time. Caught up,
        // it waits for the next write instead of asking again at once (as
        // fast as it can, it would run into the API's rate limit while
        // slower writers are still writing).
        let mut read: Vec<Value> = Vec::new();
        let mut next = "/api/v1/changes?since=0&limit=7".to_string();
        loop {
            let done = written.0.load(Ordering::SeqCst) == 120;
            let page = get(&site, &next).await;
            assert_eq!(page.status, StatusCode::OK, "{}", page.text());
            let page = page.json();
            read.extend(page["changes"].as_array().unwrap().iter().cloned());
            next = page["next"].as_str().unwrap().to_string();
            if page["has_more"] == false {
                if done {
                    break;
                }
                written.1.notified().await;
            }
        }
        for writer in writers {
            writer.await.unwrap();
        }
        let cursors: Vec<i64> = read
            .iter()
            .map(|c| c["cursor"].as_str().unwrap().parse().unwrap())
            .collect();
        assert!(
            cursors.windows(2).all(|w| w[0] < w[1]),
            "{}: in order, none twice",
            db.name
        );
        assert_eq!(read.len(), 120, "{}: every change, none skipped", db.name);
        assert_eq!(read, whole_feed(&site, 500).await, "{}", db.name);
        let times: Vec<&str> = read
            .iter()
            .map(|c| c["changed_at"].as_str().unwrap())
            .collect();
        assert!(
            times.windows(2).all(|w| w[0] <= w[1]),
            "{}: times never go back",
            db.name
        );
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn a_client_with_the_current_etag_gets_304_until_something_changes() {
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    publish(storage, "tax", "t-1", &content("Tax one")).await;
    let search = TestSearch::embedded(storage).await;
    let site = router(storage, search.engine.clone());
    for uri in [
        "/api/v1/export.ndjson",
        "/api/v1/export.csv",
        "/api/v1/systems/t-1",
        "/api/v1/changes",
        "/api/v1/agencies",
    ] {
        let first = get(&site, uri).await;
        assert_eq!(first.status, StatusCode::OK, "{uri}");
        let tag = first.header(header::ETAG);
        assert!(!tag.is_empty(), "{uri} has an ETag");
        let again = get_with(&site, uri, &[(header::IF_NONE_MATCH, &tag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(again.body.is_empty());
        assert_eq!(again.header(header::ETAG), tag);
    }
    let export = get(&site, "/api/v1/export.ndjson").await;
    let tag = export.header(header::ETAG);
    let modified = export.header(header::LAST_MODIFIED);
    let since = get_with(
        &site,
        "/api/v1/export.ndjson",
        &[(header::IF_MODIFIED_SINCE, &modified)],
    )
    .await;
    assert_eq!(since.status, StatusCode::NOT_MODIFIED);

    let mut changed = content("Tax one");
    changed.summary = "Now it is different.".into();
    publish(storage, "tax", "t-1", &changed).await;
    let after = get_with(
        &site,
        "/api/v1/export.ndjson",
        &[(header::IF_NONE_MATCH, &tag)],
    )
    .await;
    assert_eq!(after.status, StatusCode::OK);
    assert_ne!(after.header(header::ETAG), tag);
    assert!(after.text().contains("Now it is different."));
    search.remove().await;
    db.remove().await;
}

/// The exports take the search API's filters and words: a journalist gets
/// the systems a search shows, every one of them, in every format.
#[tokio::test]
async fn an_export_holds_what_the_same_search_finds() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let whole = ndjson_lines(&get(&site, "/api/v1/export.ndjson").await.text());
        for asked in [
            "agency=tax-office",
            "topic=benefits&topic=health",
            "risk_level=high&stage=in_use",
            "technique=classical_ml",
            "q=fraud",
            "q=risk&agency=tax-office",
        ] {
            let found = get(&site, &format!("/api/v1/systems?{asked}&limit=500"))
                .await
                .json();
            let mut expected: Vec<String> = found["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|hit| hit["id"].as_str().unwrap().to_string())
                .collect();
            expected.sort();
            assert!(!expected.is_empty(), "{asked} finds something");
            assert!(expected.len() < whole.len(), "{asked} is narrower");
            let exported = get(&site, &format!("/api/v1/export.ndjson?{asked}")).await;
            assert_eq!(exported.status, StatusCode::OK, "{}: {asked}", db.name);
            let ids: Vec<String> = ndjson_lines(&exported.text())
                .iter()
                .map(|system| system["id"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(ids, expected, "{}: {asked}", db.name);
            let csv = get(&site, &format!("/api/v1/export.csv?{asked}"))
                .await
                .text();
            let mut reader =
                csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
            let id_at = reader
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "id")
                .unwrap();
            let rows: Vec<String> = reader
                .records()
                .map(|row| row.unwrap()[id_at].to_string())
                .collect();
            assert_eq!(rows, expected, "{}: {asked} as CSV", db.name);
            let json = get(&site, &format!("/api/v1/export.json?{asked}"))
                .await
                .json();
            assert_eq!(json["systems"].as_array().unwrap().len(), expected.len());
        }
        // A record page's own data: by id.
        let two: Vec<String> = whole[..2]
            .iter()
            .map(|system| system["id"].as_str().unwrap().to_string())
            .collect();
        let by_id = get(
            &site,
            &format!("/api/v1/export.ndjson?id={}&id={}", two[1], two[0]),
        )
        .await;
        let ids: Vec<String> = ndjson_lines(&by_id.text())
            .iter()
            .map(|system| system["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids, two, "{}", db.name);
        for (asked, named) in [
            ("id=not%20an%20id", "id"),
            ("id=x-1&agency=tax-office", "agency"),
            ("agency=nowhere", "agency"),
            ("stage=sometimes", "stage"),
            ("limit=5", "limit"),
            ("colour=red", "colour"),
        ] {
            let refused = get(&site, &format!("/api/v1/export.csv?{asked}")).await;
            assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{asked}");
            assert_eq!(refused.json()["errors"][0]["field"], named, "{asked}");
        }
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn bad_parameters_get_400_in_the_error_envelope_and_the_server_keeps_serving() {
    let db = TestDatabase::sqlite().await;
    publish(&db.storage, "tax", "t-1", &content("Tax one")).await;
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    for (uri, field) in [
        ("/api/v1/changes?since=yesterday", "since"),
        ("/api/v1/changes?since=2026-13-45T00:00:00Z", "since"),
        ("/api/v1/changes?since=2026-11-28", "since"),
        ("/api/v1/changes?since=99999999", "since"),
        ("/api/v1/changes?since=-1", "since"),
        ("/api/v1/changes?since=1e3", "since"),
        ("/api/v1/changes?limit=0", "limit"),
        ("/api/v1/changes?limit=100000", "limit"),
        ("/api/v1/changes?limit=-5", "limit"),
        ("/api/v1/changes?agency=Not%20A%20Slug", "agency"),
        ("/api/v1/changes?kind=published", "kind"),
        ("/api/v1/systems?limit=0", "limit"),
        ("/api/v1/systems?limit=100000", "limit"),
        ("/api/v1/systems?cursor=%F0%9F%92%A5", "cursor"),
        ("/api/v1/systems?stage=banana", "stage"),
        ("/api/v1/systems?topic=weather", "topic"),
        ("/api/v1/systems?audit=maybe", "audit"),
        ("/api/v1/systems?agency=nobody", "agency"),
        ("/api/v1/systems/t-1/versions/one", "version"),
    ] {
        let answer = get(&site, uri).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{uri}: {}",
            answer.text()
        );
        let errors = answer.json();
        assert_eq!(errors["errors"][0]["code"], "invalid_parameter", "{uri}");
        assert_eq!(errors["errors"][0]["field"], field, "{uri}");
        assert!(
            errors["errors"][0]["detail"].as_str().unwrap().len() > 15,
            "{uri}"
        );
    }
    for uri in [
        "/api/v1/agencies/nobody",
        "/api/v1/systems/nothing",
        "/api/v1/systems/t-1/versions/9",
    ] {
        let answer = get(&site, uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(answer.json()["errors"][0]["code"], "not_found");
    }
    assert_eq!(
        get(&site, "/api/v1/changes").await.status,
        StatusCode::OK,
        "still serving"
    );
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn reading_is_open_to_any_origin_and_limited_per_client() {
    use clap::Parser;
    let db = TestDatabase::sqlite().await;
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    let preflight = site
        .clone()
        .oneshot(
            Request::options("/api/v1/export.json")
                .header(header::ORIGIN, "https://newsroom.example")
                .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "if-none-match")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(
        preflight.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "*"
    );
    let methods = preflight.headers()[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        methods.contains("GET") && !methods.contains("POST"),
        "{methods}"
    );
    let answer = get_with(
        &site,
        "/api/v1/agencies",
        &[(header::ORIGIN, "https://newsroom.example")],
    )
    .await;
    assert_eq!(answer.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
    assert!(
        answer
            .header(header::ACCESS_CONTROL_EXPOSE_HEADERS)
            .to_lowercase()
            .contains("etag")
    );

    // A limit of 5 a minute: the sixth request waits, pages are not limited.
    let serve =
        lantern::config::ServeConfig::parse_from(["serve", "--api-requests-per-minute", "5"]);
    let limited = lantern::router::app(lantern::state::AppState::new(
        &serve,
        db.storage.clone(),
        search.engine.clone(),
    ));
    for n in 1..=5 {
        let answer = get(&limited, "/api/v1/agencies").await;
        assert_eq!(answer.status, StatusCode::OK, "request {n}");
        assert_eq!(
            answer.header(header::HeaderName::from_static("ratelimit-policy")),
            "5;w=60"
        );
        assert!(
            answer
                .header(header::HeaderName::from_static("ratelimit"))
                .starts_with(&format!("limit=5, remaining={}", 5 - n))
        );
    }
    let refused = get(&limited, "/api/v1/export.csv").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.json()["errors"][0]["code"], "rate_limited");
    let wait: u64 = refused.header(header::RETRY_AFTER).parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert_eq!(get(&limited, "/healthz").await.status, StatusCode::OK);
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn the_openapi_document_and_the_schema_describe_the_api() {
    let db = TestDatabase::sqlite().await;
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    let document = get(&site, "/api/v1/openapi.json").await.json();
    assert_eq!(document["openapi"], "3.1.0");
    for path in [
        "/api/v1/systems",
        "/api/v1/systems/{id}",
        "/api/v1/systems/{id}/versions",
        "/api/v1/systems/{id}/versions/{version}",
        "/api/v1/systems/{id}/feedback",
        "/api/v1/agencies",
        "/api/v1/agencies/{slug}",
        "/api/v1/changes",
        "/api/v1/export.json",
        "/api/v1/export.ndjson",
        "/api/v1/export.csv",
        "/api/v1/openapi.json",
        "/api/v1/schema/system.json",
    ] {
        assert!(
            document["paths"].get(path).is_some(),
            "{path} is documented"
        );
    }
    // Every reference points at a schema that exists.
    let text = document.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = &reference[..reference.find('"').unwrap()];
        let name = target.strip_prefix("#/components/schemas/").expect(target);
        assert!(
            document["components"]["schemas"].get(name).is_some(),
            "{target}"
        );
    }
    let schema = get(&site, "/api/v1/schema/system.json").await;
    assert_eq!(
        schema.header(header::CONTENT_TYPE),
        "application/schema+json"
    );
    let schema = schema.json();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(!schema.to_string().contains("#/components/"));
    search.remove().await;
    db.remove().await;
}

/// The shape of a JSON value: its keys and their types, arrays merged.
fn shape(value: &Value) -> Value {
    match value {
        Value::Null => json!("null"),
        Value::Bool(_) => json!("boolean"),
        Value::Number(_) => json!("number"),
        Value::String(_) => json!("string"),
        Value::Array(items) => {
            let merged = items.iter().map(shape).reduce(merge);
            json!([merged.unwrap_or(json!("empty"))])
        }
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect())
        }
    }
}

/// Two shapes as one: objects get every key, other differences become `a|b`.
fn merge(a: Value, b: Value) -> Value {
    match (a, b) {
        (Value::Object(mut a), Value::Object(b)) => {
            for (key, b) in b {
                let merged = match a.remove(&key) {
                    Some(a) => merge(a, b),
                    None => b,
                };
                a.insert(key, merged);
            }
            Value::Object(a)
        }
        (Value::Array(a), Value::Array(b)) => {
            let a = a.into_iter().next().unwrap_or(json!("empty"));
            let b = b.into_iter().next().unwrap_or(json!("empty"));
            json!([merge(a, b)])
        }
        (a, b) if a == b => a,
        (a, b) if a == json!("empty") || a == json!("null") && b.is_object() => b,
        (a, b) if b == json!("empty") || b == json!("null") && a.is_object() => a,
        (a, b) => {
            let mut names: BTreeSet<String> = BTreeSet::new();
            for side in [&a, &b] {
                match side.as_str() {
                    Some(text) => names.extend(text.split('|').map(str::to_string)),
                    None => {
                        names.insert(side.to_string());
                    }
                }
            }
            json!(names.into_iter().collect::<Vec<_>>().join("|"))
        }
    }
}

#[tokio::test]
async fn snapshots_pin_the_json_shape_of_every_endpoint() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    let export = get(&site, "/api/v1/export.ndjson").await.text();
    let first = ndjson_lines(&export);
    let id = first
        .iter()
        .find(|s| s["version"].as_i64() > Some(1) && !s["audit"].is_null())
        .unwrap_or(&first[0])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut shapes = BTreeMap::new();
    for (name, uri) in [
        ("systems", "/api/v1/systems?q=benefits&limit=5".to_string()),
        ("system", format!("/api/v1/systems/{id}")),
        ("versions", format!("/api/v1/systems/{id}/versions")),
        ("version", format!("/api/v1/systems/{id}/versions/1")),
        ("feedback", format!("/api/v1/systems/{id}/feedback")),
        ("agencies", "/api/v1/agencies".to_string()),
        ("agency", "/api/v1/agencies/tax-office".to_string()),
        ("changes", "/api/v1/changes?limit=500".to_string()),
        ("export.json", "/api/v1/export.json".to_string()),
        ("error", "/api/v1/changes?since=never".to_string()),
    ] {
        let answer = get(&site, &uri).await;
        assert!(
            answer.status == StatusCode::OK || name == "error",
            "{uri}: {}",
            answer.text()
        );
        shapes.insert(name.to_string(), shape(&answer.json()));
    }
    shapes.insert(
        "export.ndjson line".into(),
        first.iter().map(shape).reduce(merge).unwrap(),
    );
    let csv_header = export_csv_header(&site).await;
    shapes.insert("export.csv header".into(), json!(csv_header));
    let actual = serde_json::to_string_pretty(&shapes).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/open_data_shapes.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        pinned == actual,
        "The JSON shape of the API changed. If that is deliberate (and documented), \
         run with UPDATE_SNAPSHOTS=1 and commit {}.\n{}",
        path.display(),
        similar::TextDiff::from_lines(&pinned, &actual).unified_diff()
    );
    search.remove().await;
    db.remove().await;
}

async fn export_csv_header(site: &Router) -> Vec<String> {
    let text = get(site, "/api/v1/export.csv").await.text();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn lantern_export_writes_the_same_file_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let lantern = env!("CARGO_BIN_EXE_lantern");
    let seeded = std::process::Command::new(lantern)
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "seed",
            "--synthetic",
            "120",
        ])
        .output()
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    for format in ["ndjson", "json", "csv"] {
        let file = dir.path().join(format!("register.{format}"));
        let exported = std::process::Command::new(lantern)
            .args([
                "--data-dir",
                data.to_str().unwrap(),
                "export",
                "--format",
                format,
                "--output",
                file.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&exported.stderr);
        assert!(exported.status.success(), "{said}");
        assert!(said.contains("Exported 120 systems"), "{said}");
        let text = std::fs::read_to_string(&file).unwrap();
        match format {
            "ndjson" => assert_eq!(ndjson_lines(&text).len(), 120),
            "json" => assert_eq!(
                serde_json::from_str::<Value>(&text).unwrap()["systems"]
                    .as_array()
                    .unwrap()
                    .len(),
                120
            ),
            _ => assert_eq!(
                csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
                    .records()
                    .count(),
                120
            ),
        }
    }
    // To standard output as well; a bad format is refused by name.
    let stdout = std::process::Command::new(lantern)
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "export",
            "--format",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&stdout.stdout).lines().count(), 120);
    let bad = std::process::Command::new(lantern)
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "export",
            "--format",
            "xlsx",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("xlsx"));
}

#[tokio::test]
async fn the_open_data_page_explains_it_with_the_dictionary() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    let (status, html) = site::get(&site, "/open-data").await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "href=\"/api/v1/export.ndjson\"",
        "href=\"/api/v1/openapi.json\"",
        "href=\"/feeds/changes.atom\"",
        "curl",
        "<code>withheld</code>",
        "one of: planned, development, pilot, in_use, retired",
        "<code>audit_overdue</code>",
    ] {
        assert!(html.contains(text), "the page has {text}");
    }
    let (_, agency) = site::get(&site, "/agencies/tax-office").await;
    assert!(agency.contains("href=\"/agencies/tax-office/feed.atom\""));
    assert!(agency.contains("type=\"application/atom+xml\""));
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn snapshots_pin_the_values_of_a_demo_system_and_its_agency() {
    // Values, not only shapes: a change to what a record publishes shows as
    // a diff of the snapshot. Times follow the clock, so they are redacted.
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    let demo = lantern::demo::register();
    let id = lantern::import::stable_id("demo", &demo.systems[0].key);
    let system = get(&site, &format!("/api/v1/systems/{id}")).await.json();
    insta::assert_json_snapshot!("demo_system", system, {
        ".published_at" => "[time]",
        ".reviewed_at" => "[time]",
        ".review_by" => "[six months after reviewed_at]",
        ".audit.audited_on" => "[date]",
        ".audit.next_due" => "[date]",
        ".audit_overdue" => "[follows the date]",
    });
    let agency = get(
        &site,
        &format!("/api/v1/agencies/{}", demo.systems[0].agency),
    )
    .await
    .json();
    insta::assert_json_snapshot!("demo_agency", agency, {
        ".median_answer_seconds" => "[follows the clock]",
    });
    search.remove().await;
    db.remove().await;
}

/// Text that JSON must escape, and text it must not touch.
const AWKWARD: &str = "Quotes \" and \\ backslashes, <script>alert(1)</script> &amp; \
    tab\there, line\r\nbreaks, U+2028\u{2028}, DEL\u{7f}, nul-ish\u{1}, Zürich, 🚀";

/// The export's records are joined by the database from JSON stored when
/// each version and audit was published; the agency's name and contact and
/// whether an audit is overdue are read as they are now. A line of
/// `export.ndjson` must be byte for byte what `GET /api/v1/systems/{id}`
/// answers, on both databases, whatever the text holds; stored JSON that
/// went missing is filled by the export, and stored JSON of an older shape
/// is written again when Lantern opens the database.
#[tokio::test]
async fn each_exported_record_is_byte_for_byte_the_apis_answer_on_both_databases() {
    let _one = ONE_AT_A_TIME.lock().await;
    TestDatabase::on_both(async |db| {
        let storage = &db.storage;
        let name = db.name;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        // Awkward text in every kind of field, with withheld fields.
        let mut awkward = content(AWKWARD);
        awkward.summary = AWKWARD.into();
        awkward.agency_ref = Some(AWKWARD.into());
        awkward.tags = vec![AWKWARD.into(), "plain".into()];
        awkward.withheld = vec![app::record::Withheld {
            field: "technique".into(),
            reason: AWKWARD.into(),
        }];
        publish(storage, "awkward", "awkward-1", &awkward).await;
        publish(storage, "awkward", "awkward-2", &content("Second")).await;
        let mut second = content("Second");
        second.purpose = AWKWARD.into();
        publish(storage, "awkward", "awkward-2", &second).await;
        // Audits: one overdue with awkward findings, a later one recorded
        // first, and one overdue only because its due date has passed.
        let now = lantern::clock::now();
        let mut tx = storage.begin().await.unwrap();
        for (system, audited_on, next_due) in [
            ("awkward-1", "2026-03-01", Some("2020-01-01")),
            ("awkward-2", "2026-05-01", Some("2999-01-01")),
            ("awkward-2", "2026-04-01", Some("2020-01-01")),
        ] {
            let new = NewAudit {
                system: SystemId(system.into()),
                audit: Audit {
                    auditor: AWKWARD.into(),
                    audited_on: audited_on.into(),
                    outcome: AuditOutcome::Failed,
                    findings: AWKWARD.into(),
                    report_url: Some("https://example.org/report?a=1&b=\"2\"".into()),
                    next_due: next_due.map(str::to_string),
                },
            };
            Storage::record_audit(&mut tx, &new, &now).await.unwrap();
        }
        tx.commit().await.unwrap();
        // The agency is renamed after publishing: the export says its name now.
        let mut conn = db.connect().await;
        sqlx::query("UPDATE agencies SET name = $1, contact = $2 WHERE slug = 'awkward'")
            .bind(format!("Renamed {AWKWARD}"))
            .bind(AWKWARD)
            .execute(&mut conn)
            .await
            .unwrap();

        let all_match = async |storage: &Storage, when: &str| {
            let search = TestSearch::embedded(storage).await;
            let site = router(storage, search.engine.clone());
            let ndjson = get(&site, "/api/v1/export.ndjson").await;
            assert_eq!(ndjson.status, StatusCode::OK, "{name} {when}");
            let text = ndjson.text();
            assert!(text.ends_with("}\n"), "{name} {when}: one record per line");
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(
                lines.len() as i64,
                storage.health().await.unwrap().systems,
                "{name} {when}"
            );
            for line in &lines {
                let id = serde_json::from_str::<Value>(line).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string();
                let one = get(&site, &format!("/api/v1/systems/{id}")).await;
                assert_eq!(*line, one.text(), "{name} {when}: {id}");
            }
            let awkward = lines.iter().find(|l| l.contains("awkward-1")).unwrap();
            let record: Value = serde_json::from_str(awkward).unwrap();
            assert_eq!(record["agency_name"], format!("Renamed {AWKWARD}"));
            assert_eq!(record["name"], AWKWARD);
            assert_eq!(record["audit_overdue"], true, "{name} {when}");
            assert!(record.get("technique").is_none(), "withheld: left out");
            let second = lines.iter().find(|l| l.contains("awkward-2")).unwrap();
            let second: Value = serde_json::from_str(second).unwrap();
            assert_eq!(second["version"], 2);
            assert_eq!(
                second["audit"]["audited_on"], "2026-05-01",
                "the latest by date"
            );
            assert_eq!(second["audit_overdue"], false);

            // The JSON document holds the same records; a filtered export and
            // an export by ids hold theirs, the same bytes.
            let json = get(&site, "/api/v1/export.json").await.text();
            let systems = &serde_json::from_str::<Value>(&json).unwrap()["systems"];
            let parsed: Vec<Value> = lines
                .iter()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(systems.as_array().unwrap(), &parsed, "{name} {when}");
            assert!(json.ends_with("\n]}\n"), "{name} {when}");
            let ours = get(&site, "/api/v1/export.ndjson?agency=awkward")
                .await
                .text();
            assert_eq!(ours.lines().count(), 2, "{name} {when}: {ours}");
            assert!(ours.lines().all(|l| lines.contains(&l)), "{name} {when}");
            let listed = get(&site, "/api/v1/export.ndjson?id=awkward-2&id=awkward-1").await;
            assert_eq!(listed.text(), ours, "{name} {when}: by ids, in id order");

            // The CSV, read back from the same JSON, writes each system's
            // row as from the system read whole (withheld cells empty).
            let csv = get(&site, "/api/v1/export.csv").await.text();
            let mut writer = lantern::open_data::csv_row::Writer::new();
            let mut expected = Vec::new();
            writer.header(&mut expected);
            for line in &lines {
                let id = serde_json::from_str::<Value>(line).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string();
                let system = storage.system(&SystemId(id)).await.unwrap().unwrap();
                writer.row(&mut expected, &system);
            }
            assert_eq!(csv, String::from_utf8(expected).unwrap(), "{name} {when}");
            search.remove().await;
        };
        all_match(storage, "as published").await;

        // Stored JSON gone missing is filled by the export that meets it.
        sqlx::query(
            "UPDATE system_versions SET public_members = NULL WHERE system_id = 'awkward-2'",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        sqlx::query("UPDATE audits SET public_json = NULL")
            .execute(&mut conn)
            .await
            .unwrap();
        all_match(storage, "missing").await;
        let (missing,): (i64,) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM system_versions WHERE public_members IS NULL) \
             + (SELECT count(*) FROM audits WHERE public_json IS NULL)",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap();
        assert_eq!(missing, 0, "{name}");

        // Stored JSON of an older shape is written again when Lantern opens
        // the database.
        sqlx::query("UPDATE system_versions SET public_members = '\"name\":\"stale\"'")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("UPDATE public_json_shape SET shape = 'an older shape'")
            .execute(&mut conn)
            .await
            .unwrap();
        let reopened = Storage::open(&db.url).await.unwrap();
        all_match(&reopened, "reopened").await;
        reopened.close().await;
        db.remove().await;
    })
    .await;
}

/// The export of the whole register reads several batches at once, each up
/// to an id found when it starts: systems published while it streams land
/// once, in id order, when their place is not yet read, and every system
/// published before it started is in it.
#[tokio::test]
async fn systems_published_during_an_export_land_once_in_order() {
    use lantern::open_data::export::{Format, start};
    TestDatabase::on_both(async |db| {
        let parsed = lantern::seed::generate(12_000, 7);
        import::write(&db.storage, &parsed, "synthetic", false)
            .await
            .unwrap();
        let mut before: Vec<String> = parsed.records.iter().map(|r| r.id.0.clone()).collect();
        before.sort();
        let content = parsed.records[0].content.clone();
        let slug = parsed.records[0].agency.slug.0.clone();

        let mut chunks = start(
            db.storage.clone(),
            Format::Ndjson,
            lantern::storage::Selection::All,
        );
        let mut text =
            String::from_utf8(chunks.recv().await.unwrap().unwrap().bytes.to_vec()).unwrap();
        // Read already, or about to be: the first batches (the chunks
        // waiting for this reader hold a batch each, four of them). Not read
        // yet: the last ones, and after the last id.
        let late = [
            format!("{}-late", before[11_500]),
            format!("{}-late", before[11_999]),
        ];
        for id in late.iter().map(String::as_str).chain(["0-early"]) {
            publish(&db.storage, &slug, id, &content).await;
        }
        while let Some(chunk) = chunks.recv().await {
            text.push_str(std::str::from_utf8(&chunk.unwrap().bytes).unwrap());
        }

        let ids: Vec<String> = ndjson_lines(&text)
            .iter()
            .map(|line| line["id"].as_str().unwrap().to_string())
            .collect();
        let mut in_order = ids.clone();
        in_order.sort();
        in_order.dedup();
        assert_eq!(ids, in_order, "{}: in id order, each once", db.name);
        for id in before.iter().chain(&late) {
            assert!(
                ids.contains(id),
                "{}: {id} is missing of {} ({:?} … {:?})",
                db.name,
                ids.len(),
                ids.first(),
                ids.last()
            );
        }
        assert!(
            ids.len() == before.len() + 2 || ids.len() == before.len() + 3,
            "{}: {} lines",
            db.name,
            ids.len()
        );
    })
    .await;
}
