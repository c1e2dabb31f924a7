//! What `/manage` tells the people who run the register, on SQLite and
//! PostgreSQL: problems in the form's own words and order, date hints that
//! match the date picker, retiring only when confirmed, dashboards that say
//! what waits, the moderation queue with agencies' names, terminal imports
//! in the audit log; and what the public pages headline.

use crate::support::ENGLISH;
use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::search;
use crate::support::site;

use app::feedback::{ClientAddress, FeedbackInput, FeedbackOutcome};
use app::record::TokenScope;
use app::record::{AgencySlug, Role, SystemId};
use axum::http::StatusCode;
use databases::TestDatabase;
use lantern::publishing::{Actor, admin};
use manage::{Auth, first_system_of, get, post_form, send_json, sign_in};
use search::TestSearch;
use serde_json::json;
use site::{ONE_AT_A_TIME, router};

const PASSWORD: &str = "a long enough password";

/// The error summary's links, in the order the page lists them: `(#field, text)`.
fn summary_links(page: &str) -> Vec<(String, String)> {
    let Some(start) = page.find("class=\"error-summary\"") else {
        return Vec::new();
    };
    let summary = &page[start
        ..page[start..]
            .find("</div>")
            .map_or(page.len(), |e| start + e)];
    summary
        .split("<li><a href=\"")
        .skip(1)
        .filter_map(|item| {
            let (href, rest) = item.split_once("\">")?;
            let (text, _) = rest.split_once("</a>")?;
            Some((href.to_string(), text.to_string()))
        })
        .collect()
}

