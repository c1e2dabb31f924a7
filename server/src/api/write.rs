//! The write API for agency tooling: `POST /api/v1/systems` and
//! `PUT /api/v1/systems/{id}`, with an agency's token as
//! `Authorization: Bearer …`.
//!
//! A body is a system in the public JSON shape (see DESIGN.md), checked like
//! the `/manage` form. A draft-scope token saves drafts; a publish-scope token
//! publishes (or submits for approval where the agency requires it). Sending
//! the same body twice makes one version.

use super::{ApiError, ApiProblem};
use crate::publishing::{self, Actor, Published, Target, admin, check};
use crate::storage::TokenScope;
use crate::web::AppState;
use app::error::AppError;
use app::record::SystemId;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use serde::Serialize;

/// What a write did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WriteResult {
    pub id: String,
    /// `draft`, `submitted` (waiting for an approver) or `published`.
    #[schema(value_type = String)]
    pub state: &'static str,
    /// The published version, when the system has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// The record's public page (a 404 until it is first published).
    pub url: String,
}

/// The token a request carries, or 401.
async fn token_actor(state: &AppState, headers: &HeaderMap) -> Result<Actor, ApiError> {
    let secret = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(secret) = secret else {
        return Err(ApiError::unauthorized(
            "Send an agency's API token as “Authorization: Bearer …”",
        ));
    };
    match admin::token_for(&state.storage, secret).await? {
        Some(token) => Ok(Actor::Token(token)),
        None => Err(ApiError::unauthorized(
            "This API token is not valid: it is unknown or was revoked",
        )),
    }
}

/// The body as a checked system, or 400 (not JSON) / 422 (wrong fields).
fn system_body(body: &Bytes) -> Result<check::SystemInput, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|error| ApiError {
        status: StatusCode::BAD_REQUEST,
        problems: vec![ApiProblem {
            code: "invalid_json",
            detail: format!("The body is not valid JSON: {error}"),
            field: None,
        }],
    })?;
    Ok(check::system_input(&value)?)
}

/// Saves the draft, then publishes it when the token may.
async fn write(
    state: &AppState,
    actor: &Actor,
    target: Target,
    input: &check::SystemInput,
) -> Result<WriteResult, AppError> {
    let saved = publishing::save_draft(&state.storage, actor, &target, input).await?;
    let publishes = matches!(actor, Actor::Token(token) if token.scope == TokenScope::Publish);
    let (state_name, version) = if publishes {
        match publishing::publish(&state.storage, actor, &saved.id).await? {
            Published::Version(n) | Published::Unchanged(n) => ("published", Some(n)),
            Published::Submitted => ("submitted", published_version(state, &saved.id).await?),
        }
    } else {
        ("draft", published_version(state, &saved.id).await?)
    };
    Ok(WriteResult {
        url: format!("/systems/{}", saved.id),
        id: saved.id.0,
        state: state_name,
        version,
    })
}

async fn published_version(state: &AppState, id: &SystemId) -> Result<Option<i64>, AppError> {
    Ok(state.storage.versions(id).await?.last().map(|v| v.version))
}

/// Files a new system (an agency's token). `201 Created` with its id and `Location`.
#[utoipa::path(post, path = "/api/v1/systems", tag = "systems",
    security(("agency_token" = [])),
    request_body(content = Object, description = "A system in the public JSON shape (see docs/publishing.md), plus `agency` and `change_summary`"),
    responses((status = 201, body = WriteResult), (status = 400, body = crate::open_data::ErrorEnvelope), (status = 401, body = crate::open_data::ErrorEnvelope),
        (status = 403, body = crate::open_data::ErrorEnvelope), (status = 422, body = crate::open_data::ErrorEnvelope),))]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let actor = token_actor(&state, &headers).await?;
    let input = system_body(&body)?;
    let result = write(&state, &actor, Target::New, &input).await?;
    let location = format!("/api/v1/systems/{}", result.id);
    let mut response = (StatusCode::CREATED, Json(result)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// Replaces the whole record of an existing system (an agency's token).
#[utoipa::path(put, path = "/api/v1/systems/{id}", tag = "systems",
    security(("agency_token" = [])),
    params(("id" = String, Path, description = "The system's stable id")),
    request_body(content = Object, description = "A system in the public JSON shape (see docs/publishing.md)"),
    responses((status = 200, body = WriteResult), (status = 400, body = crate::open_data::ErrorEnvelope), (status = 401, body = crate::open_data::ErrorEnvelope),
        (status = 403, body = crate::open_data::ErrorEnvelope), (status = 422, body = crate::open_data::ErrorEnvelope), (status = 404, body = crate::open_data::ErrorEnvelope), (status = 409, body = crate::open_data::ErrorEnvelope)))]
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<WriteResult>, ApiError> {
    let actor = token_actor(&state, &headers).await?;
    let input = system_body(&body)?;
    let result = write(&state, &actor, Target::Existing(SystemId(id)), &input).await?;
    Ok(Json(result))
}
