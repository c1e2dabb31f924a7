//! Hostile input through every write path, proven inert on every page that
//! shows it: markup breakouts (`</title>`, `</textarea>`, `</script>`,
//! `</style>`, `<meta http-equiv>`, `<base>`, `<form>`, event handlers,
//! `javascript:` and `data:` addresses) written as a record by the API, the
//! form and both importers, as an agency, as feedback and its answer, and as
//! an audit; then every page that shows them is read as a browser would (see
//! `support/html_scan.rs`) and must hold no element or attribute they tried
//! to add.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::html_scan;
use crate::support::manage;
use crate::support::site;

use app::record::Role;
use app::record::TokenScope;
use axum::Router;
use axum::http::StatusCode;
use databases::TestDatabase;
use manage::{
    Answer, Auth, agency_token, first_system_of, get, post_file, post_form, send_json, sign_in,
};
use serde_json::{Value, json};
use site::ONE_AT_A_TIME;

const PASSWORD: &str = "a long enough password";

/// Markup breakouts; each marks what it would add with `data-hostile`.
const BREAKOUTS: &[&str] = &[
    r#"</title><meta http-equiv="refresh" content="0;url=https://elsewhere.example/" data-hostile="title">"#,
    r#"</textarea><form action="https://elsewhere.example/" data-hostile="textarea"><button data-hostile="button">Go</button></form>"#,
    r#"</script><script data-hostile="script">alert(1)</script>"#,
    r#"</style><style data-hostile="style">*{display:none}</style>"#,
    r#"<base href="https://elsewhere.example/" data-hostile="base">"#,
    r#"<img src=x onerror="alert(1)" data-hostile="img">"#,
    r#""><svg onload="alert(1)" data-hostile="attribute">"#,
    r#"'><a href="javascript:alert(1)" data-hostile="quote">x</a>"#,
];

/// Markdown that tries links and images that run script.
const MARKDOWN_BREAKOUTS: &str = "[a link](javascript:alert(1)) ![an image](data:text/html,x) \
     <a href=\"data:text/html,x\">y</a> <a href=\"java&#x73;cript:alert(1)\">z</a>\n\n\
     \u{202e}reversed\u{202c} text";

/// Every breakout in one text, for the long fields.
fn all_breakouts() -> String {
    format!("{}\n\n{MARKDOWN_BREAKOUTS}", BREAKOUTS.join("\n\n"))
}

/// Fails, naming the page, when `html` holds anything the input added.
fn assert_inert(what: &str, html: &str) {
    let found = html_scan::injected(html);
    assert!(
        found.is_empty(),
        "{what}: markup from the input is live:\n{}",
        found.join("\n")
    );
}

/// Reads pages as an anonymous visitor and checks each.
async fn assert_pages_inert(site: &Router, pages: &[String]) {
    for page in pages {
        let (status, html) = site::get(site, page).await;
        assert!(status.is_success(), "{page}: {status}");
        assert_inert(page, &html);
    }
}

/// Reads pages as `auth` and checks each.
async fn assert_pages_inert_for(site: &Router, auth: &Auth, pages: &[String]) {
    for page in pages {
        let answer = get(site, page, auth).await;
        assert!(answer.status.is_success(), "{page}: {}", answer.status);
        assert_inert(page, &answer.text);
    }
}

