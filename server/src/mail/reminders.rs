//! The weekly mail to the people who keep the register: each editor and
//! approver is reminded of what waits in their agency (drafts submitted
//! for approval, questions unanswered for longer than the register's
//! setting, records due for review within 30 days or overdue), at most
//! once a week and only when something waits; each admin gets a summary
//! of the register's week. Each account can turn each kind off
//! (`/manage/email`).

use crate::storage::Storage;
use app::error::AppError;
use time::{Duration, OffsetDateTime};

/// The moments one run of reminders works from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderClock {
    /// The run's moment, to the microsecond: it marks the accounts it took.
    pub now: String,
    pub a_week_ago: String,
    /// A question published before this has waited too long.
    pub questions_before: String,
    /// A record due for review before this is due soon.
    pub reviews_until: String,
}

impl ReminderClock {
    /// The moments for a run at `moment`, with questions reminded after
    /// `answer_reminder_days`.
    pub fn at(moment: OffsetDateTime, answer_reminder_days: i64) -> ReminderClock {
        let stamp = crate::clock::format_timestamp;
        ReminderClock {
            now: crate::clock::format_precise(moment),
            a_week_ago: crate::clock::format_precise(moment - Duration::days(7)),
            questions_before: stamp(moment - Duration::days(answer_reminder_days)),
            reviews_until: stamp(moment + Duration::days(app::manage::REVIEW_SOON_DAYS)),
        }
    }

    /// The moments of the run that queued a message at `until` (as its
    /// `about` says), or `None` if `until` is not a time.
    pub fn of_run(until: &str, answer_reminder_days: i64) -> Option<ReminderClock> {
        let moment =
            OffsetDateTime::parse(until, &time::format_description::well_known::Rfc3339).ok()?;
        Some(ReminderClock::at(moment, answer_reminder_days))
    }
}

/// Queues the reminders and summaries due at `moment`, written in
/// `language` (accounts have none of their own). Returns how many of each.
pub async fn queue_due(
    storage: &Storage,
    moment: OffsetDateTime,
    language: &str,
) -> Result<(u64, u64), AppError> {
    let days = storage.feedback_settings().await?.answer_reminder_days;
    let clock = ReminderClock::at(moment, days);
    let reminders = storage
        .queue_reminders(
            &clock.now,
            &clock.a_week_ago,
            &clock.questions_before,
            &clock.reviews_until,
            language,
        )
        .await?;
    let summaries = storage
        .queue_summaries(&clock.now, &clock.a_week_ago, language)
        .await?;
    Ok((reminders, summaries))
}

/// Queues the reminders and summaries due, now and every ten minutes, for
/// as long as the server runs. Only an instance with a mail server runs
/// it: weekly news kept back for a mail server that may never come would
/// be stale when it did.
pub async fn queue_regularly(storage: Storage, language: app::i18n::Language) {
    loop {
        let now = OffsetDateTime::now_utc();
        match queue_due(&storage, now, language.code()).await {
            Ok((0, 0)) => {}
            Ok((reminders, summaries)) => {
                tracing::info!(reminders, summaries, "queued reminders and summaries")
            }
            Err(error) => tracing::warn!(%error, "could not queue the reminders"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_reads_back_the_moments_it_queued_with() {
        let moment = time::macros::datetime!(2026-12-04 10:00:00.25 UTC);
        let clock = ReminderClock::at(moment, 14);
        assert_eq!(clock.now, "2026-12-04T10:00:00.250000Z");
        assert_eq!(clock.a_week_ago, "2026-11-27T10:00:00.250000Z");
        assert_eq!(clock.questions_before, "2026-11-20T10:00:00Z");
        assert_eq!(clock.reviews_until, "2027-01-03T10:00:00Z");
        assert_eq!(ReminderClock::of_run(&clock.now, 14), Some(clock));
        assert_eq!(ReminderClock::of_run("not a time", 14), None);
    }
}
