//! What every form of Lantern's pages shares over HTTP (`/manage` and the
//! public feedback forms): reading a signed form, showing its page again
//! with its problems, and going on with a redirect.

use crate::pages::render_page;
use crate::publishing::{Actor, Person};
use crate::sign_in::{from_another_site, read_form};
use crate::state::AppState;
use app::accounts::SignedInAccount;
use app::error::AppError;
use app::i18n::{Language, t_in};
use app::manage::{ActionDone, ActionProblem, FormAttempt};
use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

/// A public form's fields (feedback, following by email), or 413 when the
/// form is too large to read.
pub(crate) async fn public_form(
    request: Request,
) -> Result<(Parts, Vec<(String, String)>), Response> {
    let (parts, body) = request.into_parts();
    match crate::sign_in::read_form(body).await {
        Some(fields) => Ok((parts, fields)),
        None => Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            "This form is too large to read (over 1 MiB): shorten your message and send it again.",
        )
            .into_response()),
    }
}

/// Fields never shown again or stored: the form's controls, and passwords.
const NOT_KEPT: &[&str] = &[
    "csrf_token",
    "add",
    "password",
    "current_password",
    "password_again",
];

/// What the person typed, without the form's controls and passwords: shown
/// again when the form comes back with problems.
pub fn typed_fields(fields: &[(String, String)]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter(|(name, _)| !NOT_KEPT.contains(&name.as_str()))
        .cloned()
        .collect()
}

/// A form sent by a signed-in account from one of Lantern's pages.
pub struct SignedForm {
    pub(crate) parts: Parts,
    pub(crate) account: SignedInAccount,
    pub(crate) fields: Vec<(String, String)>,
}

impl SignedForm {
    pub(crate) fn actor(&self) -> Actor {
        Actor::Account(self.person())
    }

    /// The signed-in person who sent the form, working in the page's language.
    pub(crate) fn person(&self) -> Person {
        Person::new(&self.account, self.language())
    }

    /// The language of the page the form was sent from.
    pub(crate) fn language(&self) -> Language {
        crate::languages::of(&self.parts).language
    }

    /// The first value of a field, or empty.
    pub(crate) fn field(&self, name: &str) -> String {
        field(&self.fields, name)
    }
}

/// The first value of field `name` of a form, or empty.
pub(crate) fn field(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// A `/manage` form as a handler's argument: signed out goes to `/login`; a
/// form too large is 413; one from another site or without the session's CSRF
/// token is refused (403).
impl<S: Send + Sync> FromRequest<S> for SignedForm {
    type Rejection = Response;

    async fn from_request(request: Request, _: &S) -> Result<SignedForm, Response> {
        let (parts, body) = request.into_parts();
        let page = crate::languages::of(&parts);
        let Some(account) = parts.extensions.get::<SignedInAccount>().cloned() else {
            return Err(Redirect::to(&page.href("/login")).into_response());
        };
        let Some(fields) = read_form(body).await else {
            let message = t_in(page.language, "form-too-large").into_owned();
            return Err((StatusCode::PAYLOAD_TOO_LARGE, message).into_response());
        };
        let csrf_ok = fields
            .iter()
            .any(|(key, value)| key == "csrf_token" && *value == account.csrf_token);
        if from_another_site(&parts.headers) || !csrf_ok {
            let message = t_in(page.language, "form-expired").into_owned();
            return Err((StatusCode::FORBIDDEN, message).into_response());
        }
        Ok(SignedForm {
            parts,
            account,
            fields,
        })
    }
}

/// Shows the page at `path` again with a problem, in the status the error
/// calls for: wrong fields come back with what was typed (`fields`) and each
/// problem named; other refusals with a message.
pub(crate) async fn show_problem(
    state: &AppState,
    parts: Parts,
    path: &str,
    error: AppError,
    fields: &[(String, String)],
) -> Response {
    let status = error.status();
    match error {
        AppError::Validation(problems) => {
            let attempt = FormAttempt {
                fields: typed_fields(fields),
                problems: problems.into_iter().collect(),
                add_row: None,
            };
            render_at(state, parts, path, status, attempt).await
        }
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        // The same words the API answers with.
        other => {
            let message = other.explanation(crate::languages::of(&parts).language);
            render_at(state, parts, path, status, ActionProblem { message }).await
        }
    }
}

/// Renders the page at `path` (not the form's own address) with `extra` in its context.
pub(crate) async fn render_at<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    mut parts: Parts,
    path: &str,
    status: StatusCode,
    extra: T,
) -> Response {
    if let Ok(uri) = path.parse() {
        parts.uri = uri;
    }
    parts.method = axum::http::Method::GET;
    let mut response = render_page(state, Request::from_parts(parts, Body::empty()), extra).await;
    *response.status_mut() = status;
    response
}

/// The page at `path` again, saying what was done (`Ok`) or what the
/// problem is (`Err`, with what was typed in `fields` kept).
pub(crate) async fn done_or_problem(
    state: &AppState,
    parts: Parts,
    path: &str,
    done: Result<String, AppError>,
    fields: &[(String, String)],
) -> Response {
    match done {
        Ok(message) => render_at(state, parts, path, StatusCode::OK, ActionDone { message }).await,
        Err(error) => show_problem(state, parts, path, error, fields).await,
    }
}

/// `303 See Other` to `path`: where a form sent without JavaScript goes next.
pub(crate) fn see_other(path: String) -> Response {
    Redirect::to(&path).into_response()
}
