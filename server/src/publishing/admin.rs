//! Running the register: agencies, accounts and API tokens, and reading the
//! audit log. Each write is checked and logged like every other.

use super::{Actor, check};
use crate::accounts::{Account, NewAccount, hash_password, random_token, token_hash};
use crate::storage::{ApiToken, LogEntry, NewApiToken, Storage};
use app::error::AppError;
use app::i18n::{Language, t_in, t_with_in};
use app::record::TokenScope;
use app::record::{Agency, AgencySlug, Role, is_slug};
use std::collections::BTreeMap;

/// How many audit log entries a page shows.
use crate::storage::LOG_PAGE;

pub(super) fn is_admin(actor: &Actor) -> bool {
    match actor {
        Actor::Account(person) => person.role == Role::Admin,
        Actor::Terminal => true,
        Actor::Token(_) => false,
    }
}

/// Whether the actor manages `agency`'s tokens: its editors and approvers, or the terminal.
fn manages_tokens_of(actor: &Actor, agency: &AgencySlug) -> bool {
    match actor {
        Actor::Account(_) => actor.writes_for(agency),
        Actor::Terminal => true,
        Actor::Token(_) => false,
    }
}

/// An agency to create, as typed in the admin's form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewAgency {
    pub slug: String,
    pub name: String,
    pub jurisdiction: String,
    pub website: String,
    pub contact: String,
    pub description: String,
    pub requires_approval: bool,
}

impl NewAgency {
    /// The agency as it will be stored, or every wrong field with what is
    /// wrong, in `language`.
    fn check(&self, language: Language) -> Result<Agency, AppError> {
        let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut problem = |field: &str, message: &str| {
            problems
                .entry(field.to_string())
                .or_default()
                .push(message.to_string());
        };
        let say = |key: &str| t_in(language, key);
        let too_long = |most: usize| t_with_in(language, "check-too-long", &[("max", most.into())]);
        let slug = self.slug.trim();
        if !is_slug(slug) {
            problem("slug", &say("admin-agencies-check-slug"));
        }
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            problem("name", &say("check-account-name"));
        } else if let Some(wrong) = check::one_line_problem(name) {
            problem("name", &say(wrong));
        }
        let jurisdiction = self.jurisdiction.trim();
        if jurisdiction.chars().count() > 200 {
            problem("jurisdiction", &too_long(200));
        } else if let Some(wrong) = check::one_line_problem(jurisdiction) {
            problem("jurisdiction", &say(wrong));
        }
        let website = self.website.trim();
        if !website.is_empty() && !check::is_url(website) {
            problem("website", &say("admin-agencies-check-website"));
        }
        let contact = self.contact.trim();
        let contact_ok = contact.starts_with("https://") || crate::accounts::is_email(contact);
        if !contact.is_empty() && !contact_ok {
            problem("contact", &say("check-contact"));
        }
        let description = self.description.trim();
        if description.chars().count() > 2_000 {
            problem("description", &too_long(2_000));
        } else if let Some(wrong) = check::text_problem(description) {
            problem("description", &say(wrong));
        }
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
        Ok(Agency {
            slug: AgencySlug(slug.to_string()),
            name: name.to_string(),
            jurisdiction: self.jurisdiction.trim().to_string(),
            website: optional(website),
            contact: optional(contact),
            description: self.description.trim().to_string(),
        })
    }
}

