//! Accounts: who may sign in to manage the register, and how their passwords
//! are kept (argon2id, with a salt of their own, never the password itself).

use crate::clock;
use crate::storage::{SignInClaim, Storage, hex};
use app::error::AppError;
use app::i18n::{Language, t_in, t_with_in};
use app::record::{AgencySlug, Role};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};
use time::{Duration, OffsetDateTime};
use tokio::sync::Semaphore;

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted, in bytes: hashing is deliberately slow, and
/// a huge password should not make it slower.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// An account to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAccount {
    pub email: String,
    /// The name shown on what the account writes (an auditor's oversight body).
    pub name: String,
    pub role: Role,
    /// The agency of an editor or approver; other roles have none.
    pub agency: Option<AgencySlug>,
}

/// An account as stored, without its password hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency: Option<AgencySlug>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Since when the account may not sign in, if it is disabled.
    pub disabled_at: Option<String>,
}

/// An email address as accounts keep it: trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl NewAccount {
    /// Checks every field and the password, naming each that is wrong, in
    /// `language`. (Whether the agency exists is the storage layer's check.)
    pub fn check(&self, password: &str, language: Language) -> Result<(), AppError> {
        let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut problem = |field: &str, message: String| {
            problems.entry(field.into()).or_default().push(message);
        };
        if !is_email(&self.email) {
            problem("email", t_in(language, "check-email").into_owned());
        }
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            problem("name", t_in(language, "check-account-name").into_owned());
        } else if let Some(wrong) = crate::publishing::check::one_line_problem(name) {
            problem("name", t_in(language, wrong).into_owned());
        }
        let role = [("role", self.role.as_str().into())];
        match (&self.agency, self.role.belongs_to_agency()) {
            (None, true) => problem(
                "agency",
                t_with_in(language, "check-account-needs-agency", &role).into_owned(),
            ),
            (Some(_), false) => problem(
                "agency",
                t_with_in(language, "check-account-no-agency", &role).into_owned(),
            ),
            _ => {}
        }
        if let Some(wrong) = password_problem(password, language) {
            problem("password", wrong);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(problems))
        }
    }
}

/// What is wrong with a new password, if anything, in `language`: too short or too long.
pub fn password_problem(password: &str, language: Language) -> Option<String> {
    let (key, limit) = if password.chars().count() < MIN_PASSWORD_CHARS {
        ("check-password-short", MIN_PASSWORD_CHARS)
    } else if password.len() > MAX_PASSWORD_BYTES {
        ("check-password-long", MAX_PASSWORD_BYTES)
    } else {
        return None;
    };
    Some(t_with_in(language, key, &[("limit", limit.into())]).into_owned())
}

/// Whether `text` looks like an email address: one `@`, before it the
/// characters RFC 5322 allows unquoted, after it a dotted domain of letters,
/// digits and hyphens, at most 254 characters.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    let domain_ok = |c: char| c.is_alphanumeric() || c == '-' || c == '.';
    text.len() <= 254
        && !local.is_empty()
        && local.chars().all(local_ok)
        && domain.chars().all(domain_ok)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// The argon2id hash of a password, as a PHC string (algorithm, parameters and salt included).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| AppError::Internal(format!("could not hash a password: {error}")))
}

/// Whether `password` is the one `hash` was made from.
pub fn verify_password(password: &str, hash: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// How long a session lasts.
pub const SESSION_LENGTH: Duration = Duration::hours(12);
/// Failed sign-ins for one email within [`FAILURE_WINDOW`] that lock it.
pub const FAILURE_LIMIT: i64 = 5;
/// How far back failed sign-ins count.
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);
/// How long a locked email stays locked.
pub const LOCK_LENGTH: Duration = Duration::minutes(15);

/// A session just started: the token goes in the cookie, and is kept nowhere else.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub account: Account,
    pub token: String,
    pub csrf_token: String,
}

/// Why a sign-in was refused.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The same answer whether the email has no account or the password is
    /// wrong, so the form does not tell which emails have accounts.
    #[error("The email or password is not right")]
    Wrong,
    #[error("Too many failed sign-ins for this email: try again after {until}")]
    Locked { until: String },
    #[error("Too many people are signing in at once: try again in a few seconds")]
    Busy,
    #[error("This account is disabled: ask a register admin")]
    Disabled,
    #[error("Too many sign-in attempts from your network: try again in {retry_after} seconds")]
    TooMany { retry_after: u64 },
    #[error("{0}")]
    Failed(#[from] AppError),
}

