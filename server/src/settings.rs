//! `POST /manage/settings`: the register settings an admin may change, in
//! one form. Feedback: moderation, the reports that hide a comment, how
//! long reply emails are kept, the rate limit, when an unanswered question
//! is in its agency's reminder. Oversight: the review
//! periods and the plain-language target of the system form.

use crate::forms::{SignedForm, see_other, show_problem};
use crate::publishing::{Actor, Person};
use crate::state::AppState;
use crate::storage::Storage;
use app::error::AppError;
use app::feedback::{FeedbackSettings, Moderation};
use app::i18n::{t_in, t_with_in};
use app::record::{OversightSettings, Role};
use axum::extract::State;
use axum::response::Response;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// The handler: back to the page, or the page again with the problems.
pub async fn change_settings(State(state): State<AppState>, form: SignedForm) -> Response {
    let person = form.person();
    match change(&state.storage, &person, &form.fields).await {
        Ok(()) => see_other(crate::languages::of(&form.parts).href("/manage/settings")),
        Err(error) => {
            show_problem(&state, form.parts, "/manage/settings", error, &form.fields).await
        }
    }
}

/// An admin changes the settings; every value is checked first, and its
/// problems are told in the admin's language. Changed review periods are
/// applied to every record after the commit, in the background.
pub async fn change(
    storage: &Storage,
    person: &Person,
    fields: &[(String, String)],
) -> Result<(), AppError> {
    if person.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut form = Form {
        fields,
        language: person.language,
        problems: BTreeMap::new(),
    };
    let moderation = Moderation::parse(&form.value("moderation"));
    if moderation.is_none() {
        form.problem(
            "moderation",
            t_in(form.language, "settings-check-moderation").into_owned(),
        );
    }
    let feedback = FeedbackSettings {
        moderation: moderation.unwrap_or_default(),
        flags_to_hide: form.number("flags_to_hide", "settings-flags-to-hide", 1..=100),
        email_retention_days: form.number(
            "email_retention_days",
            "settings-email-retention",
            1..=3_650,
        ),
        submissions_per_hour: form.number(
            "submissions_per_hour",
            "settings-submissions",
            1..=10_000,
        ),
        answer_reminder_days: form.number(
            "answer_reminder_days",
            "settings-answer-reminder",
            1..=365,
        ),
    };
    let months = 1..=OversightSettings::MAX_REVIEW_MONTHS;
    let oversight = OversightSettings {
        review_months: form.number("review_months", "settings-review-months", months.clone()),
        high_risk_review_months: form.number(
            "high_risk_review_months",
            "settings-high-risk-review-months",
            months,
        ),
        reading_ease: form.number("reading_ease", "settings-reading-ease", 0..=100),
    };
    if !form.problems.is_empty() {
        return Err(AppError::Validation(form.problems));
    }
    let mut tx = storage.begin().await?;
    Storage::save_feedback_settings(&mut tx, &feedback).await?;
    Storage::save_oversight_settings(&mut tx, &oversight).await?;
    let entry = Actor::Account(person.clone()).log(
        "change_settings",
        None,
        None,
        format!(
            "moderation {}, {} reports hide, emails kept {} days, {} messages an hour, \
             questions waiting {} days are reminded; \
             review after {} months ({} when high-risk), reading ease {}",
            feedback.moderation.as_str(),
            feedback.flags_to_hide,
            feedback.email_retention_days,
            feedback.submissions_per_hour,
            feedback.answer_reminder_days,
            oversight.review_months,
            oversight.high_risk_review_months,
            oversight.reading_ease,
        ),
    );
    Storage::log_write(&mut tx, &entry).await?;
    tx.commit().await?;
    tokio::spawn(crate::oversight::apply_review_periods(storage.clone()));
    Ok(())
}

/// The sent form, and the problems found in it so far.
struct Form<'a> {
    fields: &'a [(String, String)],
    language: app::i18n::Language,
    problems: BTreeMap<String, Vec<String>>,
}

impl Form<'_> {
    fn value(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    }

    fn problem(&mut self, name: &str, message: String) {
        self.problems.entry(name.into()).or_default().push(message);
    }

    /// The whole number in field `name` within `range`; `label` is the
    /// catalogue key of the field's label on the settings page.
    fn number(&mut self, name: &str, label: &str, range: RangeInclusive<i64>) -> i64 {
        match self.value(name).parse::<i64>() {
            Ok(n) if range.contains(&n) => n,
            _ => {
                let message = t_with_in(
                    self.language,
                    "settings-check-number",
                    &[
                        ("label", t_in(self.language, label).into()),
                        ("from", (*range.start()).into()),
                        ("to", (*range.end()).into()),
                    ],
                );
                self.problem(name, message.into_owned());
                0
            }
        }
    }
}
