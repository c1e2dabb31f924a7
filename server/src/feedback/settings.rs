//! The feedback settings an admin may change: moderation, the reports that
//! hide a comment, how long reply emails are kept, the rate limit.

use super::check;
use crate::publishing::{Actor, Person};
use crate::storage::Storage;
use app::error::AppError;
use app::feedback::{FeedbackSettings, Moderation};
use app::i18n::{t_in, t_with_in};
use app::record::Role;

/// An admin changes the feedback settings; every value is checked first, and
/// its problems are told in the admin's language.
pub async fn change_settings(
    storage: &Storage,
    person: &Person,
    fields: &[(String, String)],
) -> Result<FeedbackSettings, AppError> {
    if person.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let value = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let language = person.language;
    let mut problems = check::Problems::new();
    let moderation = Moderation::parse(&value("moderation"));
    if moderation.is_none() {
        problems
            .entry("moderation".into())
            .or_default()
            .push(t_in(language, "settings-check-moderation").into_owned());
    }
    // `label` is the catalogue key of the field's label on the settings page.
    let mut number =
        |name: &str, label: &str, range: std::ops::RangeInclusive<i64>| match value(name)
            .parse::<i64>()
        {
            Ok(n) if range.contains(&n) => n,
            _ => {
                let message = t_with_in(
                    language,
                    "settings-check-number",
                    &[
                        ("label", t_in(language, label).into()),
                        ("from", (*range.start()).into()),
                        ("to", (*range.end()).into()),
                    ],
                );
                problems
                    .entry(name.into())
                    .or_default()
                    .push(message.into_owned());
                0
            }
        };
    let settings = FeedbackSettings {
        moderation: moderation.unwrap_or_default(),
        flags_to_hide: number("flags_to_hide", "settings-flags-to-hide", 1..=100),
        email_retention_days: number(
            "email_retention_days",
            "settings-email-retention",
            1..=3_650,
        ),
        submissions_per_hour: number("submissions_per_hour", "settings-submissions", 1..=10_000),
    };
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    let mut tx = storage.begin().await?;
    Storage::save_feedback_settings(&mut tx, &settings).await?;
    let entry = Actor::Account(person.clone()).log(
        "change_feedback_settings",
        None,
        None,
        format!(
            "moderation {}, {} reports hide, emails kept {} days, {} messages an hour",
            settings.moderation.as_str(),
            settings.flags_to_hide,
            settings.email_retention_days,
            settings.submissions_per_hour
        ),
    );
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(settings)
}
