//! `/manage/settings`: the register settings an admin may change, in one
//! form: when comments appear, the reports that hide one, how long reply
//! emails are kept and the rate limit; how long a record stays current
//! before its agency is due to review it; and the reading ease the system
//! form advises editors to reach.

use super::accounts::manage_title;
use super::{CsrfField, NotForYou, ProblemSummary, fields, require_sign_in};
use crate::feedback::{FeedbackSettings, Moderation, duration_words};
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with};
use crate::layout::Unavailable;
use crate::record::{OversightSettings, Role};
use leptos::prelude::*;

/// The register's settings, for admins.
#[server]
pub async fn get_settings() -> Result<(FeedbackSettings, OversightSettings), ServerFnError> {
    use crate::error::AppError;
    if super::account()?.role != Role::Admin {
        return Err(AppError::Forbidden.into());
    }
    let feedback = crate::feedback::feedback_desk()?
        .feedback_settings()
        .await?;
    let oversight = crate::register::register()?.oversight_settings().await?;
    Ok((feedback, oversight))
}

/// The review periods and plain-language target, for anyone: the open
/// data page explains them, and the system form advises against them.
#[server]
pub async fn get_oversight_settings() -> Result<OversightSettings, ServerFnError> {
    Ok(crate::register::register()?.oversight_settings().await?)
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if account.role != Role::Admin {
        return view! { <NotForYou/> }.into_any();
    }
    let settings = Resource::new(|| (), |_| get_settings());
    view! {
        <PageTitle text=manage_title(&t("settings-heading"))/>
        <ProblemSummary/>
        <p class="breadcrumbs"><a href=href("/manage")>{t("manage-breadcrumb")}</a></p>
        <h1>{t("settings-heading")}</h1>
        <Suspense fallback=|| view! { <p>{t("settings-loading")}</p> }>
            {move || {
                let account = account.clone();
                Suspend::new(async move {
                    match settings.await {
                        Ok((feedback, oversight)) => {
                            view! { <SettingsForm feedback oversight account/> }.into_any()
                        }
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SettingsForm(
    feedback: FeedbackSettings,
    oversight: OversightSettings,
    account: crate::accounts::SignedInAccount,
) -> impl IntoView {
    let sent = fields::Values::from_context();
    // What was sent, shown again with its problems; else what is stored.
    let shown = |name: &str, current: i64| {
        let value = if sent.fields.is_empty() {
            current.to_string()
        } else {
            sent.get(name)
        };
        (name.to_string(), value)
    };
    let values = fields::Values {
        fields: vec![
            shown("flags_to_hide", feedback.flags_to_hide),
            shown("email_retention_days", feedback.email_retention_days),
            shown("submissions_per_hour", feedback.submissions_per_hour),
            shown("answer_reminder_days", feedback.answer_reminder_days),
            shown("review_months", oversight.review_months),
            shown("high_risk_review_months", oversight.high_risk_review_months),
            shown("reading_ease", oversight.reading_ease),
        ],
        problems: sent.problems.clone(),
        add_row: None,
    };
    let pre = feedback.moderation == Moderation::Pre;
    let number = |name: &str, label: &str| {
        let hint = t(&format!("{label}-hint"));
        fields::input(&values, name, &t(label), &hint, "number")
    };
    view! {
        <form method="post" action=href("/manage/settings")>
            <CsrfField account/>
            <fieldset>
                <legend>{t("settings-feedback")}</legend>
                <fieldset class="checkboxes">
                    <legend>{t("settings-when")}</legend>
                    <div class="radio">
                        <input type="radio" id="moderation-pre" name="moderation" value="pre" checked=pre/>
                        <label for="moderation-pre">{t("settings-pre")}</label>
                    </div>
                    <div class="radio">
                        <input type="radio" id="moderation-post" name="moderation" value="post" checked=!pre/>
                        <label for="moderation-post">{t("settings-post")}</label>
                    </div>
                </fieldset>
                {number("flags_to_hide", "settings-flags-to-hide")}
                {number("email_retention_days", "settings-email-retention")}
                {number("submissions_per_hour", "settings-submissions")}
                {number("answer_reminder_days", "settings-answer-reminder")}
            </fieldset>
            <fieldset>
                <legend>{t("settings-oversight")}</legend>
                {number("review_months", "settings-review-months")}
                {number("high_risk_review_months", "settings-high-risk-review-months")}
                {number("reading_ease", "settings-reading-ease")}
            </fieldset>
            <button type="submit">{t("settings-save")}</button>
        </form>
        <p>{t_with(
            "settings-now",
            &[
                ("moderation", feedback.moderation.as_str().into()),
                ("flags", feedback.flags_to_hide.into()),
                ("kept", duration_words(feedback.email_retention_days * 86_400).into()),
                ("messages", feedback.submissions_per_hour.into()),
            ],
        )}</p>
        <p>{t_with(
            "settings-now-oversight",
            &[
                ("months", oversight.review_months.into()),
                ("high_risk_months", oversight.high_risk_review_months.into()),
                ("ease", oversight.reading_ease.into()),
            ],
        )}</p>
    }
}
