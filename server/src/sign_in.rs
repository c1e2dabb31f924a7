//! Signing in and out over HTTP: the session cookie, `POST /login`,
//! `POST /logout`, and the signed-in account of every request.
//!
//! The cookie holds only a random token (`HttpOnly`, `SameSite=Lax`, and
//! `Secure` when the request came over HTTPS through a proxy). Forms of a
//! session carry its CSRF token; the sign-in form, which has no session yet,
//! is protected by refusing requests another site's page sends.

use crate::accounts::{self, SignInError};
use crate::state::AppState;
use app::accounts::{SignInAttempt, SignedInAccount};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

/// The session cookie's name.
pub const COOKIE: &str = "lantern_session";

/// The largest form body read, in bytes: a system's record with every
/// markdown field full, URL-encoded.
pub const MAX_FORM_BYTES: usize = 1024 * 1024;

/// Puts the signed-in account (if the request's cookie names a live session)
/// into the request, where pages find it.
pub async fn load_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(token) = session_token(request.headers()) {
        match accounts::session(&state.storage, &token, time::OffsetDateTime::now_utc()).await {
            Ok(Some((account, csrf_token))) => {
                request.extensions_mut().insert(SignedInAccount {
                    id: account.id,
                    email: account.email,
                    name: account.name,
                    role: account.role,
                    agency: account.agency,
                    csrf_token,
                });
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "could not read a session"),
        }
    }
    next.run(request).await
}

/// The session token in a request's cookies.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<String> {
    read_cookie(headers, COOKIE).map(str::to_string)
}

/// The value of the cookie `name` a request sent, if it sent one.
pub(crate) fn read_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value)
}

/// Whether a request was sent by another site's page (a cross-site form).
pub fn from_another_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) != Some(host),
        _ => false,
    }
}

/// Whether the request came over HTTPS (through a proxy that says so).
pub(crate) fn over_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

fn cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("a hex token makes a valid header")
}

/// Reads a form body: its fields by name.
async fn form(body: Body) -> Option<HashMap<String, String>> {
    Some(read_form(body).await?.into_iter().collect())
}

/// Reads a form body: every field in order (a name may repeat, like
/// checkboxes); `None` when the body is over [`MAX_FORM_BYTES`] or unreadable.
pub async fn read_form(body: Body) -> Option<Vec<(String, String)>> {
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES).await.ok()?;
    Some(form_urlencoded::parse(&bytes).into_owned().collect())
}

/// `POST /login`: signs in and goes to `/manage`, or shows the form again
/// with what was wrong (422 for a missing field, 401 for a wrong email or
/// password, 429 while the email is locked, 403 from another site).
pub async fn login(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    if from_another_site(&parts.headers) {
        return (
            StatusCode::FORBIDDEN,
            "Sign-in forms are only accepted from Lantern's own pages.",
        )
            .into_response();
    }
    let fields = form(body).await.unwrap_or_default();
    let email = fields
        .get("email")
        .map(|e| e.trim().to_string())
        .unwrap_or_default();
    let password = fields.get("password").cloned().unwrap_or_default();
    let page = crate::languages::of(&parts);
    let language = page.language;
    let again = |status: StatusCode, field: Option<&'static str>, problem: String| {
        let attempt = SignInAttempt {
            email: email.clone(),
            field,
            problem,
        };
        (status, attempt)
    };
    let (status, attempt) = if email.is_empty() {
        again(
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("email"),
            app::i18n::t_in(language, "sign-in-enter-email").into_owned(),
        )
    } else if password.is_empty() {
        again(
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("password"),
            app::i18n::t_in(language, "sign-in-enter-password").into_owned(),
        )
    } else {
        let client = crate::client::of(&parts);
        match try_sign_in(&state, &client, &email, &password).await {
            Ok(token) => return session_started(&token, &parts.headers, &page.href("/manage")),
            Err(SignInError::Failed(error)) => {
                tracing::error!(%error, "sign-in failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            Err(error) => {
                let (status, field, retry_after) = refusal(&error);
                let (status, attempt) = again(status, field, error.message(language));
                if let Some(seconds) = retry_after {
                    return try_again_later(&state, parts, attempt, seconds).await;
                }
                (status, attempt)
            }
        }
    };
    let mut response =
        crate::pages::render_page(&state, Request::from_parts(parts, Body::empty()), attempt).await;
    *response.status_mut() = status;
    response
}

/// Counts the attempt against the client's limit, then checks the email and
/// password. Signed in: the new session's token.
async fn try_sign_in(
    state: &AppState,
    client: &app::feedback::ClientAddress,
    email: &str,
    password: &str,
) -> Result<String, SignInError> {
    let now = time::OffsetDateTime::now_utc();
    accounts::count_attempt_from(&state.storage, client, state.sign_ins_per_client, now).await?;
    let signed_in = accounts::sign_in(&state.storage, email, password, now).await?;
    Ok(signed_in.token)
}

/// Off to `/manage` (in the language of the sign-in form) with the session's cookie.
fn session_started(token: &str, headers: &HeaderMap, manage: &str) -> Response {
    let mut response = Redirect::to(manage).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie(
            token,
            accounts::SESSION_LENGTH.whole_seconds(),
            over_https(headers),
        ),
    );
    response
}

/// How a refused sign-in is answered: its status, the field at fault, and
/// the seconds to wait where that is worth saying (`Retry-After`).
fn refusal(error: &SignInError) -> (StatusCode, Option<&'static str>, Option<u64>) {
    match error {
        SignInError::Wrong => (StatusCode::UNAUTHORIZED, Some("email"), None),
        SignInError::Locked { .. } => (StatusCode::TOO_MANY_REQUESTS, None, None),
        // A few seconds: the checks ahead of it take about that.
        SignInError::Busy => (StatusCode::TOO_MANY_REQUESTS, None, Some(5)),
        SignInError::TooMany { retry_after } => {
            (StatusCode::TOO_MANY_REQUESTS, None, Some(*retry_after))
        }
        SignInError::Disabled => (StatusCode::FORBIDDEN, None, None),
        SignInError::Failed(_) => (StatusCode::INTERNAL_SERVER_ERROR, None, None),
    }
}

/// The sign-in form again with `attempt`'s message: 429, and `Retry-After`
/// in seconds.
async fn try_again_later(
    state: &AppState,
    parts: axum::http::request::Parts,
    attempt: SignInAttempt,
    retry_after: u64,
) -> Response {
    let mut response =
        crate::pages::render_page(state, Request::from_parts(parts, Body::empty()), attempt).await;
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
    response
}

/// `POST /logout`: ends the session named by the cookie, if the form carries
/// its CSRF token, and goes home.
pub async fn logout(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Some(account) = parts.extensions.get::<SignedInAccount>().cloned() else {
        return Redirect::to("/login").into_response();
    };
    let fields = form(body).await.unwrap_or_default();
    if fields.get("csrf_token") != Some(&account.csrf_token) {
        return (
            StatusCode::FORBIDDEN,
            "This form has expired: go back, reload the page and try again.",
        )
            .into_response();
    }
    if let Some(token) = session_token(&parts.headers)
        && let Err(error) = accounts::sign_out(&state.storage, &token).await
    {
        tracing::error!(%error, "sign-out failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie("", 0, over_https(&parts.headers)),
    );
    response
}
