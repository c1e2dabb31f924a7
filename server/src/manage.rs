//! The forms of `/manage` over HTTP: plain POST handlers, so everything works
//! without JavaScript.
//!
//! Every form carries the session's CSRF token and must come from Lantern's
//! own pages. A handler checks that, calls [`crate::publishing`] (which checks
//! who may do what), then goes on with a 303 redirect, or shows the page the
//! form came from again with the problem: 422 with every wrong field named
//! and what was typed kept, 403, 404 or 409 with a message.

pub mod form;

use crate::forms::{SignedForm, done_or_problem, render_at, see_other, show_problem};
use crate::publishing::accounts::{self, AccountAction};
use crate::publishing::{self, Actor, Person, Target, admin, audits, check};
use crate::sign_in::from_another_site;
use crate::state::AppState;
use app::accounts::SignedInAccount;
use app::error::AppError;
use app::manage::{FormAttempt, NewTokenShown};
use app::record::TokenScope;
use app::record::{AgencySlug, Role, SystemId};
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

/// The form handlers of `/manage` that have no page at their address (the
/// others are added beside their pages in [`crate::router::app`]).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/manage/systems/{id}/audits", post(record_audit))
        .route("/manage/import/{id}/confirm", post(confirm_import))
        .route("/manage/systems/{id}/{step}", post(workflow))
        .route("/manage/tokens/{id}/revoke", post(revoke_token))
        .route("/manage/agencies/{slug}/approval", post(set_approval))
        .route("/manage/accounts/{id}/{action}", post(act_on_account))
}

/// `POST /manage/systems/new` and `POST /manage/systems/{id}/edit`: the system form.
async fn write_system(state: AppState, form: SignedForm, target: Target) -> Response {
    let form_path = match &target {
        Target::New => "/manage/systems/new".to_string(),
        Target::Existing(id) => format!("/manage/systems/{id}/edit"),
    };
    // "Add another data set" and friends: the form again with one more empty row.
    if let Some(list) = form
        .fields
        .iter()
        .find(|(k, _)| k == "add")
        .map(|(_, v)| v.clone())
    {
        let attempt = FormAttempt {
            fields: crate::forms::typed_fields(&form.fields),
            problems: Vec::new(),
            add_row: Some(list),
        };
        return render_at(&state, form.parts, &form_path, StatusCode::OK, attempt).await;
    }
    let body = form::system_json(&form.fields);
    let saved = match check::system_input(&body) {
        Ok(input) => publishing::save_draft(&state.storage, &form.actor(), &target, &input).await,
        Err(AppError::Validation(problems)) => {
            Err(AppError::Validation(form::in_form_words(problems)))
        }
        Err(error) => Err(error),
    };
    match saved {
        Ok(saved) => see_other(format!("/manage/systems/{}", saved.id)),
        Err(error) => show_problem(&state, form.parts, &form_path, error, &form.fields).await,
    }
}

/// `POST /manage/systems/new`: a new system's first draft.
pub async fn create_system(State(state): State<AppState>, form: SignedForm) -> Response {
    write_system(state, form, Target::New).await
}

/// `POST /manage/systems/{id}/edit`: the system's draft.
pub async fn save_system(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: SignedForm,
) -> Response {
    write_system(state, form, Target::Existing(SystemId(id))).await
}

/// `POST /manage/systems/{id}/{step}`: the workflow buttons of a system's
/// manage page (`submit`, `publish`, `approve`, `discard`, `retire` with
/// `retired_on`).
/// Each goes back to that page, or shows it again with the problem.
async fn workflow(
    State(state): State<AppState>,
    Path((id, step)): Path<(String, String)>,
    form: SignedForm,
) -> Response {
    let id = SystemId(id);
    let (storage, actor) = (&state.storage, form.actor());
    let result = match step.as_str() {
        "submit" => publishing::submit(storage, &actor, &id).await,
        // Where the agency requires approval, "publish" submits.
        "publish" => publishing::publish(storage, &actor, &id).await.map(drop),
        "approve" => publishing::approve(storage, &actor, &id).await.map(drop),
        "discard" => publishing::discard(storage, &actor, &id).await,
        "retire" => {
            let retired_on = form.field("retired_on").trim().to_string();
            let confirmed = form.field("confirm_retire") == "yes";
            publishing::retire(storage, &actor, &id, &retired_on, confirmed)
                .await
                .map(drop)
        }
        _ => Err(AppError::NotFound),
    };
    let back = format!("/manage/systems/{id}");
    match result {
        // A discarded draft of a new system leaves no page behind.
        Ok(()) if step == "discard" => see_other("/manage".into()),
        Ok(()) => see_other(back),
        Err(error) => show_problem(&state, form.parts, &back, error, &form.fields).await,
    }
}

