//! The admin and account forms of `/manage`: tokens, agencies and their
//! approval rule, accounts, one's own password and the mail one gets.

use crate::forms::{SignedForm, done_or_problem, render_at, see_other, show_problem};
use crate::publishing::accounts::{self, AccountAction};
use crate::publishing::{admin, check};
use crate::state::AppState;
use app::error::AppError;
use app::i18n::{t_in, t_with_in};
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
    let language = form.language();
    let Some(scope) = TokenScope::parse(&form.field("scope")) else {
        let error = check::problem("scope", &t_in(language, "tokens-check-scope"));
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
                let error =
                    check::problem("expires_in_days", &t_in(language, "tokens-check-expiry"));
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
        Ok(_) => see_other(crate::languages::of(&form.parts).href("/manage/tokens")),
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
        Ok(_) => see_other(crate::languages::of(&form.parts).href("/manage/agencies")),
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
        Ok(()) => see_other(crate::languages::of(&form.parts).href("/manage/agencies")),
        Err(error) => {
            show_problem(&state, form.parts, "/manage/agencies", error, &form.fields).await
        }
    }
}

/// `POST /manage/accounts`: admins create accounts.
pub(super) async fn create_account(State(state): State<AppState>, form: SignedForm) -> Response {
    let Some(role) = Role::parse(&form.field("role")) else {
        let names = Role::labels_in(form.language());
        let message = t_with_in(
            form.language(),
            "check-choose-one-of",
            &[("names", names.into())],
        );
        let error = check::problem("role", &message);
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
        Ok(_) => see_other(crate::languages::of(&form.parts).href("/manage/accounts")),
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
    let (actor, language) = (form.actor(), form.language());
    // What was done, with the account's email and the sessions that ended.
    let said = |key: &str, acted: accounts::AccountActed| {
        t_with_in(
            language,
            key,
            &[
                ("email", acted.account.email.into()),
                ("count", acted.sessions_ended.into()),
            ],
        )
        .into_owned()
    };
    let done = if action == "password" {
        let password = form.field("password");
        accounts::set_password(&state.storage, &actor, id, &password)
            .await
            .map(|acted| said("accounts-password-set", acted))
    } else {
        let Some(action) = AccountAction::parse(&action) else {
            return show_problem(&state, form.parts, page, AppError::NotFound, &[]).await;
        };
        let key = match action {
            AccountAction::Disable => "accounts-disabled",
            AccountAction::Enable => "accounts-enabled",
            AccountAction::EndSessions => "accounts-signed-out",
        };
        accounts::act_on_account(&state.storage, &actor, id, action)
            .await
            .map(|acted| said(key, acted))
    };
    done_or_problem(&state, form.parts, page, done, &[]).await
}

/// `POST /manage/password`: the signed-in person's own new password.
pub(super) async fn change_password(State(state): State<AppState>, form: SignedForm) -> Response {
    let page = "/manage/password";
    let new = form.field("password");
    let language = form.language();
    if new != form.field("password_again") {
        let error = check::problem(
            "password_again",
            &t_in(language, "accounts-check-passwords-differ"),
        );
        return show_problem(&state, form.parts, page, error, &form.fields).await;
    }
    let session = crate::sign_in::session_token(&form.parts.headers)
        .map(|token| crate::accounts::token_hash(&token))
        .unwrap_or_default();
    let (actor, current) = (form.actor(), form.field("current_password"));
    let changed = accounts::change_own_password(&state.storage, &actor, &current, &new, &session);
    let done = changed.await.map(|ended| {
        t_with_in(
            language,
            "accounts-password-changed",
            &[("count", ended.into())],
        )
        .into_owned()
    });
    done_or_problem(&state, form.parts, page, done, &form.fields).await
}

/// `POST /manage/email`: the signed-in person's choice of mail, one `on`
/// field for each kind they want; the kinds not sent are turned off.
pub(super) async fn choose_email(State(state): State<AppState>, form: SignedForm) -> Response {
    let on: Vec<String> = form
        .fields
        .iter()
        .filter(|(name, _)| name == "on")
        .map(|(_, value)| value.clone())
        .collect();
    let person = form.person();
    let done = accounts::choose_mail(&state.storage, &person, &on)
        .await
        .map(|()| t_in(person.language, "email-saved").into_owned());
    done_or_problem(&state, form.parts, "/manage/email", done, &form.fields).await
}
