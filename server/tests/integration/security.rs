//! The register under attack, each hole found by an attack on the build of
//! 2026-11-28 closed with a test: sign-in lockout that holds under parallel
//! guesses and a per-client limit on sign-ins; every import checked like the
//! API; absolute links from the configured address, never the `Host`
//! header; private and HTTPS headers; every API error in the envelope; and a
//! create-and-publish that is one transaction, safe to retry.

use crate::support::ENGLISH;
use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::search;
use crate::support::site;

use app::feedback::ClientAddress;
use app::record::TokenScope;
use app::record::{AgencySlug, Role};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clap::Parser;
use databases::TestDatabase;
use lantern::accounts::{self, SignInError};
use lantern::config::ServeConfig;
use lantern::router::app;
use lantern::state::AppState;
use lantern::storage::Storage;
use manage::{Answer, Auth, agency_token, get, send_json, sign_in};
use search::TestSearch;
use serde_json::{Value, json};
use site::{ONE_AT_A_TIME, router};
use sqlx::Row;
use time::macros::datetime;
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";

async fn send(site: &Router, request: Request<Body>) -> Answer {
    let response = site.clone().oneshot(request).await.unwrap();
    let headers = response.headers().clone();
    let (status, text) = site::read(response).await;
    Answer {
        status,
        headers,
        text,
    }
}

/// An `Authorization` header's value for a token.
fn bearer(auth: &Auth) -> String {
    match auth {
        Auth::Bearer(secret) => format!("Bearer {secret}"),
        other => panic!("not a token: {other:?}"),
    }
}

/// The `errors` of an API answer, checking it is the envelope.
fn envelope(answer: &Answer) -> Vec<Value> {
    assert_eq!(
        answer.headers[header::CONTENT_TYPE],
        "application/json",
        "{}: {}",
        answer.status,
        answer.text
    );
    let body: Value = serde_json::from_str(&answer.text)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", answer.text));
    body["errors"].as_array().expect("an errors list").clone()
}

#[tokio::test]
async fn parallel_wrong_passwords_are_counted_before_any_is_checked() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let email = "mo@register.example";
        support_accounts::create(storage, email, "Mo", Role::Moderator, PASSWORD).await;
        let now = datetime!(2026-11-28 12:00 UTC);

        // 40 guesses at once, one of them right.
        let mut guesses = tokio::task::JoinSet::new();
        for n in 0..40 {
            let storage = storage.clone();
            let password = if n == 20 {
                PASSWORD.to_string()
            } else {
                format!("wrong guess {n}")
            };
            guesses.spawn(async move { accounts::sign_in(&storage, email, &password, now).await });
        }
        let (mut checked, mut locked) = (0, 0);
        while let Some(result) = guesses.join_next().await {
            match result.unwrap() {
                Ok(_) | Err(SignInError::Wrong) => checked += 1,
                Err(SignInError::Locked { .. }) => locked += 1,
                Err(other) => panic!("{}: {other:?}", db.name),
            }
        }
        assert!(
            checked <= accounts::FAILURE_LIMIT,
            "{}: {checked} passwords checked; the limit is {}",
            db.name,
            accounts::FAILURE_LIMIT
        );
        assert_eq!(checked + locked, 40, "{}", db.name);

        // Whatever the burst held, the email is locked now, for the right
        // password too: a success inside the burst cleared nothing.
        let after = accounts::sign_in(storage, email, PASSWORD, now).await;
        assert!(
            matches!(after, Err(SignInError::Locked { .. })),
            "{}: {after:?}",
            db.name
        );
        db.remove().await;
    }
}

/// `POST /login` as the client at `address`.
async fn login_from(site: &Router, address: &str, email: &str, password: &str) -> Answer {
    let mut request = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(manage::form_body(&[
            ("email", email),
            ("password", password),
        ])))
        .unwrap();
    request
        .extensions_mut()
        .insert(ClientAddress(address.into()));
    send(site, request).await
}

#[tokio::test]
async fn one_client_may_make_only_so_many_sign_in_attempts() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let search = TestSearch::embedded(storage).await;
    let site = router(storage, search.engine.clone());
    let limit = ServeConfig::parse_from(["serve"]).sign_ins_per_client;
    // The count is per ten minutes of the clock ("…T18:5"): a run that
    // straddles the turn of one starts over, from another address.
    let window = || lantern::clock::now()[..15].to_string();
    let mut round = 0;
    let over = loop {
        let address = format!("198.51.100.{}", 9 + round);
        let started = window();
        // Different emails, so no email's lock is what stops them.
        for n in 0..limit {
            let answer = login_from(&site, &address, &format!("n{n}@example.org"), "x").await;
            assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {n}");
        }
        let over = login_from(&site, &address, "last@example.org", "x").await;
        if window() == started {
            break over;
        }
        round += 1;
    };
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        over.text
            .contains("Too many sign-in attempts from your network")
    );
    let wait: u64 = over.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&wait), "{wait}");
    // Another client is not held back.
    let other = login_from(&site, "198.51.100.10", "last@example.org", "x").await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED);
    db.remove().await;
}

