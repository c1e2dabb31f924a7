//! Atom feeds of the changes feed: `/feeds/changes.atom` for the whole
//! register or (with the search page's parameters) one search,
//! `/agencies/{slug}/feed.atom` for one agency. The newest
//! [`ENTRIES`] changes, for feed readers; the JSON feed has them all.
//! `?lang=nl` (or `Accept-Language`) writes a feed's words in that language
//! and links to the pages in it.

use crate::api::error::ApiError;
use crate::config::PublicUrl;
use crate::state::AppState;
use crate::storage::{Change, ChangeKind, ChangesOf};
use app::error::AppError;
use app::i18n::{PageLanguage, t_in, t_with_in};
use app::mail::Follows;
use app::record::{AgencySlug, SystemId};
use app::register::Register;
use axum::extract::{Path, Query, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Entries in a feed.
const ENTRIES: i64 = 50;

/// The language a feed is asked in: `lang`, else `Accept-Language`, else
/// the register's default; its pages are linked at that language's
/// addresses (`/nl/systems/…`). A language the register lacks is a 400.
fn feed_language(state: &AppState, request: &Request) -> Result<PageLanguage, ApiError> {
    let asked = crate::languages::of_api_request(&state.languages, request).map_err(|problem| {
        ApiError {
            status: axum::http::StatusCode::BAD_REQUEST,
            problems: vec![problem],
        }
    })?;
    Ok(PageLanguage {
        language: asked.language,
        in_address: asked.language != state.languages.default_language(),
    })
}

/// `GET /feeds/changes.atom`: the register's changes; with the search
/// page's parameters (`?q=benefits&risk_level=high`), the changes of the
/// systems that search finds: the newest of its
/// [`crate::search::FOLLOWED`] most recently updated systems. A wrong parameter is a 400 that names it.
pub async fn register_feed(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    let page = feed_language(&state, &request)?;
    let raw = request.uri().query().unwrap_or("");
    let query = crate::api::systems::export_query(&state, raw).await?;
    let searched = query.searched();
    if searched.is_empty() {
        let changes = state
            .storage
            .latest_changes(ChangesOf::Register, ENTRIES)
            .await?;
        let title = t_in(page.language, "feed-register-title");
        return Ok(feed(
            &state.public_url,
            page,
            &title,
            "/feeds/changes.atom",
            "/systems",
            &changes,
        ));
    }
    let ids = crate::search::followed_systems(state.search.as_ref(), &query).await?;
    let changes = state
        .storage
        .latest_changes(ChangesOf::Systems(&ids), ENTRIES)
        .await?;
    let words = t_with_in(
        page.language,
        "feed-search-title",
        &[("search", query.in_words().into())],
    );
    Ok(feed(
        &state.public_url,
        page,
        &words,
        &format!("/feeds/changes.atom?{searched}"),
        &format!("/systems?{searched}"),
        &changes,
    ))
}

/// `GET /agencies/{slug}/feed.atom`.
pub async fn agency_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: Request,
) -> Result<Response, ApiError> {
    let page = feed_language(&state, &request)?;
    let Some(agency) = state.storage.agency(&AgencySlug(slug.clone())).await? else {
        return Err(AppError::NotFound.into());
    };
    let changes = state
        .storage
        .latest_changes(ChangesOf::Agency(&slug), ENTRIES)
        .await?;
    let name = agency.agency.name.clone();
    let title = t_with_in(
        page.language,
        "feed-agency-title",
        &[("agency", name.into())],
    );
    Ok(feed(
        &state.public_url,
        page,
        &title,
        &format!("/agencies/{slug}/feed.atom"),
        &format!("/agencies/{slug}"),
        &changes,
    ))
}

