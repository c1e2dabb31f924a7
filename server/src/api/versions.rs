//! A system and its published versions, as JSON:
//! `GET /api/v1/systems/{id}`, `…/versions` and `…/versions/{n}`.
//!
//! Only what is published: a draft is a 404 here, like an id never used.

use super::ApiError;
use crate::web::AppState;
use app::error::AppError;
use app::record::{System, SystemContent, SystemId};
use app::register::Register;
use axum::extract::{Path, State};
use axum::response::Json;
use serde::Serialize;

/// `GET /api/v1/systems/{id}`: the current version, its agency and latest audit.
pub async fn system(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<System>, ApiError> {
    let system = state.storage.system(&SystemId(id)).await?;
    system.map(Json).ok_or_else(|| AppError::NotFound.into())
}

/// One line of a system's history.
#[derive(Debug, Serialize)]
pub struct VersionLine {
    pub version: i64,
    /// RFC 3339, UTC.
    pub published_at: String,
    pub change_summary: String,
    /// This version in full.
    pub url: String,
}

/// `GET /api/v1/systems/{id}/versions`: every published version, oldest first.
#[derive(Debug, Serialize)]
pub struct VersionList {
    pub id: String,
    pub versions: Vec<VersionLine>,
}

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
            })
            .collect(),
        id: id.0,
    }))
}

/// One published version in full.
#[derive(Debug, Serialize)]
pub struct VersionRecord {
    pub id: String,
    pub agency: String,
    pub version: i64,
    /// RFC 3339, UTC.
    pub published_at: String,
    pub change_summary: String,
    #[serde(flatten)]
    pub content: SystemContent,
}

/// `GET /api/v1/systems/{id}/versions/{n}`.
pub async fn version(
    State(state): State<AppState>,
    Path((id, version)): Path<(String, String)>,
) -> Result<Json<VersionRecord>, ApiError> {
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
    Ok(Json(VersionRecord {
        id,
        agency: agency.0,
        version: info.version,
        published_at: info.published_at,
        change_summary: info.change_summary,
        content,
    }))
}
