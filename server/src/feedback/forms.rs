//! The feedback forms over HTTP, all plain POST so they work without
//! JavaScript: a citizen's comment and flag on a system page, a moderator's
//! decision, an agency's answer and the admin's settings.
//!
//! Each goes on with a 303 redirect, or shows its page again: 422 with the
//! problems (and what was typed, never the email), 429 with `Retry-After`
//! when one client sent too many, 404 for what does not exist.

use super::{Decision, Flagged};
use crate::forms::{
    SignedForm, done_or_problem, field, public_form, render_at, see_other, show_problem,
};
use crate::state::AppState;
use crate::storage::StoredComment;
use app::error::AppError;
use app::feedback::section::FeedbackAttempt;
use app::feedback::{FeedbackInput, FeedbackOutcome, too_many_message};
use app::i18n::{Language, t_in, t_with_in};
use app::manage::FormAttempt;
use app::record::{CommentState, HideReason, SystemId};
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

/// The feedback forms that have no page at their own address.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/systems/{id}/feedback", post(send))
        .route("/systems/{id}/feedback/{comment}/flag", post(flag))
        .route("/manage/feedback/{comment}", post(moderate))
        .route("/manage/answers/{comment}", post(answer))
}

/// The system page again, with the comment form's problems or a notice.
async fn page_again(
    state: &AppState,
    parts: axum::http::request::Parts,
    system: &str,
    status: StatusCode,
    attempt: FeedbackAttempt,
) -> Response {
    render_at(state, parts, &format!("/systems/{system}"), status, attempt).await
}

