//! Running accounts: a register admin (or the terminal) disables and enables
//! them, sets a new password, ends their sessions; everyone changes their own
//! password and chooses the mail they get. Each write is logged like every
//! other.

use super::admin::is_admin;
use super::{Actor, Person};
use crate::accounts::{Account, hash_password, password_problem, verify_password};
use crate::storage::Storage;
use app::error::AppError;
use app::i18n::{Language, t_in};
use app::mail::AccountMail;

/// What an admin does to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountAction {
    /// It may not sign in, and its sessions end now.
    Disable,
    /// It may sign in again with its password.
    Enable,
    /// Every session it has ends (it signs in again).
    EndSessions,
}

impl AccountAction {
    /// The action named in a URL or on the command line.
    pub fn parse(name: &str) -> Option<AccountAction> {
        match name {
            "disable" => Some(AccountAction::Disable),
            "enable" => Some(AccountAction::Enable),
            "sessions-end" => Some(AccountAction::EndSessions),
            _ => None,
        }
    }
}

/// What an action did, for the page or the terminal to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountActed {
    pub account: Account,
    /// Sessions that ended.
    pub sessions_ended: u64,
}

/// Disables, enables an account or ends its sessions: admins only, and not
/// on their own account (an admin who disables themselves is locked out).
pub async fn act_on_account(
    storage: &Storage,
    actor: &Actor,
    id: i64,
    action: AccountAction,
) -> Result<AccountActed, AppError> {
    if !is_admin(actor) {
        return Err(AppError::Forbidden);
    }
    if action == AccountAction::Disable && is_self(actor, id) {
        return Err(AppError::Conflict(
            t_in(actor.language(), "accounts-cannot-disable-self").into_owned(),
        ));
    }
    let mut tx = storage.begin().await?;
    let Some(account) = Storage::account_by_id(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    let now = crate::clock::now();
    let (sessions_ended, what) = match action {
        AccountAction::Disable => {
            Storage::set_account_disabled(&mut tx, id, Some(&now)).await?;
            (Storage::end_sessions(&mut tx, id, None).await?, "Disabled")
        }
        AccountAction::Enable => {
            Storage::set_account_disabled(&mut tx, id, None).await?;
            (0, "Enabled")
        }
        AccountAction::EndSessions => (
            Storage::end_sessions(&mut tx, id, None).await?,
            "Ended the sessions of",
        ),
    };
    let detail = format!(
        "{what} the account {} ({sessions_ended} sessions ended)",
        account.email
    );
    let entry = actor.log("account", account.agency.as_ref(), None, detail);
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    let account = Account {
        disabled_at: match action {
            AccountAction::Disable => Some(now),
            AccountAction::Enable => None,
            AccountAction::EndSessions => account.disabled_at,
        },
        ..account
    };
    Ok(AccountActed {
        account,
        sessions_ended,
    })
}

/// Sets a new password for an account (admins only) and ends every session
/// it has: whoever knew the old password is signed out.
pub async fn set_password(
    storage: &Storage,
    actor: &Actor,
    id: i64,
    password: &str,
) -> Result<AccountActed, AppError> {
    if !is_admin(actor) {
        return Err(AppError::Forbidden);
    }
    let hash = new_password_hash(password, actor.language()).await?;
    let mut tx = storage.begin().await?;
    let Some(account) = Storage::account_by_id(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    Storage::set_password_hash(&mut tx, id, &hash).await?;
    let sessions_ended = Storage::end_sessions(&mut tx, id, None).await?;
    let detail = format!(
        "Set a new password for the account {} ({sessions_ended} sessions ended)",
        account.email
    );
    let entry = actor.log("account", account.agency.as_ref(), None, detail);
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(AccountActed {
        account,
        sessions_ended,
    })
}

/// A person changes their own password: the current one must be right. Every
/// other session of theirs ends; the one they use (`session`, its token
/// hash) stays.
pub async fn change_own_password(
    storage: &Storage,
    actor: &Actor,
    current: &str,
    new: &str,
    session: &str,
) -> Result<u64, AppError> {
    let Actor::Account(person) = actor else {
        return Err(AppError::Forbidden);
    };
    let Some(hash) = storage.password_hash(person.id).await? else {
        return Err(AppError::NotFound);
    };
    let current = current.to_string();
    let right = tokio::task::spawn_blocking(move || verify_password(&current, &hash))
        .await
        .map_err(|error| AppError::Internal(format!("password check failed: {error}")))?;
    if !right {
        return Err(super::check::problem(
            "current_password",
            &t_in(person.language, "accounts-check-current-password"),
        ));
    }
    let hash = new_password_hash(new, person.language).await?;
    let mut tx = storage.begin().await?;
    Storage::set_password_hash(&mut tx, person.id, &hash).await?;
    let ended = Storage::end_sessions(&mut tx, person.id, Some(session)).await?;
    let detail = format!("Changed their password ({ended} other sessions ended)");
    Storage::log_write(&mut tx, &actor.log("account", None, None, detail)).await?;
    tx.commit().await?;
    Ok(ended)
}

/// The hash of a new password, or what is wrong with it (field `password`,
/// in `language`).
async fn new_password_hash(password: &str, language: Language) -> Result<String, AppError> {
    if let Some(wrong) = password_problem(password, language) {
        return Err(super::check::problem("password", &wrong));
    }
    // Hashing is slow on purpose: off the threads that serve requests.
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|error| AppError::Internal(format!("password hashing failed: {error}")))?
}

fn is_self(actor: &Actor, id: i64) -> bool {
    matches!(actor, Actor::Account(person) if person.id == id)
}

/// A person chooses the mail they get: each kind their role gets that is
/// not in `on` (stable names, as the form sends them) is turned off. A
/// name that is not a kind their role gets is refused, and nothing changes.
pub async fn choose_mail(
    storage: &Storage,
    person: &Person,
    on: &[String],
) -> Result<(), AppError> {
    let kinds = AccountMail::for_role(person.role);
    let mut chosen = Vec::new();
    for name in on {
        match AccountMail::parse(name).filter(|kind| kinds.contains(kind)) {
            Some(kind) => chosen.push(kind),
            None => {
                return Err(super::check::problem(
                    "on",
                    &t_in(person.language, "email-check-kind"),
                ));
            }
        }
    }
    let off: Vec<AccountMail> = kinds
        .iter()
        .copied()
        .filter(|kind| !chosen.contains(kind))
        .collect();
    let mut tx = storage.begin().await?;
    Storage::set_mail_turned_off(&mut tx, person.id, &off).await?;
    let names = |kinds: &[AccountMail]| {
        kinds
            .iter()
            .map(|kind| kind.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let detail = format!(
        "Chose their email: on [{}], off [{}]",
        names(&chosen),
        names(&off)
    );
    let actor = Actor::Account(person.clone());
    Storage::log_write(&mut tx, &actor.log("account", None, None, detail)).await?;
    tx.commit().await
}
