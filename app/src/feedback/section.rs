//! "Questions and answers" on a system's page: the published comments with
//! the agency's official answers, a way to flag one for a moderator, and the
//! form to ask, report an error or give feedback.
//!
//! The form is a plain POST to `/systems/{id}/feedback` (the server answers
//! with a redirect back here, or this page again with the problems). With
//! JavaScript, `public/feedback.js` (a few lines, no wasm) sends it in place
//! and puts the server's answer in the section's place.

use super::{FeedbackInput, Moderation, PublicComment, sent_message};
use crate::i18n::{href, language, t, t_with};
use crate::record::{CommentState, DateText, FeedbackKind, HideReason};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// What the section shows: the published comments, oldest first, and the
/// register's rules the form explains.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordFeedback {
    pub comments: Vec<PublicComment>,
    pub moderation: Moderation,
    pub email_retention_days: i64,
    /// The register sends mail: the form offers a reply by email.
    #[serde(default)]
    pub replies_by_email: bool,
}

/// The published comments of system `id` (none read when `published`, the
/// count its record was read with, is 0) and the rules of the form.
#[server]
pub async fn system_feedback(id: String, published: i64) -> Result<RecordFeedback, ServerFnError> {
    let desk = super::feedback_desk()?;
    let comments = if published > 0 {
        desk.published_feedback(&crate::record::SystemId(id))
            .await?
    } else {
        Vec::new()
    };
    let settings = desk.feedback_settings().await?;
    Ok(RecordFeedback {
        comments,
        moderation: settings.moderation,
        email_retention_days: settings.email_retention_days,
        replies_by_email: crate::mail::sends_mail(),
    })
}

/// A comment form sent back without JavaScript: what was typed (never the
/// email) and what was wrong, or the rate limit's message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackAttempt {
    pub typed: FeedbackInput,
    pub problems: Vec<(String, Vec<String>)>,
    pub notice: Option<String>,
}

