//! Accounts: created from the terminal or by the storage layer, checked field
//! by field, one per email, passwords kept only as argon2id hashes.

use crate::support::accounts as support_accounts;
use crate::support::databases;

use app::error::AppError;
use app::record::{AgencySlug, Role};
use app::register::Register;
use databases::TestDatabase;
use lantern::accounts::{self, NewAccount, SignInError, hash_password, verify_password};
use lantern::storage::Storage;
use std::io::Write;
use std::process::{Command, Stdio};
use time::Duration;
use time::macros::datetime;

/// Creates an account in a transaction of its own, as the storage layer's callers do.
async fn create_account(
    storage: &Storage,
    new: &NewAccount,
    hash: &str,
    now: &str,
) -> Result<accounts::Account, AppError> {
    let mut tx = storage.begin().await?;
    let created = Storage::create_account(&mut tx, new, hash, now).await?;
    tx.commit()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(created)
}

fn editor_of(agency: &str) -> NewAccount {
    NewAccount {
        email: "Dana@Example.gov".into(),
        name: "Dana".into(),
        role: Role::Editor,
        agency: Some(AgencySlug(agency.into())),
    }
}

#[tokio::test]
async fn an_account_is_created_once_per_email_for_an_agency_that_exists() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        lantern::demo::seed_if_empty(storage).await.unwrap();
        let agency = storage.agency_names().await.unwrap()[0].0.clone();
        let hash = hash_password("a long enough password").unwrap();
        let now = "2026-11-28T12:00:00Z";

        let created = create_account(storage, &editor_of(&agency.0), &hash, now)
            .await
            .unwrap();
        assert_eq!(
            created.email, "dana@example.gov",
            "{}: kept lower-case",
            db.name
        );
        assert_eq!(created.agency, Some(agency.clone()));

        let (found, stored_hash) = storage
            .account_by_email("DANA@example.GOV")
            .await
            .unwrap()
            .expect("found in any case");
        assert_eq!(found, created, "{}", db.name);
        assert!(verify_password("a long enough password", &stored_hash));
        assert!(!stored_hash.contains("a long enough password"));

        let again = create_account(storage, &editor_of(&agency.0), &hash, now).await;
        assert!(
            matches!(again, Err(AppError::Conflict(ref m)) if m.contains("dana@example.gov")),
            "{}: {again:?}",
            db.name
        );

        let elsewhere = NewAccount {
            email: "sam@example.gov".into(),
            ..editor_of("no-such-agency")
        };
        match create_account(storage, &elsewhere, &hash, now).await {
            Err(AppError::Validation(fields)) => {
                assert!(fields["agency"][0].contains("no-such-agency"), "{fields:?}")
            }
            other => panic!("{}: expected a validation error, got {other:?}", db.name),
        }
        assert!(
            storage
                .account_by_email("sam@example.gov")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            storage
                .account_by_email("nobody@example.gov")
                .await
                .unwrap()
                .is_none()
        );
        db.remove().await;
    }
}

/// Runs `lantern user add …` on a data directory with `input` on standard input.
fn user_add(data: &std::path::Path, args: &[&str], input: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lantern"))
        .args(["user", "add"])
        .args(args)
        .env("LANTERN_DATA_DIR", data)
        .env_remove("DATABASE_URL")
        .env_remove("MEILISEARCH_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lantern runs");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(input.as_bytes())
        .expect("the password is written");
    child.wait_with_output().expect("lantern ends")
}

#[tokio::test]
async fn user_add_takes_the_password_from_standard_input_and_names_wrong_fields() {
    let dir = tempfile::tempdir().unwrap();
    let ok = user_add(
        dir.path(),
        &["--email", "Admin@Register.example", "--role", "admin"],
        "a long enough password\n",
    );
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(stdout.contains("admin@register.example"), "{stdout}");

    let wrong = user_add(
        dir.path(),
        &["--email", "not-an-email", "--role", "editor"],
        "short\n",
    );
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(!wrong.status.success());
    for field in ["email:", "agency:", "password:"] {
        assert!(stderr.contains(field), "names {field}: {stderr}");
    }

    let bad_role = user_add(dir.path(), &["--email", "a@b.gov", "--role", "king"], "");
    assert!(!bad_role.status.success());
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("admin, editor, approver"));

    let storage = Storage::open(&Storage::sqlite_url(dir.path()))
        .await
        .unwrap();
    let (admin, hash) = storage
        .account_by_email("admin@register.example")
        .await
        .unwrap()
        .expect("the admin exists");
    assert_eq!(admin.role, Role::Admin);
    assert_eq!(
        admin.name, "Admin@Register.example",
        "the name defaults to the email"
    );
    assert!(verify_password("a long enough password", &hash));
    assert!(
        storage
            .account_by_email("not-an-email")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn sign_in_starts_a_session_that_ends_on_sign_out_or_expiry() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        support_accounts::create(
            storage,
            "admin@register.example",
            "Admin",
            Role::Admin,
            "a long enough password",
        )
        .await;
        let now = datetime!(2026-11-28 12:00 UTC);

        let signed_in = accounts::sign_in(
            storage,
            " ADMIN@register.example",
            "a long enough password",
            now,
        )
        .await
        .unwrap();
        assert_eq!(signed_in.account.email, "admin@register.example");
        assert_eq!(signed_in.token.len(), 64);
        assert_ne!(signed_in.token, signed_in.csrf_token);

        let (account, csrf) = accounts::session(storage, &signed_in.token, now)
            .await
            .unwrap()
            .expect("the session is live");
        assert_eq!(account.role, Role::Admin, "{}", db.name);
        assert_eq!(csrf, signed_in.csrf_token);
        assert!(
            accounts::session(storage, &signed_in.token, now + accounts::SESSION_LENGTH)
                .await
                .unwrap()
                .is_none(),
            "{}: expired",
            db.name
        );
        assert!(
            accounts::session(storage, "not a token", now)
                .await
                .unwrap()
                .is_none(),
            "{}",
            db.name
        );

        accounts::sign_out(storage, &signed_in.token).await.unwrap();
        assert!(
            accounts::session(storage, &signed_in.token, now)
                .await
                .unwrap()
                .is_none(),
            "{}: signed out",
            db.name
        );
        db.remove().await;
    }
}

