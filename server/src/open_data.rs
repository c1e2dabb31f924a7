//! The register as open data: agencies, the changes feed, the bulk exports,
//! Atom feeds, and the OpenAPI document and JSON Schema that describe them.
//! `docs/open-data.md` is the guide; `/open-data` is the page for people.

mod agencies;
pub mod atom;
mod changes;
pub mod csv_row;
pub mod dictionary;
pub mod export;
pub mod openapi;
pub mod statistics;

use crate::api::error::{ApiError, ErrorEnvelope, invalid_parameters};
use crate::api::protocol;
use crate::state::AppState;
use crate::storage::{Selection, Storage};
use app::error::AppError;
use app::register::Register;
use app::search::query::MAX_RESULT_WINDOW;
use app::search::query::shorten;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use export::Format;
use protocol::set;
use std::hash::{DefaultHasher, Hash, Hasher};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// How long a CDN may serve an export before asking again.
const EXPORT_CACHE_CONTROL: &str = "public, max-age=300, stale-while-revalidate=300";

/// The open data's routes (the API's protocol layers are added with the API's).
/// Each handler of the JSON API is registered once, with its OpenAPI entry
/// (`routes!`); the Atom feeds are not JSON and are not in the document.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agencies::agencies))
        .routes(routes!(agencies::agency))
        .routes(routes!(changes::changes))
        .routes(routes!(export_json))
        .routes(routes!(export_ndjson))
        .routes(routes!(export_csv))
        .routes(routes!(openapi::document))
        .routes(routes!(openapi::system_schema))
        .routes(routes!(statistics::statistics))
        .routes(routes!(statistics::statistics_csv))
        .route("/feeds/changes.atom", get(atom::register_feed))
        .route("/agencies/{slug}/feed.atom", get(atom::agency_feed))
        .route("/systems/{id}/feed.atom", get(atom::system_feed))
        .route("/feeds/topic.atom", get(atom::topic_feed))
}

/// The exports' validator: the register's last change, the agencies (their
/// names and contacts are in every record), today (whether an audit is
/// overdue changes at midnight) and the format.
async fn export_tag(
    storage: &Storage,
    format: Format,
    asked: &str,
) -> Result<(String, Option<String>), AppError> {
    let position = storage.feed_position().await?;
    let agencies = storage.agencies().await?;
    let mut hasher = DefaultHasher::new();
    position.last_seq.hash(&mut hasher);
    for counted in &agencies {
        let a = &counted.agency;
        (&a.slug.0, &a.name, &a.contact).hash(&mut hasher);
    }
    crate::clock::today().hash(&mut hasher);
    format.extension().hash(&mut hasher);
    asked.hash(&mut hasher);
    Ok((
        format!("W/\"{:016x}\"", hasher.finish()),
        position.last_changed_at,
    ))
}

/// An RFC 3339 time as an HTTP date: `Sat, 28 Nov 2026 07:00:00 GMT`.
fn http_date(timestamp: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    let moment = time::OffsetDateTime::parse(timestamp, &Rfc3339).ok()?;
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    moment.format(&format).ok()
}

/// Which systems an export of `raw` (the search API's parameters) holds:
/// facet filters are applied by the database as it reads; words are found
/// by the search engine first, up to its 10,000 results.
async fn export_selection(state: &AppState, raw: &str) -> Result<Selection, ApiError> {
    if raw.is_empty() {
        return Ok(Selection::All);
    }
    // `id=…` (repeated): these systems, as a record page links to itself.
    let (ids, others): (Vec<_>, Vec<_>) =
        form_urlencoded::parse(raw.as_bytes()).partition(|(key, _)| key == "id");
    if !ids.is_empty() {
        if let Some((key, _)) = others.first() {
            return Err(invalid_parameters(vec![(
                key.to_string(),
                "An export of systems by id takes no other parameter".to_string(),
            )]));
        }
        let mut listed = Vec::new();
        for (_, id) in ids {
            if !app::record::is_system_id(&id) {
                return Err(invalid_parameters(vec![(
                    "id",
                    format!(
                        "“{}” is not a system id: {}",
                        shorten(&id),
                        app::record::SYSTEM_ID_RULE
                    ),
                )]));
            }
            listed.push(app::record::SystemId(id.into_owned()));
        }
        return Ok(Selection::Listed(listed));
    }
    let mut query = crate::api::systems::export_query(state, raw).await?;
    if query.q.is_empty() {
        return Ok(if query.filters.is_empty() {
            Selection::All
        } else {
            Selection::Filtered(query)
        });
    }
    const PART: u32 = 500;
    let mut ids = Vec::new();
    query.per_page = PART;
    loop {
        query.skip = Some(u32::try_from(ids.len()).unwrap_or(u32::MAX));
        let found = state.search.search(&query).await?;
        if found.total > u64::from(MAX_RESULT_WINDOW) {
            return Err(invalid_parameters(vec![(
                "q",
                format!(
                    "These words match {} systems; an export of a word search holds at most {MAX_RESULT_WINDOW}: add filters, or export by filters alone",
                    found.total
                ),
            )]));
        }
        ids.extend(found.hits.iter().map(|hit| hit.system.id.clone()));
        if found.hits.len() < PART as usize || ids.len() as u64 >= found.total {
            break;
        }
    }
    Ok(Selection::Listed(ids))
}