/// A US 2025 inventory file of one row: `cells` over a valid row.
fn us_file(cells: &[(&str, &str)]) -> Vec<u8> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(lantern::import::us_omb_2025::COLUMNS)
        .unwrap();
    let row: Vec<String> = lantern::import::us_omb_2025::COLUMNS
        .iter()
        .map(|column| {
            let given = cells.iter().find(|(name, _)| name == column);
            match (given, *column) {
                (Some((_, value)), _) => value.to_string(),
                (None, "agency") => "DOC".into(),
                (None, "id") => "DOC-1".into(),
                (None, "use_case_name") => "Weather model".into(),
                (None, "development_stage") => "Deployed".into(),
                (None, "demographic_features" | "hi_public_consultation") => "[]".into(),
                (None, _) => String::new(),
            }
        })
        .collect();
    csv.write_record(&row).unwrap();
    csv.into_inner().unwrap()
}

#[test]
fn the_us_importer_keeps_only_what_the_api_would_accept() {
    let parse = |cells: &[(&str, &str)]| {
        lantern::import::us_omb_2025::parse(&us_file(cells), ENGLISH)
            .expect("a file of this format")
    };
    for bad in [
        "javascript:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "Gerardo Nixon",
    ] {
        let parsed = parse(&[("contact_email", bad)]);
        assert_eq!(parsed.records.len(), 1, "{bad}: {:?}", parsed.rejected);
        assert_eq!(parsed.records[0].content.contact, None, "{bad}");
    }
    let parsed = parse(&[("contact_email", "a.b@noaa.gov, cc: c.d@noaa.gov")]);
    assert_eq!(
        parsed.records[0].content.contact.as_deref(),
        Some("a.b@noaa.gov")
    );
    let parsed = parse(&[
        (
            "use_case_name",
            "Machine Translation\n(Previously\tLanguage Translator)\u{7}",
        ),
        ("agency_bureau", "Bureau\u{202e}reversed"),
        ("agency_name", "Department\nof Commerce"),
    ]);
    let record = &parsed.records[0];
    assert_eq!(
        record.content.name,
        "Machine Translation (Previously Language Translator)"
    );
    assert_eq!(record.content.unit.as_deref(), Some("Bureaureversed"));
    assert_eq!(record.agency.name, "Department of Commerce");
    let parsed = parse(&[("pia_url", "javascript:alert(1)")]);
    assert!(parsed.records[0].content.assessments.is_empty());
}

#[test]
fn lantern_json_ids_follow_one_pattern() {
    let tax = |slug: &AgencySlug| {
        (slug.0 == "tax-office").then(|| app::record::Agency {
            slug: slug.clone(),
            name: "Tax Office".into(),
            jurisdiction: String::new(),
            website: None,
            contact: None,
            description: String::new(),
        })
    };
    let system = |id: Value| json!({"id": id, "name": "A", "summary": "B", "stage": "in_use", "topic": "tax"});
    let file = json!({"systems": [
        system(json!("../../admin")),
        system(json!("line\nbreak")),
        system(json!("<script>alert(1)</script>")),
        system(json!("x".repeat(5000))),
        system(json!(42)),
        system(json!("7k2m9x4q1b3c")),
    ]});
    let parsed = lantern::import::lantern_json::parse(
        file.to_string().as_bytes(),
        &AgencySlug("tax-office".into()),
        &tax,
        ENGLISH,
    )
    .unwrap();
    assert_eq!(parsed.records.len(), 1, "{:?}", parsed.rejected);
    assert_eq!(parsed.records[0].id.0, "7k2m9x4q1b3c");
    assert_eq!(parsed.rejected.len(), 5);
    for rejected in &parsed.rejected {
        assert!(
            rejected
                .reason
                .starts_with("id: Must be 1 to 64 lower-case"),
            "{rejected:?}"
        );
    }
}

