//! A system and its published versions, as JSON:
//! `GET /api/v1/systems/{id}`, `…/versions` and `…/versions/{n}`.
//!
//! Only what is published: a draft is a 404 here, like an id never used.

use super::error::ApiError;
use super::record::{PublicContent, PublishedSystem, PublishedVersion};
use crate::api::error::ErrorEnvelope;
use crate::state::AppState;
use app::error::AppError;
use app::i18n::PageLanguage;
use app::record::{SystemId, Timestamp};
use app::register::Register;
use axum::extract::{Extension, Path, State};
use axum::response::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// A published system: the current version, its agency and latest audit.
#[utoipa::path(get, path = "/api/v1/systems/{id}", tag = "systems",
    params(("id" = String, Path, description = "The system's stable id"),
        ("lang" = Option<String>, Query, description = "The language to read the record's texts in, where its agency translated them (`en`, `nl`); without it, `Accept-Language` decides. Every translation is in `translations` either way")),
    responses((status = 200, body = PublishedSystem), (status = 404, body = ErrorEnvelope)))]
pub async fn system(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(asked): Extension<PageLanguage>,
) -> Result<Json<PublishedSystem>, ApiError> {
    let system = state.storage.system(&SystemId(id)).await?;
    let default = state.languages.default_language().code();
    system
        .map(|system| {
            Json(PublishedSystem::for_reader(
                system,
                asked.language.code(),
                default,
            ))
        })
        .ok_or_else(|| AppError::NotFound.into())
}

/// One line of a system's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionLine {
    pub version: i64,
    pub published_at: Timestamp,
    pub change_summary: String,
    /// When the agency confirmed this version was still right without a
    /// new one ("reviewed, no change"), the latest time; `null` if never.
    pub reviewed_at: Option<Timestamp>,
    /// This version in full.
    pub url: String,
}

/// Every published version of a system, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionList {
    pub id: String,
    pub versions: Vec<VersionLine>,
}

/// Every published version of a system, oldest first.
#[utoipa::path(get, path = "/api/v1/systems/{id}/versions", tag = "systems",
    params(("id" = String, Path, description = "The system's stable id")),
    responses((status = 200, body = VersionList), (status = 404, body = ErrorEnvelope)))]
pub async fn versions(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<VersionList>, ApiError> {
    let id = SystemId(id);
    let versions = state.storage.versions(&id).await?;
    if versions.is_empty() {
        return Err(AppError::NotFound.into());
    }
    Ok(Json(VersionList {
        versions: versions
            .into_iter()
            .map(|v| VersionLine {
                url: format!("/api/v1/systems/{id}/versions/{}", v.version),
                version: v.version,
                published_at: v.published_at,
                change_summary: v.change_summary,
                reviewed_at: v.reviewed_at,
            })
            .collect(),
        id: id.0,
    }))
}

/// One published version in full, as it was published.
#[utoipa::path(get, path = "/api/v1/systems/{id}/versions/{version}", tag = "systems",
    params(
        ("id" = String, Path, description = "The system's stable id"),
        ("version" = i64, Path, description = "The version's number: 1, 2, 3…"),
    ),
    responses((status = 200, body = PublishedVersion), (status = 400, body = ErrorEnvelope), (status = 404, body = ErrorEnvelope)))]
pub async fn version(
    State(state): State<AppState>,
    Path((id, version)): Path<(String, String)>,
) -> Result<Json<PublishedVersion>, ApiError> {
    let Ok(number) = version.parse::<i64>() else {
        return Err(ApiError::invalid_parameter(
            "version",
            format!("“{version}” is not a version number: use 1, 2, 3…"),
        ));
    };
    let found = state.storage.version(&SystemId(id.clone()), number).await?;
    let Some((agency, content, info)) = found else {
        return Err(AppError::NotFound.into());
    };
    Ok(Json(PublishedVersion {
        id,
        agency: agency.0,
        version: info.version,
        published_at: info.published_at,
        change_summary: info.change_summary,
        content: PublicContent::new(content),
    }))
}
