//! Publishing: who may write what, and the workflow every write goes through.
//!
//! Draft → (submitted → approved, where the agency has the two-person rule)
//! → published. Every action here checks the actor first, writes in one
//! transaction, and records itself in the audit log in that same transaction.
//! The web forms and the write API call these functions and nothing else.
//!
//! | action | who |
//! |---|---|
//! | save a draft, submit it | editors and approvers of the owning agency; its tokens |
//! | discard a draft | editors and approvers of the owning agency |
//! | publish a draft, retire a system | editors and approvers of the owning agency, its publish tokens; where the agency requires approval, this submits to an approver |
//! | approve a submitted draft | approvers of the owning agency who did not write it |
//! | record an audit | auditors |
//! | create agencies and accounts, read the audit log | admins |
//! | create and revoke tokens | editors and approvers of the agency; the terminal |
//! | import a file in the browser | editors and approvers, for their own agency's rows |

pub mod accounts;
mod actor;
pub mod admin;
pub mod audits;
pub mod check;
pub mod imports;
mod reviews;
mod steps;

use crate::storage::{Draft, IdempotencyKey, PublishOutcome, Storage, WriteOutcome};
pub use actor::{Actor, Person};
use app::error::AppError;
use app::record::{AgencySlug, Role, Stage, SystemContent, SystemId};
use app::record::{DraftState, TokenScope, WriteState};
use check::SystemInput;
pub use reviews::{confirm_review, set_review_date};
use sqlx::AnyConnection;
pub use steps::{approve, discard, retire, submit};

/// Which system a draft is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A system the register does not have yet: it gets a new id.
    New,
    Existing(SystemId),
}

/// What saving a draft did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub id: SystemId,
    /// False when the content equals what is already there (draft or published).
    pub changed: bool,
}

/// What publishing did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Published {
    /// A new version with this number is public.
    Version(i64),
    /// The draft waits for an approver.
    Submitted,
    /// Nothing new to publish: the current version stays.
    Unchanged(i64),
}

/// Who owns a system, as far as `actor` may know: a system with no published
/// version is only known to its own agency (its draft is invisible to others).
async fn owner(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: &SystemId,
) -> Result<AgencySlug, AppError> {
    if let Some(current) = Storage::current_version(conn, id).await?
        && current.version.is_some()
    {
        return Ok(current.agency);
    }
    match Storage::draft(conn, id).await? {
        Some(draft) if actor.writes_for(&draft.agency) => Ok(draft.agency),
        _ => Err(AppError::NotFound),
    }
}

/// A fresh public id: twelve characters, like the ids of imported systems.
fn new_system_id() -> SystemId {
    crate::import::stable_id("lantern", &crate::accounts::random_token())
}

/// Saves `input` as the draft of a system, new or existing.
///
/// Content equal to the draft, or (with no draft) to the published version,
/// writes nothing: sending the same record twice makes one draft.
pub async fn save_draft(
    storage: &Storage,
    actor: &Actor,
    target: &Target,
    input: &SystemInput,
) -> Result<Saved, AppError> {
    let mut tx = storage.begin().await?;
    let saved = save_draft_in(&mut tx, actor, target, input).await?;
    tx.commit().await?;
    Ok(saved)
}

/// [`save_draft`] inside a transaction the caller commits.
async fn save_draft_in(
    tx: &mut AnyConnection,
    actor: &Actor,
    target: &Target,
    input: &SystemInput,
) -> Result<Saved, AppError> {
    let Some(own_agency) = actor.agency().cloned() else {
        return Err(AppError::Forbidden);
    };
    let (id, agency) = match target {
        Target::New => (new_system_id(), own_agency.clone()),
        Target::Existing(id) => (id.clone(), owner(tx, actor, id).await?),
    };
    let named_other = input
        .agency
        .as_deref()
        .is_some_and(|named| named != agency.0);
    if agency != own_agency || named_other {
        return Err(AppError::Forbidden);
    }
    let draft = Storage::draft(tx, &id).await?;
    let published = Storage::published_content(tx, &id).await?;
    let change_summary = input.change_summary.clone().unwrap_or_else(|| {
        if published.is_some() {
            "Updated."
        } else {
            "First published."
        }
        .to_string()
    });
    let same = match (&draft, &published) {
        (Some(draft), _) => {
            draft.content == input.content && draft.change_summary == change_summary
        }
        (None, Some(published)) => *published == input.content,
        (None, None) => false,
    };
    if same {
        return Ok(Saved { id, changed: false });
    }
    let now = crate::clock::now();
    Storage::save_draft(
        tx,
        &Draft {
            system_id: id.clone(),
            agency: agency.clone(),
            content: input.content.clone(),
            change_summary,
            state: DraftState::Editing,
            author: actor.author(),
            author_name: actor.name(),
            created_at: draft.map_or_else(|| now.clone(), |d| d.created_at),
            updated_at: now,
        },
    )
    .await?;
    let detail = format!("Saved a draft of “{}”", input.content.name);
    Storage::log_write(
        tx,
        &actor.log("save_draft", Some(&agency), Some(&id), detail),
    )
    .await?;
    Ok(Saved { id, changed: true })
}