/// `POST /manage/systems/{id}/audits`: auditors only; goes to the public record.
async fn record_audit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: SignedForm,
) -> Response {
    let id = SystemId(id);
    let fields = form.fields.iter().cloned().collect();
    match audits::record_audit(&state.storage, &form.actor(), &id, &fields).await {
        Ok(()) => see_other(format!("/systems/{id}")),
        Err(error) => {
            show_problem(
                &state,
                form.parts,
                &format!("/manage/systems/{id}"),
                error,
                &form.fields,
            )
            .await
        }
    }
}

/// `POST /manage/tokens`: a token for the account's agency, shown once.
pub async fn create_token(State(state): State<AppState>, form: SignedForm) -> Response {
    // The account's own agency, unless the form names one: whether the account
    // may is `admin::create_token`'s check.
    let agency = match form.field("agency") {
        named if !named.is_empty() => AgencySlug(named),
        _ => form
            .account
            .agency
            .clone()
            .unwrap_or_else(|| AgencySlug(String::new())),
    };
    let Some(scope) = TokenScope::parse(&form.field("scope")) else {
        let error = check::problem("scope", "Choose draft or publish");
        return show_problem(&state, form.parts, "/manage/tokens", error, &form.fields).await;
    };
    let label = form.field("label");
    let expires_at = match form.field("expires_in_days").trim() {
        "" => None,
        days => match days.parse::<i64>() {
            Ok(days) if (1..=3650).contains(&days) => Some(crate::clock::format_timestamp(
                time::OffsetDateTime::now_utc() + time::Duration::days(days),
            )),
            _ => {
                let error = check::problem(
                    "expires_in_days",
                    "Choose when the token stops working: a number of days from 1 to 3650, or never",
                );
                return show_problem(&state, form.parts, "/manage/tokens", error, &form.fields)
                    .await;
            }
        },
    };
    let actor = form.actor();
    let created = admin::create_token(
        &state.storage,
        &actor,
        &agency,
        scope,
        &label,
        expires_at.as_deref(),
    );
    match created.await {
        Ok(created) => {
            let shown = NewTokenShown {
                id: created.token.id,
                secret: created.secret,
            };
            render_at(
                &state,
                form.parts,
                "/manage/tokens",
                StatusCode::CREATED,
                shown,
            )
            .await
        }
        Err(error) => show_problem(&state, form.parts, "/manage/tokens", error, &form.fields).await,
    }
}

/// `POST /manage/tokens/{id}/revoke`.
async fn revoke_token(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: SignedForm,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return show_problem(
            &state,
            form.parts,
            "/manage/tokens",
            AppError::NotFound,
            &form.fields,
        )
        .await;
    };
    match admin::revoke_token(&state.storage, &form.actor(), id).await {
        Ok(_) => see_other("/manage/tokens".into()),
        Err(error) => show_problem(&state, form.parts, "/manage/tokens", error, &form.fields).await,
    }
}

/// `POST /manage/agencies`: admins create agencies.
pub async fn create_agency(State(state): State<AppState>, form: SignedForm) -> Response {
    let new = admin::NewAgency {
        slug: form.field("slug"),
        name: form.field("name"),
        jurisdiction: form.field("jurisdiction"),
        website: form.field("website"),
        contact: form.field("contact"),
        description: form.field("description"),
        requires_approval: form.field("requires_approval") == "on",
    };
    match admin::create_agency(&state.storage, &form.actor(), &new).await {
        Ok(_) => see_other("/manage/agencies".into()),
        Err(error) => {
            show_problem(&state, form.parts, "/manage/agencies", error, &form.fields).await
        }
    }
}

/// `POST /manage/agencies/{slug}/approval`: admins turn the two-person rule on (`on`) or off.
async fn set_approval(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    form: SignedForm,
) -> Response {
    let on = form.field("requires_approval") == "on";
    match admin::set_requires_approval(&state.storage, &form.actor(), &AgencySlug(slug), on).await {
        Ok(()) => see_other("/manage/agencies".into()),
        Err(error) => {
            show_problem(&state, form.parts, "/manage/agencies", error, &form.fields).await
        }
    }
}

/// `POST /manage/accounts`: admins create accounts.
pub async fn create_account(State(state): State<AppState>, form: SignedForm) -> Response {
    let Some(role) = Role::parse(&form.field("role")) else {
        let error = check::problem("role", &format!("Choose one of: {}", Role::labels()));
        return show_problem(&state, form.parts, "/manage/accounts", error, &form.fields).await;
    };
    let agency = form.field("agency");
    let new = crate::accounts::NewAccount {
        email: form.field("email"),
        name: form.field("name"),
        role,
        agency: (!agency.trim().is_empty()).then(|| AgencySlug(agency.trim().to_string())),
    };
    let password = form.field("password");
    match admin::create_account(&state.storage, &form.actor(), &new, &password).await {
        Ok(_) => see_other("/manage/accounts".into()),
        Err(error) => {
            show_problem(&state, form.parts, "/manage/accounts", error, &form.fields).await
        }
    }
}