#[tokio::test]
async fn form_problems_speak_the_forms_labels_in_its_order() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site(storage).await;
    support_accounts::create_in(
        storage,
        "ed@tax.example",
        "Ed",
        Role::Editor,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let editor = sign_in(&site, "ed@tax.example", PASSWORD).await;

    // The form as a browser sends it, in the page's order, with the stage
    // and topic left at "Choose…" and the data set's kind of personal data
    // left out.
    let answer = post_form(
        &site,
        "/manage/systems/new",
        &editor,
        &[
            ("name", ""),
            ("summary", "Sorts letters."),
            ("contact", "not an address"),
            ("stage", ""),
            ("in_use_since", "2025-05-01"),
            ("retired_on", "2025-01-01"),
            ("topic", ""),
            ("risk_level", "unassessed"),
            ("data[0].name", "Letters"),
            ("data[0].personal_data", "lots"),
            ("withheld[0].field", "how_it_works"),
            ("withheld[0].reason", "Commercial."),
            ("withheld[1].field", "how_it_works"),
            ("withheld[1].reason", "Again."),
            ("change_summary", "First."),
        ],
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let links = summary_links(&answer.text);
    let order: Vec<&str> = links.iter().map(|(href, _)| href.as_str()).collect();
    assert_eq!(
        order,
        [
            "#name",
            "#contact",
            "#stage",
            "#retired_on",
            "#topic",
            "#data-0--personal_data",
            "#withheld-1--field"
        ],
        "{links:?}"
    );
    let text = |href: &str| {
        links
            .iter()
            .find(|(h, _)| h == href)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    assert_eq!(
        text("#stage"),
        "Stage: Choose one of: Planned, In development, Pilot, In use, Retired"
    );
    assert!(
        text("#data-0--personal_data").contains("No personal data"),
        "{links:?}"
    );
    assert!(
        text("#withheld-1--field").contains("“How it works” is already withheld"),
        "{links:?}"
    );
    for (_, text) in &links {
        for code in ["in_use", "how_it_works", "personal_data", "_"] {
            assert!(!text.contains(code), "an internal name in “{text}”");
        }
    }

    // Date fields hint with a date, not a format the date picker does not show.
    let form = get(&site, "/manage/systems/new", &editor).await;
    assert!(form.text.contains("For example 31 March 2025."));
    assert!(!form.text.contains("2025-03-31"), "no YYYY-MM-DD hint");
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn retiring_takes_a_tick() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        support_accounts::create_in(
            storage,
            "ap@police.example",
            "Ap",
            Role::Approver,
            Some("police"),
            PASSWORD,
        )
        .await;
        let approver = sign_in(&site, "ap@police.example", PASSWORD).await;
        let id = first_system_of(storage, "police").await;
        let desk = get(&site, &format!("/manage/systems/{id}"), &approver).await;
        assert!(
            desk.text.contains("name=\"confirm_retire\""),
            "{}",
            desk.text
        );

        // Enter in the date field sends the form without the tick: nothing happens.
        let retire = format!("/manage/systems/{id}/retire");
        let unticked = post_form(&site, &retire, &approver, &[("retired_on", "2026-11-30")]).await;
        assert_eq!(
            unticked.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            db.name
        );
        assert!(
            unticked.text.contains(
                "Confirm retirement: Tick the box to confirm that this system is retired"
            ),
            "{}",
            unticked.text
        );
        assert!(
            unticked.text.contains("value=\"2026-11-30\""),
            "the date is kept"
        );
        let (_, page) = site::get(&site, &format!("/api/v1/systems/{id}")).await;
        assert!(!page.contains("\"stage\":\"retired\""), "{}", db.name);

        let no_date = post_form(&site, &retire, &approver, &[("confirm_retire", "yes")]).await;
        assert_eq!(no_date.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            no_date
                .text
                .contains("Enter the date the system was retired")
        );

        let ticked = post_form(
            &site,
            &retire,
            &approver,
            &[("retired_on", "2026-11-30"), ("confirm_retire", "yes")],
        )
        .await;
        assert_eq!(ticked.status, StatusCode::SEE_OTHER, "{}", ticked.text);
        let (_, page) = site::get(&site, &format!("/api/v1/systems/{id}")).await;
        assert!(
            page.contains("\"stage\":\"retired\""),
            "{}: {page}",
            db.name
        );
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn dashboards_say_what_waits_and_the_queue_names_agencies() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        for (email, role, agency) in [
            ("mod@example.org", Role::Moderator, None),
            ("ed@tax.example", Role::Editor, Some("tax-office")),
        ] {
            support_accounts::create_in(storage, email, "Someone", role, agency, PASSWORD).await;
        }
        let moderator = sign_in(&site, "mod@example.org", PASSWORD).await;
        let editor = sign_in(&site, "ed@tax.example", PASSWORD).await;

        let before = get(&site, "/manage", &editor).await;
        assert!(
            before
                .text
                .contains("No question from the public waits for an answer"),
            "{}",
            before.text
        );
        assert!(before.text.contains("No draft waits for approval"));

        // Two questions to the tax office; one draft being written.
        let system = SystemId(first_system_of(storage, "tax-office").await);
        let mut comments = Vec::new();
        for (n, body) in [
            "Who reads the scores before a letter goes out?",
            "How long is the data kept after a decision?",
        ]
        .into_iter()
        .enumerate()
        {
            let input = FeedbackInput {
                kind: "question".into(),
                body: body.into(),
                ..FeedbackInput::default()
            };
            let client = ClientAddress(format!("10.1.0.{n}"));
            match lantern::feedback::submit(
                storage,
                &system,
                &input,
                &client,
                app::i18n::Language::SOURCE,
                false,
            )
            .await
            .unwrap()
            {
                FeedbackOutcome::Sent { id, .. } => comments.push(id),
                other => panic!("{other:?}"),
            }
        }
        let dashboard = get(&site, "/manage", &moderator).await;
        assert!(
            dashboard.text.contains("2 comments wait for a moderator"),
            "{}: {}",
            db.name,
            dashboard.text
        );
        assert!(
            dashboard
                .text
                .contains("No comment was reported by readers")
        );
        let queue = get(&site, "/manage/feedback", &moderator).await;
        assert!(queue.text.contains("Waiting (2)"), "{}", queue.text);
        assert!(
            queue.text.contains("Northvale Tax Office"),
            "the agency's name, not its slug"
        );
        assert!(!queue.text.contains("· tax-office<"), "{}", queue.text);
        for comment in &comments {
            let published = post_form(
                &site,
                &format!("/manage/feedback/{comment}"),
                &moderator,
                &[("decision", "publish")],
            )
            .await;
            assert!(
                published.status == StatusCode::OK && published.text.contains("Published comment"),
                "{}",
                published.text
            );
        }
        let edit = post_form(
            &site,
            &format!("/manage/systems/{}/edit", system.0),
            &editor,
            &[
                ("name", "Tax letters"),
                ("summary", "Writes letters."),
                ("stage", "pilot"),
                ("topic", "tax"),
            ],
        )
        .await;
        assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.text);

        let after = get(&site, "/manage", &editor).await;
        assert!(
            after
                .text
                .contains("2 questions from the public wait for an answer"),
            "{}: {}",
            db.name,
            after.text
        );
        assert!(
            after.text.contains("1 draft is being written"),
            "{}",
            after.text
        );
        let dashboard = get(&site, "/manage", &moderator).await;
        assert!(dashboard.text.contains("No comment waits for a moderator"));
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn imports_from_the_terminal_are_in_the_audit_log() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let systems = lantern::import::lantern_json::systems(
            json!({"systems": [
                {"agency": "tax-office", "agency_ref": "T-77", "name": "Penalty letter drafter", "summary": "Drafts letters.", "stage": "pilot", "topic": "tax"},
                {"agency": "tax-office", "name": "", "summary": "x", "stage": "pilot", "topic": "tax"}
            ]})
            .to_string()
            .as_bytes(),
        )
        .unwrap();
        let agencies = app::register::Register::agencies(storage).await.unwrap();
        let parsed = lantern::import::lantern_json::records(
            &systems,
            &AgencySlug(String::new()),
            &|slug| {
                agencies
                    .iter()
                    .find(|a| a.agency.slug == *slug)
                    .map(|a| a.agency.clone())
            },
            ENGLISH,
        );
        lantern::import::write(storage, &parsed, "inventory.json (lantern-json)", false)
            .await
            .unwrap();
        let log = storage.audit_log(10, None).await.unwrap();
        let entry = log
            .iter()
            .find(|e| e.action == "import")
            .expect("the import is logged");
        assert_eq!(entry.actor, "terminal");
        assert_eq!(
            entry.detail,
            "Imported inventory.json (lantern-json) from the terminal: 1 new, 0 updated, 0 unchanged; 1 rows not imported; 0 agencies created"
        );

        support_accounts::create_in(
            storage,
            "admin@example.org",
            "Ad",
            Role::Admin,
            None,
            PASSWORD,
        )
        .await;
        let admin = sign_in(&site, "admin@example.org", PASSWORD).await;
        let page = get(&site, "/manage/log", &admin).await;
        assert!(
            page.text
                .contains("Imported inventory.json (lantern-json) from the terminal"),
            "{}",
            db.name
        );
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn undescribed_records_do_not_headline_the_home_or_agency_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let created = admin::create_token(
            storage,
            &Actor::Terminal,
            &AgencySlug("tax-office".into()),
            TokenScope::Publish,
            "test",
            None,
        )
        .await
        .unwrap();
        let publisher = Auth::Bearer(created.secret);
        // The newest system of all, with no purpose: what an inventory row
        // that names a use case without describing it becomes.
        let body = json!({
            "name": "Zanzibar undescribed use case",
            "summary": "Northvale Tax Office reported this AI use case without describing it.",
            "stage": "in_use",
            "topic": "tax",
            "how_it_works": "- **Developed:** in-house",
        });
        let answer = send_json(&site, "POST", "/api/v1/systems", &publisher, &body).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);

        let (_, home) = site::get(&site, "/").await;
        assert!(home.contains("Recently updated"));
        assert!(
            !home.contains("Zanzibar undescribed"),
            "{}: the newest record headlines the home page although it says nothing",
            db.name
        );
        let (_, agency) = site::get(&site, "/agencies/tax-office").await;
        let undescribed = agency
            .find("Zanzibar undescribed")
            .expect("still listed on its agency's page");
        let described = first_system_name(&agency);
        assert!(
            agency.find(&described).unwrap() < undescribed,
            "{}: described systems first",
            db.name
        );
        search.remove().await;
        db.remove().await;
    }
}