/// Saves `input` as a system's draft and, with `publish`, publishes it (or
/// submits it where the agency requires approval), all in one transaction:
/// a crash leaves either nothing or the whole write, never an orphan draft.
///
/// With an [`IdempotencyKey`], what was done is kept with the write: the same
/// key and request again answer [`Written::Again`] and write nothing; the
/// same key with another request is a conflict.
pub async fn write_system(
    storage: &Storage,
    actor: &Actor,
    target: &Target,
    input: &SystemInput,
    publish: bool,
    idempotency: Option<&IdempotencyKey>,
) -> Result<Written, AppError> {
    let mut tx = storage.begin().await?;
    // Keys are kept per API token; other actors never send one.
    let token = match actor {
        Actor::Token(token) => Some(token.id),
        _ => None,
    };
    if let (Some(key), Some(token)) = (idempotency, token)
        && let Some(earlier) = Storage::idempotent_write(&mut tx, token, &key.key).await?
    {
        if earlier.request_hash != key.request_hash {
            return Err(AppError::Conflict(
                "This Idempotency-Key was sent before with another request; use a new key for a new request".into(),
            ));
        }
        return Ok(Written::Again(earlier.outcome));
    }
    let saved = save_draft_in(&mut tx, actor, target, input).await?;
    let published = if publish {
        Some(publish_in(&mut tx, actor, &saved.id).await?)
    } else {
        None
    };
    let state = match published {
        Some(Published::Version(_) | Published::Unchanged(_)) => WriteState::Published,
        Some(Published::Submitted) => WriteState::Submitted,
        None => WriteState::Draft,
    };
    // The public version after the write, whatever it did.
    let version = Storage::current_version(&mut tx, &saved.id)
        .await?
        .and_then(|current| current.version);
    let outcome = WriteOutcome {
        id: saved.id,
        state,
        version,
    };
    if let (Some(key), Some(token)) = (idempotency, token) {
        Storage::remember_idempotent_write(&mut tx, token, key, &outcome, &crate::clock::now())
            .await?;
    }
    tx.commit().await?;
    Ok(Written::Done(outcome))
}

/// What [`write_system`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// Written now.
    Done(WriteOutcome),
    /// Written before, under the same idempotency key: nothing written now.
    Again(WriteOutcome),
}

/// What "publish" does for an actor who may publish: where the agency
/// requires approval, it submits the draft to an approver instead.
enum PublishRight {
    Publish,
    Submit,
}

async fn publish_right(
    conn: &mut AnyConnection,
    actor: &Actor,
    agency: &AgencySlug,
) -> Result<PublishRight, AppError> {
    if !actor.writes_for(agency) {
        return Err(AppError::Forbidden);
    }
    if let Actor::Token(token) = actor
        && token.scope == TokenScope::Draft
    {
        return Err(AppError::Forbidden);
    }
    if Storage::requires_approval(conn, agency).await? {
        Ok(PublishRight::Submit)
    } else {
        Ok(PublishRight::Publish)
    }
}

/// Publishes a system's draft as its next version (or, where the agency
/// requires approval, submits it). With no draft, nothing changes.
pub async fn publish(
    storage: &Storage,
    actor: &Actor,
    id: &SystemId,
) -> Result<Published, AppError> {
    let mut tx = storage.begin().await?;
    let published = publish_in(&mut tx, actor, id).await?;
    tx.commit().await?;
    Ok(published)
}

/// [`publish`] inside a transaction the caller commits.
async fn publish_in(
    tx: &mut AnyConnection,
    actor: &Actor,
    id: &SystemId,
) -> Result<Published, AppError> {
    let agency = owner(tx, actor, id).await?;
    let right = publish_right(tx, actor, &agency).await?;
    let Some(draft) = Storage::draft(tx, id).await? else {
        return unchanged(tx, id).await;
    };
    let published = match right {
        PublishRight::Publish => publish_draft(tx, &draft).await?,
        PublishRight::Submit => {
            Storage::set_draft_state(tx, id, DraftState::Submitted, &crate::clock::now()).await?;
            Published::Submitted
        }
    };
    log_published(tx, actor, &draft, &published).await?;
    Ok(published)
}

async fn unchanged(conn: &mut AnyConnection, id: &SystemId) -> Result<Published, AppError> {
    match Storage::current_version(conn, id)
        .await?
        .and_then(|c| c.version)
    {
        Some(version) => Ok(Published::Unchanged(version)),
        None => Err(AppError::NotFound),
    }
}

async fn publish_draft(conn: &mut AnyConnection, draft: &Draft) -> Result<Published, AppError> {
    let outcome = Storage::publish(
        conn,
        &draft.system_id,
        &draft.agency,
        &draft.content,
        &draft.change_summary,
        &crate::clock::now(),
    )
    .await?;
    Storage::delete_draft(conn, &draft.system_id).await?;
    match outcome {
        PublishOutcome::New => Ok(Published::Version(1)),
        PublishOutcome::Updated(version) => Ok(Published::Version(version)),
        PublishOutcome::Unchanged => unchanged(conn, &draft.system_id).await,
    }
}

async fn log_published(
    conn: &mut AnyConnection,
    actor: &Actor,
    draft: &Draft,
    published: &Published,
) -> Result<(), AppError> {
    let (action, detail) = match published {
        Published::Version(n) => (
            "publish",
            format!("Published version {n} of “{}”", draft.content.name),
        ),
        Published::Submitted => (
            "submit",
            format!("Submitted “{}” for approval", draft.content.name),
        ),
        Published::Unchanged(n) => (
            "publish",
            format!("Nothing new to publish; version {n} stays"),
        ),
    };
    let entry = actor.log(action, Some(&draft.agency), Some(&draft.system_id), detail);
    Storage::log_write(conn, &entry).await
}
