//! Accounts and tokens an operator can run, on SQLite and PostgreSQL: an
//! admin disables an account (its sessions end at once), enables it again,
//! signs it out, sets it a new password; everyone changes their own password
//! (their other sessions end); tokens expire; the same from the terminal.

use crate::support::accounts as support_accounts;
use crate::support::databases;
use crate::support::manage;
use crate::support::search;
use crate::support::site;

use app::record::TokenScope;
use app::record::{AgencySlug, Role};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use databases::TestDatabase;
use lantern::publishing::{Actor, admin};
use manage::{Auth, get, post_form, send_json, sign_in};
use search::TestSearch;
use serde_json::json;
use site::{ONE_AT_A_TIME, router};
use std::io::Write;
use std::process::{Command, Stdio};
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";

/// `POST /login`: its status and page.
async fn login(site: &Router, email: &str, password: &str) -> (StatusCode, String) {
    let response = site
        .clone()
        .oneshot(
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(manage::form_body(&[
                    ("email", email),
                    ("password", password),
                ])))
                .unwrap(),
        )
        .await
        .unwrap();
    site::read(response).await
}

/// Whether a session still signs its holder in.
async fn signed_in(site: &Router, auth: &Auth) -> bool {
    get(site, "/manage", auth).await.status == StatusCode::OK
}

#[tokio::test]
async fn an_admin_disables_enables_signs_out_and_resets_an_account() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (_search, site) = site::demo_site(storage).await;
        let admin_id = support_accounts::create_in(
            storage,
            "admin@register.example",
            "Admin",
            Role::Admin,
            None,
            PASSWORD,
        )
        .await;
        let editor_id = support_accounts::create_in(
            storage,
            "editor@tax.example",
            "Eda",
            Role::Editor,
            Some("tax-office"),
            PASSWORD,
        )
        .await;
        let admin = sign_in(&site, "admin@register.example", PASSWORD).await;
        let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;
        let accounts = get(&site, "/manage/accounts", &admin).await;
        assert!(accounts.text.contains("Disable editor@tax.example"));
        assert!(
            !accounts.text.contains("Disable admin@register.example"),
            "{}: no button to disable oneself",
            db.name
        );

        // Disabled: the session ends at once, and signing in is refused.
        let disabled = post_form(
            &site,
            &format!("/manage/accounts/{editor_id}/disable"),
            &admin,
            &[],
        )
        .await;
        assert_eq!(disabled.status, StatusCode::OK, "{}", disabled.text);
        assert!(
            disabled
                .text
                .contains("Disabled editor@tax.example: it cannot sign in, and 1 session ended.")
        );
        assert!(!signed_in(&site, &editor).await, "{}", db.name);
        let (status, page) = login(&site, "editor@tax.example", PASSWORD).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(page.contains("This account is disabled"));
        let (status, _) = login(&site, "editor@tax.example", "a wrong password here").await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "a wrong password tells nothing more"
        );

        // Enabled again: the password works.
        let enabled = post_form(
            &site,
            &format!("/manage/accounts/{editor_id}/enable"),
            &admin,
            &[],
        )
        .await;
        assert!(enabled.text.contains("Enabled editor@tax.example"));
        let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;

        // Signed out by the admin.
        let ended = post_form(
            &site,
            &format!("/manage/accounts/{editor_id}/sessions-end"),
            &admin,
            &[],
        )
        .await;
        assert!(
            ended
                .text
                .contains("Signed out editor@tax.example: 1 session ended.")
        );
        assert!(!signed_in(&site, &editor).await);

        // A new password from the admin: every session ends, the old password fails.
        let editor = sign_in(&site, "editor@tax.example", PASSWORD).await;
        let short = post_form(
            &site,
            &format!("/manage/accounts/{editor_id}/password"),
            &admin,
            &[("password", "short")],
        )
        .await;
        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(short.text.contains("at least 12 characters"));
        let reset = post_form(
            &site,
            &format!("/manage/accounts/{editor_id}/password"),
            &admin,
            &[("password", "a brand new password")],
        )
        .await;
        assert!(
            reset
                .text
                .contains("Set a new password for editor@tax.example")
        );
        assert!(
            !reset.text.contains("a brand new password"),
            "never shown again"
        );
        assert!(!signed_in(&site, &editor).await);
        assert_eq!(
            login(&site, "editor@tax.example", PASSWORD).await.0,
            StatusCode::UNAUTHORIZED
        );
        sign_in(&site, "editor@tax.example", "a brand new password").await;

        // Only admins, never on themselves, never an unknown account.
        let editor = sign_in(&site, "editor@tax.example", "a brand new password").await;
        for (who, uri, status) in [
            (
                &editor,
                format!("/manage/accounts/{admin_id}/disable"),
                StatusCode::FORBIDDEN,
            ),
            (
                &admin,
                format!("/manage/accounts/{admin_id}/disable"),
                StatusCode::CONFLICT,
            ),
            (
                &admin,
                "/manage/accounts/999999/disable".to_string(),
                StatusCode::NOT_FOUND,
            ),
            (
                &admin,
                format!("/manage/accounts/{editor_id}/promote"),
                StatusCode::NOT_FOUND,
            ),
            (
                &admin,
                "/manage/accounts/x/disable".to_string(),
                StatusCode::NOT_FOUND,
            ),
        ] {
            let answer = post_form(&site, &uri, who, &[]).await;
            assert_eq!(answer.status, status, "{}: {uri}", db.name);
        }
        assert!(signed_in(&site, &admin).await);
        let log = get(&site, "/manage/log", &admin).await;
        assert!(log.text.contains("Disabled the account editor@tax.example"));
        db.remove().await;
    }
}

