//! Reviews through the write API, with an agency's publish-scope token:
//! `POST /api/v1/systems/{id}/reviewed` confirms a record is still right,
//! `PUT /api/v1/systems/{id}/review-by` sets an earlier review date (or goes
//! back to the register's).

use super::error::{ApiError, ApiProblem};
use super::write::token_actor;
use crate::publishing::{self, Actor};
use crate::state::AppState;
use app::error::AppError;
use app::record::{SystemId, TokenScope};
use app::register::Register;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Json;
use serde::{Deserialize, Serialize};

/// The actor of a review: a publish-scope token (403 for a draft one).
async fn publisher(state: &AppState, headers: &HeaderMap) -> Result<Actor, ApiError> {
    let actor = token_actor(state, headers).await?;
    if !matches!(&actor, Actor::Token(token) if token.scope == TokenScope::Publish) {
        return Err(AppError::Forbidden.into());
    }
    Ok(actor)
}

/// What confirming a review did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReviewResult {
    pub id: String,
    /// When the record was reviewed: now (RFC 3339, UTC).
    pub reviewed_at: Option<app::record::Timestamp>,
    /// When it is next due for review.
    pub review_by: Option<app::record::Timestamp>,
}

/// Confirms a published record is still right as it stands ("reviewed, no
/// change"), with an agency's publish-scope token: no new version, its
/// review period starts again, and the changes feed has a `reviewed` change.
/// A retired system is not reviewed (409).
#[utoipa::path(post, path = "/api/v1/systems/{id}/reviewed", tag = "systems",
    security(("agency_token" = [])),
    params(("id" = String, Path, description = "The system's stable id")),
    responses((status = 200, body = ReviewResult), (status = 401, body = crate::api::error::ErrorEnvelope),
        (status = 403, body = crate::api::error::ErrorEnvelope), (status = 404, body = crate::api::error::ErrorEnvelope),
        (status = 409, body = crate::api::error::ErrorEnvelope)))]
pub async fn reviewed(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<ReviewResult>, ApiError> {
    let actor = publisher(&state, &headers).await?;
    let id = SystemId(id);
    publishing::confirm_review(&state.storage, &actor, &id).await?;
    let system = state.storage.system(&id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(ReviewResult {
        id: id.0,
        reviewed_at: system.reviewed_at,
        review_by: system.review_by,
    }))
}

/// The review date an agency asks for.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewDate {
    /// `YYYY-MM-DD`, after today and before the register's own review date
    /// for the record; `null` goes back to the register's date.
    pub review_by: Option<String>,
}

/// Sets an earlier review date for a published record, or with
/// `{"review_by": null}` goes back to the register's (its last version or
/// review plus the register's review period). A date that is not after
/// today, or not before the register's date, is 422 naming it; a retired
/// system is not reviewed (409).
#[utoipa::path(put, path = "/api/v1/systems/{id}/review-by", tag = "systems",
    security(("agency_token" = [])),
    params(("id" = String, Path, description = "The system's stable id")),
    request_body = ReviewDate,
    responses((status = 200, body = ReviewResult), (status = 400, body = crate::api::error::ErrorEnvelope),
        (status = 401, body = crate::api::error::ErrorEnvelope), (status = 403, body = crate::api::error::ErrorEnvelope),
        (status = 404, body = crate::api::error::ErrorEnvelope), (status = 409, body = crate::api::error::ErrorEnvelope),
        (status = 422, body = crate::api::error::ErrorEnvelope)))]
pub async fn review_by(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<ReviewResult>, ApiError> {
    let actor = publisher(&state, &headers).await?;
    // An object only: serde would also read `["2027-05-01"]` as one.
    let asked = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .filter(serde_json::Value::is_object)
        .ok_or_else(|| "not a JSON object".to_string())
        .and_then(|value| {
            serde_json::from_value::<ReviewDate>(value).map_err(|error| error.to_string())
        })
        .map_err(|error| ApiError {
            status: StatusCode::BAD_REQUEST,
            problems: vec![ApiProblem {
                code: "invalid_json",
                detail: format!(
                    "The body must be {{\"review_by\": \"YYYY-MM-DD\"}} or {{\"review_by\": null}}: {error}"
                ),
                field: None,
            }],
        })?;
    let id = SystemId(id);
    let date = asked.review_by.unwrap_or_default();
    publishing::set_review_date(&state.storage, &actor, &id, &date).await?;
    let system = state.storage.system(&id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(ReviewResult {
        id: id.0,
        reviewed_at: system.reviewed_at,
        review_by: system.review_by,
    }))
}
