//! The review periods are an admin's setting: changing them moves every
//! record's review-by date (and its overdue state, counts and search
//! entry) to the new periods, and back. An agency may set an earlier date
//! for one of its records; wrong dates are named and change nothing. On
//! both databases, with a manual clock.

use crate::counts::{counted_directly, kept};
use crate::support::accounts::{create, create_in};
use crate::support::databases::TestDatabase;
use crate::support::html_scan;
use crate::support::manage::{
    Answer, Auth, agency_token, found_ids, get, post_form, send_json, sign_in,
};
use crate::support::site::{ONE_AT_A_TIME, demo_site};
use app::record::{OversightSettings, RiskLevel, Role, TokenScope};
use axum::Router;
use axum::http::StatusCode;
use lantern::clock::{ManualClock, with_clock};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use time::macros::datetime;

const PASSWORD: &str = "a long enough password";

#[tokio::test]
async fn review_dates_follow_the_admins_periods_and_the_agencys_earlier_date() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for database in TestDatabase::both().await {
        let clock = ManualClock::starting_at(datetime!(2027-01-15 09:00 UTC));
        with_clock(clock.clone(), periods_then_dates(&database, clock)).await;
        database.remove().await;
    }
}

/// The admin's settings form with these review periods.
async fn save_periods(site: &Router, admin: &Auth, months: &str, high_risk: &str) -> Answer {
    let fields = [
        ("moderation", "pre"),
        ("flags_to_hide", "3"),
        ("email_retention_days", "90"),
        ("submissions_per_hour", "10"),
        ("answer_reminder_days", "14"),
        ("review_months", months),
        ("high_risk_review_months", high_risk),
        ("reading_ease", "60"),
    ];
    post_form(site, "/manage/settings", admin, &fields).await
}

/// Every published system's review date as stored, and as worked out here
/// from its last review and risk level under `settings`.
async fn stored_and_expected(
    database: &TestDatabase,
    settings: &OversightSettings,
) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let mut conn = database.connect().await;
    let sql = "SELECT s.id, rfc3339(s.review_by) AS review_by, \
         rfc3339(coalesce(v.reviewed_at, v.published_at)) AS reviewed_at, v.risk_level \
         FROM systems s JOIN system_versions v \
         ON v.system_id = s.id AND v.version = s.current_version \
         WHERE s.review_by IS NOT NULL ORDER BY s.id";
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as(&lantern::storage::sql_for(&conn, sql))
            .fetch_all(&mut conn)
            .await
            .unwrap();
    let stored = rows.iter().map(|r| (r.0.clone(), r.1.clone())).collect();
    let expected = rows
        .iter()
        .map(|(id, _, reviewed_at, risk)| {
            let risk = RiskLevel::parse(risk).unwrap();
            let date = lantern::storage::review_by(reviewed_at, risk, settings, None).unwrap();
            (id.clone(), date)
        })
        .collect();
    (stored, expected)
}

async fn overdue_in_database(database: &TestDatabase) -> BTreeSet<String> {
    let mut conn = database.connect().await;
    sqlx::query_as::<_, (String,)>("SELECT id FROM systems WHERE review = 'overdue'")
        .fetch_all(&mut conn)
        .await
        .unwrap()
        .into_iter()
        .map(|(id,)| id)
        .collect()
}