#[tokio::test]
async fn everyone_changes_their_own_password_and_other_sessions_end() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let search = TestSearch::embedded(storage).await;
        let site = router(storage, search.engine.clone());
        support_accounts::create(
            storage,
            "mo@register.example",
            "Mo",
            Role::Moderator,
            PASSWORD,
        )
        .await;
        let here = sign_in(&site, "mo@register.example", PASSWORD).await;
        let elsewhere = sign_in(&site, "mo@register.example", PASSWORD).await;
        let page = get(&site, "/manage/password", &here).await;
        assert_eq!(page.status, StatusCode::OK);

        for (fields, field) in [
            (
                [
                    ("current_password", "not it at all"),
                    ("password", "a brand new password"),
                    ("password_again", "a brand new password"),
                ],
                "This is not your current password",
            ),
            (
                [
                    ("current_password", PASSWORD),
                    ("password", "a brand new password"),
                    ("password_again", "another new password"),
                ],
                "The two new passwords differ",
            ),
            (
                [
                    ("current_password", PASSWORD),
                    ("password", "short"),
                    ("password_again", "short"),
                ],
                "at least 12 characters",
            ),
        ] {
            let refused = post_form(&site, "/manage/password", &here, &fields).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}",
                db.name
            );
            assert!(refused.text.contains(field), "{field}");
            assert!(!refused.text.contains(PASSWORD), "no password comes back");
        }
        let changed = post_form(
            &site,
            "/manage/password",
            &here,
            &[
                ("current_password", PASSWORD),
                ("password", "a brand new password"),
                ("password_again", "a brand new password"),
            ],
        )
        .await;
        assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
        assert!(changed.text.contains("1 other session ended"));
        assert!(signed_in(&site, &here).await, "this session goes on");
        assert!(!signed_in(&site, &elsewhere).await, "the other ended");
        assert_eq!(
            login(&site, "mo@register.example", PASSWORD).await.0,
            StatusCode::UNAUTHORIZED
        );
        db.remove().await;
    }
}

