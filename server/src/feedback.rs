//! Citizen feedback: every write a comment goes through.
//!
//! | action | who |
//! |---|---|
//! | send a comment, flag a published one | anyone, within the rate limit |
//! | publish or hide a comment | moderators and admins |
//! | answer a published question or error report | editors and approvers of the owning agency |
//! | change the feedback settings | admins |
//!
//! Clients are known only by a hash of their address with the day's salt
//! (shared by every instance through the database, replaced daily): enough
//! for the rate limit and for one flag per client, never the address itself.
//! Emails left for a reply are deleted after the retention period by
//! [`tidy_hourly`].

pub mod check;
pub mod forms;
mod retention;

use crate::publishing::check::problem;
use crate::publishing::{Actor, Person};
use crate::storage::{MailKind, NewComment, Storage, StoredComment};
use app::error::AppError;
use app::feedback::{
    AnswerStats, ClientAddress, FeedbackInput, FeedbackOutcome, FeedbackSettings, Moderation,
};
use app::i18n::{Language, t_in, t_with_in};
use app::record::{AgencySlug, CommentState, HideReason, Role, SystemId};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

pub use retention::{tidy, tidy_hourly};

/// A moderator's decision on a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Publish it. A comment that seems to hold personal data is published
    /// only when the moderator says they read it for that.
    Publish {
        personal_data_checked: bool,
    },
    Hide {
        reason: HideReason,
        note: String,
    },
}