/// A system body for the write API with a breakout in every text field that
/// takes one (one-line fields hold one breakout, the rest hold them all).
fn hostile_system(breakout: &str, n: usize) -> Value {
    let everything = all_breakouts();
    json!({
        "agency_ref": format!("HOSTILE-{n}"),
        "name": breakout,
        "summary": breakout,
        "unit": breakout,
        "contact": "https://elsewhere.example/contact",
        "purpose": everything,
        "how_it_works": everything,
        "stage": "in_use",
        "topic": "tax",
        "tags": ["<b data-hostile=\"tag\">tag</b>"],
        "technique": ["rules"],
        "risk_level": "high",
        "decision_role": "recommends",
        "human_oversight": everything,
        "contest": everything,
        "data": [{
            "name": breakout,
            "description": everything,
            "source": breakout,
            "personal_data": "identified",
            "sensitive_attributes": ["<i data-hostile=\"attr\">age</i>"],
        }],
        "explainability": everything,
        "fairness": everything,
        "risks": everything,
        "legal_basis": everything,
        "supplier": breakout,
        "withheld": [{"field": "assessments", "reason": breakout}],
        "change_summary": breakout,
        // Shown on the Dutch pages: the title, the heading and the lists.
        "translations": {"nl": {
            "name": breakout,
            "summary": breakout,
            "unit": breakout,
            "purpose": everything,
            "contest": everything,
            "risks": everything,
        }},
    })
}

/// The pages of a system that show what was written about it, in English
/// and in Dutch (which shows the record's Dutch translation).
fn public_pages(id: &str) -> Vec<String> {
    let pages = [
        format!("/systems/{id}"),
        format!("/systems/{id}/history"),
        "/systems".into(),
        "/systems?q=hostile+refresh+elsewhere".into(),
        "/systems?agency=tax-office&sort=name".into(),
        "/agencies/tax-office".into(),
        "/agencies".into(),
        "/".into(),
    ];
    let dutch = pages.clone().map(|page| format!("/nl{page}"));
    pages.into_iter().chain(dutch).collect()
}

/// A comment sent as a citizen's form from `address`.
async fn send_feedback(site: &Router, system: &str, fields: &[(&str, &str)]) -> Answer {
    let uri = format!("/systems/{system}/feedback");
    manage::post_public(site, &uri, manage::form_body(fields), "192.0.2.7").await
}

