//! The admin and account forms of `/manage`: tokens, agencies and their
//! approval rule, accounts, and one's own password.

use crate::forms::{SignedForm, done_or_problem, render_at, see_other, show_problem};
use crate::publishing::accounts::{self, AccountAction};
use crate::publishing::{admin, check};
use crate::state::AppState;
use app::error::AppError;
use app::manage::NewTokenShown;
use app::record::TokenScope;
use app::record::{AgencySlug, Role};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// `POST /manage/tokens`: a token for the account's agency, shown once.
pub(super) async fn create_token(State(state): State<AppState>, form: SignedForm) -> Response {
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
pub(super) async fn revoke_token(
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
pub(super) async fn create_agency(State(state): State<AppState>, form: SignedForm) -> Response {
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
pub(super) async fn set_approval(
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
pub(super) async fn create_account(State(state): State<AppState>, form: SignedForm) -> Response {
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
pub(super) async fn act_on_account(
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
pub(super) async fn change_password(State(state): State<AppState>, form: SignedForm) -> Response {
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