/// The hash a client is known by today: its address with the day's salt.
pub(crate) async fn client_key(
    storage: &Storage,
    client: &ClientAddress,
    now: OffsetDateTime,
) -> Result<String, AppError> {
    let day = crate::clock::format_timestamp(now)[..10].to_string();
    let salt = storage
        .day_salt(&day, &crate::accounts::random_token())
        .await?;
    let digest = Sha256::digest(format!("{salt}\n{}", client.0).as_bytes());
    Ok(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
}

/// The clock hour the rate limit counts in, and the seconds until it ends.
fn rate_window(now: OffsetDateTime) -> (String, u64) {
    let stamp = crate::clock::format_timestamp(now);
    let into_hour = u64::from(now.minute()) * 60 + u64::from(now.second());
    (stamp[..13].to_string(), 3_600 - into_hour)
}

/// Counts one submission or flag of `client` in this hour. Over the limit,
/// the seconds until the next hour (and the count is undone with the
/// transaction).
pub(crate) async fn over_limit(
    tx: &mut crate::storage::WriteTransaction,
    client: &str,
    settings: &FeedbackSettings,
    now: OffsetDateTime,
) -> Result<Option<u64>, AppError> {
    let (hour, retry_after) = rate_window(now);
    let count = Storage::count_submission(tx, client, &hour).await?;
    Ok((count > settings.submissions_per_hour).then_some(retry_after))
}

/// Checks and stores a citizen's comment on a published system, written
/// in `language` (its problems are told in it, and mail answers in it). An
/// address for a reply is taken only when the register `sends_mail`.
pub async fn submit(
    storage: &Storage,
    system: &SystemId,
    input: &FeedbackInput,
    client: &ClientAddress,
    language: Language,
    sends_mail: bool,
) -> Result<FeedbackOutcome, AppError> {
    if !app::record::is_system_id(&system.0) {
        return Err(AppError::NotFound);
    }
    let now = OffsetDateTime::now_utc();
    let mut checked = match check::comment(input, language) {
        Ok(checked) => checked,
        Err(problems) => return Ok(FeedbackOutcome::Problems(problems.into_iter().collect())),
    };
    if checked.email.is_some() && !sends_mail {
        return Ok(FeedbackOutcome::Problems(vec![(
            "email".into(),
            vec![t_in(language, "feedback-check-no-mail").into_owned()],
        )]));
    }
    let email = checked.email.take();
    let settings = storage.feedback_settings().await?;
    let client = client_key(storage, client, now).await?;
    let mut tx = storage.begin().await?;
    match Storage::current_version(&mut tx, system).await? {
        Some(current) if current.version.is_some() => {}
        _ => return Err(AppError::NotFound),
    }
    if let Some(retry_after) = over_limit(&mut tx, &client, &settings, now).await? {
        return Ok(FeedbackOutcome::TooMany { retry_after });
    }
    let key = check::body_key(&checked.body);
    let a_day_ago = crate::clock::format_timestamp(now - time::Duration::days(1));
    if Storage::recent_duplicate(&mut tx, system, &key, &a_day_ago).await? {
        return Ok(FeedbackOutcome::Problems(vec![(
            "body".into(),
            vec![t_in(language, "feedback-check-duplicate").into_owned()],
        )]));
    }
    // Post-moderation still holds back what seems to hold personal data.
    let state = if settings.moderation == Moderation::Post && !checked.personal_data_found {
        CommentState::Published
    } else {
        CommentState::Pending
    };
    let stamp = crate::clock::format_timestamp(now);
    let id = Storage::insert_comment(
        &mut tx,
        &NewComment {
            system: system.clone(),
            kind: checked.kind,
            body: checked.body,
            body_key: key,
            name: checked.name,
            email,
            language: language.code().to_string(),
            state,
            personal_data_found: checked.personal_data_found,
            now: stamp,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(FeedbackOutcome::Sent { id, state })
}

/// What flagging did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flagged {
    /// Counted (or this client had flagged it before).
    Noted,
    /// Over the rate limit: try again after this many seconds.
    TooMany { retry_after: u64 },
}

/// A reader flags a published comment of `system` for a moderator (what is
/// wrong is said in `language`). At the
/// register's threshold the comment is hidden until a moderator looks.
pub async fn flag(
    storage: &Storage,
    system: &SystemId,
    comment: i64,
    reason: &str,
    client: &ClientAddress,
    language: Language,
) -> Result<Flagged, AppError> {
    let Some(reason) = HideReason::parse(reason) else {
        let labels = HideReason::labels_in(language);
        let message = t_with_in(
            language,
            "feedback-flag-reason",
            &[("names", labels.into())],
        );
        return Err(problem("reason", &message));
    };
    let now = OffsetDateTime::now_utc();
    let settings = storage.feedback_settings().await?;
    let client = client_key(storage, client, now).await?;
    let mut tx = storage.begin().await?;
    let found = Storage::comment(&mut tx, comment).await?;
    let Some(found) = found.filter(|c| &c.system == system && c.state == CommentState::Published)
    else {
        return Err(AppError::NotFound);
    };
    if let Some(retry_after) = over_limit(&mut tx, &client, &settings, now).await? {
        return Ok(Flagged::TooMany { retry_after });
    }
    let stamp = crate::clock::format_timestamp(now);
    if Storage::add_flag(&mut tx, found.id, &client, reason, &stamp).await? {
        Storage::count_flag(&mut tx, found.id, settings.flags_to_hide).await?;
    }
    tx.commit().await?;
    Ok(Flagged::Noted)
}

/// A moderator publishes or hides a comment (a published one is taken
/// down by hiding it). Returns what the comment was before, and the audit
/// log records the decision, its reason and the moderator's note.
pub async fn moderate(
    storage: &Storage,
    person: &Person,
    comment: i64,
    decision: &Decision,
    register_language: Language,
) -> Result<StoredComment, AppError> {
    if !matches!(person.role, Role::Moderator | Role::Admin) {
        return Err(AppError::Forbidden);
    }
    let language = person.language;
    let note = match decision {
        Decision::Hide { note, .. } => check::note(note, language)
            .map_err(|wrong| problem(&format!("note-{comment}"), &wrong))?,
        Decision::Publish { .. } => None,
    };
    let mut tx = storage.begin().await?;
    let Some(found) = Storage::comment(&mut tx, comment).await? else {
        return Err(AppError::NotFound);
    };
    if let Decision::Publish {
        personal_data_checked: false,
    } = decision
        && found.personal_data_found
        && found.state != CommentState::Published
    {
        return Err(problem(
            &format!("confirm-{comment}"),
            &t_in(language, "moderation-check-personal-data"),
        ));
    }
    let now = crate::clock::now();
    let (state, reason, action) = match decision {
        Decision::Publish { .. } => (CommentState::Published, None, "publish_comment"),
        Decision::Hide { reason, .. } => (CommentState::Hidden, Some(*reason), "hide_comment"),
    };
    Storage::moderate_comment(
        &mut tx,
        comment,
        state,
        reason,
        note.as_deref(),
        &person.email,
        &now,
    )
    .await?;
    if let Some((kind, taken_down)) = asker_mail(&found, state) {
        crate::mail::queue_to_asker(&mut tx, comment, kind, taken_down, register_language, &now)
            .await?;
    }
    let mut detail = format!("comment {comment}");
    if found.state == CommentState::Published && state == CommentState::Hidden {
        detail.push_str(", taken down");
    }
    if let Some(reason) = reason {
        detail.push_str(&format!(": {}", reason.as_str()));
    }
    if let Some(note) = &note {
        detail.push_str(&format!(" ({note})"));
    }
    if found.personal_data_found && state == CommentState::Published {
        detail.push_str(", read for personal data");
    }
    let entry = Actor::Account(person.clone()).log(
        action,
        Some(&found.agency),
        Some(&found.system),
        detail,
    );
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(found)
}

/// The mail a moderator's decision sends the citizen who asked (a
/// question or error report: feedback wants no reply), and whether it
/// took a published comment down.
fn asker_mail(found: &StoredComment, state: CommentState) -> Option<(MailKind, bool)> {
    if !found.kind.wants_answer() || found.state == state {
        return None;
    }
    match state {
        CommentState::Published => Some((MailKind::CommentPublished, false)),
        CommentState::Hidden => Some((
            MailKind::CommentDeclined,
            found.state == CommentState::Published,
        )),
        CommentState::Pending => None,
    }
}

/// An editor or approver of the owning agency answers a published question
/// or error report (or changes the answer: the citizen hears of the first).
pub async fn answer(
    storage: &Storage,
    person: &Person,
    comment: i64,
    text: &str,
    register_language: Language,
) -> Result<(), AppError> {
    let language = person.language;
    let actor = Actor::Account(person.clone());
    let own_agency = actor.agency().cloned().ok_or(AppError::Forbidden)?;
    let mut tx = storage.begin().await?;
    let Some(found) = Storage::comment(&mut tx, comment).await? else {
        return Err(AppError::NotFound);
    };
    if found.agency != own_agency {
        return Err(AppError::Forbidden);
    }
    if found.state != CommentState::Published || !found.kind.wants_answer() {
        return Err(AppError::Conflict(
            t_in(language, "answers-only-published").into_owned(),
        ));
    }
    let text = check::answer(text, language)
        .map_err(|wrong| problem(&format!("answer-{comment}"), &wrong))?;
    let now = crate::clock::now();
    let first = Storage::answer_comment(&mut tx, comment, &text, &person.email, &now).await?;
    if first {
        let kind = MailKind::CommentAnswered;
        crate::mail::queue_to_asker(&mut tx, comment, kind, false, register_language, &now).await?;
        // Those who follow the system hear of the answer too.
        let about = format!("{{\"answer\":{comment},");
        Storage::queue_to_followers(&mut tx, &found.system.0, &about, &now).await?;
    }
    let entry = actor.log(
        "answer_comment",
        Some(&found.agency),
        Some(&found.system),
        format!("comment {comment}"),
    );
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// What the feedback pages read and send, from the register's database.
#[async_trait::async_trait]
impl app::feedback::FeedbackDesk for Storage {
    async fn published_feedback(
        &self,
        system: &SystemId,
    ) -> Result<Vec<app::feedback::PublicComment>, AppError> {
        self.published_comments(system).await
    }

    async fn answer_stats(
        &self,
        agency: Option<&AgencySlug>,
    ) -> Result<Vec<AnswerStats>, AppError> {
        Storage::answer_stats(self, agency).await
    }

    async fn moderation_queue(
        &self,
        filter: app::feedback::QueueFilter,
    ) -> Result<Vec<app::feedback::ModerationItem>, AppError> {
        Storage::moderation_queue(self, filter).await
    }

    async fn queue_counts(&self) -> Result<app::feedback::QueueCounts, AppError> {
        Storage::queue_counts(self).await
    }

    async fn agency_items(
        &self,
        agency: &AgencySlug,
    ) -> Result<Vec<app::feedback::AgencyItem>, AppError> {
        Storage::agency_items(self, agency, &crate::clock::now()).await
    }

    async fn feedback_settings(&self) -> Result<FeedbackSettings, AppError> {
        Storage::feedback_settings(self).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_window_is_the_clock_hour() {
        let (hour, retry_after) = rate_window(datetime!(2026-11-28 16:59:30 UTC));
        assert_eq!(hour, "2026-11-28T16");
        assert_eq!(retry_after, 30);
        assert_eq!(
            crate::clock::seconds_between("2026-11-28T16:00:00Z", "2026-11-29T16:00:30Z"),
            86_430
        );
    }
}