/// The name of the first system an agency page lists.
fn first_system_name(page: &str) -> String {
    let list = &page[page.find("<h2>Systems</h2>").expect("the systems")..];
    let link = &list[list.find("<a href=\"/systems/").expect("a system")..];
    let name = &link[link.find('>').unwrap() + 1..];
    name[..name.find('<').unwrap()].to_string()
}

/// A server function refusing someone answers with the refusal's status (it
/// was a 500 for every error): 401 signed out, 403 for another role.
#[tokio::test]
async fn server_functions_answer_refusals_with_their_status() {
    use leptos::server_fn::ServerFn;
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    lantern::demo::seed_if_empty(&db.storage).await.unwrap();
    let search = TestSearch::embedded(&db.storage).await;
    let site = router(&db.storage, search.engine.clone());
    let path = <app::manage::dashboard::GetAgencyDesk as ServerFn>::PATH;
    let ask = |cookie: Option<String>| {
        let mut request = axum::http::Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.body(axum::body::Body::empty()).unwrap()
    };
    let signed_out = tower::ServiceExt::oneshot(site.clone(), ask(None))
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::UNAUTHORIZED);

    support_accounts::create_in(
        &db.storage,
        "mod@example.org",
        "Mo",
        app::record::Role::Moderator,
        None,
        "a long enough password",
    )
    .await;
    let moderator = sign_in(&site, "mod@example.org", "a long enough password").await;
    let Auth::Session { cookie, .. } = moderator else {
        panic!("a session")
    };
    let refused = tower::ServiceExt::oneshot(site.clone(), ask(Some(cookie)))
        .await
        .unwrap();
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "a moderator has no agency desk"
    );
    let (_, body) = site::read(refused).await;
    assert_eq!(body, "ServerError|forbidden");
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn a_page_loads_the_browser_bundle_exactly_when_it_has_islands() {
    // Checked against the route table itself: every page the app routes,
    // as an editor sees it (the system form is for editors).
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site(storage).await;
    support_accounts::create_in(
        storage,
        "ed@tax.example",
        "Ed",
        Role::Editor,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let editor = sign_in(&site, "ed@tax.example", PASSWORD).await;
    let id = first_system_of(storage, "tax-office").await;
    let mut with_islands = Vec::new();
    let routes = leptos_axum::generate_route_list(app::App);
    assert!(routes.len() > 20, "the route table: {}", routes.len());
    for route in routes {
        let mut path = route
            .path()
            .replace("{id}", &id)
            .replace("{slug}", "tax-office");
        // The follow form follows something; a link from a message without
        // its token is refused (400), with a page of its own.
        if path == "/follow" {
            path.push_str("?agency=tax-office");
        }
        let page = get(&site, &path, &editor).await;
        let refused = if path.starts_with("/follow/") {
            StatusCode::BAD_REQUEST
        } else {
            // Admins' pages refuse an editor, with a page of their own.
            StatusCode::FORBIDDEN
        };
        assert!(
            [StatusCode::OK, refused].contains(&page.status),
            "{path}: {}",
            page.status
        );
        let islands = page.text.contains("<leptos-island");
        let bundle = page.text.contains("/pkg/lantern.js");
        assert_eq!(
            islands, bundle,
            "{path}: islands {islands}, bundle {bundle}"
        );
        // Every page, a refusal too, says what it is in the browser's tab.
        assert!(page.text.contains("<title>"), "{path} has a title");
        // No page carries its data a second time, serialised for a bundle.
        assert!(!page.text.contains("__RESOLVED_RESOURCES["), "{path}");
        if islands {
            with_islands.push(path);
        }
    }
    assert_eq!(
        with_islands,
        [
            "/systems".to_string(),
            "/manage/systems/new".to_string(),
            format!("/manage/systems/{id}/edit"),
        ]
    );
    // Nor does the "page not found" page; a record's feedback form sends in
    // place with a small script instead.
    let missing = get(&site, "/no/such/page", &editor).await;
    assert!(!missing.text.contains("/pkg/lantern.js"));
    let record = get(&site, &format!("/systems/{id}"), &editor).await;
    assert!(
        record
            .text
            .contains("<script src=\"/feedback.js\" defer nonce=")
    );
    search.remove().await;
    db.remove().await;
}