/// The system page again with the rate limit's message: 429 and `Retry-After`.
async fn too_many(
    state: &AppState,
    parts: axum::http::request::Parts,
    system: &str,
    typed: FeedbackInput,
    retry_after: u64,
) -> Response {
    let attempt = FeedbackAttempt {
        typed,
        problems: Vec::new(),
        notice: Some(too_many_message(
            retry_after,
            crate::languages::of(&parts).language,
        )),
    };
    let status = StatusCode::TOO_MANY_REQUESTS;
    let mut response = page_again(state, parts, system, status, attempt).await;
    if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// `POST /systems/{id}/feedback`: a citizen's question, error report or feedback.
async fn send(
    State(state): State<AppState>,
    Path(system): Path<String>,
    request: Request,
) -> Response {
    let (parts, fields) = match public_form(request).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let input = FeedbackInput {
        kind: field(&fields, "kind"),
        body: field(&fields, "body"),
        name: field(&fields, "name"),
        email: field(&fields, "email"),
        website: field(&fields, "website"),
    };
    // Shown again if the form comes back: never the email, never the honeypot.
    let typed = FeedbackInput {
        email: String::new(),
        website: String::new(),
        ..input.clone()
    };
    let client = crate::client::of(&parts);
    let page = crate::languages::of(&parts);
    let system_id = SystemId(system.clone());
    let outcome = super::submit(
        &state.storage,
        &system_id,
        &input,
        &client,
        page.language,
        state.sends_mail,
    )
    .await;
    match outcome {
        Ok(FeedbackOutcome::Sent { state: kept, .. }) => {
            see_other(page.href(&format!("/systems/{system}?feedback={kept}#feedback")))
        }
        Ok(FeedbackOutcome::Problems(problems)) => {
            let attempt = FeedbackAttempt {
                typed,
                problems,
                notice: None,
            };
            page_again(
                &state,
                parts,
                &system,
                StatusCode::UNPROCESSABLE_ENTITY,
                attempt,
            )
            .await
        }
        Ok(FeedbackOutcome::TooMany { retry_after }) => {
            too_many(&state, parts, &system, typed, retry_after).await
        }
        Err(error) => refused(&state, parts, &system, error).await,
    }
}

/// `POST /systems/{id}/feedback/{comment}/flag`: a reader asks a moderator to look.
async fn flag(
    State(state): State<AppState>,
    Path((system, comment)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (parts, fields) = match public_form(request).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Ok(comment) = comment.parse::<i64>() else {
        return refused(&state, parts, &system, AppError::NotFound).await;
    };
    let client = crate::client::of(&parts);
    let reason = field(&fields, "reason");
    let language = crate::languages::of(&parts).language;
    match super::flag(
        &state.storage,
        &SystemId(system.clone()),
        comment,
        &reason,
        &client,
        language,
    )
    .await
    {
        Ok(Flagged::Noted) => {
            let page = crate::languages::of(&parts);
            see_other(page.href(&format!("/systems/{system}?feedback=flagged#feedback")))
        }
        Ok(Flagged::TooMany { retry_after }) => {
            too_many(
                &state,
                parts,
                &system,
                FeedbackInput::default(),
                retry_after,
            )
            .await
        }
        Err(error) => refused(&state, parts, &system, error).await,
    }
}

/// A public form refused for another reason than its fields: the page (or
/// the "not found" page) with a message in the status the error calls for.
async fn refused(
    state: &AppState,
    parts: axum::http::request::Parts,
    system: &str,
    error: AppError,
) -> Response {
    let status = error.status();
    let notice = match error {
        AppError::Validation(problems) => problems
            .into_values()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        AppError::NotFound => {
            // The system page answers 404 itself when there is no such system.
            "There is no such comment on this system.".to_string()
        }
        AppError::Internal(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        other => other.to_string(),
    };
    let attempt = FeedbackAttempt {
        notice: Some(notice),
        ..FeedbackAttempt::default()
    };
    page_again(state, parts, system, status, attempt).await
}

/// `POST /manage/feedback/{comment}`: publish it (ticking that a comment
/// flagged for personal data holds none), or hide it with a reason and a
/// note. The queue comes back saying what was done.
async fn moderate(
    State(state): State<AppState>,
    Path(comment): Path<String>,
    form: SignedForm,
) -> Response {
    let show = app::feedback::QueueFilter::parse(&form.field("show")).unwrap_or_default();
    let back = format!("/manage/feedback?show={}", show.as_str());
    let decision = match form.field("decision").as_str() {
        "publish" => Some(Decision::Publish {
            personal_data_checked: form.field("personal_data_checked") == "yes",
        }),
        "hide" => HideReason::parse(&form.field("reason")).map(|reason| Decision::Hide {
            reason,
            note: form.field("note"),
        }),
        _ => None,
    };
    let language = form.language();
    let (Ok(comment), Some(decision)) = (comment.parse::<i64>(), decision) else {
        let reasons = HideReason::ALL
            .iter()
            .map(|reason| t_in(language, reason.message_key()))
            .collect::<Vec<_>>()
            .join(", ");
        let error = AppError::Conflict(
            t_with_in(
                language,
                "moderation-choose-decision",
                &[("reasons", reasons.into())],
            )
            .into_owned(),
        );
        return show_problem(&state, form.parts, &back, error, &[]).await;
    };
    let person = form.person();
    let register_language = state.languages.default_language();
    let done = super::moderate(
        &state.storage,
        &person,
        comment,
        &decision,
        register_language,
    )
    .await
    .map(|before| moderated(language, comment, &before, &decision));
    let typed = vec![(format!("note-{comment}"), form.field("note"))];
    done_or_problem(&state, form.parts, &back, done, &typed).await
}

/// What the queue says a moderator did: "Published comment 12 (Question on
/// Benefit fraud risk scoring)."
fn moderated(
    language: Language,
    comment: i64,
    before: &StoredComment,
    decision: &Decision,
) -> String {
    let key = match decision {
        Decision::Publish { .. } => "moderation-done-published",
        Decision::Hide { .. } if before.state == CommentState::Published => {
            "moderation-done-taken-down"
        }
        Decision::Hide { .. } => "moderation-done-hidden",
    };
    let reason = match decision {
        Decision::Hide { reason, .. } => t_in(language, reason.message_key()).to_lowercase(),
        Decision::Publish { .. } => String::new(),
    };
    t_with_in(
        language,
        key,
        &[
            // The id as it is written in addresses: 1234, never 1,234.
            ("comment", comment.to_string().into()),
            ("kind", t_in(language, before.kind.message_key()).into()),
            ("system", before.system_name.clone().into()),
            ("reason", reason.into()),
        ],
    )
    .into_owned()
}

/// `POST /manage/answers/{comment}`: the agency's official answer.
async fn answer(
    State(state): State<AppState>,
    Path(comment): Path<String>,
    form: SignedForm,
) -> Response {
    let Ok(comment) = comment.parse::<i64>() else {
        return show_problem(
            &state,
            form.parts,
            "/manage/answers",
            AppError::NotFound,
            &[],
        )
        .await;
    };
    let person = form.person();
    let text = form.field("answer");
    let register_language = state.languages.default_language();
    match super::answer(&state.storage, &person, comment, &text, register_language).await {
        Ok(()) => see_other(
            crate::languages::of(&form.parts).href(&format!("/manage/answers#comment-{comment}")),
        ),
        Err(AppError::Validation(problems)) => {
            let attempt = FormAttempt {
                fields: vec![(format!("answer-{comment}"), text)],
                problems: problems.into_iter().collect(),
                add_row: None,
            };
            render_at(
                &state,
                form.parts,
                "/manage/answers",
                StatusCode::UNPROCESSABLE_ENTITY,
                attempt,
            )
            .await
        }
        Err(error) => show_problem(&state, form.parts, "/manage/answers", error, &[]).await,
    }
}
