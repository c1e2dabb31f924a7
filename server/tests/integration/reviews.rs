//! Every record has a review-by date: a year after its last version, half a
//! year for a high-risk system. Past it, the record says its review is
//! overdue on its page, in search (page and API), in the exports and on the
//! agency's desk, until the agency confirms the record is still right
//! ("reviewed, no change", shown in the history and the changes feed) or
//! publishes a new version; on both databases.

use crate::support::databases::TestDatabase;
use crate::support::manage::{Auth, agency_token, exported_systems, found_ids, get, send_json};
use crate::support::site::{ONE_AT_A_TIME, demo_site};
use app::record::TokenScope;
use axum::http::StatusCode;
use lantern::clock::{ManualClock, with_clock};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use time::macros::datetime;

#[tokio::test]
async fn a_record_past_its_review_date_says_so_until_a_new_version() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for database in TestDatabase::both().await {
        let clock = ManualClock::starting_at(datetime!(2027-01-15 09:00 UTC));
        with_clock(clock.clone(), overdue_then_reviewed(&database, clock)).await;
        database.remove().await;
    }
}

async fn overdue_then_reviewed(database: &TestDatabase, clock: ManualClock) {
    let name = database.name;
    let (search, site) = demo_site(&database.storage).await;
    let token = agency_token(&database.storage, "tax-office", TokenScope::Publish).await;
    let mut body = json!({
        "agency_ref": "REVIEW-1",
        "name": "Debt collection priority",
        "summary": "Ranks unpaid tax debts for collection.",
        "stage": "in_use",
        "topic": "tax",
        "risk_level": "high",
    });
    let filed = send_json(&site, "POST", "/api/v1/systems", &token, &body).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
    let id = serde_json::from_str::<Value>(&filed.text).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let record = |site: axum::Router, id: String| async move {
        let answer = get(&site, &format!("/api/v1/systems/{id}"), &Auth::Anonymous).await;
        serde_json::from_str::<Value>(&answer.text).unwrap()
    };
    let filed = record(site.clone(), id.clone()).await;
    assert_eq!(
        filed["review_by"], "2027-07-15T09:00:00Z",
        "{name}: high risk, six months"
    );
    assert_eq!(filed["review_overdue"], false, "{name}");

    // Seven months on, the hourly check marks it (and the high-risk demo
    // records published with it) overdue.
    clock.advance(time::Duration::days(212));
    let marked = database
        .storage
        .mark_overdue_reviews(&lantern::clock::now())
        .await
        .unwrap();
    assert!(marked >= 1, "{name}");
    search.catch_up(&database.storage).await;

    assert_eq!(
        record(site.clone(), id.clone()).await["review_overdue"],
        true,
        "{name}"
    );
    let page = get(&site, &format!("/systems/{id}"), &Auth::Anonymous).await;
    assert!(
        page.text
            .contains("Review overdue: the agency was due to review this record by 15 July 2027."),
        "{name}: {}",
        page.text
    );
    let dutch = get(&site, &format!("/nl/systems/{id}"), &Auth::Anonymous).await;
    assert!(dutch.text.contains("Herziening te laat"), "{name}");

    // Search finds exactly the records the database holds overdue.
    let mut conn = database.connect().await;
    let overdue: BTreeSet<String> =
        sqlx::query_as::<_, (String,)>("SELECT id FROM systems WHERE review = 'overdue'")
            .fetch_all(&mut conn)
            .await
            .unwrap()
            .into_iter()
            .map(|(id,)| id)
            .collect();
    assert_eq!(overdue.len() as u64, marked, "{name}");
    assert_eq!(found_ids(&site, "review=overdue").await, overdue, "{name}");
    let listed = get(&site, "/systems?review=overdue", &Auth::Anonymous).await;
    assert!(listed.text.contains("Debt collection priority"), "{name}");
    assert!(
        listed
            .text
            .contains(r#"<li class="tag review-overdue">Review overdue</li>"#),
        "{name}"
    );

    // The agency's desk lists it, overdue, with its date.
    crate::support::accounts::create_in(
        &database.storage,
        "editor@reviews.example",
        "Ed",
        app::record::Role::Editor,
        Some("tax-office"),
        "a long enough password",
    )
    .await;
    let editor =
        crate::support::manage::sign_in(&site, "editor@reviews.example", "a long enough password")
            .await;
    let desk = get(&site, "/manage", &editor).await;
    assert!(
        desk.text.contains("record is overdue for review")
            || desk.text.contains("records are overdue for review"),
        "{name}: {}",
        desk.text
    );
    assert!(
        desk.text.contains(&format!(
            r#"<a href="/manage/systems/{id}">Debt collection priority</a> · review overdue since 15 July 2027"#
        )),
        "{name}: {}",
        desk.text
    );

    // The exports say so too.
    assert_eq!(
        exported_systems(&site).await[&id]["review_overdue"],
        true,
        "{name}"
    );
    let csv = get(
        &site,
        &format!("/api/v1/export.csv?id={id}"),
        &Auth::Anonymous,
    )
    .await;
    let row = csv.text.lines().nth(1).unwrap();
    assert!(row.ends_with(",2027-07-15T09:00:00Z,true"), "{name}: {row}");

    // "Reviewed, no change" from the desk starts the period again, without
    // a version: the history and the changes feed say so.
    let reviewed = crate::support::manage::post_form(
        &site,
        &format!("/manage/systems/{id}/reviewed"),
        &editor,
        &[],
    )
    .await;
    assert!(
        reviewed.status.is_redirection(),
        "{name}: {}",
        reviewed.text
    );
    search.catch_up(&database.storage).await;
    let confirmed = record(site.clone(), id.clone()).await;
    assert_eq!(confirmed["version"], 1, "{name}: no new version");
    assert_eq!(confirmed["reviewed_at"], "2027-08-15T09:00:00Z", "{name}");
    assert_eq!(confirmed["review_by"], "2028-02-15T09:00:00Z", "{name}");
    assert_eq!(confirmed["review_overdue"], false, "{name}");
    assert!(
        !found_ids(&site, "review=overdue").await.contains(&id),
        "{name}"
    );
    let history = get(&site, &format!("/systems/{id}/history"), &Auth::Anonymous).await;
    assert!(
        history
            .text
            .contains(r#"Reviewed, no change: <time datetime="2027-08-15">15 August 2027</time>."#),
        "{name}: {}",
        history.text
    );
    let feed = get(
        &site,
        "/api/v1/changes?agency=tax-office&limit=500",
        &Auth::Anonymous,
    )
    .await;
    let feed: Value = serde_json::from_str(&feed.text).unwrap();
    let last = feed["changes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "reviewed", "{name}: {last}");
    assert_eq!(last["system"], id.as_str(), "{name}");
    assert_eq!(last["change_summary"], Value::Null, "{name}");
    let atom = get(&site, "/agencies/tax-office/feed.atom", &Auth::Anonymous).await;
    assert!(atom.text.contains("reviewed, no change"), "{name}");

    // So does a new version, later.
    clock.advance(time::Duration::days(10));
    body["summary"] = json!("Ranks unpaid tax debts for collection, reviewed in August.");
    let put = send_json(
        &site,
        "PUT",
        &format!("/api/v1/systems/{id}"),
        &token,
        &body,
    )
    .await;
    assert_eq!(put.status, StatusCode::OK, "{name}: {}", put.text);
    search.catch_up(&database.storage).await;
    let updated = record(site.clone(), id.clone()).await;
    assert_eq!(updated["review_by"], "2028-02-25T09:00:00Z", "{name}");
    assert_eq!(updated["review_overdue"], false, "{name}");
    assert!(
        !found_ids(&site, "review=overdue").await.contains(&id),
        "{name}"
    );

    // Agencies' tools confirm a review too, with a publish-scope token.
    clock.advance(time::Duration::days(5));
    let uri = format!("/api/v1/systems/{id}/reviewed");
    let drafts_only = agency_token(&database.storage, "tax-office", TokenScope::Draft).await;
    let refused = send_json(&site, "POST", &uri, &drafts_only, &json!({})).await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "{name}: {}",
        refused.text
    );
    let unknown = send_json(
        &site,
        "POST",
        "/api/v1/systems/nosuchsystem/reviewed",
        &token,
        &json!({}),
    )
    .await;
    assert_eq!(
        unknown.status,
        StatusCode::NOT_FOUND,
        "{name}: {}",
        unknown.text
    );
    let confirmed = send_json(&site, "POST", &uri, &token, &json!({})).await;
    assert_eq!(
        confirmed.status,
        StatusCode::OK,
        "{name}: {}",
        confirmed.text
    );
    let confirmed: Value = serde_json::from_str(&confirmed.text).unwrap();
    assert_eq!(confirmed["reviewed_at"], "2027-08-30T09:00:00Z", "{name}");
    // Half a year after 30 August is the last day of February (a leap year).
    assert_eq!(confirmed["review_by"], "2028-02-29T09:00:00Z", "{name}");
    search.remove().await;
}
