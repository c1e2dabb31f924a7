//! Following by email, through the real mail server of `scripts/test`: an
//! address asks, confirms through the link it receives, hears of a change
//! with a one-click unsubscribe link, and after that click hears nothing.

use crate::support::databases::TestDatabase;
use crate::support::mail::{MailSink, ORIGIN, deliver_all, link, make_all_due, postman};
use crate::support::{manage, site};
use app::manage::ManageRegister;
use app::record::{AgencySlug, SystemId};
use axum::Router;
use axum::http::StatusCode;
use lantern::storage::Storage;
use site::ONE_AT_A_TIME;

/// `POST uri` with a public form's `body` from `client`.
async fn post(site: &Router, uri: &str, body: String, client: &str) -> manage::Answer {
    manage::post_public(site, uri, body, client).await
}

/// Publishes a new version of `system` with `summary` as its change summary.
async fn new_version(storage: &Storage, system: &str, summary: &str) {
    let id = SystemId(system.into());
    let (agency, mut content) = storage.published(&id).await.unwrap().unwrap();
    content.summary = format!("{} {summary}", content.summary);
    let mut tx = storage.begin().await.unwrap();
    let now = lantern::clock::now();
    Storage::publish(&mut tx, &id, &AgencySlug(agency.0), &content, summary, &now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn subscriptions_of(db: &TestDatabase, email: &str) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT count(*) FROM subscriptions WHERE email = $1")
        .bind(email)
        .fetch_one(&mut db.connect().await)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_follower_confirms_hears_of_a_change_and_leaves_with_one_click() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let sink = MailSink::shared().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (_search, site) = site::demo_site_with(storage, &["--smtp-url", &sink.url]).await;
        let run = &lantern::accounts::random_token()[..8];
        let follower = format!("follower-{}-{run}@example.org", db.name);
        let system = {
            use app::register::Register;
            let query = app::search::SystemQuery::default()
                .toggled(app::search::Facet::Agency, "tax-office");
            storage.list_systems(&query).await.unwrap().systems[0]
                .id
                .0
                .clone()
        };

        // The agency's page offers it; the form asks for an address and how often.
        let (_, agency_page) = site::get(&site, "/agencies/tax-office").await;
        assert!(agency_page.contains("href=\"/follow?agency=tax-office\""));
        let (status, form) = site::get(&site, "/follow?agency=tax-office").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("name=\"email\"") && form.contains("value=\"daily\""));
        let (status, _) = site::get(&site, "/follow?agency=no-such-agency").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}", db.name);
        // A topic is whatever the address says: shown as text, never run.
        let hostile = "/follow?topic=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        let (status, page) = site::get(&site, hostile).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains("<script>alert(1)") && page.contains("&lt;script&gt;alert(1)"));

        // Wrong input is refused, naming it, and nothing is written.
        let ask = |email: &str, frequency: &str, target: &str| {
            manage::form_body(&[
                ("follows", "agency"),
                ("target", target),
                ("email", email),
                ("frequency", frequency),
                ("website", ""),
            ])
        };
        let wrong = post(
            &site,
            "/follow",
            ask("not-an-address", "weekly", "tax-office"),
            "10.7.0.1",
        )
        .await;
        assert_eq!(
            wrong.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(
            wrong.text.contains("Enter an email address")
                && wrong.text.contains("Choose how often")
        );
        let unknown = post(
            &site,
            "/follow",
            ask(&follower, "immediate", "nobody"),
            "10.7.0.1",
        )
        .await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert_eq!(subscriptions_of(&db, &follower).await, 0);

        // Asked twice: the same answer both times, and one subscription.
        let first = post(
            &site,
            "/follow",
            ask(&follower, "immediate", "tax-office"),
            "10.7.0.2",
        )
        .await;
        let second = post(
            &site,
            "/follow",
            ask(&follower, "immediate", "tax-office"),
            "10.7.0.3",
        )
        .await;
        assert_eq!(
            first.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            db.name,
            first.text
        );
        assert_eq!(
            (first.status, first.location()),
            (second.status, second.location())
        );
        assert_eq!(first.location(), Some("/follow?agency=tax-office&sent=1"));
        let (_, sent_page) = site::get(&site, first.location().unwrap()).await;
        assert!(sent_page.contains("Check your inbox") && !sent_page.contains(&follower));
        assert_eq!(subscriptions_of(&db, &follower).await, 1);

        // Nothing but confirmations before the link is opened.
        new_version(storage, &system, "Before confirming.").await;
        deliver_all(&postman(storage, &sink)).await;
        let received = sink.received_by(&follower);
        assert_eq!(received.len(), 2, "{}: two confirmations", db.name);
        assert!(
            received
                .iter()
                .all(|m| m.subject.starts_with("Confirm: follow the agency"))
        );
        assert!(
            received
                .iter()
                .all(|m| m.header("List-Unsubscribe").is_none())
        );

        // The link shows a button; the button confirms.
        let confirm = link(&received[0], "/follow/confirm?token=");
        let (status, page) = site::get(&site, &confirm).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Yes, send me these emails"));
        let token = confirm.split("token=").nth(1).unwrap();
        let done = post(
            &site,
            "/follow/confirm",
            manage::form_body(&[("token", token)]),
            "10.7.0.4",
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let (_, page) = site::get(&site, &confirm).await;
        assert!(page.contains("You follow the agency"), "{page}");

        // A change: one message with the summary and a one-click unsubscribe.
        new_version(storage, &system, "The model was retrained on 2026 data.").await;
        deliver_all(&postman(storage, &sink)).await;
        let received = sink.received_by(&follower);
        assert_eq!(received.len(), 3, "{}", db.name);
        let change = &received[2];
        assert!(
            change.subject.starts_with("New version: "),
            "{}",
            change.subject
        );
        assert!(
            change
                .text()
                .contains("> The model was retrained on 2026 data.")
        );
        assert_eq!(
            change.header("List-Unsubscribe-Post"),
            Some("List-Unsubscribe=One-Click")
        );
        let unsubscribe = change.header("List-Unsubscribe").unwrap();
        let unsubscribe = unsubscribe
            .trim_matches(['<', '>'])
            .trim_start_matches(ORIGIN)
            .to_string();
        assert_eq!(unsubscribe, link(change, "/follow/unsubscribe?token="));

        // A link with another purpose, or changed, does not work.
        let as_confirm = format!("/follow/confirm?{}", unsubscribe.split('?').nth(1).unwrap());
        let (status, page) = site::get(&site, &as_confirm).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{}", db.name);
        assert!(page.contains("This link does not work"));
        let forged = unsubscribe.replacen("token=", "token=9", 1);
        let refused = post(
            &site,
            &forged,
            "List-Unsubscribe=One-Click".into(),
            "10.7.0.5",
        )
        .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert_eq!(subscriptions_of(&db, &follower).await, 1);

        // One click from the mail program: gone, address and all.
        let clicked = post(
            &site,
            &unsubscribe,
            "List-Unsubscribe=One-Click".into(),
            "10.7.0.6",
        )
        .await;
        assert_eq!(
            clicked.status,
            StatusCode::OK,
            "{}: {}",
            db.name,
            clicked.text
        );
        assert_eq!(subscriptions_of(&db, &follower).await, 0);
        new_version(storage, &system, "After leaving.").await;
        deliver_all(&postman(storage, &sink)).await;
        assert_eq!(
            sink.received_by(&follower).len(),
            3,
            "{}: no more mail",
            db.name
        );
        let (status, page) = site::get(&site, &unsubscribe).await;
        assert_eq!(status, StatusCode::GONE);
        assert!(page.contains("no longer exists"));
        db.remove().await;
    }
}