async fn periods_then_dates(database: &TestDatabase, clock: ManualClock) {
    let name = database.name;
    let storage = &database.storage;
    let (search, site) = demo_site(storage).await;
    let token = agency_token(storage, "tax-office", TokenScope::Publish).await;
    let body = json!({
        "agency_ref": "PERIODS-1",
        "name": "Letter wording assistant",
        "summary": "Suggests plainer wording for tax letters.",
        "stage": "in_use",
        "topic": "tax",
        "risk_level": "minimal",
    });
    let filed = send_json(&site, "POST", "/api/v1/systems", &token, &body).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{name}: {}", filed.text);
    let id = serde_json::from_str::<Value>(&filed.text).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let review_by = |site: Router, id: String| async move {
        let answer = get(&site, &format!("/api/v1/systems/{id}"), &Auth::Anonymous).await;
        serde_json::from_str::<Value>(&answer.text).unwrap()["review_by"].clone()
    };
    assert_eq!(
        review_by(site.clone(), id.clone()).await,
        "2028-01-15T09:00:00Z"
    );

    create(
        storage,
        "admin@periods.example",
        "Ada",
        Role::Admin,
        PASSWORD,
    )
    .await;
    let admin = sign_in(&site, "admin@periods.example", PASSWORD).await;

    // Wrong periods are named, and nothing changes; a hostile one is inert.
    let hostile = save_periods(&site, &admin, r#"12"><b data-hostile="period">"#, "6").await;
    assert_eq!(hostile.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
    assert!(
        html_scan::injected(&hostile.text).is_empty(),
        "{name}: {}",
        hostile.text
    );
    let wrong = save_periods(&site, &admin, "0", "sixty").await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
    for named in [
        "Months before a record is due for review must be a whole number from 1 to 60",
        "Months before a high-risk record is due for review must be a whole number from 1 to 60",
    ] {
        assert!(wrong.text.contains(named), "{name}: {named}");
    }
    assert_eq!(
        storage.oversight_settings().await.unwrap(),
        OversightSettings::default(),
        "{name}"
    );

    // Three months, one when high-risk: every date moves, counts follow.
    let saved = save_periods(&site, &admin, "3", "1").await;
    assert_eq!(
        saved.status,
        StatusCode::SEE_OTHER,
        "{name}: {}",
        saved.text
    );
    let short = OversightSettings {
        review_months: 3,
        high_risk_review_months: 1,
        reading_ease: 60,
    };
    // The form started the work in the background; doing it again here
    // waits for it (and moves nothing twice).
    storage.apply_review_periods().await.unwrap();
    let (stored, expected) = stored_and_expected(database, &short).await;
    assert_eq!(stored, expected, "{name}");
    assert_eq!(
        review_by(site.clone(), id.clone()).await,
        "2027-04-15T09:00:00Z"
    );
    let page = get(&site, "/open-data", &Auth::Anonymous).await;
    assert!(
        page.text
            .contains("3 months after its last version, 1 month for a high-risk system"),
        "{name}"
    );

    // Two months on, every high-risk record is overdue.
    clock.advance(time::Duration::days(59));
    storage
        .mark_overdue_reviews(&lantern::clock::now())
        .await
        .unwrap();
    search.catch_up(storage).await;
    let overdue = overdue_in_database(database).await;
    assert!(!overdue.is_empty(), "{name}");
    assert_eq!(found_ids(&site, "review=overdue").await, overdue, "{name}");

    // Back to a year and half a year: they are current again.
    let saved = save_periods(&site, &admin, "12", "6").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{name}");
    storage.apply_review_periods().await.unwrap();
    search.catch_up(storage).await;
    let (stored, expected) = stored_and_expected(database, &OversightSettings::default()).await;
    assert_eq!(stored, expected, "{name}");
    assert!(overdue_in_database(database).await.is_empty(), "{name}");
    assert!(
        found_ids(&site, "review=overdue").await.is_empty(),
        "{name}"
    );
    let mut conn = database.connect().await;
    assert_eq!(
        kept(storage).await,
        counted_directly(&mut conn).await,
        "{name}"
    );

    agency_dates(database, &site, &id).await;
    search.remove().await;
}

/// The agency's earlier review date, from the record's desk (the clock
/// stands at 15 March 2027; the register's date is 15 January 2028).
async fn agency_dates(database: &TestDatabase, site: &Router, id: &str) {
    let name = database.name;
    let storage = &database.storage;
    create_in(
        storage,
        "ed@periods.example",
        "Ed",
        Role::Editor,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let editor = sign_in(site, "ed@periods.example", PASSWORD).await;
    let uri = format!("/manage/systems/{id}/review-date");
    let set = |date: &'static str| {
        let (site, uri, editor) = (site.clone(), uri.clone(), editor.clone());
        async move { post_form(&site, &uri, &editor, &[("review_by", date)]).await }
    };
    for (date, named) in [
        ("2027-02-30", "Must be a date that exists"),
        ("2027-03-01", "Choose a review date after today"),
        (
            "2028-02-01",
            "Choose a date before 15 January 2028, the register",
        ),
    ] {
        let refused = set(date).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {date}"
        );
        assert!(
            refused.text.contains(named),
            "{name}: {date}: {}",
            refused.text
        );
    }
    // A hostile page's "date" comes back inert in the field.
    let hostile = r#""><script data-hostile="date">alert(1)</script>"#;
    let refused = set(hostile).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
    assert!(
        html_scan::injected(&refused.text).is_empty(),
        "{name}: {}",
        refused.text
    );
    let record = |site: Router| {
        let id = id.to_string();
        async move {
            let answer = get(&site, &format!("/api/v1/systems/{id}"), &Auth::Anonymous).await;
            serde_json::from_str::<Value>(&answer.text).unwrap()
        }
    };
    assert_eq!(
        record(site.clone()).await["review_by"],
        "2028-01-15T09:00:00Z"
    );

    let chosen = set("2027-06-01").await;
    assert!(chosen.status.is_redirection(), "{name}: {}", chosen.text);
    assert_eq!(
        record(site.clone()).await["review_by"],
        "2027-06-01T00:00:00Z"
    );
    let desk = get(site, &format!("/manage/systems/{id}"), &editor).await;
    assert!(
        desk.text.contains("Due for review by 1 June 2027."),
        "{name}: {}",
        desk.text
    );

    // Another agency's editor may not.
    create_in(
        storage,
        "other@periods.example",
        "Oz",
        Role::Editor,
        Some("health-service"),
        PASSWORD,
    )
    .await;
    let other = sign_in(site, "other@periods.example", PASSWORD).await;
    let refused = post_form(site, &uri, &other, &[("review_by", "2027-05-01")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{name}");
    assert_eq!(
        record(site.clone()).await["review_by"],
        "2027-06-01T00:00:00Z"
    );

    // Agencies' tools set it too, with a publish-scope token.
    let uri = format!("/api/v1/systems/{id}/review-by");
    let token = agency_token(storage, "tax-office", TokenScope::Publish).await;
    let drafts_only = agency_token(storage, "tax-office", TokenScope::Draft).await;
    let send = |token: Auth, body: Value| {
        let (site, uri) = (site.clone(), uri.clone());
        async move { send_json(&site, "PUT", &uri, &token, &body).await }
    };
    let refused = send(drafts_only, json!({"review_by": "2027-05-01"})).await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "{name}: {}",
        refused.text
    );
    for (body, status, named) in [
        (
            json!({"review_by": "2099-05-01"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose a date before",
        ),
        (
            json!({"review_by": "May"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "date that exists",
        ),
        (
            json!({"when": "2027-05-01"}),
            StatusCode::BAD_REQUEST,
            "unknown field",
        ),
        (json!(["2027-05-01"]), StatusCode::BAD_REQUEST, "review_by"),
    ] {
        let refused = send(token.clone(), body.clone()).await;
        assert_eq!(refused.status, status, "{name}: {body}: {}", refused.text);
        assert!(
            refused.text.contains(named),
            "{name}: {body}: {}",
            refused.text
        );
    }
    assert_eq!(
        record(site.clone()).await["review_by"],
        "2027-06-01T00:00:00Z"
    );
    let moved = send(token.clone(), json!({"review_by": "2027-05-01"})).await;
    assert_eq!(moved.status, StatusCode::OK, "{name}: {}", moved.text);
    let moved: Value = serde_json::from_str(&moved.text).unwrap();
    assert_eq!(moved["review_by"], "2027-05-01T00:00:00Z", "{name}");
    let back = send(token.clone(), json!({"review_by": null})).await;
    assert_eq!(back.status, StatusCode::OK, "{name}: {}", back.text);
    assert_eq!(
        record(site.clone()).await["review_by"],
        "2028-01-15T09:00:00Z"
    );
    let chosen = set("2027-06-01").await;
    assert!(chosen.status.is_redirection(), "{name}: {}", chosen.text);

    // Cleared from the desk, the register's date counts again.
    let cleared = set("").await;
    assert!(cleared.status.is_redirection(), "{name}: {}", cleared.text);
    assert_eq!(
        record(site.clone()).await["review_by"],
        "2028-01-15T09:00:00Z"
    );
    let mut conn = database.connect().await;
    let sql = "SELECT rfc3339(agency_review_by) AS agency_review_by FROM systems WHERE id = $1";
    let (agency_date,): (Option<String>,) = sqlx::query_as(&lantern::storage::sql_for(&conn, sql))
        .bind(id.to_string())
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(agency_date, None, "{name}");

    // A retired system is not reviewed: every way to review it is a 409.
    let retired = post_form(
        site,
        &format!("/manage/systems/{id}/retire"),
        &editor,
        &[("retired_on", "2027-03-15"), ("confirm_retire", "yes")],
    )
    .await;
    assert!(retired.status.is_redirection(), "{name}: {}", retired.text);
    assert_eq!(
        record(site.clone()).await["review_by"],
        Value::Null,
        "{name}"
    );
    for (uri, fields) in [
        (format!("/manage/systems/{id}/reviewed"), vec![]),
        (
            format!("/manage/systems/{id}/review-date"),
            vec![("review_by", "2027-05-01")],
        ),
    ] {
        let refused = post_form(site, &uri, &editor, &fields).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{name}: {uri}");
        assert!(
            refused.text.contains("A retired system is not reviewed"),
            "{name}: {uri}"
        );
    }
    let reviewed = format!("/api/v1/systems/{id}/reviewed");
    let refused = send_json(site, "POST", &reviewed, &token, &json!({})).await;
    assert_eq!(
        refused.status,
        StatusCode::CONFLICT,
        "{name}: {}",
        refused.text
    );
    let refused = send(token, json!({"review_by": "2027-05-01"})).await;
    assert_eq!(
        refused.status,
        StatusCode::CONFLICT,
        "{name}: {}",
        refused.text
    );
}
