//! The import forms of `/manage`: upload a file to preview what it would
//! do, then confirm the preview.

use crate::forms::{SignedForm, render_at, show_problem};
use crate::publishing::{self, Actor, Person, check};
use crate::sign_in::from_another_site;
use crate::state::AppState;
use app::accounts::SignedInAccount;
use app::i18n::{Language, t_in};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// `POST /manage/import` (multipart: `csrf_token`, `format`, `file`): shows
/// what importing the file would do, and keeps it for [`confirm_import`].
pub(super) async fn upload_import(State(state): State<AppState>, request: Request) -> Response {
    use axum::extract::{FromRequest, Multipart};
    let (parts, body) = request.into_parts();
    let page = crate::languages::of(&parts);
    let language = page.language;
    let Some(account) = parts.extensions.get::<SignedInAccount>().cloned() else {
        return Redirect::to(&page.href("/login")).into_response();
    };
    let multipart = Multipart::from_request(Request::from_parts(parts.clone(), body), &()).await;
    let Ok(mut multipart) = multipart else {
        let message = t_in(language, "import-not-multipart").into_owned();
        return (StatusCode::BAD_REQUEST, message).into_response();
    };
    let (mut csrf_ok, mut format, mut file) = (false, String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let file_name = field.file_name().unwrap_or("upload").to_string();
                let Ok(bytes) = field.bytes().await else {
                    return too_large(language);
                };
                match name.as_str() {
                    "csrf_token" => csrf_ok = bytes.as_ref() == account.csrf_token.as_bytes(),
                    "format" => format = String::from_utf8_lossy(&bytes).into_owned(),
                    "file" => file = Some((file_name, bytes)),
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(_) => return too_large(language),
        }
    }
    if from_another_site(&parts.headers) || !csrf_ok {
        let message = t_in(language, "form-expired").into_owned();
        return (StatusCode::FORBIDDEN, message).into_response();
    }
    let actor = Actor::Account(Person::new(&account, language));
    let format = match format.as_str() {
        "us-omb-2025" => crate::import::ImportFormat::UsOmb2025,
        "lantern-json" => crate::import::ImportFormat::LanternJson,
        _ => {
            let error = check::problem("format", &t_in(language, "import-check-format"));
            return show_problem(&state, parts, "/manage/import", error, &[]).await;
        }
    };
    let (file_name, bytes) = file.unwrap_or_default();
    match publishing::imports::preview(&state.storage, &actor, format, &file_name, &bytes).await {
        Ok(preview) => render_at(&state, parts, "/manage/import", StatusCode::OK, preview).await,
        Err(error) => show_problem(&state, parts, "/manage/import", error, &[]).await,
    }
}

fn too_large(language: Language) -> Response {
    let message = t_in(language, "import-too-large").into_owned();
    (StatusCode::PAYLOAD_TOO_LARGE, message).into_response()
}

/// `POST /manage/import/{id}/confirm`: writes a previewed import.
pub(super) async fn confirm_import(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: SignedForm,
) -> Response {
    match publishing::imports::confirm(&state.storage, &form.actor(), &id).await {
        Ok(done) => render_at(&state, form.parts, "/manage/import", StatusCode::OK, done).await,
        Err(error) => show_problem(&state, form.parts, "/manage/import", error, &form.fields).await,
    }
}
