//! `GET /api/v1/systems`: search and browse, as JSON.
//!
//! Parameters are the `/systems` page's: `q`, one or more values per facet
//! (`agency`, `stage`, `risk_level`, `topic`, `technique`, `audit`,
//! `personal_data`, `completeness`, `missing`, `review`) and `sort`
//! (`relevance`, `updated`, `name`, `completeness`); then
//! `limit` (1 to 500, 25 by default, as on the page) and `cursor`, which the answer's `next`
//! link carries. Unlike the page, the API refuses what it does not know: an
//! unknown parameter or facet value is a 400 naming it.
//!
//! Paging follows the search's order, so a write between two requests can
//! shift results by one; for a complete, stable copy take an export, and
//! follow `/api/v1/changes` from there.

use super::error::ApiError;
use crate::api::error::{ErrorEnvelope, invalid_parameters, limit_problem, parse_limit};
use crate::state::AppState;
use app::i18n::PageLanguage;
use app::record::Timestamp;
use app::register::Register;
use app::search::query::MAX_RESULT_WINDOW;
use app::search::query::shorten;
use app::search::{Facet, Hit, SearchResults, SystemQuery, snippet_html};
use axum::extract::{Extension, RawQuery, State};
use axum::response::Json;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Results per request unless `limit` says otherwise.
const LIMIT: u32 = app::search::query::PER_PAGE;

/// The answer: some hits, the total, facet counts and where to go on.
#[derive(Debug, Serialize, ToSchema)]
pub struct SystemSearchPage {
    pub hits: Vec<SystemHit>,
    /// Every system the words and filters match.
    pub total: u64,
    /// Facet → value → count, as Meilisearch's facet distribution has it.
    /// A facet's counts follow the words and the *other* facets' filters.
    #[schema(value_type = BTreeMap<String, BTreeMap<String, u64>>)]
    pub facets: BTreeMap<&'static str, BTreeMap<String, u64>>,
    pub limit: u32,
    /// The next results, or `null` after the last (searches stop after 10,000 results).
    pub next: Option<String>,
    /// When several words found nothing: the words with one left out that do
    /// find systems, most results first.
    #[schema(value_type = Vec<Object>)]
    pub suggestions: Vec<app::search::Suggestion>,
}

/// One system found.
#[derive(Debug, Serialize, ToSchema)]
pub struct SystemHit {
    pub id: String,
    pub name: String,
    /// The owning agency's slug.
    pub agency: String,
    pub agency_name: String,
    pub summary: String,
    #[schema(value_type = app::record::Stage)]
    pub stage: &'static str,
    #[schema(value_type = app::record::RiskLevel)]
    pub risk_level: &'static str,
    #[schema(value_type = app::record::Topic)]
    pub topic: &'static str,
    /// The latest audit's outcome, or `none`.
    #[schema(value_type = String)]
    pub audit: &'static str,
    /// When the current version was published.
    pub updated_at: Timestamp,
    /// Whether the record is past its review-by date.
    pub review_overdue: bool,
    /// The record's page.
    pub url: String,
    /// Field → its text or an excerpt, HTML-escaped, with matched words in
    /// `<mark>`. Only fields where the words were found; empty without `q`.
    pub highlights: BTreeMap<String, String>,
    /// The language whose translation `name` and `summary` are in, where
    /// the request asked for one (`lang`) and the agency gave it; absent
    /// where they are as the agency wrote them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_into: Option<String>,
}

impl SystemHit {
    /// A hit for a reader of `reader`: its name and summary in that
    /// language where its agency translated them (`default`: the register's).
    fn new(hit: Hit, reader: &str, default: &str) -> SystemHit {
        let (system, shown) = hit.system.for_reader(reader, default);
        SystemHit {
            translated_into: (!shown.translated.is_empty()).then(|| shown.reader.clone()),
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
            review_overdue: system.review_overdue,
            highlights: hit
                .highlights
                .iter()
                .map(|h| (h.field.clone(), snippet_html(&h.snippet)))
                .collect(),
        }
    }
}

/// What the API was asked: the search, and where in its results.
struct ApiQuery {
    query: SystemQuery,
    limit: u32,
    cursor: u32,
}

/// Reads the parameters, refusing unknown ones and unknown facet values.
async fn api_query(state: &AppState, raw: &str) -> Result<ApiQuery, ApiError> {
    read_query(state, raw, true).await
}

/// The search an export was asked for: the API's parameters without
/// `limit` and `cursor` (an export holds every system that matches).
pub(crate) async fn export_query(state: &AppState, raw: &str) -> Result<SystemQuery, ApiError> {
    Ok(read_query(state, raw, false).await?.query)
}

