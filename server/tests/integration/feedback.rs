//! Citizen feedback through HTTP, on SQLite and PostgreSQL: a question waits
//! for a moderator, then the owning agency answers it in public (and no other
//! agency can); abuse is refused with clear messages and nothing written;
//! emails never leave the database; answer statistics match the database.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::site;

use app::feedback::ClientAddress;
use app::record::{AgencySlug, Role};
use app::register::Register;
use app::search::{Facet, SystemQuery};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use databases::TestDatabase;
use manage::{Answer, Auth, get, post_form, sign_in};
use serde_json::{Value, json};
use site::ONE_AT_A_TIME;
use sqlx::Row;
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";
/// The address a citizen leaves for a reply: it must never come back out.
const EMAIL: &str = "citizen.private.7731@example.org";
/// A mail server, so the form takes an address (nothing is sent here: no
/// postman runs; `mail.rs` tests what is sent).
const SENDS_MAIL: &[&str] = &["--smtp-url", "smtp://127.0.0.1:9"];

/// A demo system of `agency`: its id.
async fn system_of(storage: &lantern::storage::Storage, agency: &str) -> String {
    let query = SystemQuery::default().toggled(Facet::Agency, agency);
    let list = storage.list_systems(&query).await.unwrap();
    list.systems[0].id.0.clone()
}

/// Sends a request as the client at `address`; every answer is kept in `seen`.
async fn send_as(router: &Router, address: &str, request: Request<Body>) -> Answer {
    let mut request = request;
    request
        .extensions_mut()
        .insert(ClientAddress(address.to_string()));
    let response = router.clone().oneshot(request).await.unwrap();
    let headers = response.headers().clone();
    let (status, text) = site::read(response).await;
    Answer {
        status,
        headers,
        text,
    }
}

/// A citizen's form, sent without JavaScript.
async fn send_form(router: &Router, address: &str, uri: &str, fields: &[(&str, &str)]) -> Answer {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(manage::form_body(fields)))
        .unwrap();
    send_as(router, address, request).await
}

