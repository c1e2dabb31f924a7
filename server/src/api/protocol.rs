//! The HTTP protocol of everything under `/api/v1/` and the feeds:
//!
//! - CORS open for reading (`GET`, `HEAD`) from any origin;
//! - `ETag` on every successful read, and `304 Not Modified` when the client
//!   already has it (`If-None-Match`);
//! - `Cache-Control` that lets browsers and CDNs keep answers a minute;
//! - a rate limit per client, told in `RateLimit-Policy` and `RateLimit`
//!   headers on every answer and `Retry-After` on a `429`.
//!
//! The rate limit is counted in each instance's memory: behind a load
//! balancer with N instances a client may make up to N times the limit. That
//! is a courtesy limit against runaway scripts, not a security boundary, and
//! counting every read in the database would cost more than it protects.

use crate::api::error::{ApiError, ApiProblem};
use crate::state::AppState;
use app::feedback::ClientAddress;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// How long a client's count lasts.
const WINDOW: Duration = Duration::from_secs(60);
/// Answers bigger than this are not buffered to compute an `ETag`.
const MAX_TAGGED_BYTES: usize = 4 * 1024 * 1024;
/// How long browsers and CDNs may keep an answer without asking again.
pub const CACHE_CONTROL: &str = "public, max-age=60";

/// CORS for reading: any origin, `GET` and `HEAD`, the conditional headers
/// in, and the headers a script needs to see out.
pub fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE])
        .expose_headers([
            header::ETAG,
            header::LAST_MODIFIED,
            header::RETRY_AFTER,
            header::CONTENT_DISPOSITION,
            HeaderName::from_static("ratelimit"),
            HeaderName::from_static("ratelimit-policy"),
        ])
        .max_age(Duration::from_secs(24 * 60 * 60))
}

/// Requests per client per minute, counted in this instance.
pub struct RateLimit {
    per_minute: u32,
    clients: Mutex<Window>,
}

/// The counts of the current minute.
struct Window {
    started: Instant,
    counts: HashMap<String, u32>,
}

/// What the limit says about one request.
struct Verdict {
    allowed: bool,
    remaining: u32,
    reset_seconds: u64,
}

impl RateLimit {
    /// `per_minute` requests per client; 0 means no limit.
    pub fn new(per_minute: u32) -> RateLimit {
        RateLimit {
            per_minute,
            clients: Mutex::new(Window {
                started: Instant::now(),
                counts: HashMap::new(),
            }),
        }
    }

    fn count(&self, client: &str) -> Option<Verdict> {
        if self.per_minute == 0 {
            return None;
        }
        let mut window = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if window.started.elapsed() >= WINDOW {
            window.started = Instant::now();
            window.counts.clear();
        }
        let reset = WINDOW.saturating_sub(window.started.elapsed());
        let count = window.counts.entry(client.to_string()).or_insert(0);
        *count = count.saturating_add(1);
        let count = *count;
        Some(Verdict {
            allowed: count <= self.per_minute,
            remaining: self.per_minute.saturating_sub(count),
            reset_seconds: reset.as_secs().max(1),
        })
    }
}