#[tokio::test]
async fn a_daily_follower_gets_one_digest_of_the_days_changes() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let sink = MailSink::shared().await;
    let db = TestDatabase::postgres().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site_with(storage, &["--smtp-url", &sink.url]).await;
    let run = &lantern::accounts::random_token()[..8];
    let follower = format!("daily-{run}@example.org");
    let system = {
        use app::register::Register;
        let query =
            app::search::SystemQuery::default().toggled(app::search::Facet::Agency, "tax-office");
        storage.list_systems(&query).await.unwrap().systems[0]
            .id
            .0
            .clone()
    };
    let body = manage::form_body(&[
        ("follows", "system"),
        ("target", &system),
        ("email", &follower),
        ("frequency", "daily"),
    ]);
    assert_eq!(
        post(&site, "/follow", body, "10.7.1.1").await.status,
        StatusCode::SEE_OTHER
    );
    deliver_all(&postman(storage, &sink)).await;
    let confirm = link(&sink.received_by(&follower)[0], "/follow/confirm?token=");
    let token = confirm.split("token=").nth(1).unwrap();
    post(
        &site,
        "/follow/confirm",
        manage::form_body(&[("token", token)]),
        "10.7.1.1",
    )
    .await;

    // Two changes in the day: nothing at once.
    new_version(storage, &system, "First change of the day.").await;
    new_version(storage, &system, "Second change of the day.").await;
    deliver_all(&postman(storage, &sink)).await;
    assert_eq!(
        sink.received_by(&follower).len(),
        1,
        "only the confirmation"
    );

    // A day on, one digest with both; two instances queue it once.
    let later = time::OffsetDateTime::now_utc() + time::Duration::hours(25);
    let now = lantern::clock::format_timestamp(later);
    let a_day_before = lantern::clock::format_timestamp(later - time::Duration::days(1));
    let queued = storage.queue_digests(&now, &a_day_before).await.unwrap();
    let again = storage.queue_digests(&now, &a_day_before).await.unwrap();
    assert_eq!((queued, again), (1, 0));
    // The test's day passes in a moment: the digest is due now.
    make_all_due(&mut db.connect().await).await;
    deliver_all(&postman(storage, &sink)).await;
    let received = sink.received_by(&follower);
    assert_eq!(received.len(), 2);
    let digest = &received[1];
    assert_eq!(
        digest.subject,
        format!("2 changes to the system {}", {
            let id = SystemId(system.clone());
            storage.published(&id).await.unwrap().unwrap().1.name
        })
    );
    let text = digest.text();
    assert!(
        text.contains("> First change of the day.") && text.contains("> Second change of the day.")
    );
    assert!(digest.header("List-Unsubscribe").is_some());
    db.remove().await;
}