#[tokio::test]
async fn tokens_stop_working_when_they_expire_and_show_their_last_use() {
    let _turn = ONE_AT_A_TIME.lock().await;
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        let (_search, site) = site::demo_site(storage).await;
        let tax = AgencySlug("tax-office".into());
        let expired = admin::create_token(
            storage,
            &Actor::Terminal,
            &tax,
            TokenScope::Draft,
            "old",
            Some("2020-01-01T00:00:00Z"),
        )
        .await
        .unwrap();
        let live = admin::create_token(
            storage,
            &Actor::Terminal,
            &tax,
            TokenScope::Draft,
            "new",
            Some("2999-01-01T00:00:00Z"),
        )
        .await
        .unwrap();
        let body = json!({"name": "A", "summary": "B", "stage": "pilot", "topic": "tax"});
        let refused = send_json(
            &site,
            "POST",
            "/api/v1/systems",
            &Auth::Bearer(expired.secret),
            &body,
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", db.name);
        let written = send_json(
            &site,
            "POST",
            "/api/v1/systems",
            &Auth::Bearer(live.secret),
            &body,
        )
        .await;
        assert_eq!(written.status, StatusCode::CREATED, "{}", written.text);

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
        let made = post_form(
            &site,
            "/manage/tokens",
            &editor,
            &[
                ("label", "sync"),
                ("scope", "draft"),
                ("expires_in_days", "90"),
            ],
        )
        .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
        let wrong = post_form(
            &site,
            "/manage/tokens",
            &editor,
            &[
                ("label", "sync"),
                ("scope", "draft"),
                ("expires_in_days", "forever"),
            ],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = get(&site, "/manage/tokens", &editor).await;
        assert!(page.text.contains("Expired"), "{}", db.name);
        assert!(
            page.text.contains("1 January 2999"),
            "dates as people write them"
        );
        assert!(
            page.text.contains(" UTC</td>"),
            "the last use, to the minute"
        );
        db.remove().await;
    }
}

/// `lantern ARGS` on a data directory with `input` on standard input.
fn lantern(data: &std::path::Path, args: &[&str], input: &str) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lantern"))
        .args(args)
        .env("LANTERN_DATA_DIR", data)
        .env("DATABASE_URL", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}

#[test]
fn accounts_and_tokens_are_run_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let (ok, said) = lantern(
        data,
        &[
            "user",
            "add",
            "--email",
            "mo@register.example",
            "--role",
            "moderator",
        ],
        "a long enough password\n",
    );
    assert!(ok, "{said}");
    let (ok, said) = lantern(data, &["user", "list"], "");
    assert!(
        ok && said.contains("mo@register.example") && said.contains("active"),
        "{said}"
    );

    let (ok, said) = lantern(
        data,
        &["user", "disable", "--email", "mo@register.example"],
        "",
    );
    assert!(
        ok && said.contains("Disabled mo@register.example"),
        "{said}"
    );
    let (_, said) = lantern(data, &["user", "list"], "");
    assert!(said.contains("disabled"), "{said}");
    let (ok, said) = lantern(
        data,
        &["user", "enable", "--email", "mo@register.example"],
        "",
    );
    assert!(ok && said.contains("Enabled"), "{said}");
    let (ok, said) = lantern(
        data,
        &["user", "password", "--email", "mo@register.example"],
        "short\n",
    );
    assert!(!ok && said.contains("password:"), "{said}");
    let (ok, said) = lantern(
        data,
        &["user", "password", "--email", "mo@register.example"],
        "a brand new password\n",
    );
    assert!(ok && said.contains("Set a new password"), "{said}");
    let (ok, said) = lantern(
        data,
        &["user", "sessions-end", "--email", "mo@register.example"],
        "",
    );
    assert!(ok && said.contains("Ended 0 sessions"), "{said}");
    let (ok, said) = lantern(
        data,
        &["user", "disable", "--email", "nobody@register.example"],
        "",
    );
    assert!(
        !ok && said.contains("no account has the email nobody@register.example"),
        "{said}"
    );

    let (ok, said) = lantern(data, &["--help"], "");
    assert!(ok, "{said}");
    let seeded = lantern(data, &["serve", "--help"], "");
    assert!(seeded.0);
    let (ok, said) = lantern(
        data,
        &[
            "token",
            "create",
            "--agency",
            "nowhere",
            "--scope",
            "draft",
            "--expires-in",
            "90d",
        ],
        "",
    );
    assert!(!ok && said.contains("agency"), "{said}");
    let (ok, said) = lantern(
        data,
        &[
            "token",
            "create",
            "--agency",
            "nowhere",
            "--scope",
            "draft",
            "--expires-in",
            "forever",
        ],
        "",
    );
    assert!(!ok && said.contains("90d"), "{said}");
}

/// A newcomer's terminal shows Lantern's own messages, not every commit and
/// merge of the search library.
#[test]
fn the_default_log_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_lantern"))
        .args(["seed", "--synthetic", "300", "--seed", "7"])
        .env("LANTERN_DATA_DIR", dir.path())
        .env("DATABASE_URL", "")
        .env_remove("LANTERN_LOG")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    let foreign: Vec<&str> = said
        .lines()
        .filter(|line| line.contains(" INFO ") && !line.contains(" lantern"))
        .collect();
    assert!(foreign.is_empty(), "other crates' INFO lines: {foreign:?}");
    assert!(!said.to_lowercase().contains("tantivy"), "{said}");
}
