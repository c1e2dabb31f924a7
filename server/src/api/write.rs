//! The write API for agency tooling: `POST /api/v1/systems` and
//! `PUT /api/v1/systems/{id}`, with an agency's token as
//! `Authorization: Bearer …` (reviews are in `reviews.rs`).
//!
//! A body is a system in the public JSON shape (see DESIGN.md), checked like
//! the `/manage` form. A draft-scope token saves drafts; a publish-scope token
//! publishes (or submits for approval where the agency requires it), in the
//! same transaction as the draft. Sending the same body twice makes one
//! version; a `POST` sent again with the same `Idempotency-Key` answers what
//! the first did and files nothing.

use super::error::{ApiError, ApiProblem};
use crate::publishing::{self, Actor, Target, Written, admin, check};
use crate::state::AppState;
use app::error::AppError;
use app::i18n::{Language, Languages, PageLanguage};
use app::record::SystemId;
use app::record::TokenScope;
use axum::body::Bytes;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};

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
pub(super) async fn token_actor(state: &AppState, headers: &HeaderMap) -> Result<Actor, ApiError> {
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

/// The body as a checked system, or 400 (not JSON) / 422 (wrong fields,
/// each problem written in the request's `language`; a record is written in
/// and translated into the register's `languages`).
fn system_body(
    body: &Bytes,
    language: Language,
    languages: &Languages,
) -> Result<check::SystemInput, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|error| ApiError {
        status: StatusCode::BAD_REQUEST,
        problems: vec![ApiProblem {
            code: "invalid_json",
            detail: format!("The body is not valid JSON: {error}"),
            field: None,
        }],
    })?;
    Ok(check::system_input(&value, language, languages)?)
}

/// The longest `Idempotency-Key` taken, in characters.
const MAX_IDEMPOTENCY_KEY: usize = 255;

/// The request's `Idempotency-Key` with a hash of what it asks (`request`,
/// its method and path, and its body), or 400 for a key
/// that is not 1 to 255 visible ASCII characters.
fn idempotency_key(
    headers: &HeaderMap,
    request: &str,
    body: &Bytes,
) -> Result<Option<crate::storage::IdempotencyKey>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default().trim();
    if key.is_empty()
        || key.len() > MAX_IDEMPOTENCY_KEY
        || !key.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(ApiError::invalid_parameter(
            "Idempotency-Key",
            format!("Must be 1 to {MAX_IDEMPOTENCY_KEY} visible ASCII characters, such as a UUID"),
        ));
    }
    Ok(Some(crate::storage::IdempotencyKey {
        key: key.to_string(),
        request_hash: crate::storage::hex(
            &Sha256::new()
                .chain_update(request.as_bytes())
                .chain_update(b"\n")
                .chain_update(body)
                .finalize(),
        ),
    }))
}

/// Saves the draft and, when the token may, publishes it: one transaction.
async fn write(
    state: &AppState,
    actor: &Actor,
    target: Target,
    input: &check::SystemInput,
    idempotency: Option<&crate::storage::IdempotencyKey>,
) -> Result<(WriteResult, bool), AppError> {
    let publishes = matches!(actor, Actor::Token(token) if token.scope == TokenScope::Publish);
    let written = publishing::write_system(
        &state.storage,
        actor,
        &target,
        input,
        publishes,
        idempotency,
    )
    .await?;
    let (outcome, again) = match written {
        Written::Done(outcome) => (outcome, false),
        Written::Again(outcome) => (outcome, true),
    };
    Ok((
        WriteResult {
            url: format!("/systems/{}", outcome.id),
            id: outcome.id.0,
            state: outcome.state.as_str(),
            version: outcome.version,
        },
        again,
    ))
}

/// Files a new system (an agency's token). `201 Created` with its id and `Location`.
#[utoipa::path(post, path = "/api/v1/systems", tag = "systems",
    security(("agency_token" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string (a UUID): sent again with the same body, the request answers what it did the first time and files nothing")),
    request_body(content = Object, description = "A system in the public JSON shape (see docs/publishing.md), plus `agency` and `change_summary`"),
    responses((status = 201, body = WriteResult), (status = 400, body = crate::api::error::ErrorEnvelope), (status = 401, body = crate::api::error::ErrorEnvelope),
        (status = 403, body = crate::api::error::ErrorEnvelope), (status = 422, body = crate::api::error::ErrorEnvelope),))]
pub async fn create(
    State(state): State<AppState>,
    Extension(asked): Extension<PageLanguage>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let actor = token_actor(&state, &headers).await?;
    let key = idempotency_key(&headers, "POST /api/v1/systems", &body)?;
    let input = system_body(&body, asked.language, &state.languages)?;
    let (result, again) = write(&state, &actor, Target::New, &input, key.as_ref()).await?;
    let location = format!("/api/v1/systems/{}", result.id);
    let mut response = (StatusCode::CREATED, Json(result)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    if again {
        // Says that this answer was given before, to the same key and body.
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

/// Replaces the whole record of an existing system (an agency's token).
#[utoipa::path(put, path = "/api/v1/systems/{id}", tag = "systems",
    security(("agency_token" = [])),
    params(("id" = String, Path, description = "The system's stable id")),
    request_body(content = Object, description = "A system in the public JSON shape (see docs/publishing.md)"),
    responses((status = 200, body = WriteResult), (status = 400, body = crate::api::error::ErrorEnvelope), (status = 401, body = crate::api::error::ErrorEnvelope),
        (status = 403, body = crate::api::error::ErrorEnvelope), (status = 422, body = crate::api::error::ErrorEnvelope), (status = 404, body = crate::api::error::ErrorEnvelope), (status = 409, body = crate::api::error::ErrorEnvelope)))]
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(asked): Extension<PageLanguage>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<WriteResult>, ApiError> {
    let actor = token_actor(&state, &headers).await?;
    let key = idempotency_key(&headers, &format!("PUT /api/v1/systems/{id}"), &body)?;
    let input = system_body(&body, asked.language, &state.languages)?;
    let target = Target::Existing(SystemId(id));
    let (result, _) = write(&state, &actor, target, &input, key.as_ref()).await?;
    Ok(Json(result))
}