impl SignInError {
    /// What the sign-in form says, in `language` (the `Display` text is for logs).
    pub fn message(&self, language: app::i18n::Language) -> String {
        use app::i18n::{t_in, t_with_in};
        match self {
            SignInError::Wrong => t_in(language, "sign-in-wrong"),
            SignInError::Locked { until } => t_with_in(
                language,
                "sign-in-locked",
                &[("until", until.as_str().into())],
            ),
            SignInError::Busy => t_in(language, "sign-in-busy"),
            SignInError::Disabled => t_in(language, "sign-in-disabled"),
            SignInError::TooMany { retry_after } => t_with_in(
                language,
                "sign-in-too-many",
                &[("seconds", (*retry_after).into())],
            ),
            SignInError::Failed(_) => t_in(language, "unavailable-text"),
        }
        .into_owned()
    }
}

/// Counts a sign-in attempt from `client` (known by its hashed address) in
/// the current ten minutes, whatever the email: counted in the database, so
/// across instances. [`SignInError::TooMany`] past `limit` (0: no limit).
pub async fn count_attempt_from(
    storage: &Storage,
    client: &app::feedback::ClientAddress,
    limit: i64,
    now: OffsetDateTime,
) -> Result<(), SignInError> {
    if limit <= 0 {
        return Ok(());
    }
    let client = crate::feedback::client_key(storage, client, now).await?;
    // "2026-12-01T18:5" names the ten minutes from 18:50 to 19:00.
    let stamp = clock::format_timestamp(now);
    let count = storage.count_sign_in_attempt(&client, &stamp[..15]).await?;
    if count <= limit {
        return Ok(());
    }
    let into_period = u64::from(now.minute() % 10) * 60 + u64::from(now.second());
    Err(SignInError::TooMany {
        retry_after: 600 - into_period,
    })
}

/// Password checks that may run at once: each takes about 19 MiB and a core
/// for a while, so more at once only adds memory, not speed.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    Semaphore::new(cores)
});

/// Sign-ins that may wait for a password check; beyond them a sign-in is
/// refused at once as busy, so a burst cannot queue without end.
static WAITING: Semaphore = Semaphore::const_new(32);

/// Signs an account in with its email and password, at `now`.
///
/// Each attempt is counted before its password is checked; after
/// [`FAILURE_LIMIT`] failures within [`FAILURE_WINDOW`] the email is locked
/// for [`LOCK_LENGTH`], even for the right password, and no password is
/// checked while it is.
pub async fn sign_in(
    storage: &Storage,
    email: &str,
    password: &str,
    now: OffsetDateTime,
) -> Result<SignedIn, SignInError> {
    let email = normalise_email(email);
    let at = clock::format_timestamp(now);
    let lock_until = clock::format_timestamp(now + LOCK_LENGTH);
    let claim = storage
        .claim_sign_in(
            &email,
            &at,
            &clock::format_timestamp(now - FAILURE_WINDOW),
            FAILURE_LIMIT,
            &lock_until,
        )
        .await?;
    let attempt = match claim {
        SignInClaim::Locked { until } => return Err(SignInError::Locked { until }),
        SignInClaim::Counted { attempt } => attempt,
    };
    let found = storage.account_by_email(&email).await?;
    // Without an account, a password is still checked against a hash, so a
    // wrong email takes as long to refuse as a wrong password.
    let hash = match &found {
        Some((_, hash)) => hash.clone(),
        None => stand_in_hash().to_string(),
    };
    let password_ok = check_password(password, hash).await?;
    let Some((account, _)) = found.filter(|_| password_ok) else {
        storage
            .sign_in_failed(&email, FAILURE_LIMIT, &lock_until)
            .await?;
        return Err(SignInError::Wrong);
    };
    storage.sign_in_succeeded(&email, attempt, &at).await?;
    // Said only to whoever knows the password: a disabled account is not
    // told apart from an unknown one otherwise.
    if account.disabled_at.is_some() {
        return Err(SignInError::Disabled);
    }
    let token = random_token();
    let csrf_token = random_token();
    storage
        .create_session(
            account.id,
            &token_hash(&token),
            &csrf_token,
            &at,
            &clock::format_timestamp(now + SESSION_LENGTH),
        )
        .await?;
    Ok(SignedIn {
        account,
        token,
        csrf_token,
    })
}