/// A comment sent to the API.
async fn send_api(router: &Router, address: &str, system: &str, body: &Value) -> Answer {
    let request = Request::post(format!("/api/v1/systems/{system}/feedback"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send_as(router, address, request).await
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The id of the latest comment.
async fn latest_comment(db: &TestDatabase) -> i64 {
    let mut conn = db.connect().await;
    let row = sqlx::query("SELECT max(id) AS id FROM comments")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    row.get::<i64, _>("id")
}

async fn count_comments(db: &TestDatabase) -> i64 {
    let mut conn = db.connect().await;
    let row = sqlx::query("SELECT count(*) AS n FROM comments")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    row.get::<i64, _>("n")
}

#[tokio::test]
async fn a_question_waits_for_a_moderator_then_the_owning_agency_answers_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site_with(storage, SENDS_MAIL).await;
        let system = system_of(storage, "tax-office").await;
        for (email, role, agency) in [
            ("mod@example.org", Role::Moderator, None),
            ("tax@example.org", Role::Editor, Some("tax-office")),
            ("police@example.org", Role::Editor, Some("police")),
        ] {
            support_accounts::create_in(storage, email, "Someone", role, agency, PASSWORD).await;
        }
        let moderator = sign_in(&site, "mod@example.org", PASSWORD).await;
        let tax_editor = sign_in(&site, "tax@example.org", PASSWORD).await;
        let police_editor = sign_in(&site, "police@example.org", PASSWORD).await;
        let mut seen: Vec<String> = Vec::new();

        // The form on the page, sent without JavaScript.
        let page = site::get(&site, &format!("/systems/{system}")).await;
        assert!(
            page.1.contains(r#"action="/systems/"#) && page.1.contains("Questions and answers")
        );
        // No comment yet: the page reads none (its record counted them).
        assert!(page.1.contains("Nobody has asked about this system yet."));
        let question = "Who checks the scores before a return is selected quillwort?";
        let sent = send_form(
            &site,
            "10.0.0.1",
            &format!("/systems/{system}/feedback"),
            &[
                ("kind", "question"),
                ("body", question),
                ("name", "Ann"),
                ("email", EMAIL),
                ("website", ""),
            ],
        )
        .await;
        assert_eq!(
            sent.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            db.name,
            sent.text
        );
        assert_eq!(
            sent.location(),
            Some(format!("/systems/{system}?feedback=pending#feedback").as_str())
        );
        let comment = latest_comment(&db).await;

        // Invisible until a moderator approves it: page, API, search.
        let (_, page) = site::get(&site, &format!("/systems/{system}?feedback=pending")).await;
        assert!(page.contains("A moderator will read your message"));
        assert!(
            !page.contains("quillwort"),
            "{}: pending comment on the page",
            db.name
        );
        let (_, api) = site::get(&site, &format!("/api/v1/systems/{system}/feedback")).await;
        assert_eq!(json_of(&api)["feedback"], json!([]));
        search.catch_up(storage).await;
        let (_, found) = site::get(&site, "/api/v1/systems?q=quillwort").await;
        assert_eq!(json_of(&found)["total"], 0);
        seen.extend([page, api, found]);

        // The owning agency cannot answer what is not published yet.
        let early = post_form(
            &site,
            &format!("/manage/answers/{comment}"),
            &tax_editor,
            &[("answer", "Too soon")],
        )
        .await;
        assert_eq!(early.status, StatusCode::CONFLICT, "{}", db.name);

        // The moderator sees it (never the email) and publishes it.
        let queue = get(&site, "/manage/feedback", &moderator).await;
        assert!(queue.text.contains("quillwort"));
        assert!(queue.text.contains("left an email address for a reply"));
        seen.push(queue.text);
        let editor_tries = post_form(
            &site,
            &format!("/manage/feedback/{comment}"),
            &tax_editor,
            &[("decision", "publish")],
        )
        .await;
        assert_eq!(
            editor_tries.status,
            StatusCode::FORBIDDEN,
            "{}: editors do not moderate",
            db.name
        );
        // A moderator's wrong form is refused and changes nothing.
        let long_note = "n".repeat(501);
        let wrong_forms = [
            (
                format!("/manage/feedback/{comment}"),
                vec![("decision", "maybe")],
                StatusCode::CONFLICT,
                "Choose to publish the comment",
            ),
            (
                format!("/manage/feedback/{comment}"),
                vec![("decision", "hide"), ("reason", "boring")],
                StatusCode::CONFLICT,
                "Choose to publish the comment",
            ),
            (
                "/manage/feedback/not-a-number".to_string(),
                vec![("decision", "publish")],
                StatusCode::CONFLICT,
                "Choose to publish the comment",
            ),
            (
                format!("/manage/feedback/{comment}"),
                vec![
                    ("decision", "hide"),
                    ("reason", "spam"),
                    ("note", long_note.as_str()),
                ],
                StatusCode::UNPROCESSABLE_ENTITY,
                "500 characters or fewer",
            ),
            (
                "/manage/feedback/999999".to_string(),
                vec![("decision", "publish")],
                StatusCode::NOT_FOUND,
                "no such",
            ),
        ];
        for (uri, fields, status, message) in wrong_forms {
            let refused = post_form(&site, &uri, &moderator, &fields).await;
            assert_eq!(refused.status, status, "{}: {uri} {fields:?}", db.name);
            assert!(
                refused.text.contains(message),
                "{}: {uri}: {message}",
                db.name
            );
        }
        let queue = get(&site, "/manage/feedback", &moderator).await;
        assert!(
            queue.text.contains("quillwort"),
            "{}: still waiting",
            db.name
        );
        let published = post_form(
            &site,
            &format!("/manage/feedback/{comment}"),
            &moderator,
            &[("decision", "publish"), ("show", "pending")],
        )
        .await;
        assert_eq!(
            published.status,
            StatusCode::OK,
            "{}: {}",
            db.name,
            published.text
        );
        assert!(
            published
                .text
                .contains(&format!("Published comment {comment} (Question on ")),
            "{}: the queue says what was done",
            db.name
        );
        let (_, page) = site::get(&site, &format!("/systems/{system}")).await;
        assert!(page.contains("quillwort") && page.contains("Ann"));
        assert!(!page.contains("Nobody has asked"), "{}", db.name);
        seen.push(page);

        // Another agency's editor, and the moderator, cannot answer: nothing is written.
        for (who, auth) in [("police editor", &police_editor), ("moderator", &moderator)] {
            let refused = post_form(
                &site,
                &format!("/manage/answers/{comment}"),
                auth,
                &[("answer", "Not ours to say")],
            )
            .await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}: {who}", db.name);
        }
        let anonymous = post_form(
            &site,
            &format!("/manage/answers/{comment}"),
            &Auth::Anonymous,
            &[("answer", "x")],
        )
        .await;
        assert_eq!(
            anonymous.status,
            StatusCode::SEE_OTHER,
            "{}: signed out goes to sign in",
            db.name
        );
        let (_, api) = site::get(&site, &format!("/api/v1/systems/{system}/feedback")).await;
        assert_eq!(json_of(&api)["feedback"][0]["answer"], Value::Null);

        // The owning agency's editor sees it waiting, and answers.
        let desk = get(&site, "/manage/answers", &tax_editor).await;
        assert!(desk.text.contains("quillwort") && desk.text.contains("1 waiting for an answer"));
        let empty = post_form(
            &site,
            &format!("/manage/answers/{comment}"),
            &tax_editor,
            &[("answer", "  ")],
        )
        .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text.contains("Write the answer"));
        let answered = post_form(
            &site,
            &format!("/manage/answers/{comment}"),
            &tax_editor,
            &[("answer", "A tax inspector reviews every selected return.")],
        )
        .await;
        assert_eq!(
            answered.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            db.name,
            answered.text
        );
        let (_, page) = site::get(&site, &format!("/systems/{system}")).await;
        assert!(page.contains("Official answer from Northvale Tax Office"));
        assert!(page.contains("A tax inspector reviews every selected return."));
        let (_, api) = site::get(&site, &format!("/api/v1/systems/{system}/feedback")).await;
        let listed = json_of(&api);
        assert_eq!(listed["feedback"][0]["kind"], "question");
        assert_eq!(listed["feedback"][0]["name"], "Ann");
        assert_eq!(listed["feedback"][0]["answer"]["agency"], "tax-office");
        assert!(listed["feedback"][0].get("email").is_none());
        let (_, agency) = site::get(&site, "/agencies/tax-office").await;
        assert!(
            agency.contains("1 of 1"),
            "{}: the agency page counts the answer",
            db.name
        );
        let (_, agencies) = site::get(&site, "/agencies").await;
        seen.extend([page, api, agency, agencies]);
        // Nor in the open data.
        for uri in [
            "/api/v1/export.json",
            "/api/v1/export.ndjson",
            "/api/v1/export.csv",
            "/api/v1/changes?limit=500",
            "/api/v1/agencies",
            "/feeds/changes.atom",
            "/agencies/tax-office/feed.atom",
        ] {
            let (status, text) = site::get(&site, uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            seen.push(text);
        }

        // The email never came out.
        for text in &seen {
            assert!(
                !text.contains(EMAIL),
                "{}: the email appeared in a response",
                db.name
            );
        }
        // An unknown system is a 404, by form and API.
        let nowhere = send_api(
            &site,
            "10.0.0.9",
            "no-such-system",
            &json!({"kind": "question", "body": "Hello?"}),
        )
        .await;
        assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
        let (status, _) = site::get(&site, "/api/v1/systems/no-such-system/feedback").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn abuse_is_refused_with_a_clear_message_and_nothing_written() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site_with(storage, SENDS_MAIL).await;
        let system = system_of(storage, "police").await;
        let limit = storage
            .feedback_settings()
            .await
            .unwrap()
            .submissions_per_hour;

        // A flood of 50 from one client in a minute: the first `limit` are
        // taken, the rest get 429 with Retry-After and a message.
        let mut statuses = Vec::new();
        for n in 0..50 {
            let body = json!({"kind": "feedback", "body": format!("Flood message number {n}")});
            let answer = send_api(&site, "192.0.2.50", &system, &body).await;
            if answer.status == StatusCode::TOO_MANY_REQUESTS {
                assert!(answer.headers.contains_key(header::RETRY_AFTER));
                let error = json_of(&answer.text);
                assert_eq!(error["errors"][0]["code"], "rate_limited");
                assert!(
                    error["errors"][0]["detail"]
                        .as_str()
                        .unwrap()
                        .contains("Please wait")
                );
            }
            statuses.push(answer.status);
        }
        let accepted = statuses
            .iter()
            .filter(|s| **s == StatusCode::ACCEPTED)
            .count() as i64;
        let limited = statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count() as i64;
        assert_eq!((accepted, limited), (limit, 50 - limit), "{}", db.name);
        assert_eq!(count_comments(&db).await, limit);
        // The form says so too, and another client is not held back.
        let form = send_form(
            &site,
            "192.0.2.50",
            &format!("/systems/{system}/feedback"),
            &[("kind", "question"), ("body", "One more?")],
        )
        .await;
        assert_eq!(form.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(
            form.text.contains("Please wait") && form.headers.contains_key(header::RETRY_AFTER)
        );
        let other = send_api(
            &site,
            "192.0.2.51",
            &system,
            &json!({"kind": "question", "body": "Is this used at demonstrations?"}),
        )
        .await;
        assert_eq!(
            other.status,
            StatusCode::ACCEPTED,
            "{}: {}",
            db.name,
            other.text
        );
        let before = count_comments(&db).await;

        // The honeypot catches a naive bot that fills in every field.
        let bot = send_form(
            &site,
            "192.0.2.60",
            &format!("/systems/{system}/feedback"),
            &[
                ("kind", "feedback"),
                ("body", "Great site, visit my shop"),
                ("website", "http://shop.example"),
            ],
        )
        .await;
        assert_eq!(bot.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.name);
        assert!(bot.text.contains("Leave this field empty"));

        // Empty, oversized, too many links, a wrong kind, a duplicate: each named.
        let long = "x".repeat(2_001);
        let duplicate = "Is this used at demonstrations?";
        for (fields, field, message) in [
            (
                json!({"kind": "question", "body": "   "}),
                "body",
                "Write your message",
            ),
            (
                json!({"kind": "question", "body": long}),
                "body",
                "2,001 characters",
            ),
            (
                json!({"kind": "question", "body": "a http://a.example b https://b.example c www.c.example"}),
                "body",
                "3 links",
            ),
            (
                json!({"kind": "complaint", "body": "Hello"}),
                "kind",
                "not a kind of message",
            ),
            (
                json!({"kind": "question", "body": "Hello", "email": "nope"}),
                "email",
                "email address",
            ),
            (
                json!({"kind": "question", "body": 7}),
                "body",
                "Must be a string",
            ),
            (
                json!({"kind": "question", "body": "Hello", "phone": "1"}),
                "phone",
                "Unknown field",
            ),
            (
                json!({"kind": "question", "body": duplicate}),
                "body",
                "already sent",
            ),
        ] {
            let answer = send_api(&site, "192.0.2.70", &system, &fields).await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {fields}",
                db.name
            );
            let error = json_of(&answer.text);
            assert_eq!(error["errors"][0]["field"], field, "{fields}");
            assert!(
                error["errors"][0]["detail"]
                    .as_str()
                    .unwrap()
                    .contains(message),
                "{fields}: {error}"
            );
        }
        let not_json = send_as(
            &site,
            "192.0.2.70",
            Request::post(format!("/api/v1/systems/{system}/feedback"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{kind: question"))
                .unwrap(),
        )
        .await;
        assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
        assert_eq!(json_of(&not_json.text)["errors"][0]["code"], "invalid_json");
        // The form keeps what was typed, never the email.
        let wrong = send_form(
            &site,
            "192.0.2.71",
            &format!("/systems/{system}/feedback"),
            &[("kind", "question"), ("body", &long), ("email", EMAIL)],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            wrong.text.contains("There is a problem") && wrong.text.contains("2,001 characters")
        );
        assert!(
            !wrong.text.contains(EMAIL),
            "{}: the form showed the email again",
            db.name
        );
        assert_eq!(
            count_comments(&db).await,
            before,
            "{}: nothing written",
            db.name
        );

        // HTML and script are shown as text, never run.
        let script = "<script>alert('owned')</script> <b>bold</b>";
        let sent = send_api(
            &site,
            "192.0.2.80",
            &system,
            &json!({"kind": "feedback", "body": script}),
        )
        .await;
        let id = json_of(&sent.text)["id"].as_i64().unwrap();
        let person = lantern::publishing::Person {
            id: 0,
            email: "mod@example.org".into(),
            name: "Mod".into(),
            role: Role::Moderator,
            agency: None,
            language: app::i18n::Language::SOURCE,
        };
        let publish = lantern::feedback::Decision::Publish {
            personal_data_checked: false,
        };
        lantern::feedback::moderate(storage, &person, id, &publish, app::i18n::Language::SOURCE)
            .await
            .unwrap();
        let (_, page) = site::get(&site, &format!("/systems/{system}")).await;
        assert!(
            page.contains("&lt;script&gt;alert"),
            "{}: the script is shown as text",
            db.name
        );
        assert!(!page.contains("<script>alert") && !page.contains("<b>bold</b>"));

        // Three readers flag it: hidden until a moderator looks.
        for (n, address) in [
            "198.51.100.1",
            "198.51.100.2",
            "198.51.100.2",
            "198.51.100.3",
        ]
        .iter()
        .enumerate()
        {
            let flagged = send_form(
                &site,
                address,
                &format!("/systems/{system}/feedback/{id}/flag"),
                &[("reason", "spam")],
            )
            .await;
            assert_eq!(
                flagged.status,
                StatusCode::SEE_OTHER,
                "{}: flag {n}: {}",
                db.name,
                flagged.text
            );
        }
        let (_, page) = site::get(&site, &format!("/systems/{system}")).await;
        assert!(
            !page.contains("&lt;script&gt;alert"),
            "{}: hidden after 3 flags",
            db.name
        );
        let queue = lantern::storage::Storage::moderation_queue(
            storage,
            app::feedback::QueueFilter::Flagged,
        )
        .await
        .unwrap();
        assert_eq!(queue.len(), 1);
        assert_eq!(
            queue[0].flag_reasons,
            ["spam", "spam", "spam"],
            "one flag per reader"
        );
        let bad_reason = send_form(
            &site,
            "198.51.100.9",
            &format!("/systems/{system}/feedback/{id}/flag"),
            &[("reason", "boring")],
        )
        .await;
        assert_eq!(bad_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn post_moderation_publishes_at_once_but_holds_back_personal_data() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site_with(storage, SENDS_MAIL).await;
    let system = system_of(storage, "health-service").await;
    support_accounts::create(storage, "admin@example.org", "Admin", Role::Admin, PASSWORD).await;
    let admin = sign_in(&site, "admin@example.org", PASSWORD).await;

    // Wrong settings are named, and nothing changes.
    let wrong = post_form(
        &site,
        "/manage/settings",
        &admin,
        &[
            ("moderation", "sometimes"),
            ("flags_to_hide", "0"),
            ("email_retention_days", "90"),
            ("submissions_per_hour", "ten"),
            ("answer_reminder_days", "366"),
            ("review_months", "12"),
            ("high_risk_review_months", "6"),
            ("reading_ease", "60"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    for named in [
        "pre or post",
        "Reports that hide a comment must be",
        "Messages per reader per hour must be",
        "reminder must be a whole number from 1 to 365",
    ] {
        assert!(wrong.text.contains(named), "{named}");
    }
    let saved = post_form(
        &site,
        "/manage/settings",
        &admin,
        &[
            ("moderation", "post"),
            ("flags_to_hide", "3"),
            ("email_retention_days", "30"),
            ("submissions_per_hour", "10"),
            ("answer_reminder_days", "14"),
            ("review_months", "12"),
            ("high_risk_review_months", "6"),
            ("reading_ease", "60"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);

    let at_once = send_api(
        &site,
        "10.1.0.1",
        &system,
        &json!({"kind": "question", "body": "Does a doctor see every triage result?"}),
    )
    .await;
    assert_eq!(at_once.status, StatusCode::CREATED, "{}", at_once.text);
    assert_eq!(json_of(&at_once.text)["state"], "published");
    let held = send_api(
        &site,
        "10.1.0.2",
        &system,
        &json!({"kind": "error", "body": "Call me on 06-12345678 about my case"}),
    )
    .await;
    assert_eq!(
        held.status,
        StatusCode::ACCEPTED,
        "personal data waits for a moderator"
    );
    let (_, page) = site::get(&site, &format!("/systems/{system}")).await;
    assert!(page.contains("Does a doctor see every triage result?"));
    assert!(!page.contains("12345678"));
    let queue = storage
        .moderation_queue(app::feedback::QueueFilter::Pending)
        .await
        .unwrap();
    assert!(queue[0].personal_data_found);
    let comment = latest_comment(&db).await;
    let on_page = || async { site::get(&site, &format!("/systems/{system}")).await.1 };

    // Each decision is its own form: the note's form can only hide, so
    // pressing Enter in it never publishes.
    let queue = get(&site, "/manage/feedback", &admin).await;
    assert!(queue.text.contains("It may contain personal data"));
    let note_form = queue
        .text
        .split("<form")
        .find(|form| form.contains(&format!("id=\"note-{comment}\"")))
        .expect("a form with the note");
    let note_form = &note_form[..note_form.find("</form>").unwrap()];
    assert!(note_form.contains("name=\"decision\" value=\"hide\""));
    assert!(!note_form.contains("publish"), "{note_form}");

    // Publishing it takes a tick that it holds no personal data.
    let unticked = post_form(
        &site,
        &format!("/manage/feedback/{comment}"),
        &admin,
        &[("decision", "publish")],
    )
    .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unticked
            .text
            .contains("It may contain personal data: read it")
    );
    assert!(unticked.text.contains("Personal data check of comment"));
    assert!(!on_page().await.contains("12345678"));

    // What Enter in the note sends: hidden, and the queue says so.
    let hidden = post_form(
        &site,
        &format!("/manage/feedback/{comment}"),
        &admin,
        &[
            ("decision", "hide"),
            ("reason", "personal_data"),
            ("note", "a phone number"),
        ],
    )
    .await;
    assert_eq!(hidden.status, StatusCode::OK, "{}", hidden.text);
    assert!(
        hidden
            .text
            .contains(&format!("Hid comment {comment} (Error report on "))
    );
    assert!(hidden.text.contains("): personal data."));
    assert!(!on_page().await.contains("12345678"));

    // Ticked, it is published; then taken down again from the same queue.
    let published = post_form(
        &site,
        &format!("/manage/feedback/{comment}"),
        &admin,
        &[("decision", "publish"), ("personal_data_checked", "yes")],
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    assert!(on_page().await.contains("12345678"));
    let queue = get(&site, "/manage/feedback?show=published", &admin).await;
    assert!(queue.text.contains("Take it down"));
    let taken_down = post_form(
        &site,
        &format!("/manage/feedback/{comment}"),
        &admin,
        &[
            ("decision", "hide"),
            ("reason", "personal_data"),
            ("show", "published"),
        ],
    )
    .await;
    assert!(
        taken_down
            .text
            .contains(&format!("Took down comment {comment}")),
        "{}",
        taken_down.text
    );
    assert!(!on_page().await.contains("12345678"));

    // The audit log has each decision with its reason and note.
    let log = storage.audit_log(10, None).await.unwrap();
    let details: Vec<String> = log
        .iter()
        .filter(|entry| entry.action.ends_with("_comment"))
        .map(|entry| format!("{} {}", entry.action, entry.detail))
        .collect();
    for expected in [
        format!("hide_comment comment {comment}: personal_data (a phone number)"),
        format!("publish_comment comment {comment}, read for personal data"),
        format!("hide_comment comment {comment}, taken down: personal_data"),
    ] {
        assert!(details.contains(&expected), "{expected} in {details:?}");
    }
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn answer_statistics_match_a_direct_count_and_emails_expire() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let mut conn = db.connect().await;
        // Questions and error reports on three agencies' systems, published
        // and answered at known times; feedback and hidden items do not count.
        let cases = [
            ("tax-office", "question", "published", Some(3_600)),
            ("tax-office", "error", "published", Some(7_200)),
            ("tax-office", "question", "published", Some(86_400)),
            ("tax-office", "question", "published", None),
            ("tax-office", "feedback", "published", None),
            ("police", "question", "published", Some(600)),
            ("police", "question", "hidden", Some(60)),
            ("police", "error", "pending", None),
            ("courts", "question", "published", None),
        ];
        for (n, (agency, kind, state, answer_after)) in cases.iter().enumerate() {
            let system = system_of(storage, agency).await;
            let published_at = format!("2026-10-{:02}T09:00:00Z", n + 1);
            let answered_at = answer_after.map(|s| {
                lantern::clock::format_timestamp(
                    time::OffsetDateTime::parse(
                        &published_at,
                        &time::format_description::well_known::Rfc3339,
                    )
                    .unwrap()
                        + time::Duration::seconds(s),
                )
            });
            let sql = lantern::storage::sql_for(
                &conn,
                "INSERT INTO comments (system_id, kind, body, body_key, email, state, created_at, \
                 published_at, answer, answered_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, \
                 $10::timestamptz)",
            );
            sqlx::query(&sql)
                .bind(system)
                .bind(kind.to_string())
                .bind(format!("Item {n}"))
                .bind(format!("item {n}"))
                .bind(EMAIL)
                .bind(state.to_string())
                .bind(published_at.clone())
                .bind(published_at)
                .bind(answered_at.as_ref().map(|_| "An answer".to_string()))
                .bind(answered_at)
                .execute(&mut conn)
                .await
                .unwrap();
        }
        let stats = storage.answer_stats(None).await.unwrap();
        // The same, computed straight from the tables.
        let sql = lantern::storage::sql_for(
            &conn,
            "SELECT s.agency, rfc3339(c.published_at) AS published_at, \
             rfc3339(c.answered_at) AS answered_at FROM comments c \
             JOIN systems s ON s.id = c.system_id \
             WHERE c.state = 'published' AND c.kind <> 'feedback' ORDER BY s.agency",
        );
        let rows = sqlx::query(&sql).fetch_all(&mut conn).await.unwrap();
        let mut expected: std::collections::BTreeMap<String, (i64, Vec<i64>)> = Default::default();
        for row in &rows {
            let entry = expected.entry(row.get::<String, _>("agency")).or_default();
            entry.0 += 1;
            if let Some(answered) = row.get::<Option<String>, _>("answered_at") {
                entry.1.push(lantern::clock::seconds_between(
                    &row.get::<String, _>("published_at"),
                    &answered,
                ));
            }
        }
        assert_eq!(stats.len(), expected.len(), "{}", db.name);
        for stat in &stats {
            let (items, mut durations) = expected[&stat.agency.0].clone();
            durations.sort();
            let median = match durations.len() {
                0 => None,
                n if n % 2 == 1 => Some(durations[n / 2]),
                n => Some((durations[n / 2 - 1] + durations[n / 2]) / 2),
            };
            assert_eq!(
                (stat.items, stat.answered, stat.median_seconds),
                (items, durations.len() as i64, median),
                "{}: {}",
                db.name,
                stat.agency
            );
        }
        let tax = stats
            .iter()
            .find(|s| s.agency == AgencySlug("tax-office".into()))
            .unwrap();
        assert_eq!(
            (tax.items, tax.answered, tax.median_seconds),
            (4, 3, Some(7_200))
        );

        // Emails older than the retention period (90 days) are deleted; newer ones stay.
        let now = time::OffsetDateTime::parse(
            "2027-01-03T09:00:00Z",
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        let forgotten = lantern::feedback::tidy(storage, now).await.unwrap();
        assert_eq!(
            forgotten, 4,
            "{}: items published 2026-10-01 to 10-04 are over 90 days old",
            db.name
        );
        let left = sqlx::query("SELECT count(*) AS n FROM comments WHERE email IS NOT NULL")
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .get::<i64, _>("n");
        assert_eq!(left, cases.len() as i64 - 4);
        drop(conn);
        db.remove().await;
    }
}
