//! `GET /api/v1/systems`: search and browse, as JSON.
//!
//! Parameters are the `/systems` page's: `q`, one or more values per facet
//! (`agency`, `stage`, `risk_level`, `topic`, `technique`, `audit`,
//! `personal_data`), `sort` (`relevance`, `updated`, `name`), `page` and
//! `per_page` (1 to 100).

use super::ApiError;
use crate::web::AppState;
use app::search::{Hit, SearchResults, SystemQuery, snippet_html};
use axum::extract::{RawQuery, State};
use axum::response::Json;
use serde::Serialize;
use std::collections::BTreeMap;

/// The answer: one page of hits, the total, facet counts and paging.
#[derive(Debug, Serialize)]
pub struct SystemSearchPage {
    pub hits: Vec<SystemHit>,
    /// Every system the words and filters match, on all pages.
    pub total: u64,
    /// Facet → value → count, as Meilisearch's facet distribution has it.
    /// A facet's counts follow the words and the *other* facets' filters.
    pub facets: BTreeMap<&'static str, BTreeMap<String, u64>>,
    pub page: u32,
    pub per_page: u32,
    /// Pages that can be fetched (paging stops after 10,000 results).
    pub pages: u32,
    /// When several words found nothing: the words with one left out that do
    /// find systems, most results first.
    pub suggestions: Vec<app::search::Suggestion>,
}

/// One system found.
#[derive(Debug, Serialize)]
pub struct SystemHit {
    pub id: String,
    pub name: String,
    /// The owning agency's slug.
    pub agency: String,
    pub agency_name: String,
    pub summary: String,
    pub stage: &'static str,
    pub risk_level: &'static str,
    pub topic: &'static str,
    /// The latest audit's outcome, or `none`.
    pub audit: &'static str,
    /// When the current version was published (RFC 3339).
    pub updated_at: String,
    /// The record's page.
    pub url: String,
    /// Field → its text or an excerpt, HTML-escaped, with matched words in
    /// `<mark>`. Only fields where the words were found; empty without `q`.
    pub highlights: BTreeMap<String, String>,
}

impl SystemHit {
    fn new(hit: Hit) -> SystemHit {
        let system = hit.system;
        SystemHit {
            url: format!("/systems/{}", system.id),
            id: system.id.0,
            name: system.name,
            agency: system.agency.0,
            agency_name: system.agency_name,
            summary: system.summary,
            stage: system.stage.as_str(),
            risk_level: system.risk_level.as_str(),
            topic: system.topic.as_str(),
            audit: system.audit.map_or("none", |outcome| outcome.as_str()),
            updated_at: system.published_at,
            highlights: hit
                .highlights
                .iter()
                .map(|h| (h.field.clone(), snippet_html(&h.snippet)))
                .collect(),
        }
    }
}

/// `GET /api/v1/systems?q=…&stage=…`
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SystemSearchPage>, ApiError> {
    let (query, problems) = SystemQuery::from_query_string(raw.as_deref().unwrap_or_default());
    if !problems.is_empty() {
        return Err(ApiError::bad_parameters(problems));
    }
    let results: SearchResults = std::sync::Arc::unwrap_or_clone(
        app::search::search_with_suggestions(state.search.as_ref(), &query).await?,
    );
    Ok(Json(SystemSearchPage {
        pages: query.last_page(results.total),
        total: results.total,
        facets: results
            .facets
            .into_iter()
            .map(|(facet, counts)| (facet.name(), counts))
            .collect(),
        hits: results.hits.into_iter().map(SystemHit::new).collect(),
        page: query.page,
        per_page: query.per_page,
        suggestions: results.fewer_words,
    }))
}
