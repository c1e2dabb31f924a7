//! `/manage/accounts`: admins create accounts, see who has which role and
//! who is signed in, and disable, enable, sign out or set a new password for
//! any account. `/manage/password`: everyone changes their own password.

use super::fields::{Values, input, line, select};
use super::{AccountLine, ActionDone, CsrfField, NotForYou, ProblemSummary, require_sign_in};
use crate::accounts::SignedInAccount;
use crate::html::PageTitle;
use crate::layout::Unavailable;
use crate::record::{Role, date_words};
use leptos::prelude::*;

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
        <PageTitle text="Accounts – Manage – Lantern"/>
        <ProblemSummary/>
        <DoneNotice/>
        <h1>"Accounts"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
        <h2>"Create an account"</h2>
        <form method="post" action="/manage/accounts">
            <CsrfField account=account.clone()/>
            {input(&values, "email", "Email address", "", "email")}
            {line(&values, "name", "Name", "Shown on what the account writes; for an auditor, the oversight body.")}
            {select(&values, "role", "Role", "", Role::options(), false)}
            {line(&values, "agency", "Agency slug", "For editors and approvers only.")}
            {input(&values, "password", "First password", "At least 12 characters. Give it to the person in a safe way.", "password")}
            <button type="submit">"Create account"</button>
        </form>
    }
    .into_any()
}

/// One account, with the forms that act on it. Each action is its own
/// form, so pressing Enter in the password field sets the password and
/// nothing else. An admin cannot disable themselves.
fn account_item(a: AccountLine, me: &SignedInAccount) -> impl IntoView {
    let action = |what: &str| format!("/manage/accounts/{}/{what}", a.id);
    let state = match &a.disabled_at {
        Some(at) => format!("disabled since {}", date_words(at)),
        None => "active".to_string(),
    };
    let role = match &a.agency {
        Some(agency) => format!("{} of {agency}", a.role),
        None => a.role.to_string(),
    };
    let sessions = match a.sessions {
        0 => "not signed in".to_string(),
        1 => "1 live session".to_string(),
        n => format!("{n} live sessions"),
    };
    let facts = format!(
        "{} · {role} · created {} · {state} · {sessions}",
        a.name,
        date_words(&a.created_at)
    );
    let switch = match (&a.disabled_at, a.id == me.id) {
        (Some(_), _) => Some(("enable", format!("Enable {}", a.email))),
        (None, false) => Some(("disable", format!("Disable {}", a.email))),
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
                        <button type="submit" class="secondary">{format!("Sign out {}", a.email)}</button>
                    </form>
                })}
            </div>
            <form method="post" action=action("password") class="field account-password">
                <CsrfField account=me.clone()/>
                <label for=password_id.clone()>{format!("New password for {}", a.email)}</label>
                <input type="password" id=password_id name="password" autocomplete="new-password" minlength="12" required/>
                <button type="submit" class="secondary">"Set password"</button>
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
        <PageTitle text="Your password – Manage – Lantern"/>
        <ProblemSummary/>
        <DoneNotice/>
        <h1>"Change your password"</h1>
        <p class="lede">"Your other sessions (other browsers, other devices) end when you change it; this one stays."</p>
        <form method="post" action="/manage/password">
            <CsrfField account=account.clone()/>
            {input(&values, "current_password", "Current password", "", "password")}
            {input(&values, "password", "New password", "At least 12 characters.", "password")}
            {input(&values, "password_again", "New password again", "", "password")}
            <button type="submit">"Change password"</button>
        </form>
    }
    .into_any()
}