#[tokio::test]
async fn repeated_failures_lock_an_email_for_a_while_whatever_the_password() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        support_accounts::create(
            storage,
            "mo@register.example",
            "Mo",
            Role::Moderator,
            "the right password",
        )
        .await;
        let start = datetime!(2026-11-28 12:00 UTC);
        let email = "mo@register.example";

        // A wrong password and an unknown email get the same answer.
        for (who, password) in [
            (email, "a wrong password"),
            ("nobody@register.example", "x"),
        ] {
            let refused = accounts::sign_in(storage, who, password, start).await;
            assert!(
                matches!(refused, Err(SignInError::Wrong)),
                "{}: {refused:?}",
                db.name
            );
        }
        for minute in 1..accounts::FAILURE_LIMIT {
            let at = start + Duration::minutes(minute);
            assert!(matches!(
                accounts::sign_in(storage, email, "a wrong password", at).await,
                Err(SignInError::Wrong)
            ));
        }
        let soon = start + Duration::minutes(6);
        match accounts::sign_in(storage, email, "the right password", soon).await {
            Err(SignInError::Locked { until }) => assert_eq!(until, "2026-11-28T12:19:00Z"),
            other => panic!("{}: expected a lock, got {other:?}", db.name),
        }
        let later = start + Duration::minutes(20);
        let signed_in = accounts::sign_in(storage, email, "the right password", later).await;
        assert!(
            signed_in.is_ok(),
            "{}: unlocked after a while: {signed_in:?}",
            db.name
        );

        // A success forgets earlier failures, and old failures stop counting.
        for minute in 0..accounts::FAILURE_LIMIT - 1 {
            let at = later + Duration::minutes(minute);
            assert!(matches!(
                accounts::sign_in(storage, email, "a wrong password", at).await,
                Err(SignInError::Wrong)
            ));
        }
        let much_later = later + accounts::FAILURE_WINDOW + Duration::minutes(10);
        assert!(matches!(
            accounts::sign_in(storage, email, "a wrong password", much_later).await,
            Err(SignInError::Wrong)
        ));
        assert!(
            accounts::sign_in(storage, email, "the right password", much_later)
                .await
                .is_ok(),
            "{}: the old failures no longer count",
            db.name
        );
        db.remove().await;
    }
}

#[tokio::test]
async fn expired_sessions_and_old_failures_are_pruned_and_live_ones_kept() {
    for db in TestDatabase::both().await {
        let storage = &db.storage;
        support_accounts::create(
            storage,
            "admin@register.example",
            "Admin",
            Role::Admin,
            "a long enough password",
        )
        .await;
        let start = datetime!(2026-11-28 12:00 UTC);
        let old = accounts::sign_in(
            storage,
            "admin@register.example",
            "a long enough password",
            start,
        )
        .await
        .unwrap();
        let later = start + Duration::hours(11);
        let fresh = accounts::sign_in(
            storage,
            "admin@register.example",
            "a long enough password",
            later,
        )
        .await
        .unwrap();
        let _ = accounts::sign_in(storage, "nobody@register.example", "x", start).await;

        let now = start + accounts::SESSION_LENGTH + Duration::minutes(1);
        let pruned = storage
            .prune_sign_ins(
                &lantern::clock::format_timestamp(now),
                &lantern::clock::format_timestamp(now - accounts::FAILURE_WINDOW),
            )
            .await
            .unwrap();
        assert_eq!(
            pruned, 2,
            "{}: one expired session, one old failure",
            db.name
        );
        assert!(
            accounts::session(storage, &old.token, start)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            accounts::session(storage, &fresh.token, later)
                .await
                .unwrap()
                .is_some()
        );
        db.remove().await;
    }
}
