//! `/api/v1/agencies` and `/api/v1/agencies/{slug}`: every agency with what
//! it publishes and how it answers the public.

use crate::api::error::{ApiError, ErrorEnvelope};
use crate::state::AppState;
use crate::storage::Storage;
use app::error::AppError;
use app::record::{Agency, AgencySlug};
use app::register::Register;
use axum::extract::{Path, State};
use axum::response::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// An agency, with what it publishes and how it answers the public.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyEntry {
    #[serde(flatten)]
    pub agency: Agency,
    /// Published systems it owns.
    pub systems: i64,
    /// Published questions and error reports about its systems.
    pub questions: i64,
    /// How many of those have an official answer.
    pub answered: i64,
    /// Median seconds from a question's publication to its answer.
    pub median_answer_seconds: Option<i64>,
    /// This agency as JSON.
    pub url: String,
    /// Its systems, as JSON.
    pub systems_url: String,
    /// Its changes, as an Atom feed.
    pub feed_url: String,
}

/// `GET /api/v1/agencies`.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyList {
    pub agencies: Vec<AgencyEntry>,
}

async fn agency_entries(
    storage: &Storage,
    slug: Option<&AgencySlug>,
) -> Result<Vec<AgencyEntry>, AppError> {
    let agencies = match slug {
        Some(slug) => storage.agency(slug).await?.into_iter().collect(),
        None => storage.agencies().await?,
    };
    let stats = storage.answer_stats(slug).await?;
    Ok(agencies
        .into_iter()
        .map(|counted| {
            let slug = counted.agency.slug.0.clone();
            let answers = stats.iter().find(|s| s.agency == counted.agency.slug);
            AgencyEntry {
                systems: counted.systems,
                questions: answers.map_or(0, |s| s.items),
                answered: answers.map_or(0, |s| s.answered),
                median_answer_seconds: answers.and_then(|s| s.median_seconds),
                url: format!("/api/v1/agencies/{slug}"),
                systems_url: format!("/api/v1/systems?agency={slug}"),
                feed_url: format!("/agencies/{slug}/feed.atom"),
                agency: counted.agency,
            }
        })
        .collect())
}

/// Every agency, by name.
#[utoipa::path(get, path = "/api/v1/agencies", tag = "agencies",
    responses((status = 200, body = AgencyList)))]
pub async fn agencies(State(state): State<AppState>) -> Result<Json<AgencyList>, ApiError> {
    Ok(Json(AgencyList {
        agencies: agency_entries(&state.storage, None).await?,
    }))
}

/// One agency.
#[utoipa::path(get, path = "/api/v1/agencies/{slug}", tag = "agencies",
    params(("slug" = String, Path, description = "The agency's slug")),
    responses((status = 200, body = AgencyEntry), (status = 404, body = ErrorEnvelope)))]
pub async fn agency(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<AgencyEntry>, ApiError> {
    let found = agency_entries(&state.storage, Some(&AgencySlug(slug))).await?;
    found
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| AppError::NotFound.into())
}