/// What an export may be narrowed by: the search API's words and filters.
/// Without them it holds the whole register. It is always in id order.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ExportFilters {
    /// Only these systems, by id (then no other parameter)
    id: Option<Vec<String>>,
    /// Words to search for (at most 10,000 systems may match)
    q: Option<String>,
    /// Agency slugs (several combine with OR)
    agency: Option<Vec<String>>,
    stage: Option<Vec<app::record::Stage>>,
    risk_level: Option<Vec<app::record::RiskLevel>>,
    topic: Option<Vec<app::record::Topic>>,
    technique: Option<Vec<app::record::Technique>>,
    /// An audit outcome, or `none` for never audited
    audit: Option<Vec<String>>,
    /// `yes` or `no`
    personal_data: Option<Vec<String>>,
}

async fn export(
    state: AppState,
    headers: HeaderMap,
    raw: Option<String>,
    format: Format,
) -> Result<Response, ApiError> {
    let raw = raw.unwrap_or_default();
    let selection = export_selection(&state, &raw).await?;
    let (tag, last_changed) = export_tag(&state.storage, format, &raw).await?;
    let last_modified = last_changed.as_deref().and_then(http_date);
    let mut response = Response::new(Body::empty());
    set(response.headers_mut(), header::ETAG, &tag);
    if let Some(modified) = &last_modified {
        set(response.headers_mut(), header::LAST_MODIFIED, modified);
    }
    set(
        response.headers_mut(),
        header::CACHE_CONTROL,
        EXPORT_CACHE_CONTROL,
    );
    // `If-None-Match` wins over `If-Modified-Since` (RFC 9110, 13.2.2).
    let unchanged = match headers.get(header::IF_NONE_MATCH) {
        Some(asked) => protocol::matches(
            asked,
            &HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("")),
        ),
        None => headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|asked| asked.to_str().ok())
            .is_some_and(|asked| last_modified.as_deref() == Some(asked)),
    };
    if unchanged {
        return Ok(protocol::not_modified(response));
    }
    set(
        response.headers_mut(),
        header::CONTENT_TYPE,
        format.content_type(),
    );
    set(
        response.headers_mut(),
        header::CONTENT_DISPOSITION,
        &format!(
            "attachment; filename=\"{}\"",
            format.file_name(&crate::clock::today())
        ),
    );
    let mut chunks = export::start(state.storage.clone(), format, selection);
    // A receiver asked again after its end answers the end again, as a body must.
    let stream = futures_util::stream::poll_fn(move |cx| {
        chunks.poll_recv(cx).map(|chunk| {
            chunk.map(|chunk| {
                chunk
                    .map(|chunk| chunk.bytes)
                    .map_err(|error| std::io::Error::other(error.to_string()))
            })
        })
    });
    *response.body_mut() = Body::from_stream(stream);
    Ok(response)
}

/// The whole register as one JSON document: `{"exported_at", "schema", "systems": […]}`.
#[utoipa::path(get, path = "/api/v1/export.json", tag = "export",
    params(ExportFilters),
    responses((status = 200, description = "Every published system (or those the filters match), in id order", content_type = "application/json"), (status = 400, body = ErrorEnvelope), (status = 304, description = "Not modified since the ETag given")))]
pub async fn export_json(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(state, headers, raw, Format::Json).await
}

/// The whole register, one system (a `System` as in the JSON Schema) per line.
#[utoipa::path(get, path = "/api/v1/export.ndjson", tag = "export",
    params(ExportFilters),
    responses((status = 200, description = "One published system (of those the filters match) per line, in id order", content_type = "application/x-ndjson"), (status = 400, body = ErrorEnvelope), (status = 304, description = "Not modified since the ETag given")))]
pub async fn export_ndjson(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(state, headers, raw, Format::Ndjson).await
}

/// The whole register as CSV, one row per system (see the data dictionary).
#[utoipa::path(get, path = "/api/v1/export.csv", tag = "export",
    params(ExportFilters),
    responses((status = 200, description = "One row per published system (of those the filters match), in id order", content_type = "text/csv"), (status = 400, body = ErrorEnvelope), (status = 304, description = "Not modified since the ETag given")))]
pub async fn export_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(state, headers, raw, Format::Csv).await
}