/// The section under a record.
#[component]
pub fn FeedbackSection(system: String, agency_name: String, published: i64) -> impl IntoView {
    let comments = Resource::new(
        {
            let system = system.clone();
            move || (system.clone(), published)
        },
        |(system, published)| system_feedback(system, published),
    );
    let query = use_query_map();
    // After a form sent without JavaScript: the redirect says what became of it.
    let notice = query.with_untracked(|q| match q.get("feedback").as_deref() {
        Some("published") => Some(sent_message(CommentState::Published, language()).into_owned()),
        Some("pending") => Some(sent_message(CommentState::Pending, language()).into_owned()),
        Some("flagged") => Some(t("feedback-flagged").into_owned()),
        _ => None,
    });
    let attempt = use_context::<FeedbackAttempt>().unwrap_or_default();
    view! {
        <section class="feedback" aria-labelledby="feedback">
            <h2 id="feedback">{t("feedback-heading")}</h2>
            <script src="/feedback.js" defer nonce=leptos::nonce::use_nonce()></script>
            <Suspense fallback=|| view! { <p>{t("feedback-loading")}</p> }>
                {move || {
                    let system = system.clone();
                    let agency_name = agency_name.clone();
                    let attempt = attempt.clone();
                    let notice = notice.clone();
                    Suspend::new(async move {
                        let Ok(found) = comments.await else {
                            return view! {
                                <p>{t("feedback-unavailable")}</p>
                            }.into_any();
                        };
                        let list = if found.comments.is_empty() {
                            view! { <p>{t("feedback-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="comments">
                                    {found.comments.into_iter().map(|comment| view! {
                                        <Comment comment system=system.clone() agency_name=agency_name.clone()/>
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        };
                        let moderation = match found.moderation {
                            Moderation::Pre => t("feedback-moderation-pre"),
                            Moderation::Post => t("feedback-moderation-post"),
                        };
                        view! {
                            {list}
                            <h3 id="feedback-form-title">{t("feedback-form-title")}</h3>
                            <p>{t("feedback-form-intro")}" "{moderation}" "{t("feedback-form-no-personal")}</p>
                            <FeedbackForm system retention_days=found.email_retention_days replies_by_email=found.replies_by_email
                                typed=attempt.typed problems=attempt.problems notice=attempt.notice.or(notice)/>
                        }.into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}

/// Plain text as paragraphs: blank lines split them, and the text is
/// escaped like any text, so HTML in it shows as typed.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p class="plain-text">{p.to_string()}</p> })
        .collect_view()
}

#[component]
fn Comment(comment: PublicComment, system: String, agency_name: String) -> impl IntoView {
    let PublicComment {
        id,
        kind,
        body,
        name,
        published_at,
        answer,
    } = comment;
    let who = name.unwrap_or_else(|| t("feedback-anonymous").into_owned());
    let heading_id = format!("comment-{id}");
    view! {
        <li class="comment" id=heading_id.clone()>
            <p class="comment-meta">
                <span class=format!("tag kind-{kind}")>{kind.label()}</span>
                " " <span class="comment-author">{who}</span>
                " · " <DateText date=published_at.clone()/>
            </p>
            {paragraphs(&body)}
            {answer.map(|answer| view! {
                <div class="official-answer">
                    <p class="answer-from">
                        <strong>{t_with("feedback-official-answer", &[("agency", agency_name.into())])}</strong>
                        " · " <DateText date=answer.answered_at.clone()/>
                        {answer.updated_at.map(|at| view! { " ("{t("feedback-updated")}" " <DateText date=at/> ")" })}
                    </p>
                    {paragraphs(&answer.body)}
                </div>
            })}
            <details class="flag">
                <summary>{t("feedback-report")}</summary>
                <form method="post" action=href(format!("/systems/{system}/feedback/{id}/flag"))>
                    <fieldset class="checkboxes">
                        <legend>{t("feedback-report-what")}</legend>
                        {HideReason::ALL.iter().enumerate().map(|(n, reason)| {
                            let input_id = format!("flag-{id}-{reason}");
                            view! {
                                <div class="radio">
                                    <input type="radio" id=input_id.clone() name="reason" value=reason.as_str() required=true checked={n == 0}/>
                                    <label for=input_id>{reason.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button type="submit" class="secondary">{t("feedback-report-button")}</button>
                </form>
            </details>
        </li>
    }
}

/// The form to send a comment: a plain POST form, whatever the browser.
/// With JavaScript, `public/feedback.js` sends it in place: the server's
/// answer is this same section, with the confirmation (`notice`) or the
/// problems, and the script moves the focus there.
#[component]
pub fn FeedbackForm(
    system: String,
    retention_days: i64,
    /// The register sends mail: the form asks for an address for a reply.
    replies_by_email: bool,
    typed: FeedbackInput,
    problems: Vec<(String, Vec<String>)>,
    /// Sent, or wait, or could not send: a sentence for the whole form.
    notice: Option<String>,
) -> impl IntoView {
    let kind = if typed.kind.is_empty() {
        FeedbackKind::Question.as_str().to_string()
    } else {
        typed.kind.clone()
    };
    // No fragment: Chromium ignores `autofocus` on a page whose address has one.
    let action = href(format!("/systems/{system}/feedback"));
    let summary =
        (!problems.is_empty()).then(|| view! { <ProblemSummary problems=problems.clone()/> });
    let problems = FieldProblems(problems);
    view! {
        <form method="post" action=action class="feedback-form" novalidate=true aria-labelledby="feedback-form-title">
            {notice.map(|text| view! { <p class="notice" role="status" id="feedback-message" tabindex="-1">{text}</p> })}
            {summary}
            <div class="field" class:field-error=problems.has("kind")>
                <fieldset class="checkboxes" id="feedback-kind" aria-describedby=problems.described("kind", false)>
                    <legend>{t("feedback-kind")}</legend>
                    {problems.error_line("kind")}
                    {FeedbackKind::ALL.iter().map(|choice| {
                        let value = choice.as_str();
                        let input_id = format!("feedback-kind-{value}");
                        view! {
                            <div class="radio">
                                <input type="radio" id=input_id.clone() name="kind" value=value checked=kind == value/>
                                <label for=input_id>{choice_label(*choice)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <div class="field" class:field-error=problems.has("body")>
                <label for="feedback-body">{t("feedback-body")}</label>
                <p class="hint" id="feedback-body-hint">{t("feedback-body-hint")}</p>
                {problems.error_line("body")}
                <textarea id="feedback-body" name="body" rows="6" maxlength="2000"
                    aria-describedby=problems.described("body", true) aria-invalid=problems.invalid("body")
                    inner_html=crate::html::textarea_html(&typed.body)></textarea>
            </div>
            <div class="field" class:field-error=problems.has("name")>
                <label for="feedback-name">{t("feedback-name")}</label>
                <p class="hint" id="feedback-name-hint">{t("feedback-name-hint")}</p>
                {problems.error_line("name")}
                <input type="text" id="feedback-name" name="name" maxlength="80" autocomplete="name"
                    value=typed.name.clone()
                    aria-describedby=problems.described("name", true) aria-invalid=problems.invalid("name")/>
            </div>
            // A reply by email only where the register sends mail (or to
            // show why an address sent anyway was refused).
            {(replies_by_email || problems.has("email")).then(|| view! {
                <div class="field" class:field-error=problems.has("email")>
                    <label for="feedback-email">{t("feedback-email")}</label>
                    <p class="hint" id="feedback-email-hint">{t_with("feedback-email-hint", &[("days", retention_days.into())])}</p>
                    {problems.error_line("email")}
                    <input type="email" id="feedback-email" name="email" maxlength="254" autocomplete="email" spellcheck="false"
                        aria-describedby=problems.described("email", true) aria-invalid=problems.invalid("email")/>
                </div>
            })}
            // The honeypot: people never see or reach it; naive bots fill it in.
            <div class="honeypot" aria-hidden="true">
                <label for="feedback-website">{t("feedback-honeypot")}</label>
                <input type="text" id="feedback-website" name="website" tabindex="-1" autocomplete="off"/>
            </div>
            <button type="submit">{t("feedback-send")}</button>
        </form>
    }
}

/// Problems found in a form sent without JavaScript: the summary takes the
/// focus as the page loads, which also scrolls the page to the form.
#[component]
fn ProblemSummary(problems: Vec<(String, Vec<String>)>) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" aria-labelledby="feedback-error-title" tabindex="-1"
            id="feedback-error-summary" autofocus=true>
            <h2 id="feedback-error-title">{t("form-problem")}</h2>
            <ul>
                {problems.iter().flat_map(|(field, messages)| {
                    messages.iter().map(move |m| (field.clone(), m.clone()))
                }).map(|(field, text)| view! {
                    <li><a href=format!("#feedback-{field}")>{text}</a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The problems of a sent form, by field: what each field's error line,
/// `aria-describedby` and `aria-invalid` say.
struct FieldProblems(Vec<(String, Vec<String>)>);

impl FieldProblems {
    fn of(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, messages)| messages.join(" "))
    }

    fn has(&self, field: &str) -> bool {
        self.of(field).is_some()
    }

    /// The ids of the field's hint (if it has one) and error line.
    fn described(&self, field: &str, hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("feedback-{field}-hint"));
        }
        if self.has(field) {
            ids.push(format!("feedback-{field}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn error_line(&self, field: &str) -> Option<impl IntoView + use<>> {
        self.of(field).map(|text| {
            let id = format!("feedback-{field}-error");
            view! { <p class="error-message" id=id>{text}</p> }
        })
    }

    fn invalid(&self, field: &str) -> Option<&'static str> {
        self.has(field).then_some("true")
    }
}

/// How the form offers each kind.
fn choice_label(kind: FeedbackKind) -> crate::i18n::Text {
    match kind {
        FeedbackKind::Question => t("feedback-kind-question"),
        FeedbackKind::Error => t("feedback-kind-error"),
        FeedbackKind::Feedback => t("feedback_kind-feedback"),
    }
}
