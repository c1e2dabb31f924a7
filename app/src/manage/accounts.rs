//! `/manage/accounts`: admins create accounts, see who has which role and
//! who is signed in, and disable, enable, sign out or set a new password for
//! any account. `/manage/password`: everyone changes their own password.

use super::fields::{Values, input, line, select};
use super::{AccountLine, ActionDone, CsrfField, NotForYou, ProblemSummary, require_sign_in};
use crate::accounts::SignedInAccount;
use crate::html::PageTitle;
use crate::i18n::{FluentValue, href, t, t_with};
use crate::layout::Unavailable;
use crate::record::{Role, date_words};
use leptos::prelude::*;

/// A page of `/manage` in the browser's tab: `Accounts – Manage – Lantern`.
pub(crate) fn manage_title(page: &str) -> String {
    t_with("manage-page-title", &[("page", page.into())]).into_owned()
}

/// Every account: admins only.
#[server]
pub async fn get_account_lines() -> Result<Vec<AccountLine>, ServerFnError> {
    use crate::error::AppError;
    if super::account()?.role != Role::Admin {
        return Err(AppError::Forbidden.into());
    }
    Ok(super::manage_register()?.account_lines().await?)
}

/// What a form did, if it did something: a notice that screen readers hear.
#[component]
pub fn DoneNotice() -> impl IntoView {
    use_context::<ActionDone>().map(|done| {
        view! { <div class="notice" role="status"><p>{done.message}</p></div> }
    })
}

/// `/manage/accounts`.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if account.role != Role::Admin {
        return view! { <NotForYou/> }.into_any();
    }
    let accounts = Resource::new(|| (), |_| get_account_lines());
    let values = Values::from_context();
    let list_account = account.clone();
    view! {
        <PageTitle text=manage_title(&t("manage-admin-accounts"))/>
        <ProblemSummary/>
        <DoneNotice/>
        <h1>{t("manage-admin-accounts")}</h1>
        <Suspense fallback=|| view! { <p>{t("accounts-loading")}</p> }>
            {move || {
                let me = list_account.clone();
                Suspend::new(async move {
                    match accounts.await {
                        Ok(accounts) => view! {
                            <ul class="moderation-queue">
                                {accounts.into_iter().map(|a| account_item(a, &me)).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
        <h2>{t("accounts-create-heading")}</h2>
        <form method="post" action=href("/manage/accounts")>
            <CsrfField account=account.clone()/>
            {input(&values, "email", &t("form-field-email"), "", "email")}
            {line(&values, "name", &t("accounts-name"), &t("accounts-name-hint"))}
            {select(&values, "role", &t("form-field-role"), "", Role::options(), false)}
            {line(&values, "agency", &t("accounts-agency"), &t("accounts-agency-hint"))}
            {input(&values, "password", &t("accounts-first-password"), &t("accounts-first-password-hint"), "password")}
            <button type="submit">{t("accounts-create")}</button>
        </form>
    }
    .into_any()
}

/// One account, with the forms that act on it. Each action is its own
/// form, so pressing Enter in the password field sets the password and
/// nothing else. An admin cannot disable themselves.
fn account_item(a: AccountLine, me: &SignedInAccount) -> impl IntoView {
    let action = |what: &str| href(format!("/manage/accounts/{}/{what}", a.id));
    let email = || FluentValue::from(a.email.as_str());
    let state = match &a.disabled_at {
        Some(at) => t_with(
            "accounts-disabled-since",
            &[("date", date_words(at).into())],
        ),
        None => t("accounts-active"),
    };
    let role = match &a.agency {
        Some(agency) => t_with(
            "accounts-role-of",
            &[
                ("role", a.role.label().into()),
                ("agency", agency.as_str().into()),
            ],
        ),
        None => a.role.label(),
    };
    let facts = t_with(
        "accounts-facts",
        &[
            ("name", a.name.as_str().into()),
            ("role", role.into()),
            ("date", date_words(&a.created_at).into()),
            ("state", state.into()),
            (
                "sessions",
                t_with("accounts-sessions", &[("count", a.sessions.into())]).into(),
            ),
        ],
    );
    let switch = match (&a.disabled_at, a.id == me.id) {
        (Some(_), _) => Some(("enable", t_with("accounts-enable", &[("email", email())]))),
        (None, false) => Some(("disable", t_with("accounts-disable", &[("email", email())]))),
        (None, true) => None,
    };
    let password_id = format!("password-{}", a.id);
    view! {
        <li class="queue-item">
            <h2 class="queue-heading">{a.email.clone()}</h2>
            <p class="queue-facts">{facts}</p>
            <div class="account-actions">
                {switch.map(|(what, label)| view! {
                    <form method="post" action=action(what)>
                        <CsrfField account=me.clone()/>
                        <button type="submit" class="secondary">{label}</button>
                    </form>
                })}
                {(a.sessions > 0).then(|| view! {
                    <form method="post" action=action("sessions-end")>
                        <CsrfField account=me.clone()/>
                        <button type="submit" class="secondary">{t_with("accounts-sign-out", &[("email", email())])}</button>
                    </form>
                })}
            </div>
            <form method="post" action=action("password") class="field account-password">
                <CsrfField account=me.clone()/>
                <label for=password_id.clone()>{t_with("accounts-new-password-for", &[("email", email())])}</label>
                <input type="password" id=password_id name="password" autocomplete="new-password" minlength="12" required/>
                <button type="submit" class="secondary">{t("accounts-set-password")}</button>
            </form>
        </li>
    }
}

/// `/manage/password`: the signed-in person changes their own password.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    let values = Values::from_context();
    view! {
        <PageTitle text=manage_title(&t("accounts-password-title"))/>
        <ProblemSummary/>
        <DoneNotice/>
        <h1>{t("manage-change-password")}</h1>
        <p class="lede">{t("accounts-password-lede")}</p>
        <form method="post" action=href("/manage/password")>
            <CsrfField account=account.clone()/>
            {input(&values, "current_password", &t("form-field-current_password"), "", "password")}
            {input(&values, "password", &t("accounts-new-password"), &t("accounts-new-password-hint"), "password")}
            {input(&values, "password_again", &t("form-field-password_again"), "", "password")}
            <button type="submit">{t("accounts-change-password")}</button>
        </form>
    }
    .into_any()
}
