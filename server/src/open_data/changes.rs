//! `/api/v1/changes`: every change to the register, oldest first, from a
//! cursor or a time.

use crate::api::error::{ApiError, ErrorEnvelope, invalid_parameters, limit_problem, parse_limit};
use crate::state::AppState;
use crate::storage::{Change, ChangesFrom};
use app::i18n::PageLanguage;
use app::search::query::shorten;
use axum::extract::{Extension, RawQuery, State};
use axum::response::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// Changes per page unless `limit` says otherwise, and the most a page may hold.
const CHANGES_PER_PAGE: i64 = 100;

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
            // Checked, for every API request, by `api_protocol`.
            "lang" => {}
            other => problems.push((
                other.to_string(),
                format!("Unknown parameter “{}”: the parameters are since, agency, limit and lang", shorten(other)),
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

/// Every publication, update, retirement, audit and review since a time or a cursor,
/// oldest first.
#[utoipa::path(get, path = "/api/v1/changes", tag = "changes",
    params(
        ("since" = Option<String>, Query, description = "An RFC 3339 time, or the cursor of a change (`next` gives one); from the beginning when left out"),
        ("agency" = Option<String>, Query, description = "Only this agency's systems"),
        ("limit" = Option<i64>, Query, description = "Changes per page, 1 to 500 (100)"),
        ("lang" = Option<String>, Query, description = "The language to write systems' names in, where their agencies translated them (`en`, `nl`); without it, `Accept-Language` decides"),
    ),
    responses((status = 200, body = ChangePage), (status = 400, body = ErrorEnvelope)))]
pub async fn changes(
    State(state): State<AppState>,
    Extension(asked): Extension<PageLanguage>,
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
    for change in &mut changes {
        change.name_in(asked.language.code());
    }
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
    // The next page in the language this one was asked in.
    let lang = form_urlencoded::parse(raw.as_deref().unwrap_or_default().as_bytes())
        .find(|(name, _)| name == "lang");
    if let Some((_, lang)) = lang {
        next.append_pair("lang", &lang);
    }
    Ok(Json(ChangePage {
        changes,
        has_more,
        next: format!("/api/v1/changes?{}", next.finish()),
    }))
}