#[tokio::test]
async fn one_line_fields_refuse_direction_overrides_and_feedback_to_a_bad_id_is_404() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site(storage).await;
    let publisher = agency_token(storage, "tax-office", TokenScope::Publish).await;
    let body = json!({
        "name": "Invoice\u{202e}fdp.exe",
        "summary": "Reads invoices.",
        "stage": "in_use",
        "topic": "tax",
        "supplier": "Acme\u{2066}Corp",
        "contact": "javascript:alert(1)",
    });
    let refused = send_json(&site, "POST", "/api/v1/systems", &publisher, &body).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = envelope(&refused)
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["contact", "name", "supplier"]);
    assert_eq!(
        storage.health().await.unwrap().systems,
        44,
        "nothing written"
    );

    for id in ["..%2F..%2Fadmin", "%3Cscript%3E", "line%0Abreak"] {
        let mut request = Request::post(format!("/systems/{id}/feedback"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("kind=question&body=Who+checks+this%3F&website="))
            .unwrap();
        request
            .extensions_mut()
            .insert(ClientAddress("192.0.2.1".into()));
        let answer = send(&site, request).await;
        assert_eq!(
            answer.status,
            StatusCode::NOT_FOUND,
            "{id}: {}",
            answer.text
        );
    }
    db.remove().await;
}

#[tokio::test]
async fn feeds_link_to_the_configured_address_whatever_the_host_header_says() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    lantern::demo::seed_if_empty(storage).await.unwrap();
    let search = TestSearch::embedded(storage).await;
    let serve = ServeConfig::parse_from(["serve", "--public-url", "https://register.example.gov/"]);
    let site = app(AppState::new(
        &serve,
        storage.clone(),
        search.engine.clone(),
    ));
    for feed in ["/feeds/changes.atom", "/agencies/tax-office/feed.atom"] {
        let request = Request::get(feed)
            .header(header::HOST, "evil.example")
            .header("x-forwarded-proto", "https")
            .body(Body::empty())
            .unwrap();
        let answer = send(&site, request).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert!(!answer.text.contains("evil.example"), "{feed}");
        assert!(
            answer
                .text
                .contains("href=\"https://register.example.gov/systems/"),
            "{feed}: {}",
            answer.text
        );
        assert!(answer.text.contains("tag:register.example.gov,2026:"));
    }
    let request = Request::get("/open-data")
        .header(header::HOST, "evil.example")
        .body(Body::empty())
        .unwrap();
    let page = send(&site, request).await;
    assert!(
        page.text
            .contains("https://register.example.gov/api/v1/export.ndjson")
    );
    assert!(!page.text.contains("evil.example"));
    db.remove().await;
}