/// `GET /systems/{id}/feed.atom`: one system's changes.
pub async fn system_feed(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, ApiError> {
    let page = feed_language(&state, &request)?;
    let Some(name) = state.storage.followed_name(Follows::System, &id).await? else {
        return Err(AppError::NotFound.into());
    };
    let ids = [SystemId(id.clone())];
    let changes = state
        .storage
        .latest_changes(ChangesOf::Systems(&ids), ENTRIES)
        .await?;
    let title = t_with_in(
        page.language,
        "feed-system-title",
        &[("system", name.into())],
    );
    Ok(feed(
        &state.public_url,
        page,
        &title,
        &format!("/systems/{id}/feed.atom"),
        &format!("/systems/{id}"),
        &changes,
    ))
}

/// `GET /feeds/topic.atom?topic=…`: the changes of the systems tagged with
/// a topic, as following the topic by email tells them.
pub async fn topic_feed(
    State(state): State<AppState>,
    Query(asked): Query<TopicAsked>,
    request: Request,
) -> Result<Response, ApiError> {
    let page = feed_language(&state, &request)?;
    let topic = asked.topic.trim();
    if topic.is_empty() || topic.chars().count() > 100 || topic.chars().any(char::is_control) {
        return Err(crate::api::error::invalid_parameters(vec![(
            "topic",
            "topic must be one line of 1 to 100 characters (a tag of the records)".to_string(),
        )]));
    }
    let changes = state
        .storage
        .latest_changes(ChangesOf::Tag(topic), ENTRIES)
        .await?;
    let title = t_with_in(
        page.language,
        "feed-topic-title",
        &[("topic", topic.to_string().into())],
    );
    let mut params = form_urlencoded::Serializer::new(String::new());
    params.append_pair("topic", topic);
    Ok(feed(
        &state.public_url,
        page,
        &title,
        &format!("/feeds/topic.atom?{}", params.finish()),
        "/systems",
        &changes,
    ))
}

/// The parameters of [`topic_feed`] (`lang` is the protocol's).
#[derive(Debug, serde::Deserialize)]
pub struct TopicAsked {
    #[serde(default)]
    topic: String,
}

/// A feed's XML; its links are absolute on the configured public address,
/// never on a request's `Host` (which anyone can set, and the feed is cached).
fn feed(
    site: &PublicUrl,
    page: PageLanguage,
    title: &str,
    self_path: &str,
    page_path: &str,
    changes: &[Change],
) -> Response {
    let base = &site.origin;
    let updated = changes
        .first()
        .map_or_else(crate::clock::now, |c| c.changed_at.to_string());
    let mut xml = String::with_capacity(1024 + changes.len() * 600);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        page.language.code()
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape(title)));
    xml.push_str(&format!(
        "  <id>tag:{},2026:{}</id>\n",
        escape(&site.host),
        escape(self_path)
    ));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str("  <author><name>Lantern</name></author>\n");
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}{}\"/>\n",
        escape(base),
        escape(self_path)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}{}\"/>\n",
        escape(base),
        escape(&page.href(page_path))
    ));
    for change in changes {
        let mut change = change.clone();
        change.name_in(page.language.code());
        entry(&mut xml, site, page, &change);
    }
    xml.push_str("</feed>\n");
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

/// One change as an entry: what happened, in words, and a link to see it.
fn entry(xml: &mut String, site: &PublicUrl, page: PageLanguage, change: &Change) {
    let language = page.language;
    let version = [("version", change.version.into())];
    let (what, link) = match change.kind {
        ChangeKind::Published => (
            t_in(language, "feed-published"),
            format!("/systems/{}", change.system),
        ),
        ChangeKind::Updated => (
            t_with_in(language, "feed-updated", &version),
            format!(
                "/systems/{}/history?from={}&to={}",
                change.system,
                change.version - 1,
                change.version
            ),
        ),
        ChangeKind::Retired => (
            t_in(language, "feed-retired"),
            format!("/systems/{}", change.system),
        ),
        ChangeKind::Audited => (
            t_in(language, "feed-audited"),
            format!("/systems/{}", change.system),
        ),
        ChangeKind::Reviewed => (
            t_in(language, "feed-reviewed"),
            format!("/systems/{}", change.system),
        ),
    };
    let link = page.href(&link);
    let summary = match (&change.audit, &change.change_summary) {
        (Some(audit), _) => {
            let args = [
                (
                    "outcome",
                    t_in(language, audit.outcome.message_key())
                        .into_owned()
                        .into(),
                ),
                ("auditor", audit.auditor.clone().into()),
                ("date", audit.audited_on.clone().into()),
            ];
            t_with_in(language, "feed-audit", &args).into_owned()
        }
        (None, Some(summary)) if !summary.trim().is_empty() => summary.clone(),
        _ => t_with_in(language, "feed-version", &version).into_owned(),
    };
    xml.push_str("  <entry>\n");
    xml.push_str(&format!(
        "    <id>tag:{},2026:changes/{}</id>\n",
        escape(&site.host),
        change.cursor
    ));
    xml.push_str(&format!(
        "    <title>{}: {}</title>\n",
        escape(&change.name),
        escape(&what)
    ));
    xml.push_str(&format!("    <updated>{}</updated>\n", change.changed_at));
    xml.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}{}\"/>\n",
        escape(&site.origin),
        escape(&link)
    ));
    xml.push_str(&format!(
        "    <category term=\"{}\"/>\n",
        change.kind.as_str()
    ));
    xml.push_str(&format!("    <summary>{}</summary>\n", escape(&summary)));
    xml.push_str("  </entry>\n");
}

/// Text safe inside XML elements and attributes; characters XML 1.0 forbids
/// are dropped.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("<b>\"Tom\" & 'Jerry'</b>\u{1}"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;"
        );
    }
}
