//! Reviews of a published record by its agency: confirming it is still
//! right ("reviewed, no change"), and asking for an earlier review date.

use super::*;

/// The agency and published content of system `id`, which `actor` reviews:
/// 403 for another agency's, 404 for one not published, 409 for a retired
/// one (it is not reviewed).
async fn reviewable(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: &SystemId,
) -> Result<(AgencySlug, SystemContent), AppError> {
    let agency = owner(conn, actor, id).await?;
    if !actor.writes_for(&agency) {
        return Err(AppError::Forbidden);
    }
    let Some(content) = Storage::published_content(conn, id).await? else {
        return Err(AppError::NotFound);
    };
    if content.stage == Stage::Retired {
        return Err(AppError::Conflict(
            actor.words("steps-retired-not-reviewed"),
        ));
    }
    Ok((agency, content))
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
    let (agency, content) = reviewable(&mut tx, actor, id).await?;
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
    let (agency, content) = reviewable(&mut tx, actor, id).await?;
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
    Storage::set_agency_review_by(&mut tx, id, &content, chosen.as_deref(), &now).await?;
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
