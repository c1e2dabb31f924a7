//! Publishing through HTTP: an edit makes version n+1 with a public history
//! and a field-by-field diff; the write API is idempotent and checks like the
//! forms; a draft is invisible to the public and to other agencies everywhere;
//! the two-person rule; `lantern token` from the terminal.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::search;
use crate::support::site;

use app::record::TokenScope;
use app::record::{AgencySlug, Role, SystemId};
use app::register::Register;
use axum::http::{StatusCode, header};
use databases::TestDatabase;
use lantern::publishing::{Actor, admin};
use manage::{Auth, get, post_form, send_json, sign_in};
use search::TestSearch;
use serde_json::{Value, json};
use site::{ONE_AT_A_TIME, router};
use std::process::{Command, Stdio};

const PASSWORD: &str = "a long enough password";

async fn token(storage: &lantern::storage::Storage, agency: &str, scope: TokenScope) -> Auth {
    let created = admin::create_token(
        storage,
        &Actor::Terminal,
        &AgencySlug(agency.into()),
        scope,
        "test",
        None,
    )
    .await
    .unwrap();
    Auth::Bearer(created.secret)
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[tokio::test]
async fn an_edit_publishes_version_n_plus_one_with_history_diff_and_api() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let publisher = token(storage, "tax-office", TokenScope::Publish).await;

        // A new system through the API: 201, its id and Location.
        let body = json!({
            "name": "Return risk triage",
            "summary": "Flags tax returns that may hold mistakes, for a person to check.",
            "stage": "pilot",
            "topic": "tax",
            "risk_level": "limited",
            "technique": ["classical_ml"],
            "purpose": "Find mistakes early, before penalties grow.",
            "change_summary": "First published."
        });
        let created = send_json(&site, "POST", "/api/v1/systems", &publisher, &body).await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{}: {}",
            db.name,
            created.text
        );
        let answer = json_of(&created.text);
        let id = answer["id"].as_str().unwrap().to_string();
        assert_eq!(answer["state"], "published");
        assert_eq!(answer["version"], 1);
        assert_eq!(
            created.headers[header::LOCATION],
            format!("/api/v1/systems/{id}")
        );

        // The same body again: still one version.
        let again = send_json(
            &site,
            "PUT",
            &format!("/api/v1/systems/{id}"),
            &publisher,
            &body,
        )
        .await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.text);
        assert_eq!(json_of(&again.text)["version"], 1, "idempotent");

        // An editor changes the summary and the stage in the form, then publishes.
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
        let edit = post_form(
            &site,
            &format!("/manage/systems/{id}/edit"),
            &editor,
            &[
                ("name", "Return risk triage"),
                (
                    "summary",
                    "Flags tax returns that may hold honest mistakes, for a person to check.",
                ),
                ("stage", "in_use"),
                ("topic", "tax"),
                ("risk_level", "limited"),
                ("technique", "classical_ml"),
                ("purpose", "Find mistakes early, before penalties grow."),
                (
                    "change_summary",
                    "Now in use; summary says honest mistakes.",
                ),
            ],
        )
        .await;
        assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.text);
        assert_eq!(
            edit.location(),
            Some(format!("/manage/systems/{id}").as_str())
        );

        // Before publishing, the public still sees version 1.
        let (_, public) = site::get(&site, &format!("/systems/{id}")).await;
        assert!(
            !public.contains("honest mistakes"),
            "{}: the draft is not public",
            db.name
        );
        let desk = get(&site, &format!("/manage/systems/{id}"), &editor).await;
        assert!(desk.text.contains("Preview of the draft"), "{}", desk.text);
        assert!(
            desk.text.contains("honest mistakes"),
            "the preview shows the draft"
        );

        let published = post_form(
            &site,
            &format!("/manage/systems/{id}/publish"),
            &editor,
            &[],
        )
        .await;
        assert_eq!(
            published.status,
            StatusCode::SEE_OTHER,
            "{}",
            published.text
        );

        let (status, public) = site::get(&site, &format!("/systems/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            public.contains("honest mistakes"),
            "{}: version 2 is public",
            db.name
        );
        assert!(public.contains("Version 2"), "{public}");

        // The history lists both; the diff shows exactly the changed fields.
        let (status, history) = site::get(&site, &format!("/systems/{id}/history")).await;
        assert_eq!(status, StatusCode::OK, "{history}");
        assert!(history.contains("First published."), "{history}");
        assert!(
            history.contains("Now in use; summary says honest mistakes."),
            "{history}"
        );
        assert!(history.contains("2 fields changed"), "{history}");
        assert!(history.contains(r#"id="changed-summary""#), "{history}");
        assert!(history.contains(r#"id="changed-stage""#), "{history}");
        assert_eq!(
            history.matches(r#"id="changed-"#).count(),
            2,
            "only the changed fields: {history}"
        );
        assert!(history.contains("<ins>honest </ins>"), "{history}");
        assert!(history.contains("<del>Pilot</del>"), "{history}");

        let (status, page) = site::get(&site, &format!("/systems/{id}/history?from=1&to=1")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("These two versions are the same."), "{page}");
        for bad in ["from=9&to=1", "from=one", "to=-3"] {
            let (status, page) = site::get(&site, &format!("/systems/{id}/history?{bad}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {page}");
        }

        // The API has both versions.
        let versions = json_of(
            &get(
                &site,
                &format!("/api/v1/systems/{id}/versions"),
                &Auth::Anonymous,
            )
            .await
            .text,
        );
        assert_eq!(
            versions["versions"].as_array().unwrap().len(),
            2,
            "{versions}"
        );
        let v1 = json_of(
            &get(
                &site,
                &format!("/api/v1/systems/{id}/versions/1"),
                &Auth::Anonymous,
            )
            .await
            .text,
        );
        let v2 = json_of(
            &get(
                &site,
                &format!("/api/v1/systems/{id}/versions/2"),
                &Auth::Anonymous,
            )
            .await
            .text,
        );
        assert_eq!(v1["stage"], "pilot");
        assert_eq!(v2["stage"], "in_use");
        assert_eq!(
            v2["change_summary"],
            "Now in use; summary says honest mistakes."
        );
        let current = json_of(
            &get(&site, &format!("/api/v1/systems/{id}"), &Auth::Anonymous)
                .await
                .text,
        );
        assert_eq!(current["version"], 2);
        for (uri, status) in [
            (
                format!("/api/v1/systems/{id}/versions/3"),
                StatusCode::NOT_FOUND,
            ),
            (
                format!("/api/v1/systems/{id}/versions/two"),
                StatusCode::BAD_REQUEST,
            ),
            (
                "/api/v1/systems/nosuchsystem".to_string(),
                StatusCode::NOT_FOUND,
            ),
        ] {
            let answer = get(&site, &uri, &Auth::Anonymous).await;
            assert_eq!(answer.status, status, "{uri}");
            assert!(
                json_of(&answer.text)["errors"][0]["code"].is_string(),
                "{}",
                answer.text
            );
        }
        search.remove().await;
        db.remove().await;
    }
}

/// Browsers send line breaks as CR LF: an edit of one field in the form is
/// one changed field in the history, and versions saved with CR LF before
/// the fix are repaired by a migration.
#[tokio::test]
async fn a_one_field_edit_in_the_form_is_one_changed_field() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let publisher = token(storage, "tax-office", TokenScope::Publish).await;
        let body = json!({
            "name": "Letter wording check",
            "summary": "Checks letters for words readers misread.",
            "stage": "in_use",
            "topic": "tax",
            "purpose": "Clear letters.\n\nFewer calls.",
            "how_it_works": "A word list.\n- long words\n- jargon",
            "risks": "Misses context.",
            "change_summary": "First published."
        });
        let created = send_json(&site, "POST", "/api/v1/systems", &publisher, &body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let id = json_of(&created.text)["id"].as_str().unwrap().to_string();

        support_accounts::create_in(
            storage,
            "crlf@tax.example",
            "Cal Crlf",
            Role::Editor,
            Some("tax-office"),
            PASSWORD,
        )
        .await;
        let editor = sign_in(&site, "crlf@tax.example", PASSWORD).await;
        let edit = post_form(
            &site,
            &format!("/manage/systems/{id}/edit"),
            &editor,
            &[
                ("name", "Letter wording check"),
                ("summary", "Checks letters for words readers often misread."),
                ("stage", "in_use"),
                ("topic", "tax"),
                ("purpose", "Clear letters.  \r\n\r\nFewer calls.\r\n"),
                ("how_it_works", "A word list.\r\n- long words \r\n- jargon"),
                ("risks", "Misses context.\r\n"),
                ("change_summary", "Says often."),
            ],
        )
        .await;
        assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.text);
        let published = post_form(
            &site,
            &format!("/manage/systems/{id}/publish"),
            &editor,
            &[],
        )
        .await;
        assert_eq!(
            published.status,
            StatusCode::SEE_OTHER,
            "{}",
            published.text
        );
        let (_, history) = site::get(&site, &format!("/systems/{id}/history")).await;
        assert!(
            history.contains("1 field changed"),
            "{}: {history}",
            db.name
        );
        assert!(history.contains("id=\"changed-summary\""), "{history}");

        // A version stored with CR LF before the fix: the history still
        // shows one change, and the migration repairs the stored text.
        let mut conn = db.connect().await;
        sqlx::query(
            "UPDATE system_versions SET purpose = $1, how_it_works = $2 \
             WHERE system_id = $3 AND version = 1",
        )
        .bind("Clear letters.\r\n\r\nFewer calls.")
        .bind("A word list.\r- long words\r- jargon")
        .bind(&id)
        .execute(&mut conn)
        .await
        .unwrap();
        let (_, history) = site::get(&site, &format!("/systems/{id}/history")).await;
        assert!(
            history.contains("1 field changed"),
            "{}: {history}",
            db.name
        );
        let repair = if db.name == "sqlite" {
            include_str!("../../../migrations/sqlite/0010_line_endings.sql")
        } else {
            include_str!("../../../migrations/postgres/0010_line_endings.sql")
        };
        sqlx::raw_sql(repair).execute(&mut conn).await.unwrap();
        let row = sqlx::query(
            "SELECT purpose, how_it_works FROM system_versions WHERE system_id = $1 AND version = 1",
        )
        .bind(&id)
        .fetch_one(&mut conn)
        .await
        .unwrap();
        use sqlx::Row;
        assert_eq!(
            row.get::<String, _>("purpose"),
            "Clear letters.\n\nFewer calls."
        );
        assert_eq!(
            row.get::<String, _>("how_it_works"),
            "A word list.\n- long words\n- jargon"
        );

        // The migration leaves each version the hash of its text as first
        // written: publishing the same record again makes no new version,
        // and mends the hash.
        sqlx::query(
            "UPDATE system_versions SET content_hash = 'as-first-written' WHERE system_id = $1",
        )
        .bind(&id)
        .execute(&mut conn)
        .await
        .unwrap();
        let system = SystemId(id.clone());
        let same = storage.system(&system).await.unwrap().unwrap().content;
        let mut tx = storage.begin().await.unwrap();
        let outcome = lantern::storage::Storage::publish(
            &mut tx,
            &system,
            &AgencySlug("tax-office".into()),
            &same,
            "Imported again.",
            "2026-12-01T00:00:00Z",
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            outcome,
            lantern::storage::PublishOutcome::Unchanged,
            "{}",
            db.name
        );
        let row = sqlx::query(
            "SELECT CAST(count(*) AS BIGINT) AS versions, max(content_hash) AS hash \
             FROM system_versions WHERE system_id = $1 AND version = 2 \
             OR system_id = $1 AND version > 2",
        )
        .bind(&id)
        .fetch_one(&mut conn)
        .await
        .unwrap();
        assert_eq!(
            row.get::<i64, _>("versions"),
            1,
            "{}: no third version",
            db.name
        );
        assert_ne!(
            row.get::<String, _>("hash"),
            "as-first-written",
            "{}",
            db.name
        );
        drop(conn);
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn bad_writes_are_refused_with_the_error_envelope_and_write_nothing() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site(storage).await;
    let drafter = token(storage, "tax-office", TokenScope::Draft).await;
    let before = storage.audit_log(1000, None).await.unwrap().len();

    let invalid =
        json!({"name": "", "stage": "live", "topic": "tax", "summary": "x", "colour": "red"});
    let answer = send_json(&site, "POST", "/api/v1/systems", &drafter, &invalid).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.text
    );
    let errors = json_of(&answer.text)["errors"].as_array().unwrap().clone();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["colour", "name", "stage"], "{errors:?}");
    assert!(errors.iter().all(|e| e["code"] == "invalid_field"));

    let request = axum::http::Request::post("/api/v1/systems")
        .header(
            header::AUTHORIZATION,
            match &drafter {
                Auth::Bearer(s) => format!("Bearer {s}"),
                _ => unreachable!(),
            },
        )
        .body(axum::body::Body::from("{not json"))
        .unwrap();
    let (status, text) = site::read(
        tower::ServiceExt::oneshot(site.clone(), request)
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json_of(&text)["errors"][0]["code"], "invalid_json");

    let nobody = send_json(
        &site,
        "POST",
        "/api/v1/systems",
        &Auth::Anonymous,
        &json!({}),
    )
    .await;
    assert_eq!(nobody.status, StatusCode::UNAUTHORIZED);
    let wrong = send_json(
        &site,
        "POST",
        "/api/v1/systems",
        &Auth::Bearer("lantern_guess".into()),
        &json!({}),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(json_of(&wrong.text)["errors"][0]["code"], "unauthorized");

    // The form: every wrong field named in a summary linking to it, what was typed kept.
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
    let page = post_form(
        &site,
        "/manage/systems/new",
        &editor,
        &[
            ("name", "Kept as typed <b>"),
            ("summary", ""),
            ("stage", "in_use"),
            ("topic", "tax"),
            ("contact", "not a contact"),
            ("withheld[0].field", "data"),
            ("withheld[0].reason", ""),
        ],
    )
    .await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.text
    );
    assert!(page.text.contains("There is a problem"));
    for link in [
        r##"href="#summary""##,
        r##"href="#contact""##,
        r##"href="#withheld-0--reason""##,
    ] {
        assert!(page.text.contains(link), "{link}: {}", page.text);
    }
    assert!(
        page.text.contains(r#"value="Kept as typed &lt;b&gt;""#),
        "{}",
        page.text
    );
    assert!(page.text.contains(r#"aria-invalid="true""#));

    // A form without the session's CSRF token is refused.
    let forged = post_form(
        &site,
        "/manage/systems/new",
        &Auth::Session {
            cookie: match &editor {
                Auth::Session { cookie, .. } => cookie.clone(),
                _ => unreachable!(),
            },
            csrf: "forged".into(),
        },
        &[("name", "x")],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // A form too large to read, and a workflow step that does not exist.
    let huge = "x".repeat(1_100_000);
    let too_large = post_form(&site, "/manage/systems/new", &editor, &[("purpose", &huge)]).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_large.text.contains("too large"), "{}", too_large.text);
    let unknown_step = post_form(&site, "/manage/systems/anything/explode", &editor, &[]).await;
    assert_eq!(unknown_step.status, StatusCode::NOT_FOUND);
    // Text fields over their limits are named, not cut.
    let long = post_form(
        &site,
        "/manage/systems/new",
        &editor,
        &[
            ("name", &"n".repeat(201)),
            ("summary", "Fine."),
            ("stage", "pilot"),
            ("topic", "tax"),
            ("purpose", &"p".repeat(20_001)),
        ],
    )
    .await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        long.text
            .contains("Name: Must be at most 200 characters (it has 201)"),
        "{}",
        long.text
    );
    assert!(
        long.text.contains("Must be at most 20,000 characters"),
        "{}",
        long.text
    );

    assert_eq!(
        storage.audit_log(1000, None).await.unwrap().len(),
        before,
        "nothing was written"
    );
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn a_draft_is_invisible_to_the_public_and_to_other_agencies_everywhere() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let systems_before = storage.health().await.unwrap().systems;
        let drafter = token(storage, "tax-office", TokenScope::Draft).await;
        let police_tool = token(storage, "police", TokenScope::Publish).await;
        let name = "Zanzibarian refund oracle";
        let body = json!({"name": name, "summary": "A secret draft about quixotic refunds.", "stage": "planned", "topic": "tax"});
        let created = send_json(&site, "POST", "/api/v1/systems", &drafter, &body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let answer = json_of(&created.text);
        assert_eq!(answer["state"], "draft");
        let id = answer["id"].as_str().unwrap().to_string();
        search.catch_up(storage).await;

        support_accounts::create_in(
            storage,
            "editor@police.example",
            "Other agency editor",
            Role::Editor,
            Some("police"),
            PASSWORD,
        )
        .await;
        let other_editor = sign_in(&site, "editor@police.example", PASSWORD).await;
        for (who, auth) in [
            ("the public", Auth::Anonymous),
            ("another agency", other_editor.clone()),
        ] {
            for uri in [
                "/".to_string(),
                "/systems".to_string(),
                "/systems?q=zanzibarian".to_string(),
                "/agencies/tax-office".to_string(),
                format!("/systems/{id}"),
                format!("/systems/{id}/history"),
                "/api/v1/systems?q=zanzibarian".to_string(),
                "/api/v1/systems?agency=tax-office&limit=500".to_string(),
                format!("/api/v1/systems/{id}"),
                format!("/api/v1/systems/{id}/versions"),
                format!("/api/v1/systems/{id}/versions/1"),
                "/api/v1/export.json".to_string(),
                "/api/v1/export.ndjson".to_string(),
                "/api/v1/export.csv".to_string(),
                "/api/v1/changes?limit=500".to_string(),
                "/feeds/changes.atom".to_string(),
                "/agencies/tax-office/feed.atom".to_string(),
                format!("/manage/systems/{id}"),
                format!("/manage/systems/{id}/edit"),
                "/manage".to_string(),
            ] {
                let page = get(&site, &uri, &auth).await;
                assert!(
                    !page.text.contains("Zanzibarian") && !page.text.contains("quixotic"),
                    "{}: {who} sees the draft at {uri}",
                    db.name
                );
            }
        }
        let search_api = json_of(
            &get(&site, "/api/v1/systems?q=zanzibarian", &Auth::Anonymous)
                .await
                .text,
        );
        assert_eq!(search_api["total"], 0, "{search_api}");
        assert_eq!(
            storage.health().await.unwrap().systems,
            systems_before,
            "not counted"
        );

        // Another agency cannot touch it, and learns nothing: 404, as for an unknown id.
        let put = send_json(
            &site,
            "PUT",
            &format!("/api/v1/systems/{id}"),
            &police_tool,
            &body,
        )
        .await;
        assert_eq!(put.status, StatusCode::NOT_FOUND, "{}", put.text);
        let publish = post_form(
            &site,
            &format!("/manage/systems/{id}/publish"),
            &other_editor,
            &[],
        )
        .await;
        assert_eq!(publish.status, StatusCode::NOT_FOUND);

        // Its own agency sees it in /manage.
        support_accounts::create_in(
            storage,
            "editor@tax.example",
            "Eda Editor",
            Role::Editor,
            Some("tax-office"),
            PASSWORD,
        )
        .await;
        let own_editor = sign_in(&site, "editor@tax.example", PASSWORD).await;
        let manage = get(&site, "/manage", &own_editor).await;
        assert!(manage.text.contains(name), "{}", manage.text);
        let _ = SystemId(id);
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn the_two_person_rule_needs_an_approver_who_did_not_write_the_draft() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    lantern::demo::seed_if_empty(storage).await.unwrap();
    admin::set_requires_approval(
        storage,
        &Actor::Terminal,
        &AgencySlug("tax-office".into()),
        true,
    )
    .await
    .unwrap();
    let search = TestSearch::embedded(storage).await;
    let site = router(storage, search.engine.clone());
    support_accounts::create_in(
        storage,
        "approver1@tax.example",
        "Ana Approver",
        Role::Approver,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    support_accounts::create_in(
        storage,
        "approver2@tax.example",
        "Ben Approver",
        Role::Approver,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let first = sign_in(&site, "approver1@tax.example", PASSWORD).await;
    let second = sign_in(&site, "approver2@tax.example", PASSWORD).await;

    let created = post_form(
        &site,
        "/manage/systems/new",
        &first,
        &[
            ("name", "Appeal letter drafter"),
            (
                "summary",
                "Drafts replies to appeals for a person to finish.",
            ),
            ("stage", "pilot"),
            ("topic", "tax"),
        ],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    let desk = created.location().unwrap().to_string();
    let id = desk.rsplit('/').next().unwrap().to_string();

    // "Publish" submits where approval is required.
    let publish = post_form(&site, &format!("{desk}/publish"), &first, &[]).await;
    assert_eq!(publish.status, StatusCode::SEE_OTHER);
    assert!(
        storage
            .versions(&SystemId(id.clone()))
            .await
            .unwrap()
            .is_empty(),
        "not published yet"
    );
    let page = get(&site, &desk, &first).await;
    assert!(
        page.text.contains("waiting for an approver"),
        "{}",
        page.text
    );

    let own = post_form(&site, &format!("{desk}/approve"), &first, &[]).await;
    assert_eq!(
        own.status,
        StatusCode::FORBIDDEN,
        "the author cannot approve"
    );
    // A refusal reads the same on the page and in the API's envelope.
    let forbidden = app::error::AppError::Forbidden.explanation(app::i18n::Language::SOURCE);
    assert!(own.text.contains(&forbidden), "{}", own.text);
    let approved = post_form(&site, &format!("{desk}/approve"), &second, &[]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.text);
    assert_eq!(
        storage.versions(&SystemId(id.clone())).await.unwrap().len(),
        1
    );
    // Another agency may not write over a published system.
    let other_agency = lantern::demo::register()
        .agencies
        .into_iter()
        .find(|a| a.slug.0 != "tax-office")
        .unwrap();
    let stranger = token(storage, &other_agency.slug.0, TokenScope::Publish).await;
    let body =
        json!({"name": "Taken over", "summary": "Not theirs.", "stage": "in_use", "topic": "tax"});
    let refused = send_json(
        &site,
        "PUT",
        &format!("/api/v1/systems/{id}"),
        &stranger,
        &body,
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text);
    assert_eq!(
        json_of(&refused.text)["errors"][0]["detail"],
        forbidden.as_str()
    );

    // A publish token submits too.
    let tool = token(storage, "tax-office", TokenScope::Publish).await;
    let body = json!({"name": "Appeal letter drafter", "summary": "Drafts replies to appeals.", "stage": "in_use", "topic": "tax"});
    let put = send_json(&site, "PUT", &format!("/api/v1/systems/{id}"), &tool, &body).await;
    assert_eq!(json_of(&put.text)["state"], "submitted", "{}", put.text);
    assert_eq!(json_of(&put.text)["version"], 1);

    let log = get(&site, "/manage/log", &first).await;
    assert_eq!(
        log.status,
        StatusCode::FORBIDDEN,
        "approvers do not read the audit log"
    );
    search.remove().await;
    db.remove().await;
}

#[tokio::test]
async fn lantern_token_prints_the_token_alone_and_revokes_it() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lantern"))
            .args(args)
            .env("LANTERN_DATA_DIR", data.path())
            .env_remove("DATABASE_URL")
            .env_remove("MEILISEARCH_URL")
            .stdin(Stdio::null())
            .output()
            .expect("lantern runs")
    };
    // An empty register has no agency yet: a clear refusal.
    let refused = run(&[
        "token",
        "create",
        "--agency",
        "tax-office",
        "--scope",
        "draft",
    ]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("No agency has the slug"),
        "{refused:?}"
    );
    let storage =
        lantern::storage::Storage::open(&lantern::storage::Storage::sqlite_url(data.path()))
            .await
            .unwrap();
    lantern::demo::seed_if_empty(&storage).await.unwrap();

    let created = run(&[
        "token",
        "create",
        "--agency",
        "tax-office",
        "--scope",
        "publish",
        "--label",
        "sync",
    ]);
    assert!(created.status.success(), "{created:?}");
    let stdout = String::from_utf8(created.stdout).unwrap();
    let secret = stdout.trim();
    assert_eq!(stdout.lines().count(), 1, "the token alone: {stdout}");
    assert!(
        secret.starts_with("lantern_") && secret.len() > 40,
        "{secret}"
    );
    let stderr = String::from_utf8_lossy(&created.stderr);
    let id = stderr
        .split("API token ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .expect("the id on standard error")
        .to_string();
    assert!(admin::token_for(&storage, secret).await.unwrap().is_some());

    let bad_scope = run(&[
        "token",
        "create",
        "--agency",
        "tax-office",
        "--scope",
        "everything",
    ]);
    assert!(!bad_scope.status.success());

    let revoked = run(&["token", "revoke", &id]);
    assert!(revoked.status.success(), "{revoked:?}");
    assert!(
        admin::token_for(&storage, secret).await.unwrap().is_none(),
        "revoked"
    );
    let unknown = run(&["token", "revoke", "99999"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no API token has the id 99999"));
    storage.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_agencies_tools_writing_at_once_all_succeed() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (search, site) = site::demo_site(storage).await;
        let tool = token(storage, "tax-office", TokenScope::Publish).await;
        let before = storage.health().await.unwrap().systems;
        let writes = (0..40).map(|n| {
            let (site, tool) = (site.clone(), tool.clone());
            tokio::spawn(async move {
                let body = json!({"agency_ref": format!("AT-ONCE-{n}"), "name": format!("Written at once {n}"), "summary": "One of many.", "stage": "pilot", "topic": "tax"});
                send_json(&site, "POST", "/api/v1/systems", &tool, &body).await.status
            })
        });
        for write in writes.collect::<Vec<_>>() {
            assert_eq!(write.await.unwrap(), StatusCode::CREATED, "{}", db.name);
        }
        assert_eq!(
            storage.health().await.unwrap().systems,
            before + 40,
            "{}",
            db.name
        );
        search.remove().await;
        db.remove().await;
    }
}

#[tokio::test]
async fn admin_and_token_forms_refuse_bad_input_and_write_nothing() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let db = TestDatabase::sqlite().await;
    let storage = &db.storage;
    let (search, site) = site::demo_site(storage).await;
    support_accounts::create_in(
        storage,
        "admin@register.example",
        "Admin",
        Role::Admin,
        None,
        PASSWORD,
    )
    .await;
    support_accounts::create_in(
        storage,
        "editor@tax.example",
        "Eda Editor",
        Role::Editor,
        Some("tax-office"),
        PASSWORD,
    )
    .await;
    let admin_session = sign_in(&site, "admin@register.example", PASSWORD).await;
    let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;
    let before = storage.audit_log(1000, None).await.unwrap().len();

    let bad_agency = post_form(
        &site,
        "/manage/agencies",
        &admin_session,
        &[
            ("slug", "Tax Office!"),
            ("name", ""),
            ("website", "ftp://x"),
        ],
    )
    .await;
    assert_eq!(
        bad_agency.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        bad_agency.text
    );
    for problem in [
        "Slug: Use 1 to 64 lower-case letters",
        "Name: Enter a name",
        "Website: Must be a web address",
    ] {
        assert!(
            bad_agency.text.contains(problem),
            "{problem}: {}",
            bad_agency.text
        );
    }
    let taken = post_form(
        &site,
        "/manage/agencies",
        &admin_session,
        &[("slug", "tax-office"), ("name", "Again")],
    )
    .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert!(taken.text.contains("already exists"), "{}", taken.text);

    let bad_account = post_form(
        &site,
        "/manage/accounts",
        &admin_session,
        &[
            ("email", "not-an-email"),
            ("name", "Someone"),
            ("role", "editor"),
            ("password", "short"),
        ],
    )
    .await;
    assert_eq!(bad_account.status, StatusCode::UNPROCESSABLE_ENTITY);
    for problem in [
        "Email address: Enter an email address",
        "Agency: An account with the role editor belongs to an agency",
        "Password: Use a password of at least 12 characters",
    ] {
        assert!(
            bad_account.text.contains(problem),
            "{problem}: {}",
            bad_account.text
        );
    }
    assert!(
        !bad_account.text.contains("short"),
        "a password is never shown again"
    );
    let bad_role = post_form(
        &site,
        "/manage/accounts",
        &admin_session,
        &[("email", "x@y.example"), ("role", "king")],
    )
    .await;
    assert_eq!(bad_role.status, StatusCode::UNPROCESSABLE_ENTITY);

    let bad_scope = post_form(
        &site,
        "/manage/tokens",
        &editor,
        &[("scope", "everything"), ("label", "sync")],
    )
    .await;
    assert_eq!(bad_scope.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_scope.text.contains("Choose draft or publish"),
        "{}",
        bad_scope.text
    );
    let unknown_token = post_form(&site, "/manage/tokens/99999/revoke", &editor, &[]).await;
    assert_eq!(unknown_token.status, StatusCode::NOT_FOUND);
    let bad_retire = post_form(
        &site,
        "/manage/systems/anything/retire",
        &editor,
        &[("retired_on", "someday")],
    )
    .await;
    assert_eq!(bad_retire.status, StatusCode::UNPROCESSABLE_ENTITY);

    assert_eq!(
        storage.audit_log(1000, None).await.unwrap().len(),
        before,
        "nothing was written"
    );
    search.remove().await;
    db.remove().await;
}
