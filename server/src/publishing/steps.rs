//! The steps a draft takes after it is saved: submitted for approval,
//! discarded, approved and published; a published system retired, or its
//! record confirmed as still right ("reviewed, no change").

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

/// Confirms a published record is still right as it stands: a review
/// without a new version. Its review period starts again, and its history
/// and the changes feed say it was reviewed. The agency's editors and
/// approvers may; like the audit log, the confirmation names who did it.
pub async fn confirm_review(
    storage: &Storage,
    actor: &Actor,
    id: &SystemId,
) -> Result<(), AppError> {
    let mut tx = storage.begin().await?;
    let agency = owner(&mut tx, actor, id).await?;
    if !actor.writes_for(&agency) {
        return Err(AppError::Forbidden);
    }
    let Some(content) = Storage::published_content(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    if content.stage == Stage::Retired {
        return Err(AppError::Conflict(
            actor.words("steps-retired-not-reviewed"),
        ));
    }
    if !Storage::record_review(&mut tx, id, &crate::clock::now()).await? {
        return Err(AppError::NotFound);
    }
    let detail = format!("Reviewed “{}”: no change", content.name);
    Storage::log_write(
        &mut tx,
        &actor.log("review", Some(&agency), Some(id), detail),
    )
    .await?;
    tx.commit().await
}

/// Sets the review date an agency chose for its published record, earlier
/// than the register's, or with an empty `date` goes back to the
/// register's. The date (`YYYY-MM-DD`) must be after today and before the
/// register's own date for the record.
pub async fn set_review_date(
    storage: &Storage,
    actor: &Actor,
    id: &SystemId,
    date: &str,
) -> Result<(), AppError> {
    let date = date.trim();
    if !date.is_empty() && !check::is_date(date) {
        return Err(check::problem("review_by", &actor.words("check-real-date")));
    }
    let mut tx = storage.begin().await?;
    let agency = owner(&mut tx, actor, id).await?;
    if !actor.writes_for(&agency) {
        return Err(AppError::Forbidden);
    }
    let Some(content) = Storage::published_content(&mut tx, id).await? else {
        return Err(AppError::NotFound);
    };
    if content.stage == Stage::Retired {
        return Err(AppError::Conflict(
            actor.words("steps-retired-not-reviewed"),
        ));
    }
    let now = crate::clock::now();
    let chosen = (!date.is_empty()).then(|| format!("{date}T00:00:00Z"));
    if let Some(chosen) = &chosen {
        if chosen.as_str() <= now.as_str() {
            return Err(check::problem(
                "review_by",
                &actor.words("steps-review-date-past"),
            ));
        }
        let register_date = Storage::period_review_by(&mut tx, id, &content).await?;
        if chosen >= &register_date {
            let words = app::i18n::t_with_in(
                actor.language(),
                "steps-review-date-later",
                &[(
                    "date",
                    app::i18n::date_words_in(actor.language(), &register_date).into(),
                )],
            );
            return Err(check::problem("review_by", &words));
        }
    }
    Storage::set_agency_review_by(&mut tx, id, chosen.as_deref(), &now).await?;
    let detail = match &chosen {
        Some(_) => format!("Review of “{}” set for {date}", content.name),
        None => format!("Review of “{}” back to the register's date", content.name),
    };
    Storage::log_write(
        &mut tx,
        &actor.log("set_review_date", Some(&agency), Some(id), detail),
    )
    .await?;
    tx.commit().await
}