async fn read_query(state: &AppState, raw: &str, paged: bool) -> Result<ApiQuery, ApiError> {
    let mut problems: Vec<(String, String)> = Vec::new();
    let mut search_pairs = Vec::new();
    let mut limit = LIMIT;
    let mut cursor = 0;
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        match key.as_ref() {
            "limit" | "cursor" if !paged => problems.push((
                key.to_string(),
                format!("“{key}” pages the search API; an export holds every system that matches"),
            )),
            "limit" => match parse_limit(&value) {
                Some(n) => limit = n as u32,
                None => problems.push(("limit".into(), limit_problem(&value))),
            },
            "cursor" => match value.parse::<u32>() {
                Ok(n) if n < MAX_RESULT_WINDOW => cursor = n,
                _ => problems.push((
                    "cursor".into(),
                    format!("cursor “{}” is not one this API gave: follow the `next` link", shorten(&value)),
                )),
            },
            "page" | "per_page" if paged => problems.push((
                key.to_string(),
                format!("“{key}” is for the /systems page; the API pages with limit and cursor (follow `next`)"),
            )),
            "q" | "sort" => search_pairs.push((key.into_owned(), value.into_owned())),
            // Checked, for every API request, by `api_protocol`.
            "lang" => {}
            name if Facet::parse(name).is_some() => {
                search_pairs.push((key.into_owned(), value.into_owned()))
            }
            other => problems.push((
                other.to_string(),
                format!(
                    "Unknown parameter “{}”: the parameters are {}{}",
                    shorten(other),
                    known_parameters(),
                    if paged { ", limit and cursor" } else { "" }
                ),
            )),
        }
    }
    let (mut query, query_problems) = SystemQuery::from_pairs(search_pairs);
    problems.extend(query_problems.into_iter().map(|p| (p.field, p.message)));
    let agencies = state.storage.agency_names().await?;
    for (facet, values) in &query.filters {
        let known = facet.known_values();
        for value in values {
            let exists = match facet {
                Facet::Agency => agencies.iter().any(|(slug, _)| slug.0 == *value),
                _ => known.iter().any(|(name, _)| name == value),
            };
            if !exists {
                let detail = if *facet == Facet::Agency {
                    format!(
                        "No agency has the slug “{}” (GET /api/v1/agencies lists them)",
                        shorten(value)
                    )
                } else {
                    format!(
                        "{} “{}” is not one of: {}",
                        facet.name(),
                        shorten(value),
                        known
                            .iter()
                            .map(|(name, _)| *name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                problems.push((facet.name().to_string(), detail));
            }
        }
    }
    if !problems.is_empty() {
        return Err(invalid_parameters(problems));
    }
    query.per_page = limit;
    query.skip = Some(cursor);
    Ok(ApiQuery {
        query,
        limit,
        cursor,
    })
}

/// The search's parameters, for an unknown one's message: `q`, every
/// facet, `sort` and `lang`.
fn known_parameters() -> String {
    std::iter::once("q")
        .chain(Facet::ALL.map(Facet::name))
        .chain(["sort", "lang"])
        .collect::<Vec<_>>()
        .join(", ")
}

/// Search and browse published systems, with facet counts.
#[utoipa::path(get, path = "/api/v1/systems", tag = "systems",
    params(
        ("q" = Option<String>, Query, description = "Words to search for"),
        ("agency" = Option<Vec<String>>, Query, description = "Agency slugs (several combine with OR)"),
        ("stage" = Option<Vec<app::record::Stage>>, Query),
        ("risk_level" = Option<Vec<app::record::RiskLevel>>, Query),
        ("topic" = Option<Vec<app::record::Topic>>, Query),
        ("technique" = Option<Vec<app::record::Technique>>, Query),
        ("audit" = Option<Vec<String>>, Query, description = "An audit outcome, or `none` for never audited"),
        ("personal_data" = Option<Vec<String>>, Query, description = "`yes` or `no`"),
        ("completeness" = Option<Vec<String>>, Query, description = "`complete` (every field expected of its kind of system filled) or `incomplete`"),
        ("missing" = Option<Vec<String>>, Query, description = "An expected field the record leaves empty, by its JSON name (`contest`, `fairness`, …); several combine with OR"),
        ("review" = Option<Vec<String>>, Query, description = "`overdue` (past its review-by date) or `current`"),
        ("sort" = Option<String>, Query, description = "`relevance` (default), `updated`, `name` or `completeness` (least complete first)"),
        ("limit" = Option<u32>, Query, description = "Results per request, 1 to 500 (25)"),
        ("cursor" = Option<String>, Query, description = "Where to go on from: take it from `next`"),
        ("lang" = Option<String>, Query, description = "The language to give each system's name and summary in, where its agency translated them (`en`, `nl`); without it, `Accept-Language` decides. A language the register lacks is a 400"),
    ),
    responses((status = 200, body = SystemSearchPage), (status = 400, body = ErrorEnvelope)))]
pub async fn search(
    State(state): State<AppState>,
    Extension(asked_in): Extension<PageLanguage>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SystemSearchPage>, ApiError> {
    let raw = raw.unwrap_or_default();
    let asked = api_query(&state, &raw).await?;
    let results: SearchResults = std::sync::Arc::unwrap_or_clone(
        app::search::search_with_suggestions(state.search.as_ref(), &asked.query).await?,
    );
    let default = state.languages.default_language().code();
    let reachable = results.total.min(u64::from(MAX_RESULT_WINDOW));
    let after = u64::from(asked.cursor) + u64::from(asked.limit);
    let next = (after < reachable).then(|| {
        let mut params: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .filter(|(key, _)| key != "cursor")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        params.push(("cursor".into(), after.to_string()));
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(params);
        format!("/api/v1/systems?{}", query.finish())
    });
    Ok(Json(SystemSearchPage {
        total: results.total,
        facets: results
            .facets
            .into_iter()
            .map(|(facet, counts)| (facet.name(), counts))
            .collect(),
        hits: results
            .hits
            .into_iter()
            .map(|hit| SystemHit::new(hit, asked_in.language.code(), default))
            .collect(),
        limit: asked.limit,
        next,
        suggestions: results.fewer_words,
    }))
}