#[tokio::test]
async fn private_answers_are_not_stored_and_https_is_remembered() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site(storage).await;
    support_accounts::create_in(
        storage,
        "editor@tax.example",
        "Eda",
        Role::Editor,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;
    for page in ["/manage", "/manage/tokens", "/manage/import", "/systems"] {
        let answer = get(&site, page, &editor).await;
        assert_eq!(answer.status, StatusCode::OK, "{page}");
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store", "{page}");
    }
    let login = get(&site, "/login", &Auth::Anonymous).await;
    assert_eq!(login.headers[header::CACHE_CONTROL], "no-store");
    let public = get(&site, "/api/v1/agencies", &Auth::Anonymous).await;
    assert_eq!(public.headers[header::CACHE_CONTROL], "public, max-age=60");
    for answer in [&login, &public] {
        let policy = answer.headers["permissions-policy"].to_str().unwrap();
        assert!(policy.contains("camera=()") && policy.contains("geolocation=()"));
        assert!(
            !answer
                .headers
                .contains_key(header::STRICT_TRANSPORT_SECURITY)
        );
    }
    let request = Request::get("/")
        .header("x-forwarded-proto", "https")
        .body(Body::empty())
        .unwrap();
    let over_https = send(&site, request).await;
    assert_eq!(
        over_https.headers[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000"
    );

    let unauthorised = send_json(
        &site,
        "POST",
        "/api/v1/systems",
        &Auth::Anonymous,
        &json!({}),
    )
    .await;
    assert_eq!(unauthorised.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        unauthorised.headers[header::WWW_AUTHENTICATE],
        "Bearer realm=\"Lantern API\""
    );
    assert_eq!(envelope(&unauthorised)[0]["code"], "unauthorized");
    db.remove().await;
}

#[tokio::test]
async fn every_api_error_is_in_the_envelope() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site(storage).await;
    let request = |method: &str, uri: &str, body: Body| {
        Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .unwrap()
    };
    for method in ["PATCH", "DELETE", "TRACE"] {
        let answer = send(&site, request(method, "/api/v1/systems", Body::empty())).await;
        assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(envelope(&answer)[0]["code"], "method_not_allowed");
        assert!(answer.headers.contains_key(header::ALLOW), "{method}");
    }
    let publisher = agency_token(storage, "tax-office", TokenScope::Publish).await;
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    let mut too_large = request("POST", "/api/v1/systems", Body::from(huge));
    too_large
        .headers_mut()
        .insert(header::AUTHORIZATION, bearer(&publisher).parse().unwrap());
    let answer = send(&site, too_large).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(envelope(&answer)[0]["code"], "too_large");

    // 60 KB: the longest address the http crate builds (hyper answers a
    // request line over 64 KiB with its own bare 414 before Lantern sees it).
    let long_query = format!("/api/v1/systems?q={}", "a".repeat(60 * 1024));
    let answer = send(&site, request("GET", &long_query, Body::empty())).await;
    assert_eq!(answer.status, StatusCode::URI_TOO_LONG);
    assert_eq!(envelope(&answer)[0]["code"], "uri_too_long");

    let answer = send(
        &site,
        request("GET", "/api/v1/systems/%FF%FE", Body::empty()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.text);
    assert_eq!(envelope(&answer)[0]["code"], "bad_request");

    let answer = send(
        &site,
        request("GET", "/api/v1/no-such-thing", Body::empty()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(envelope(&answer)[0]["code"], "not_found");

    // Pages keep their HTML errors.
    let (status, page) = site::get(&site, &format!("/systems?q={}", "a".repeat(60 * 1024))).await;
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    assert!(!page.starts_with('{'));
    db.remove().await;
}

/// Makes every publication fail inside the database, as a crash between
/// saving a draft and publishing it would.
async fn break_publishing(db: &TestDatabase) {
    let mut conn = db.connect().await;
    let statements: &[&str] = if db.name == "sqlite" {
        &[
            "CREATE TRIGGER fail_publishing BEFORE INSERT ON system_versions \
           BEGIN SELECT RAISE(ABORT, 'the machine went down'); END",
        ]
    } else {
        &[
            "CREATE FUNCTION fail_publishing() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'the machine went down'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER fail_publishing BEFORE INSERT ON system_versions \
             FOR EACH ROW EXECUTE FUNCTION fail_publishing()",
        ]
    };
    for statement in statements {
        sqlx::query(statement).execute(&mut conn).await.unwrap();
    }
}

async fn count(db: &TestDatabase, table: &str) -> i64 {
    let mut conn = db.connect().await;
    sqlx::query(&format!("SELECT count(*) AS n FROM {table}"))
        .fetch_one(&mut conn)
        .await
        .unwrap()
        .get::<i64, _>("n")
}

#[tokio::test]
async fn creating_and_publishing_is_one_transaction_and_safe_to_retry() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage: &Storage = &db.storage;
        let (_search, site) = site::demo_site(storage).await;
        let publisher = agency_token(storage, "tax-office", TokenScope::Publish).await;
        let body = json!({
            "name": "Return risk triage",
            "summary": "Flags returns for a person to check.",
            "stage": "pilot",
            "topic": "tax",
        });
        let post = |key: Option<&str>, body: &Value| {
            let mut request = Request::post("/api/v1/systems")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::AUTHORIZATION, bearer(&publisher));
            if let Some(key) = key {
                request = request.header("idempotency-key", key);
            }
            request.body(Body::from(body.to_string())).unwrap()
        };

        // Retried with one key: one system, the same answer.
        let first = send(&site, post(Some("retry-7f3a"), &body)).await;
        assert_eq!(
            first.status,
            StatusCode::CREATED,
            "{}: {}",
            db.name,
            first.text
        );
        let again = send(&site, post(Some("retry-7f3a"), &body)).await;
        assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
        assert_eq!(again.headers["idempotent-replayed"], "true");
        let (first, again): (Value, Value) = (
            serde_json::from_str(&first.text).unwrap(),
            serde_json::from_str(&again.text).unwrap(),
        );
        assert_eq!(first, again, "{}", db.name);
        assert_eq!(storage.health().await.unwrap().systems, 45, "{}", db.name);
        let other = send(
            &site,
            post(
                Some("retry-7f3a"),
                &json!({"name": "Another", "summary": "S", "stage": "pilot", "topic": "tax"}),
            ),
        )
        .await;
        assert_eq!(other.status, StatusCode::CONFLICT, "{}", other.text);
        let bad_key = send(&site, post(Some("a key with spaces"), &body)).await;
        assert_eq!(bad_key.status, StatusCode::BAD_REQUEST);
        assert_eq!(envelope(&bad_key)[0]["field"], "Idempotency-Key");

        // A failure while publishing leaves no draft behind.
        let drafts_before = count(&db, "drafts").await;
        break_publishing(&db).await;
        let failed = send(
            &site,
            post(
                None,
                &json!({"name": "Lost", "summary": "S", "stage": "pilot", "topic": "tax"}),
            ),
        )
        .await;
        assert_eq!(
            failed.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{}: {}",
            db.name,
            failed.text
        );
        assert_eq!(count(&db, "drafts").await, drafts_before, "{}", db.name);
        assert_eq!(storage.health().await.unwrap().systems, 45, "{}", db.name);
        db.remove().await;
    }
}
