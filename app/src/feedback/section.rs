//! "Questions and answers" on a system's page: the published comments with
//! the agency's official answers, a way to flag one for a moderator, and the
//! form to ask, report an error or give feedback.
//!
//! The form is a plain POST to `/systems/{id}/feedback` (the server answers
//! with a redirect back here, or this page again with the problems). With
//! JavaScript, the [`FeedbackForm`] island sends it in place.

use super::{
    FeedbackInput, FeedbackOutcome, Moderation, PublicComment, sent_message, too_many_message,
};
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
}

/// The published comments of system `id` and the rules of the form.
#[server]
pub async fn system_feedback(id: String) -> Result<RecordFeedback, ServerFnError> {
    let desk = super::feedback_desk()?;
    let comments = desk
        .published_feedback(&crate::record::SystemId(id))
        .await?;
    let settings = desk.feedback_settings().await?;
    Ok(RecordFeedback {
        comments,
        moderation: settings.moderation,
        email_retention_days: settings.email_retention_days,
    })
}

/// Sends a comment on system `system` (the island's way; the plain form posts
/// to `/systems/{id}/feedback`). Checked exactly as the form and the API are.
#[server]
pub async fn send_feedback(
    system: String,
    input: FeedbackInput,
) -> Result<FeedbackOutcome, ServerFnError> {
    let desk = super::feedback_desk()?;
    let client = super::client_address();
    let outcome = desk
        .submit(&crate::record::SystemId(system), input, &client)
        .await?;
    Ok(outcome)
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
pub fn FeedbackSection(system: String, agency_name: String) -> impl IntoView {
    let comments = Resource::new(
        {
            let system = system.clone();
            move || system.clone()
        },
        system_feedback,
    );
    let query = use_query_map();
    // After a form sent without JavaScript: the redirect says what became of it.
    let notice = query.with_untracked(|q| match q.get("feedback").as_deref() {
        Some("published") => Some(sent_message(CommentState::Published).to_string()),
        Some("pending") => Some(sent_message(CommentState::Pending).to_string()),
        Some("flagged") => {
            Some("Thank you. A moderator will look at the comment you reported.".to_string())
        }
        _ => None,
    });
    let attempt = use_context::<FeedbackAttempt>().unwrap_or_default();
    view! {
        <section class="feedback" aria-labelledby="feedback">
            <h2 id="feedback">"Questions and answers"</h2>
            {notice.map(|text| view! { <p class="notice" role="status">{text}</p> })}
            <Suspense fallback=|| view! { <p>"Loading questions…"</p> }>
                {move || {
                    let system = system.clone();
                    let agency_name = agency_name.clone();
                    let attempt = attempt.clone();
                    Suspend::new(async move {
                        let Ok(found) = comments.await else {
                            return view! {
                                <p>"The questions about this system cannot be shown right now."</p>
                            }.into_any();
                        };
                        let list = if found.comments.is_empty() {
                            view! { <p>"Nobody has asked about this system yet."</p> }.into_any()
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
                            Moderation::Pre => "A moderator reads every message before it appears.",
                            Moderation::Post => "Messages appear at once; moderators remove abuse.",
                        };
                        view! {
                            {list}
                            <h3 id="feedback-form-title">"Ask a question or report an error"</h3>
                            <p>"The agency that runs this system answers questions and error reports here, in public. "
                               {moderation}
                               " Do not write personal details such as your address, phone number or case number."</p>
                            <FeedbackForm system retention_days=found.email_retention_days
                                typed=attempt.typed problems=attempt.problems notice=attempt.notice/>
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
    let who = name.unwrap_or_else(|| "A member of the public".to_string());
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
                        <strong>{format!("Official answer from {agency_name}")}</strong>
                        " · " <DateText date=answer.answered_at.clone()/>
                        {answer.updated_at.map(|at| view! { " (updated " <DateText date=at/> ")" })}
                    </p>
                    {paragraphs(&answer.body)}
                </div>
            })}
            <details class="flag">
                <summary>"Report this comment to a moderator"</summary>
                <form method="post" action=format!("/systems/{system}/feedback/{id}/flag")>
                    <fieldset class="checkboxes">
                        <legend>"What is wrong with it?"</legend>
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
                    <button type="submit" class="secondary">"Report it"</button>
                </form>
            </details>
        </li>
    }
}

/// The form to send a comment: a plain POST form, sent in place once the
/// browser has woken the island.
#[island]
pub fn FeedbackForm(
    system: String,
    retention_days: i64,
    typed: FeedbackInput,
    problems: Vec<(String, Vec<String>)>,
    notice: Option<String>,
) -> impl IntoView {
    let first_kind = if typed.kind.is_empty() {
        FeedbackKind::Question.as_str().to_string()
    } else {
        typed.kind.clone()
    };
    let kind = RwSignal::new(first_kind.clone());
    let body = RwSignal::new(typed.body.clone());
    let name = RwSignal::new(typed.name.clone());
    let email = RwSignal::new(String::new());
    let website = RwSignal::new(String::new());
    // Problems the server found in a form sent without JavaScript: the
    // summary takes the focus as the page loads (`autofocus`), which also
    // scrolls the page to the form.
    let from_server = !problems.is_empty();
    let problems = RwSignal::new(problems);
    // A sentence for the whole form: sent, or wait, or could not send.
    let message = RwSignal::new(notice);
    let sending = RwSignal::new(false);
    // No fragment: Chromium ignores `autofocus` on a page whose address has one.
    let action = format!("/systems/{system}/feedback");
    // Effects run only in the browser, once the island is awake: tests wait for this.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        let input = FeedbackInput {
            kind: kind.get_untracked(),
            body: body.get_untracked(),
            name: name.get_untracked(),
            email: email.get_untracked(),
            website: website.get_untracked(),
        };
        let system = system.clone();
        leptos::task::spawn_local(async move {
            match send_feedback(system, input).await {
                Ok(FeedbackOutcome::Sent { state, .. }) => {
                    problems.set(Vec::new());
                    body.set(String::new());
                    email.set(String::new());
                    message.set(Some(sent_message(state).to_string()));
                    crate::browser::focus_soon("feedback-message");
                }
                Ok(FeedbackOutcome::Problems(found)) => {
                    message.set(None);
                    problems.set(found);
                    crate::browser::focus_soon("feedback-error-summary");
                }
                Ok(FeedbackOutcome::TooMany { retry_after }) => {
                    problems.set(Vec::new());
                    message.set(Some(too_many_message(retry_after)));
                }
                Err(_) => message.set(Some(
                    "Your message could not be sent just now. Please try again in a moment."
                        .to_string(),
                )),
            }
            sending.set(false);
        });
    };

    let problem = move |field: &'static str| {
        problems
            .try_with(|all| {
                all.iter()
                    .find(|(name, _)| name == field)
                    .map(|(_, messages)| messages.join(" "))
            })
            .flatten()
    };
    let described = move |field: &'static str, hint: bool| {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("feedback-{field}-hint"));
        }
        if problem(field).is_some() {
            ids.push(format!("feedback-{field}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let error_line = move |field: &'static str| {
        move || {
            problem(field).map(|text| {
                view! { <p class="error-message" id=format!("feedback-{field}-error")>{text}</p> }
            })
        }
    };

    // `try_get`: a client that goes away while its page renders disposes
    // these signals before the last reads, and `get` would panic.
    view! {
        <form method="post" action=action class="feedback-form" on:submit=on_submit novalidate=true
            aria-labelledby="feedback-form-title" data-hydrated=move || hydrated.try_get().unwrap_or_default().then_some("true")>
            <div aria-live="polite">
                {move || message.try_get().unwrap_or_default().map(|text| view! { <p class="notice" role="status" id="feedback-message" tabindex="-1">{text}</p> })}
            </div>
            {move || {
                let all = problems.try_get().unwrap_or_default();
                (!all.is_empty()).then(|| view! {
                    <div class="error-summary" role="alert" aria-labelledby="feedback-error-title" tabindex="-1"
                        id="feedback-error-summary" autofocus=from_server>
                        <h2 id="feedback-error-title">"There is a problem"</h2>
                        <ul>
                            {all.into_iter().flat_map(|(field, messages)| {
                                messages.into_iter().map(move |m| (field.clone(), m))
                            }).map(|(field, text)| view! {
                                <li><a href=format!("#feedback-{field}")>{text}</a></li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <div class="field" class:field-error=move || problem("kind").is_some()>
                <fieldset class="checkboxes" id="feedback-kind" aria-describedby=move || described("kind", false)>
                    <legend>"What is it?"</legend>
                    {error_line("kind")}
                    {FeedbackKind::ALL.iter().map(|choice| {
                        let value = choice.as_str();
                        let input_id = format!("feedback-kind-{value}");
                        view! {
                            <div class="radio">
                                <input type="radio" id=input_id.clone() name="kind" value=value
                                    checked={first_kind == value}
                                    prop:checked=move || kind.try_get().unwrap_or_default() == value
                                    on:change=move |_| kind.set(value.to_string())/>
                                <label for=input_id>{choice_label(*choice)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <div class="field" class:field-error=move || problem("body").is_some()>
                <label for="feedback-body">"Your message"</label>
                <p class="hint" id="feedback-body-hint">"Up to 2,000 characters, plain text. At most 2 links."</p>
                {error_line("body")}
                <textarea id="feedback-body" name="body" rows="6" maxlength="2000"
                    aria-describedby=move || described("body", true)
                    aria-invalid=move || problem("body").map(|_| "true")
                    prop:value=move || body.try_get().unwrap_or_default()
                    on:input=move |ev| body.set(event_target_value(&ev))
                    inner_html=crate::html::textarea_html(&typed.body)></textarea>
            </div>
            <div class="field" class:field-error=move || problem("name").is_some()>
                <label for="feedback-name">"Your name (optional)"</label>
                <p class="hint" id="feedback-name-hint">"Shown with your message. Leave it empty to appear as “A member of the public”."</p>
                {error_line("name")}
                <input type="text" id="feedback-name" name="name" maxlength="80" autocomplete="name"
                    value=typed.name.clone()
                    aria-describedby=move || described("name", true)
                    aria-invalid=move || problem("name").map(|_| "true")
                    prop:value=move || name.try_get().unwrap_or_default()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field" class:field-error=move || problem("email").is_some()>
                <label for="feedback-email">"Your email address (optional)"</label>
                <p class="hint" id="feedback-email-hint">{format!("Only if you want a reply from the agency. It is never published, and it is deleted after {retention_days} days.")}</p>
                {error_line("email")}
                <input type="email" id="feedback-email" name="email" maxlength="254" autocomplete="email" spellcheck="false"
                    aria-describedby=move || described("email", true)
                    aria-invalid=move || problem("email").map(|_| "true")
                    prop:value=move || email.try_get().unwrap_or_default()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            // The honeypot: people never see or reach it; naive bots fill it in.
            <div class="honeypot" aria-hidden="true">
                <label for="feedback-website">"Leave this field empty"</label>
                <input type="text" id="feedback-website" name="website" tabindex="-1" autocomplete="off"
                    prop:value=move || website.try_get().unwrap_or_default()
                    on:input=move |ev| website.set(event_target_value(&ev))/>
            </div>
            <button type="submit" disabled=move || sending.try_get().unwrap_or_default()>"Send"</button>
        </form>
    }
}

/// How the form offers each kind.
fn choice_label(kind: FeedbackKind) -> &'static str {
    match kind {
        FeedbackKind::Question => "A question about this system",
        FeedbackKind::Error => "An error in this record",
        FeedbackKind::Feedback => "Feedback",
    }
}