/// The middleware: rate limit, then the handler, then `ETag`, `304` and
/// `Cache-Control` for successful reads.
pub async fn api_protocol(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let client = request
        .extensions()
        .get::<ClientAddress>()
        .map_or_else(|| "unknown".to_string(), |c| c.0.clone());
    let verdict = state.api_limit.count(&client);
    if let Some(verdict) = &verdict
        && !verdict.allowed
    {
        let mut response = ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            problems: vec![ApiProblem {
                code: "rate_limited",
                detail: format!(
                    "More than {} requests in a minute: please wait {} seconds. \
                     For the whole register, download an export once instead.",
                    state.api_limit.per_minute, verdict.reset_seconds
                ),
                field: None,
            }],
        }
        .into_response();
        set(
            response.headers_mut(),
            header::RETRY_AFTER,
            &verdict.reset_seconds.to_string(),
        );
        rate_limit_headers(&mut response, state.api_limit.per_minute, verdict);
        return response;
    }
    match crate::languages::of_api_request(&state.languages, &request) {
        Ok(page) => {
            request.extensions_mut().insert(page);
        }
        Err(problem) => {
            return ApiError {
                status: StatusCode::BAD_REQUEST,
                problems: vec![problem],
            }
            .into_response();
        }
    }
    let reading = matches!(*request.method(), Method::GET | Method::HEAD);
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(request).await;
    // What an answer says (its messages, a record's translation) may follow
    // the request's Accept-Language: caches keep one answer per language.
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    if reading && response.status() == StatusCode::OK {
        response = tagged(response).await;
        if let Some(asked) = &if_none_match
            && let Some(tag) = response.headers().get(header::ETAG)
            && matches(asked, tag)
        {
            response = not_modified(response);
        }
        if !response.headers().contains_key(header::CACHE_CONTROL) {
            set(response.headers_mut(), header::CACHE_CONTROL, CACHE_CONTROL);
        }
    }
    if let Some(verdict) = &verdict {
        rate_limit_headers(&mut response, state.api_limit.per_minute, verdict);
    }
    response
}

/// Sets a header, unless the value cannot be one.
pub fn set(headers: &mut HeaderMap, name: HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        headers.insert(name, value);
    }
}

/// `RateLimit-Policy: 600;w=60` and `RateLimit: limit=600, remaining=599, reset=42`.
fn rate_limit_headers(response: &mut Response, per_minute: u32, verdict: &Verdict) {
    let headers = response.headers_mut();
    set(
        headers,
        HeaderName::from_static("ratelimit-policy"),
        &format!("{per_minute};w={}", WINDOW.as_secs()),
    );
    set(
        headers,
        HeaderName::from_static("ratelimit"),
        &format!(
            "limit={per_minute}, remaining={}, reset={}",
            verdict.remaining, verdict.reset_seconds
        ),
    );
}

/// A response with an `ETag`: its own (the exports set theirs), or a hash of
/// its body, read whole (the API's answers are small).
async fn tagged(response: Response) -> Response {
    if response.headers().contains_key(header::ETAG) {
        return response;
    }
    // Only answers whose whole length is known (not streams) and small.
    let size = axum::body::HttpBody::size_hint(response.body()).exact();
    if size.is_none_or(|size| size > MAX_TAGGED_BYTES as u64) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_TAGGED_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::warn!(%error, "an API answer could not be read to tag it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut hasher = DefaultHasher::new();
    hasher.write(&bytes);
    set(
        &mut parts.headers,
        header::ETAG,
        &format!("W/\"{:016x}\"", hasher.finish()),
    );
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether `If-None-Match` names the tag (weak comparison, `*` matches all).
pub fn matches(asked: &HeaderValue, tag: &HeaderValue) -> bool {
    let Ok(asked) = asked.to_str() else {
        return false;
    };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let tag = bare(tag.to_str().unwrap_or_default());
    asked.split(',').any(|a| a.trim() == "*" || bare(a) == tag)
}

/// `304 Not Modified` in place of a response: its validators and caching
/// headers, no body.
pub fn not_modified(response: Response) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.status = StatusCode::NOT_MODIFIED;
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_DISPOSITION);
    Response::from_parts(parts, Body::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_lists() {
        let tag = HeaderValue::from_static("W/\"abc\"");
        for asked in ["W/\"abc\"", "\"abc\"", "\"x\", W/\"abc\"", "*"] {
            assert!(matches(&HeaderValue::from_static(asked), &tag), "{asked}");
        }
        assert!(!matches(&HeaderValue::from_static("\"abd\""), &tag));
    }

    #[test]
    fn the_limit_counts_per_client_and_zero_means_none() {
        let limit = RateLimit::new(2);
        assert!(limit.count("a").unwrap().allowed);
        assert!(limit.count("a").unwrap().allowed);
        let third = limit.count("a").unwrap();
        assert!(!third.allowed);
        assert_eq!(third.remaining, 0);
        assert!(limit.count("b").unwrap().allowed);
        assert!(RateLimit::new(0).count("a").is_none());
    }
}