/// Creates an agency: admins only. A slug already taken is a conflict.
pub async fn create_agency(
    storage: &Storage,
    actor: &Actor,
    new: &NewAgency,
) -> Result<Agency, AppError> {
    if !is_admin(actor) {
        return Err(AppError::Forbidden);
    }
    let agency = new.check(actor.language())?;
    let mut tx = storage.begin().await?;
    let now = crate::clock::now();
    if !Storage::ensure_agency(&mut tx, &agency, &now).await? {
        let slug = agency.slug.0.as_str();
        return Err(AppError::Conflict(
            t_with_in(
                actor.language(),
                "admin-agencies-taken",
                &[("slug", slug.into())],
            )
            .into_owned(),
        ));
    }
    Storage::set_requires_approval(&mut tx, &agency.slug, new.requires_approval).await?;
    let approval = if new.requires_approval {
        ", approval required"
    } else {
        ""
    };
    let detail = format!("Created the agency “{}”{approval}", agency.name);
    Storage::log_write(
        &mut tx,
        &actor.log("create_agency", Some(&agency.slug), None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(agency)
}

/// Turns an agency's two-person rule on or off: admins only.
pub async fn set_requires_approval(
    storage: &Storage,
    actor: &Actor,
    agency: &AgencySlug,
    on: bool,
) -> Result<(), AppError> {
    if !is_admin(actor) {
        return Err(AppError::Forbidden);
    }
    let mut tx = storage.begin().await?;
    Storage::set_requires_approval(&mut tx, agency, on).await?;
    let detail = if on {
        "Approval required from now on"
    } else {
        "Approval no longer required"
    };
    Storage::log_write(
        &mut tx,
        &actor.log("set_approval", Some(agency), None, detail.into()),
    )
    .await?;
    tx.commit().await
}

/// Creates an account: admins only (the first admin comes from the terminal).
pub async fn create_account(
    storage: &Storage,
    actor: &Actor,
    new: &NewAccount,
    password: &str,
) -> Result<Account, AppError> {
    if !is_admin(actor) {
        return Err(AppError::Forbidden);
    }
    new.check(password, actor.language())?;
    // Hashing is slow on purpose: off the threads that serve requests.
    let password = password.to_string();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|error| AppError::Internal(format!("password hashing failed: {error}")))??;
    let mut tx = storage.begin().await?;
    let created = Storage::create_account(&mut tx, new, &hash, &crate::clock::now()).await?;
    let detail = format!(
        "Created the account {} ({})",
        created.email,
        created.role.as_str()
    );
    let entry = actor.log("create_account", created.agency.as_ref(), None, detail);
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(created)
}

/// A token just created: the secret is shown once and kept nowhere.
#[derive(Clone, Debug)]
pub struct NewToken {
    pub token: ApiToken,
    pub secret: String,
}

/// Creates an API token for an agency: its editors and approvers, or the
/// terminal. With `expires_at` (RFC 3339, UTC) it stops working then.
pub async fn create_token(
    storage: &Storage,
    actor: &Actor,
    agency: &AgencySlug,
    scope: TokenScope,
    label: &str,
    expires_at: Option<&str>,
) -> Result<NewToken, AppError> {
    if !manages_tokens_of(actor, agency) {
        return Err(AppError::Forbidden);
    }
    let label = label.trim();
    if label.chars().count() > 100 || label.chars().any(char::is_control) {
        return Err(super::check::problem(
            "label",
            &t_in(actor.language(), "tokens-check-label"),
        ));
    }
    let label = if label.is_empty() { "API token" } else { label };
    // A recognisable prefix lets secret scanners find leaked tokens.
    let secret = format!("lantern_{}", random_token());
    let created_by = match actor {
        Actor::Account(person) => person.email.clone(),
        _ => "terminal".to_string(),
    };
    let mut tx = storage.begin().await?;
    let now = crate::clock::now();
    let new = NewApiToken {
        agency,
        scope,
        label,
        token_hash: &token_hash(&secret),
        created_by: &created_by,
        now: &now,
        expires_at,
    };
    let token = Storage::create_token(&mut tx, &new).await?;
    let detail = format!(
        "Created API token {} “{label}” ({})",
        token.id,
        scope.as_str()
    );
    Storage::log_write(
        &mut tx,
        &actor.log("create_token", Some(agency), None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(NewToken { token, secret })
}

/// Revokes an API token for good: its agency's editors and approvers, or the terminal.
pub async fn revoke_token(storage: &Storage, actor: &Actor, id: i64) -> Result<ApiToken, AppError> {
    let mut tx = storage.begin().await?;
    let Some(token) = Storage::token(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    if !manages_tokens_of(actor, &token.agency) {
        return Err(AppError::Forbidden);
    }
    Storage::revoke_token(&mut tx, id, &crate::clock::now()).await?;
    let detail = format!("Revoked API token {id} “{}”", token.label);
    Storage::log_write(
        &mut tx,
        &actor.log("revoke_token", Some(&token.agency), None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// The token an `Authorization: Bearer …` secret names, if it is live. When
/// it was last used is kept to the minute.
pub async fn token_for(storage: &Storage, secret: &str) -> Result<Option<ApiToken>, AppError> {
    let now = time::OffsetDateTime::now_utc();
    let stale_before = crate::clock::format_timestamp(now - time::Duration::minutes(1));
    storage
        .use_token(
            &token_hash(secret),
            &crate::clock::format_timestamp(now),
            &stale_before,
        )
        .await
}

/// A page of the audit log, newest first: admins only.
pub async fn audit_log(
    storage: &Storage,
    actor: &Actor,
    before: Option<i64>,
) -> Result<Vec<LogEntry>, AppError> {
    if !is_admin(actor) {
        return Err(AppError::Forbidden);
    }
    storage.audit_log(LOG_PAGE, before).await
}