#[tokio::test]
async fn a_search_follower_hears_of_changes_to_the_systems_it_finds() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let sink = MailSink::shared().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site_with(storage, &["--smtp-url", &sink.url]).await;
        let run = &lantern::accounts::random_token()[..8];
        let follower = format!("search-{}-{run}@example.org", db.name);

        // The follow page names the search and offers its feed; a search
        // that names nothing, or is not written as the search page writes
        // it, is nothing to follow; words from the address stay text.
        let (status, page) = site::get(&site, "/follow?search=agency%3Dtax-office").await;
        assert_eq!(status, StatusCode::OK, "{}", db.name);
        assert!(
            page.contains("Follow the search “agency: tax-office” by email"),
            "{page}"
        );
        assert!(page.contains(r#"href="/feeds/changes.atom?agency=tax-office""#));
        for nothing in ["/follow?search=colour%3Dred", "/follow?search="] {
            assert_eq!(
                site::get(&site, nothing).await.0,
                StatusCode::NOT_FOUND,
                "{nothing}"
            );
        }
        // Words with `&` and `%` stay those words.
        let (_, page) = site::get(&site, "/follow?search=q%3DR%2526D%2B50%2525").await;
        assert!(
            page.contains("“R&amp;D 50%”"),
            "{}",
            &page[page.find("<main").unwrap_or(0)..]
        );
        // Its filters in another order are the same search.
        let (status, page) = site::get(
            &site,
            "/follow?search=risk_level%3Dhigh%26agency%3Dtax-office",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            page.contains(r#"value="agency=tax-office&amp;risk_level=high""#),
            "{page}"
        );
        let (_, hostile) =
            site::get(&site, "/follow?search=q%3D%253Cb%253Ebold%253C%252Fb%253E").await;
        assert!(
            hostile.contains("“&lt;b&gt;bold&lt;/b&gt;”") && !hostile.contains("<b>bold"),
            "{}",
            &hostile[hostile.find("<main").unwrap_or(0)..]
        );

        let body = manage::form_body(&[
            ("follows", "search"),
            ("target", "agency=tax-office"),
            ("email", &follower),
            ("frequency", "immediate"),
        ]);
        let asked = post(&site, "/follow", body, "10.7.2.1").await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.text);
        deliver_all(&postman(storage, &sink)).await;
        let token = link(&sink.received_by(&follower)[0], "/follow/confirm?token=");
        let token = token.split("token=").nth(1).unwrap();
        let confirmed = post(
            &site,
            "/follow/confirm",
            manage::form_body(&[("token", token)]),
            "10.7.2.1",
        )
        .await;
        assert!(confirmed.status.is_success() || confirmed.status.is_redirection());

        // A change to a system the search finds, and one to a system it
        // does not: one message, about the first; a second look finds
        // nothing new.
        let tax = manage::first_system_of(storage, "tax-office").await;
        let police = manage::first_system_of(storage, "police").await;
        new_version(storage, &tax, "Found by the search.").await;
        new_version(storage, &police, "Not found by the search.").await;
        search.catch_up(storage).await;
        let later = time::OffsetDateTime::now_utc() + time::Duration::seconds(1);
        let queue = || lantern::mail::searches::queue_due(storage, &search.engine, later);
        assert_eq!(queue().await.unwrap(), 1, "{}", db.name);
        assert_eq!(queue().await.unwrap(), 0, "{}: nothing new", db.name);
        make_all_due(&mut db.connect().await).await;
        deliver_all(&postman(storage, &sink)).await;
        let received = sink.received_by(&follower);
        assert_eq!(received.len(), 2, "{}", db.name);
        let message = &received[1];
        assert_eq!(
            message.subject,
            "1 change to the search “agency: tax-office”"
        );
        let text = message.text();
        assert!(text.contains("> Found by the search."), "{text}");
        assert!(!text.contains("Not found by the search."));
        assert!(message.header("List-Unsubscribe").is_some());
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn one_address_may_ask_three_times_an_hour_whatever_was_sent_meanwhile() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let sink = MailSink::shared().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site_with(storage, &["--smtp-url", &sink.url]).await;
    let run = &lantern::accounts::random_token()[..8];
    let address = format!("often-{run}@example.org");
    let ask = |agency: &str, email: &str| {
        manage::form_body(&[
            ("follows", "agency"),
            ("target", agency),
            ("email", email),
            ("frequency", "immediate"),
        ])
    };
    // Each from another client, each confirmation sent before the next ask.
    for (n, agency) in ["tax-office", "police", "courts"].into_iter().enumerate() {
        let asked = post(
            &site,
            "/follow",
            ask(agency, &address),
            &format!("10.8.0.{n}"),
        )
        .await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{agency}");
        deliver_all(&postman(storage, &sink)).await;
    }
    // The address written otherwise is the same address.
    let shouted = address.to_uppercase();
    let refused = post(&site, "/follow", ask("education", &shouted), "10.8.0.9").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.text.contains("Error:"), "the tab's title says so");
    assert_eq!(sink.received_by(&address).len(), 3);
    assert_eq!(subscriptions_of(&db, &address).await, 3);
    assert_eq!(subscriptions_of(&db, &shouted).await, 0);
    // Another address from that client is not held back.
    let other = format!("seldom-{run}@example.org");
    let asked = post(&site, "/follow", ask("education", &other), "10.8.0.9").await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    db.remove().await;
}

