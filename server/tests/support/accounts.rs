//! Accounts for tests, created straight in the storage layer.

use app::record::Role;
use lantern::accounts::{NewAccount, hash_password};
use lantern::storage::Storage;

/// Creates an account without an agency (any role but editor and approver).
pub async fn create(storage: &Storage, email: &str, name: &str, role: Role, password: &str) {
    let account = NewAccount {
        email: email.into(),
        name: name.into(),
        role,
        agency: None,
    };
    let hash = hash_password(password).unwrap();
    storage
        .create_account(&account, &hash, "2026-11-28T12:00:00Z")
        .await
        .unwrap();
}
