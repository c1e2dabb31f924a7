//! Citizen feedback as JSON: `GET /api/v1/systems/{id}/feedback` lists the
//! published comments and answers (no emails, nothing about the senders);
//! `POST` sends one, checked, rate-limited and moderated exactly as the form.

use super::error::{ApiError, ApiProblem};
use crate::state::AppState;
use app::error::AppError;
use app::feedback::{
    FeedbackInput, FeedbackOutcome, PublicComment, sent_message, too_many_message,
};
use app::record::{CommentState, SystemId};
use app::register::Register;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use serde::Serialize;
use serde_json::Value;

/// The published comments of a system.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FeedbackList {
    pub system: String,
    pub feedback: Vec<PublicComment>,
}

/// The published questions, error reports and feedback on a system, oldest
/// first, with the agency's official answers. Never an email address.
#[utoipa::path(get, path = "/api/v1/systems/{id}/feedback", tag = "feedback",
    params(("id" = String, Path, description = "The system's stable id")),
    responses((status = 200, body = FeedbackList), (status = 404, body = crate::api::error::ErrorEnvelope)))]
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<FeedbackList>, ApiError> {
    let id = SystemId(id);
    if state.storage.system(&id).await?.is_none() {
        return Err(AppError::NotFound.into());
    }
    Ok(Json(FeedbackList {
        feedback: state.storage.published_comments(&id).await?,
        system: id.0,
    }))
}

/// What a sent comment became.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Sent {
    pub id: i64,
    /// `pending` (waits for a moderator) or `published`.
    pub state: CommentState,
    #[schema(value_type = String)]
    pub message: app::i18n::Text,
}

/// The fields a body may have.
const FIELDS: [&str; 4] = ["kind", "body", "name", "email"];

/// The body as the form's input, or 400 (not a JSON object) / 422 (a field
/// of the wrong type, or unknown).
fn input(body: &Bytes) -> Result<FeedbackInput, ApiError> {
    let invalid_json = |detail: String| ApiError {
        status: StatusCode::BAD_REQUEST,
        problems: vec![ApiProblem {
            code: "invalid_json",
            detail,
            field: None,
        }],
    };
    let value: Value = serde_json::from_slice(body)
        .map_err(|error| invalid_json(format!("The body is not valid JSON: {error}")))?;
    let Value::Object(object) = value else {
        return Err(invalid_json(
            "The body must be a JSON object: {\"kind\": …, \"body\": …}".into(),
        ));
    };
    let mut problems = Vec::new();
    for key in object.keys().filter(|k| !FIELDS.contains(&k.as_str())) {
        problems.push(ApiProblem {
            code: "invalid_field",
            detail: format!("Unknown field: the fields are {}", FIELDS.join(", ")),
            field: Some(key.clone()),
        });
    }
    let mut text = |name: &str| match object.get(name) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(_) => {
            problems.push(ApiProblem {
                code: "invalid_field",
                detail: "Must be a string".into(),
                field: Some(name.to_string()),
            });
            String::new()
        }
    };
    let input = FeedbackInput {
        kind: text("kind"),
        body: text("body"),
        name: text("name"),
        email: text("email"),
        website: String::new(),
    };
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            problems,
        })
    }
}

/// Sends a question, error report or feedback: `202 Accepted` when it waits
/// for a moderator, `201 Created` when published at once, `429` with
/// `Retry-After` when this client sent too many.
#[utoipa::path(post, path = "/api/v1/systems/{id}/feedback", tag = "feedback",
    params(("id" = String, Path, description = "The system's stable id")),
    request_body(content = Object, description = "`{\"kind\": \"question\"|\"error\"|\"feedback\", \"body\": \"…\", \"name\": \"…\" (optional), \"email\": \"…\" (optional, never published)}`"),
    responses(
        (status = 201, body = Sent), (status = 202, body = Sent),
        (status = 400, body = crate::api::error::ErrorEnvelope), (status = 404, body = crate::api::error::ErrorEnvelope),
        (status = 413, body = crate::api::error::ErrorEnvelope), (status = 422, body = crate::api::error::ErrorEnvelope),
        (status = 429, body = crate::api::error::ErrorEnvelope),
    ))]
pub async fn send(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    // A comment is at most a few kilobytes: anything past 64 KiB is refused unread.
    let Ok(body) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Err(ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            problems: vec![ApiProblem {
                code: "too_large",
                detail: "The body is over 64 KiB: a comment is at most 2,000 characters".into(),
                field: None,
            }],
        });
    };
    let input = input(&body)?;
    let client = crate::client::of(&parts);
    // Its problems in the language asked for (`lang`, `Accept-Language`).
    let language = crate::languages::of(&parts).language;
    let outcome = crate::feedback::submit(
        &state.storage,
        &SystemId(id),
        &input,
        &client,
        language,
        state.sends_mail,
    )
    .await?;
    Ok(match outcome {
        FeedbackOutcome::Sent { id, state } => {
            let status = if state == CommentState::Published {
                StatusCode::CREATED
            } else {
                StatusCode::ACCEPTED
            };
            let sent = Sent {
                id,
                state,
                message: sent_message(state, language),
            };
            (status, Json(sent)).into_response()
        }
        FeedbackOutcome::Problems(problems) => {
            ApiError::from(AppError::Validation(problems.into_iter().collect())).into_response()
        }
        FeedbackOutcome::TooMany { retry_after } => {
            let mut response = ApiError {
                status: StatusCode::TOO_MANY_REQUESTS,
                problems: vec![ApiProblem {
                    code: "rate_limited",
                    detail: too_many_message(retry_after, language),
                    field: None,
                }],
            }
            .into_response();
            if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
    })
}
