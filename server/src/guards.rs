//! What every request passes through before and after its handler: a bound
//! on the address's length and on the time to an answer, and the headers
//! that keep pages private, in HTTPS and away from browser features Lantern
//! never uses.

use crate::api::error::ApiError;
use app::error::AppError;
use app::i18n::Language;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashSet;
use std::sync::LazyLock;
use std::time::Duration;

/// The longest request target (path and query) answered, in bytes. The
/// longest real search with every facet chosen is about 1 KiB.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// Browser features Lantern never uses, turned off for its pages and for
/// anything they might embed.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
     display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), \
     magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), \
     publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), \
     xr-spatial-tracking=()";

/// What HTTPS tells browsers: only ever come back over HTTPS, for a year.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// Refuses a request target over [`MAX_URI_BYTES`] with 414 before any
/// handler parses it (under `/api/`, [`api_errors_in_envelope`] puts the
/// message in the envelope).
pub async fn uri_length(request: Request, next: Next) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if length <= MAX_URI_BYTES {
        return next.run(request).await;
    }
    let detail = format!(
        "the address is {length} bytes long; at most {MAX_URI_BYTES} are read (ask the \
         export or page with a cursor instead of listing values in the query)"
    );
    (StatusCode::URI_TOO_LONG, detail).into_response()
}

/// Answers 408 when a request takes longer than `limit` to start its answer
/// (a slowly sent body, a stuck handler); a streamed answer, once started,
/// is not cut.
pub async fn request_timeout(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => (
            StatusCode::REQUEST_TIMEOUT,
            "the request took too long; send it again (a slow upload is cut off)",
        )
            .into_response(),
    }
}

/// Whether a path belongs to the JSON API, whose errors are JSON.
/// Whether a path is the JSON API's: under `/api/`, and not one of the
/// pages' server functions, which live there too but answer in leptos's own
/// encoding (`ServerError|forbidden`) for the browser to decode.
fn is_api(path: &str) -> bool {
    static SERVER_FUNCTIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .collect()
    });
    path.starts_with("/api/") && !SERVER_FUNCTIONS.contains(path)
}

/// Headers that depend on who asked and how:
///
/// - `Cache-Control: no-store` on everything under `/manage`, the sign-in
///   and sign-out answers, and every answer to a request that carries a
///   session or an API token (pages then hold CSRF tokens, drafts or a token
///   secret) that did not choose its own caching;
/// - `Strict-Transport-Security` when the request came over HTTPS through a
///   proxy that says so (`X-Forwarded-Proto: https`);
/// - `Permissions-Policy` on every answer.
pub async fn private_and_secure(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let always_private =
        path == "/manage" || path.starts_with("/manage/") || path == "/login" || path == "/logout";
    let headers = request.headers();
    let has_token = headers.contains_key(header::AUTHORIZATION);
    let has_session = crate::sign_in::session_token(headers).is_some();
    let over_https = crate::sign_in::over_https(headers);
    let mut response = next.run(request).await;
    let response_headers = response.headers_mut();
    let chose_its_own = response_headers.contains_key(header::CACHE_CONTROL);
    if always_private || has_token || (has_session && !chose_its_own) {
        response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if over_https {
        response_headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    response_headers.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    response
}

/// Every error under `/api/` in the envelope, including those no handler of
/// ours wrote: axum's 405 for an unknown method, 413 over a body limit, 400
/// for a path that is not UTF-8, 404 for an unknown address, and the 414 and
/// 408 of [`uri_length`] and [`request_timeout`] (which it wraps).
pub async fn api_errors_in_envelope(request: Request, next: Next) -> Response {
    if !is_api(request.uri().path()) {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|kind| kind.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Framework errors are a sentence; anything longer is cut.
    let said = axum::body::to_bytes(body, 4 * 1024)
        .await
        .unwrap_or_default();
    let said = String::from_utf8_lossy(&said).trim().to_string();
    let (code, detail) = match status {
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            format!(
                "this address does not take that method; it takes {}",
                parts
                    .headers
                    .get(header::ALLOW)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("other methods")
            ),
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "too_large",
            "the request's body is larger than this address accepts".to_string(),
        ),
        StatusCode::NOT_FOUND => (
            "not_found",
            AppError::NotFound.explanation(Language::SOURCE),
        ),
        StatusCode::URI_TOO_LONG => ("uri_too_long", said),
        StatusCode::REQUEST_TIMEOUT => ("timeout", said),
        status if status.is_server_error() => (
            "internal",
            AppError::Internal(String::new()).explanation(Language::SOURCE),
        ),
        _ if said.is_empty() => ("bad_request", "the request is not valid".to_string()),
        _ => ("bad_request", said),
    };
    // The framework's headers stay (CORS, Allow, Retry-After); the body and
    // its type are the envelope's.
    let envelope = ApiError::new(status, code, detail).into_response();
    let (envelope_parts, envelope_body) = envelope.into_parts();
    let mut parts = parts;
    parts.headers.remove(header::CONTENT_LENGTH);
    for (name, value) in &envelope_parts.headers {
        parts.headers.insert(name, value.clone());
    }
    Response::from_parts(parts, envelope_body)
}

/// How many requests this instance is answering now. Background work that
/// would take the processor from them (the postman) waits its turn while
/// any are.
#[derive(Clone, Debug, Default)]
pub struct Serving(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl Serving {
    /// Whether a request is being answered now.
    pub fn busy(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed) > 0
    }
}

/// Counts the request in [`Serving`] until its handler has answered.
pub async fn count_serving(
    State(serving): State<Serving>,
    request: Request,
    next: Next,
) -> Response {
    use std::sync::atomic::Ordering;
    /// Uncounts the request however its handler ends (a timeout drops it).
    struct Counted(Serving);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.0.fetch_sub(1, Ordering::Relaxed);
        }
    }
    serving.0.fetch_add(1, Ordering::Relaxed);
    let _counted = Counted(serving);
    next.run(request).await
}