#[tokio::test]
async fn breakouts_written_through_the_api_and_the_form_are_inert_on_every_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site(storage).await;
    let publisher = agency_token(storage, "tax-office", TokenScope::Publish).await;
    support_accounts::create_in(
        storage,
        "editor@tax.example",
        "Eda Editor",
        Role::Editor,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;

    // One system per breakout, through the write API.
    let mut ids = Vec::new();
    for (n, breakout) in BREAKOUTS.iter().enumerate() {
        let created = send_json(
            &site,
            "POST",
            "/api/v1/systems",
            &publisher,
            &hostile_system(breakout, n),
        )
        .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let answer: Value = serde_json::from_str(&created.text).unwrap();
        ids.push(answer["id"].as_str().unwrap().to_string());
    }
    // One is due for review within 30 days: the desk's list names it.
    let soon = (time::OffsetDateTime::now_utc() + time::Duration::days(10)).date();
    let due = post_form(
        &site,
        &format!("/manage/systems/{}/review-date", ids[0]),
        &editor,
        &[("review_by", &soon.to_string())],
    )
    .await;
    assert!(due.status.is_redirection(), "{}", due.text);
    let desk = manage::get(&site, "/manage", &editor).await;
    assert!(
        desk.text
            .contains("1 record is due for review in the next 30 days"),
        "{}",
        desk.text
    );
    search.catch_up(storage).await;
    for id in &ids {
        assert_pages_inert(&site, &public_pages(id)).await;
        assert_pages_inert_for(
            &site,
            &editor,
            &[
                format!("/manage/systems/{id}"),
                format!("/manage/systems/{id}/edit"),
                "/manage".into(),
                format!("/nl/manage/systems/{id}"),
                format!("/nl/manage/systems/{id}/edit"),
            ],
        )
        .await;
    }

    // The feeds and the exports: XML and JSON that stay data.
    for feed in [
        "/feeds/changes.atom",
        "/agencies/tax-office/feed.atom",
        // A search's feed, whose words come from the address, in its title.
        "/feeds/changes.atom?agency=tax-office&q=%3Cimg%20data-hostile%3D%22x%22%3E%20%26amp%3B",
    ] {
        let (status, xml) = site::get(&site, feed).await;
        assert_eq!(status, StatusCode::OK);
        assert_inert(feed, &xml);
        assert!(!xml.contains("data-hostile=\""), "{feed}: unescaped markup");
    }
    let (_, export) = site::get(&site, "/api/v1/export.json").await;
    let export: Value = serde_json::from_str(&export).expect("the export is JSON");
    assert!(export["systems"].as_array().unwrap().len() >= BREAKOUTS.len());

    // Through the form: an edit with every breakout, then a form sent back
    // with a wrong field, which shows what was typed again.
    let id = &ids[0];
    let everything = all_breakouts();
    let mut fields: Vec<(&str, &str)> = vec![
        ("name", BREAKOUTS[1]),
        ("summary", BREAKOUTS[0]),
        ("unit", BREAKOUTS[2]),
        ("stage", "in_use"),
        ("topic", "tax"),
        ("risk_level", "high"),
        ("technique", "rules"),
        ("tags", "<b data-hostile=\"tag\">"),
        ("supplier", BREAKOUTS[6]),
        ("data[0].name", BREAKOUTS[7]),
        ("data[0].personal_data", "none"),
        ("change_summary", BREAKOUTS[3]),
        ("translations.nl.name", BREAKOUTS[0]),
        ("translations.nl.summary", BREAKOUTS[1]),
        ("translations.nl.unit", BREAKOUTS[5]),
    ];
    for markdown in [
        "purpose",
        "how_it_works",
        "human_oversight",
        "contest",
        "explainability",
        "fairness",
        "risks",
        "legal_basis",
        "data[0].description",
        "translations.nl.purpose",
        "translations.nl.fairness",
    ] {
        fields.push((markdown, &everything));
    }
    let saved = post_form(
        &site,
        &format!("/manage/systems/{id}/edit"),
        &editor,
        &fields,
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let published = post_form(
        &site,
        &format!("/manage/systems/{id}/publish"),
        &editor,
        &[],
    )
    .await;
    assert!(
        published.status.is_redirection(),
        "{}: {}",
        published.status,
        published.text
    );
    search.catch_up(storage).await;
    assert_pages_inert(&site, &public_pages(id)).await;
    assert_pages_inert_for(
        &site,
        &editor,
        &[
            format!("/manage/systems/{id}"),
            format!("/manage/systems/{id}/edit"),
            format!("/nl/manage/systems/{id}"),
            format!("/nl/manage/systems/{id}/edit"),
        ],
    )
    .await;
    fields.retain(|(name, _)| *name != "stage");
    fields.push(("stage", "not-a-stage"));
    let refused = post_form(
        &site,
        &format!("/manage/systems/{id}/edit"),
        &editor,
        &fields,
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("&lt;/textarea&gt;"),
        "the typed text comes back, escaped"
    );
    assert_inert("the system form shown again", &refused.text);
    let in_dutch = post_form(
        &site,
        &format!("/nl/manage/systems/{id}/edit"),
        &editor,
        &fields,
    )
    .await;
    assert_eq!(in_dutch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_inert("the system form shown again in Dutch", &in_dutch.text);
    db.remove().await;
}

#[tokio::test]
async fn breakouts_in_feedback_answers_agencies_audits_and_imports_are_inert() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site(storage).await;
    // The auditor's name is what an audit shows as its oversight body.
    for (email, name, role, agency) in [
        ("admin@register.example", "Someone", Role::Admin, None),
        ("mod@register.example", "Someone", Role::Moderator, None),
        ("audit@register.example", BREAKOUTS[7], Role::Auditor, None),
        (
            "editor@tax.example",
            BREAKOUTS[6],
            Role::Editor,
            Some("tax-office"),
        ),
    ] {
        support_accounts::create_in(storage, email, name, role, agency, PASSWORD).await;
    }
    let admin = sign_in(&site, "admin@register.example", PASSWORD).await;
    let moderator = sign_in(&site, "mod@register.example", PASSWORD).await;
    let auditor = sign_in(&site, "audit@register.example", PASSWORD).await;
    let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;
    let system = first_system_of(storage, "tax-office").await;

    // Feedback: a breakout sent back at once (no kind chosen) is reflected
    // escaped; sent right, moderated and answered, it is inert everywhere.
    let body = [BREAKOUTS[1], BREAKOUTS[2], BREAKOUTS[3], BREAKOUTS[5]].join(" ");
    let reflected = send_feedback(
        &site,
        &system,
        &[("body", &body), ("name", "<b data-hostile=\"name\">")],
    )
    .await;
    assert_eq!(reflected.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reflected.text.contains("&lt;/textarea&gt;"));
    assert_inert("the feedback form shown again", &reflected.text);
    let sent = send_feedback(
        &site,
        &system,
        &[
            ("kind", "question"),
            ("body", &body),
            ("name", "<b data-hostile=\"name\">"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text);
    let queue = get(&site, "/manage/feedback", &moderator).await;
    assert_inert("/manage/feedback", &queue.text);
    let comment = queue
        .text
        .split("action=\"/manage/feedback/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a moderation form")
        .to_string();
    let published = post_form(
        &site,
        &format!("/manage/feedback/{comment}"),
        &moderator,
        &[("decision", "publish")],
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    assert_inert("the moderation notice", &published.text);
    let answer = [BREAKOUTS[0], BREAKOUTS[1], BREAKOUTS[4]].join(" ");
    let answered = post_form(
        &site,
        &format!("/manage/answers/{comment}"),
        &editor,
        &[("answer", &answer)],
    )
    .await;
    assert!(answered.status.is_redirection(), "{}", answered.text);
    assert_pages_inert(&site, &[format!("/systems/{system}")]).await;
    assert_pages_inert_for(&site, &editor, &["/manage/answers".to_string()]).await;
    let (_, api) = site::get(&site, &format!("/api/v1/systems/{system}/feedback")).await;
    serde_json::from_str::<Value>(&api).expect("feedback stays JSON");

    // An agency named and described with breakouts.
    let created = post_form(
        &site,
        "/manage/agencies",
        &admin,
        &[
            ("slug", "hostile-agency"),
            ("name", BREAKOUTS[0]),
            ("jurisdiction", BREAKOUTS[6]),
            ("description", &all_breakouts()),
            ("website", "https://elsewhere.example/"),
            ("contact", ""),
        ],
    )
    .await;
    assert!(created.status.is_redirection(), "{}", created.text);
    assert_pages_inert(
        &site,
        &[
            "/agencies/hostile-agency".into(),
            "/agencies".into(),
            // Its name in the statistics' agency chart (SVG) and table.
            "/statistics".into(),
            "/nl/statistics".into(),
            // Its own statistics: its name in the title, heading and breadcrumbs.
            "/agencies/hostile-agency/statistics".into(),
            "/nl/agencies/hostile-agency/statistics".into(),
            // Chosen filters show above the results by name, and by value
            // when the value is unknown.
            "/systems?agency=hostile-agency".into(),
            "/systems?topic=%3C%2Ftitle%3E%3Cscript%20data-hostile%3E".into(),
        ],
    )
    .await;
    assert_pages_inert_for(&site, &admin, &["/manage/agencies".into()]).await;
    // Its name where the moderation queue says whose system a comment is on.
    let hostile_publisher = agency_token(storage, "hostile-agency", TokenScope::Publish).await;
    let made = send_json(
        &site,
        "POST",
        "/api/v1/systems",
        &hostile_publisher,
        &json!({"name": "Plain name", "summary": "Plain summary.", "stage": "pilot", "topic": "tax"}),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    let hostile_agency_system = serde_json::from_str::<Value>(&made.text).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let asked = send_feedback(
        &site,
        &hostile_agency_system,
        &[
            ("kind", "question"),
            ("body", "Who checks it?"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.text);
    let queue = get(&site, "/manage/feedback", &moderator).await;
    assert!(queue.text.contains("Who checks it?"), "{}", queue.text);
    assert_inert("/manage/feedback with a hostile agency's name", &queue.text);

    // An audit whose auditor body and findings are breakouts.
    let audited = post_form(
        &site,
        &format!("/manage/systems/{system}/audits"),
        &auditor,
        &[
            ("audited_on", "2026-11-01"),
            ("outcome", "passed_with_findings"),
            ("findings", &all_breakouts()),
            ("report_url", "https://elsewhere.example/report"),
            ("next_due", "2027-11-01"),
        ],
    )
    .await;
    assert!(audited.status.is_redirection(), "{}", audited.text);
    assert_pages_inert(&site, &public_pages(&system)).await;

    // A US inventory row and a Lantern JSON system, uploaded by the editor:
    // the preview and the imported records.
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(lantern::import::us_omb_2025::COLUMNS)
        .unwrap();
    let row: Vec<String> = lantern::import::us_omb_2025::COLUMNS
        .iter()
        .map(|column| match *column {
            "agency" => "TAX-OFFICE".to_string(),
            "agency_name" => BREAKOUTS[0].to_string(),
            "id" => "HOSTILE-CSV-1".to_string(),
            "use_case_name" => format!("{}\nsecond line", BREAKOUTS[0]),
            "contact_email" => "javascript:alert(1)".to_string(),
            "development_stage" => "Deployed".to_string(),
            "is_high_impact" => "High-impact".to_string(),
            "demographic_features" | "hi_public_consultation" => "[]".to_string(),
            "topic_area" => BREAKOUTS[5].to_string(),
            "pia_url" => "javascript:alert(1)".to_string(),
            "link_to_data" => "data:text/html,x".to_string(),
            _ => all_breakouts(),
        })
        .collect();
    csv.write_record(&row).unwrap();
    // A row of another agency named with a breakout: the preview names it
    // among the rows of other agencies.
    let elsewhere: Vec<String> = lantern::import::us_omb_2025::COLUMNS
        .iter()
        .zip(&row)
        .map(|(column, value)| match *column {
            "agency" => "ELSEWHERE".to_string(),
            "id" => "HOSTILE-CSV-2".to_string(),
            _ => value.clone(),
        })
        .collect();
    csv.write_record(&elsewhere).unwrap();
    let file = csv.into_inner().unwrap();
    let preview = post_file(
        &site,
        "/manage/import",
        &editor,
        &[("format", "us-omb-2025")],
        ("hostile.csv", &file),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
    assert!(
        preview.text.contains("(elsewhere), not your agency"),
        "{}",
        preview.text
    );
    assert_inert("the import preview", &preview.text);
    let confirm = preview
        .text
        .split("action=\"/manage/import/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("a confirm form: {}", preview.text))
        .to_string();
    let done = post_form(&site, &format!("/manage/import/{confirm}"), &editor, &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert_inert("the import result", &done.text);
    let imported = lantern::import::stable_id("us-omb-2025", "TAX-OFFICE/HOSTILE-CSV-1");
    let (_, record) = site::get(&site, &format!("/api/v1/systems/{imported}")).await;
    let record: Value = serde_json::from_str(&record).unwrap();
    assert!(record.get("contact").is_none_or(Value::is_null), "{record}");
    assert_eq!(
        record["assessments"],
        json!([]),
        "no javascript: assessment"
    );
    assert_eq!(
        record["data"][0]["source"], "data:text/html,x",
        "text, never a link"
    );
    assert_inert(
        "the imported record",
        &site::get(&site, &format!("/systems/{imported}")).await.1,
    );

    let json_file = json!({"systems": [hostile_system(BREAKOUTS[4], 99)]}).to_string();
    let preview = post_file(
        &site,
        "/manage/import",
        &editor,
        &[("format", "lantern-json")],
        ("hostile.json", json_file.as_bytes()),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
    assert_inert("the JSON import preview", &preview.text);
    search.catch_up(storage).await;
    assert_pages_inert(&site, &public_pages(&imported.0)).await;
    db.remove().await;
}