/// `POST /manage/accounts/{id}/{action}`: admins disable, enable, sign out
/// (`sessions-end`) or set a new `password` for an account; the page says
/// what was done.
async fn act_on_account(
    State(state): State<AppState>,
    Path((id, action)): Path<(String, String)>,
    form: SignedForm,
) -> Response {
    let page = "/manage/accounts";
    let Ok(id) = id.parse::<i64>() else {
        return show_problem(&state, form.parts, page, AppError::NotFound, &[]).await;
    };
    let actor = form.actor();
    let done = if action == "password" {
        let password = form.field("password");
        accounts::set_password(&state.storage, &actor, id, &password)
            .await
            .map(|acted| {
                format!(
                    "Set a new password for {}; {} sessions ended.",
                    acted.account.email, acted.sessions_ended
                )
            })
    } else {
        let Some(action) = AccountAction::parse(&action) else {
            return show_problem(&state, form.parts, page, AppError::NotFound, &[]).await;
        };
        accounts::act_on_account(&state.storage, &actor, id, action)
            .await
            .map(|acted| match action {
                AccountAction::Disable => format!(
                    "Disabled {}: it cannot sign in, and {} sessions ended.",
                    acted.account.email, acted.sessions_ended
                ),
                AccountAction::Enable => {
                    format!("Enabled {}: it can sign in again.", acted.account.email)
                }
                AccountAction::EndSessions => format!(
                    "Signed out {}: {} sessions ended.",
                    acted.account.email, acted.sessions_ended
                ),
            })
    };
    done_or_problem(&state, form.parts, page, done, &[]).await
}

/// `POST /manage/password`: the signed-in person's own new password.
pub async fn change_password(State(state): State<AppState>, form: SignedForm) -> Response {
    let page = "/manage/password";
    let new = form.field("password");
    if new != form.field("password_again") {
        let error = check::problem("password_again", "The two new passwords differ");
        return show_problem(&state, form.parts, page, error, &form.fields).await;
    }
    let session = crate::sign_in::session_token(&form.parts.headers)
        .map(|token| crate::accounts::token_hash(&token))
        .unwrap_or_default();
    let (actor, current) = (form.actor(), form.field("current_password"));
    let changed = accounts::change_own_password(&state.storage, &actor, &current, &new, &session);
    let done = changed.await.map(|ended| {
        format!("Your password is changed. {ended} other sessions ended; this one goes on.")
    });
    done_or_problem(&state, form.parts, page, done, &form.fields).await
}

/// `POST /manage/import` (multipart: `csrf_token`, `format`, `file`): shows
/// what importing the file would do, and keeps it for [`confirm_import`].
pub async fn upload_import(State(state): State<AppState>, request: Request) -> Response {
    use axum::extract::{FromRequest, Multipart};
    let (parts, body) = request.into_parts();
    let Some(account) = parts.extensions.get::<SignedInAccount>().cloned() else {
        return Redirect::to("/login").into_response();
    };
    let multipart = Multipart::from_request(Request::from_parts(parts.clone(), body), &()).await;
    let Ok(mut multipart) = multipart else {
        return (
            StatusCode::BAD_REQUEST,
            "Send the import as a file upload (multipart/form-data).",
        )
            .into_response();
    };
    let (mut csrf_ok, mut format, mut file) = (false, String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let file_name = field.file_name().unwrap_or("upload").to_string();
                let Ok(bytes) = field.bytes().await else {
                    return too_large();
                };
                match name.as_str() {
                    "csrf_token" => csrf_ok = bytes.as_ref() == account.csrf_token.as_bytes(),
                    "format" => format = String::from_utf8_lossy(&bytes).into_owned(),
                    "file" => file = Some((file_name, bytes)),
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(_) => return too_large(),
        }
    }
    if from_another_site(&parts.headers) || !csrf_ok {
        return (
            StatusCode::FORBIDDEN,
            "This form has expired or did not come from Lantern.",
        )
            .into_response();
    }
    let actor = Actor::Account(Person::from(&account));
    let format = match format.as_str() {
        "us-omb-2025" => crate::import::ImportFormat::UsOmb2025,
        "lantern-json" => crate::import::ImportFormat::LanternJson,
        _ => {
            let error = check::problem("format", "Choose us-omb-2025 or lantern-json");
            return show_problem(&state, parts, "/manage/import", error, &[]).await;
        }
    };
    let (file_name, bytes) = file.unwrap_or_default();
    match publishing::imports::preview(&state.storage, &actor, format, &file_name, &bytes).await {
        Ok(preview) => render_at(&state, parts, "/manage/import", StatusCode::OK, preview).await,
        Err(error) => show_problem(&state, parts, "/manage/import", error, &[]).await,
    }
}

fn too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        "This file is too large or could not be read: files of up to 32 MB can be imported.",
    )
        .into_response()
}

/// `POST /manage/import/{id}/confirm`: writes a previewed import.
async fn confirm_import(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: SignedForm,
) -> Response {
    match publishing::imports::confirm(&state.storage, &form.actor(), &id).await {
        Ok(done) => render_at(&state, form.parts, "/manage/import", StatusCode::OK, done).await,
        Err(error) => show_problem(&state, form.parts, "/manage/import", error, &form.fields).await,
    }
}
