//! Accounts for tests, created straight in the storage layer.

// Each test crate uses a different part of this module.
use app::record::{AgencySlug, Role};
use lantern::accounts::{NewAccount, hash_password};
use lantern::storage::Storage;

/// Creates an account without an agency (any role but editor and approver).
pub async fn create(storage: &Storage, email: &str, name: &str, role: Role, password: &str) {
    create_in(storage, email, name, role, None, password).await;
}

/// Creates an account, of an agency for editors and approvers; returns its id.
pub async fn create_in(
    storage: &Storage,
    email: &str,
    name: &str,
    role: Role,
    agency: Option<&str>,
    password: &str,
) -> i64 {
    let account = NewAccount {
        email: email.into(),
        name: name.into(),
        role,
        agency: agency.map(|a| AgencySlug(a.into())),
    };
    let hash = hash_password(password).unwrap();
    let mut tx = storage.begin().await.unwrap();
    let created = Storage::create_account(&mut tx, &account, &hash, "2026-11-28T12:00:00Z")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    created.id
}
