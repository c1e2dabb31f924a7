//! The register as open data: agencies, the changes feed, the bulk exports,
//! Atom feeds, and the OpenAPI document and JSON Schema that describe them.
//! `docs/open-data.md` is the guide; `/open-data` is the page for people.

pub mod atom;
pub mod csv_row;
pub mod dictionary;
pub mod export;
pub mod openapi;

use crate::api::error::{ApiError, ErrorEnvelope, invalid_parameters, limit_problem, parse_limit};
use crate::api::protocol;
use crate::state::AppState;
use crate::storage::{Change, ChangesFrom, Selection, Storage};
use app::error::AppError;
use app::record::{Agency, AgencySlug};
use app::register::Register;
use app::search::query::MAX_RESULT_WINDOW;
use app::search::query::shorten;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Json, Response};
use axum::routing::get;
use export::Format;
use protocol::set;
use serde::Serialize;
use std::hash::{DefaultHasher, Hash, Hasher};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Changes per page unless `limit` says otherwise, and the most a page may hold.
const CHANGES_PER_PAGE: i64 = 100;
/// How long a CDN may serve an export before asking again.
const EXPORT_CACHE_CONTROL: &str = "public, max-age=300, stale-while-revalidate=300";

/// The open data's routes (the API's protocol layers are added with the API's).
/// Each handler of the JSON API is registered once, with its OpenAPI entry
/// (`routes!`); the Atom feeds are not JSON and are not in the document.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(agencies))
        .routes(routes!(agency))
        .routes(routes!(changes))
        .routes(routes!(export_json))
        .routes(routes!(export_ndjson))
        .routes(routes!(export_csv))
        .routes(routes!(openapi::document))
        .routes(routes!(openapi::system_schema))
        .route("/feeds/changes.atom", get(atom::register_feed))
        .route("/agencies/{slug}/feed.atom", get(atom::agency_feed))
}

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
    let stats = crate::feedback::answer_stats(storage, slug).await?;
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

/// A page of the changes feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangePage {
    /// Oldest first.
    pub changes: Vec<Change>,
    /// Whether more changes came after this page already.
    pub has_more: bool,
    /// What to ask next: the changes after this page. Keep it and ask again
    /// later to follow the register.
    pub next: String,
}

/// What `changes` was asked.
struct ChangesQuery {
    from: ChangesFrom,
    agency: Option<String>,
    limit: i64,
}

fn changes_query(raw: &str) -> Result<ChangesQuery, ApiError> {
    let mut query = ChangesQuery {
        from: ChangesFrom::After(0),
        agency: None,
        limit: CHANGES_PER_PAGE,
    };
    let mut problems: Vec<(String, String)> = Vec::new();
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        match key.as_ref() {
            "since" => match parse_since(&value) {
                Some(from) => query.from = from,
                None => problems.push(("since".into(), format!(
                    "since “{}” is neither an RFC 3339 time (2026-11-28T07:00:00Z) nor a cursor from this feed (a whole number)",
                    shorten(&value)
                ))),
            },
            "agency" if app::record::is_slug(&value) => query.agency = Some(value.into_owned()),
            "agency" => problems.push(("agency".into(), format!("agency “{}” is not an agency's slug", shorten(&value)))),
            "limit" => match parse_limit(&value) {
                Some(limit) => query.limit = limit,
                None => problems.push(("limit".into(), limit_problem(&value))),
            },
            other => problems.push((
                other.to_string(),
                format!("Unknown parameter “{}”: the parameters are since, agency and limit", shorten(other)),
            )),
        }
    }
    if problems.is_empty() {
        Ok(query)
    } else {
        Err(invalid_parameters(problems))
    }
}

/// `since`: a cursor (`0`, `1234`) or an RFC 3339 time.
fn parse_since(value: &str) -> Option<ChangesFrom> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse().ok().map(ChangesFrom::After);
    }
    crate::clock::parse_precise(value).map(ChangesFrom::Since)
}

/// Every publication, update, retirement and audit since a time or a cursor,
/// oldest first.
#[utoipa::path(get, path = "/api/v1/changes", tag = "changes",
    params(
        ("since" = Option<String>, Query, description = "An RFC 3339 time, or the cursor of a change (`next` gives one); from the beginning when left out"),
        ("agency" = Option<String>, Query, description = "Only this agency's systems"),
        ("limit" = Option<i64>, Query, description = "Changes per page, 1 to 500 (100)"),
    ),
    responses((status = 200, body = ChangePage), (status = 400, body = ErrorEnvelope)))]
pub async fn changes(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ChangePage>, ApiError> {
    let query = changes_query(raw.as_deref().unwrap_or_default())?;
    let position = state.storage.feed_position().await?;
    if let ChangesFrom::After(seq) = query.from
        && seq > position.last_seq
    {
        return Err(invalid_parameters(vec![(
            "since",
            format!("There is no change {seq} yet: use a cursor this feed gave, or a time"),
        )]));
    }
    // One more than asked tells whether more follow.
    let mut changes = state
        .storage
        .changes(&query.from, query.agency.as_deref(), query.limit + 1)
        .await?;
    let has_more = changes.len() as i64 > query.limit;
    changes.truncate(query.limit as usize);
    let next_cursor = match (changes.last(), &query.from) {
        (Some(last), _) => last.cursor.clone(),
        (None, ChangesFrom::After(seq)) => seq.to_string(),
        // Nothing since that time yet: whatever comes next comes after the
        // last change there is now.
        (None, ChangesFrom::Since(_)) => position.last_seq.to_string(),
    };
    let mut next = form_urlencoded::Serializer::new(String::new());
    next.append_pair("since", &next_cursor);
    if let Some(agency) = &query.agency {
        next.append_pair("agency", agency);
    }
    if query.limit != CHANGES_PER_PAGE {
        next.append_pair("limit", &query.limit.to_string());
    }
    Ok(Json(ChangePage {
        changes,
        has_more,
        next: format!("/api/v1/changes?{}", next.finish()),
    }))
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
