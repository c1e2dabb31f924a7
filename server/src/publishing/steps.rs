//! The steps a draft takes after it is saved: submitted for approval,
//! discarded, approved and published; a published system retired (its
//! reviews are in `reviews.rs`).

use super::*;

/// Submits a draft for approval.
pub async fn submit(storage: &Storage, actor: &Actor, id: &SystemId) -> Result<(), AppError> {
    let mut tx = storage.begin().await?;
    let agency = owner(&mut tx, actor, id).await?;
    if !actor.writes_for(&agency) {
        return Err(AppError::Forbidden);
    }
    let Some(draft) = Storage::draft(&mut tx, id).await? else {
        return Err(AppError::Conflict(actor.words("steps-no-draft-to-submit")));
    };
    Storage::set_draft_state(&mut tx, id, DraftState::Submitted, &crate::clock::now()).await?;
    log_published(&mut tx, actor, &draft, &Published::Submitted).await?;
    tx.commit().await
}

/// Discards a system's draft: unpublished work its agency no longer wants.
/// What is published stays as it is; the audit log keeps what was discarded.
pub async fn discard(storage: &Storage, actor: &Actor, id: &SystemId) -> Result<(), AppError> {
    let mut tx = storage.begin().await?;
    let agency = owner(&mut tx, actor, id).await?;
    if !matches!(actor, Actor::Account(_)) || !actor.writes_for(&agency) {
        return Err(AppError::Forbidden);
    }
    let Some(draft) = Storage::draft(&mut tx, id).await? else {
        return Err(AppError::Conflict(actor.words("steps-no-draft-to-discard")));
    };
    Storage::delete_draft(&mut tx, id).await?;
    let detail = format!(
        "Discarded a draft of “{}” (last written by {})",
        draft.content.name, draft.author_name
    );
    Storage::log_write(
        &mut tx,
        &actor.log("discard_draft", Some(&agency), Some(id), detail),
    )
    .await?;
    tx.commit().await
}

/// Approves a submitted draft and publishes it: only an approver of the owning
/// agency who did not write the draft (the two-person rule).
pub async fn approve(
    storage: &Storage,
    actor: &Actor,
    id: &SystemId,
) -> Result<Published, AppError> {
    let mut tx = storage.begin().await?;
    let agency = owner(&mut tx, actor, id).await?;
    let is_approver = matches!(actor, Actor::Account(person) if person.role == Role::Approver);
    if !is_approver || !actor.writes_for(&agency) {
        return Err(AppError::Forbidden);
    }
    let draft = match Storage::draft(&mut tx, id).await? {
        Some(draft) if draft.state == DraftState::Submitted => draft,
        _ => {
            return Err(AppError::Conflict(actor.words("steps-no-draft-waiting")));
        }
    };
    // The two-person rule: whoever wrote the draft cannot also approve it.
    if draft.author == actor.author() {
        return Err(AppError::Forbidden);
    }
    let published = publish_draft(&mut tx, &draft).await?;
    let detail = format!(
        "Approved and published “{}” (written by {})",
        draft.content.name, draft.author_name
    );
    Storage::log_write(
        &mut tx,
        &actor.log("approve", Some(&agency), Some(id), detail),
    )
    .await?;
    tx.commit().await?;
    Ok(published)
}

/// Retires a published system: a new version with the stage `retired` (the
/// record stays public). Goes through approval like any publication. It
/// cannot be undone from the form, so it takes the retirer's confirmation.
pub async fn retire(
    storage: &Storage,
    actor: &Actor,
    id: &SystemId,
    retired_on: &str,
    confirmed: bool,
) -> Result<Published, AppError> {
    if retired_on.is_empty() {
        return Err(check::problem(
            "retired_on",
            &actor.words("steps-retired-on"),
        ));
    }
    if !check::is_date(retired_on) {
        return Err(check::problem(
            "retired_on",
            &actor.words("check-real-date"),
        ));
    }
    let mut tx = storage.begin().await?;
    let agency = owner(&mut tx, actor, id).await?;
    let right = publish_right(&mut tx, actor, &agency).await?;
    let Some(published) = Storage::published_content(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    if published.stage == Stage::Retired {
        return Err(AppError::Conflict(actor.words("steps-already-retired")));
    }
    if !confirmed {
        return Err(check::problem(
            "confirm_retire",
            &actor.words("steps-confirm-retire"),
        ));
    }
    // A draft is someone's unpublished work: retiring would replace it.
    if Storage::draft(&mut tx, id).await?.is_some() {
        return Err(AppError::Conflict(actor.words("steps-retire-draft")));
    }
    if published
        .in_use_since
        .as_deref()
        .is_some_and(|since| retired_on < since)
    {
        return Err(check::problem(
            "retired_on",
            &actor.words("check-retired-before"),
        ));
    }
    let now = crate::clock::now();
    let draft = Draft {
        system_id: id.clone(),
        agency: agency.clone(),
        content: SystemContent {
            stage: Stage::Retired,
            retired_on: Some(retired_on.to_string()),
            ..published
        },
        change_summary: "Retired.".into(),
        state: DraftState::Submitted,
        author: actor.author(),
        author_name: actor.name(),
        created_at: now.clone(),
        updated_at: now,
    };
    Storage::save_draft(&mut tx, &draft).await?;
    let outcome = match right {
        PublishRight::Publish => publish_draft(&mut tx, &draft).await?,
        PublishRight::Submit => Published::Submitted,
    };
    let detail = format!("Retired “{}” on {retired_on}", draft.content.name);
    Storage::log_write(
        &mut tx,
        &actor.log("retire", Some(&agency), Some(id), detail),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}