#[tokio::test]
async fn what_can_be_followed_by_email_has_an_atom_feed_too() {
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (_search, site) = site::demo_site(storage).await;
    let system = manage::first_system_of(storage, "tax-office").await;
    new_version(storage, &system, "Seen in the feed.").await;
    let content = storage
        .published(&SystemId(system.clone()))
        .await
        .unwrap()
        .unwrap()
        .1;

    // One system's: only its changes, newest first.
    let (status, xml) = site::get(&site, &format!("/systems/{system}/feed.atom")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(xml.contains(&format!(
        "<title>Lantern: changes to {}</title>",
        content.name
    )));
    assert!(xml.contains("Seen in the feed."));
    let entries = xml.matches("<entry>").count();
    assert!(entries >= 2, "{xml}");
    assert!(xml.matches(&format!("/systems/{system}")).count() >= entries);
    assert_eq!(
        site::get(&site, "/systems/nosuchsystem/feed.atom").await.0,
        StatusCode::NOT_FOUND
    );

    // A topic's: the changes of the systems tagged with it, and no other.
    let tag = content
        .tags
        .first()
        .expect("a demo record with tags")
        .clone();
    let encoded: String = form_urlencoded::byte_serialize(tag.as_bytes()).collect();
    let (status, xml) = site::get(&site, &format!("/feeds/topic.atom?topic={encoded}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(xml.contains("Seen in the feed."), "{xml}");
    let (_, untagged) = site::get(&site, "/feeds/topic.atom?topic=no%20such%20tag").await;
    assert_eq!(untagged.matches("<entry>").count(), 0);
    let (status, hostile) = site::get(
        &site,
        "/feeds/topic.atom?topic=%3Cscript%3Ealert(1)%3C%2Fscript%3E%25_",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!hostile.contains("<script>") && hostile.contains("&lt;script&gt;"));
    assert_eq!(
        hostile.matches("<entry>").count(),
        0,
        "% and _ match themselves"
    );
    for wrong in ["/feeds/topic.atom", "/feeds/topic.atom?topic=a%0Aline"] {
        assert_eq!(
            site::get(&site, wrong).await.0,
            StatusCode::BAD_REQUEST,
            "{wrong}"
        );
    }

    // The follow pages offer them.
    let (_, page) = site::get(&site, &format!("/follow?system={system}")).await;
    assert!(page.contains(&format!(r#"href="/systems/{system}/feed.atom""#)));
    let (_, page) = site::get(&site, &format!("/follow?topic={encoded}")).await;
    assert!(page.contains("/feeds/topic.atom?topic="), "{page}");
    db.remove().await;
}