/// Checks a password against a hash off the threads that serve requests,
/// taking its turn with [`HASHING`]; [`SignInError::Busy`] when too many wait.
async fn check_password(password: &str, hash: String) -> Result<bool, SignInError> {
    let Ok(_waiting) = WAITING.try_acquire() else {
        return Err(SignInError::Busy);
    };
    let _turn = HASHING
        .acquire()
        .await
        .map_err(|error| AppError::Internal(format!("password checks stopped: {error}")))?;
    let password = password.to_string();
    let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|error| AppError::Internal(format!("password check failed: {error}")))?;
    Ok(ok)
}

/// The account signed in with a session token at `now`, and the session's CSRF token.
pub async fn session(
    storage: &Storage,
    token: &str,
    now: OffsetDateTime,
) -> Result<Option<(Account, String)>, AppError> {
    storage
        .session(&token_hash(token), &clock::format_timestamp(now))
        .await
}

/// Ends the session of a token.
pub async fn sign_out(storage: &Storage, token: &str) -> Result<(), AppError> {
    storage.delete_session(&token_hash(token)).await
}

/// Every hour, deletes expired sessions, failed sign-ins that no longer
/// count, and day-old idempotency keys. Run by `lantern serve`; any number of
/// instances may run it.
pub async fn prune_sign_ins_hourly(storage: Storage) {
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        let now = OffsetDateTime::now_utc();
        match storage
            .prune_sign_ins(
                &clock::format_timestamp(now),
                &clock::format_timestamp(now - FAILURE_WINDOW),
            )
            .await
        {
            Ok(0) => {}
            Ok(pruned) => {
                tracing::info!(pruned, "removed expired sessions and old failed sign-ins")
            }
            Err(error) => tracing::warn!(%error, "could not remove expired sessions"),
        }
        // Idempotency keys of API writes are kept a day: long enough for any
        // client's retries.
        let a_day_ago = clock::format_timestamp(now - Duration::days(1));
        if let Err(error) = storage.prune_idempotency_keys(&a_day_ago).await {
            tracing::warn!(%error, "could not remove old idempotency keys");
        }
    }
}

/// 32 random bytes from the operating system, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
    hex(&bytes)
}

/// What the database keeps of a session or API token: its SHA-256.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A hash of a password nobody has, checked when an email has no account.
fn stand_in_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        hash_password(&random_token()).unwrap_or_else(|_| "$argon2id$unusable".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> NewAccount {
        NewAccount {
            email: "Editor@DHS.example.gov".into(),
            name: "Dana Editor".into(),
            role: Role::Editor,
            agency: Some(AgencySlug("dhs".into())),
        }
    }

    fn fields(error: AppError) -> Vec<String> {
        match error {
            AppError::Validation(problems) => problems.into_keys().collect(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn passwords_are_hashed_with_argon2id_and_a_salt_each() {
        let first = hash_password("correct horse battery").unwrap();
        let second = hash_password("correct horse battery").unwrap();
        assert!(first.starts_with("$argon2id$"), "{first}");
        assert_ne!(first, second, "each hash has its own salt");
        assert!(verify_password("correct horse battery", &first));
        assert!(verify_password("correct horse battery", &second));
        assert!(!verify_password("correct horse battery!", &first));
        assert!(!verify_password("correct horse battery", "not a hash"));
    }

    #[test]
    fn a_good_account_passes_and_each_wrong_field_is_named() {
        assert!(
            editor()
                .check("a long enough password", Language::SOURCE)
                .is_ok()
        );
        let wrong = NewAccount {
            email: "not an email".into(),
            name: " ".into(),
            role: Role::Editor,
            agency: None,
        };
        assert_eq!(
            fields(wrong.check("short", Language::SOURCE).unwrap_err()),
            ["agency", "email", "name", "password"]
        );
        let admin_with_agency = NewAccount {
            role: Role::Admin,
            ..editor()
        };
        assert_eq!(
            fields(
                admin_with_agency
                    .check("a long enough password", Language::SOURCE)
                    .unwrap_err()
            ),
            ["agency"]
        );
        let huge = "x".repeat(MAX_PASSWORD_BYTES + 1);
        assert_eq!(
            fields(editor().check(&huge, Language::SOURCE).unwrap_err()),
            ["password"]
        );
        assert!(!verify_password(
            &huge,
            &hash_password("a long enough password").unwrap()
        ));
    }

    #[test]
    fn emails_are_checked_and_kept_lower_case() {
        for good in ["a@b.gov", "first.last+tag@agency.example.gov"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "a",
            "@b.gov",
            "a@b",
            "a@.gov",
            "a@b.",
            "a b@c.gov",
            "a@b@c.gov",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert_eq!(normalise_email("  Editor@DHS.gov "), "editor@dhs.gov");
    }
}
