//! The forms of `/manage` over HTTP: plain POST handlers, so everything works
//! without JavaScript.
//!
//! Every form carries the session's CSRF token and must come from Lantern's
//! own pages. A handler checks that, calls [`crate::publishing`] (which checks
//! who may do what), then goes on with a 303 redirect, or shows the page the
//! form came from again with the problem: 422 with every wrong field named
//! and what was typed kept, 403, 404 or 409 with a message.

mod admin;
pub mod form;
mod imports;

use crate::forms::{SignedForm, render_at, see_other, show_problem};
use crate::publishing::{self, Target, audits, check};
use crate::state::AppState;
use app::error::AppError;
use app::manage::FormAttempt;
use app::record::SystemId;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;

/// Every form handler of `/manage`. Where a page is at the same address
/// (`/manage/tokens`), the page's GET and the form's POST share the route:
/// leptos adds the GET when the router mounts the pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/manage/systems/new", post(create_system))
        .route("/manage/systems/{id}/edit", post(save_system))
        .route("/manage/systems/{id}/audits", post(record_audit))
        .route("/manage/systems/{id}/{step}", post(workflow))
        .route("/manage/tokens", post(admin::create_token))
        .route("/manage/tokens/{id}/revoke", post(admin::revoke_token))
        .route("/manage/agencies", post(admin::create_agency))
        .route(
            "/manage/agencies/{slug}/approval",
            post(admin::set_approval),
        )
        .route("/manage/accounts", post(admin::create_account))
        .route(
            "/manage/accounts/{id}/{action}",
            post(admin::act_on_account),
        )
        .route("/manage/password", post(admin::change_password))
        .route("/manage/email", post(admin::choose_email))
        .route("/manage/settings", post(crate::settings::change_settings))
        .route(
            "/manage/import",
            post(imports::upload_import).layer(axum::extract::DefaultBodyLimit::max(
                crate::publishing::imports::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route("/manage/import/{id}/confirm", post(imports::confirm_import))
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
    let language = form.language();
    let saved = match check::system_input(&body, language, &state.languages) {
        Ok(input) => publishing::save_draft(&state.storage, &form.actor(), &target, &input).await,
        Err(AppError::Validation(problems)) => Err(AppError::Validation(form::in_form_words(
            problems, language,
        ))),
        Err(error) => Err(error),
    };
    let page = crate::languages::of(&form.parts);
    match saved {
        Ok(saved) => see_other(page.href(&format!("/manage/systems/{}", saved.id))),
        Err(error) => show_problem(&state, form.parts, &form_path, error, &form.fields).await,
    }
}

/// `POST /manage/systems/new`: a new system's first draft.
async fn create_system(State(state): State<AppState>, form: SignedForm) -> Response {
    write_system(state, form, Target::New).await
}

/// `POST /manage/systems/{id}/edit`: the system's draft.
async fn save_system(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: SignedForm,
) -> Response {
    write_system(state, form, Target::Existing(SystemId(id))).await
}

/// `POST /manage/systems/{id}/{step}`: the workflow buttons of a system's
/// manage page (`submit`, `publish`, `approve`, `discard`, `retire` with
/// `retired_on`, `reviewed`, `review-date` with `review_by`).
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
        "reviewed" => publishing::confirm_review(storage, &actor, &id).await,
        "review-date" => {
            publishing::set_review_date(storage, &actor, &id, &form.field("review_by")).await
        }
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
    let page = crate::languages::of(&form.parts);
    match result {
        // A discarded draft of a new system leaves no page behind.
        Ok(()) if step == "discard" => see_other(page.href("/manage")),
        Ok(()) => see_other(page.href(&back)),
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
        Ok(()) => see_other(crate::languages::of(&form.parts).href(&format!("/systems/{id}"))),
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
