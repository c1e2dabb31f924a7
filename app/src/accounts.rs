//! Signing in to `/manage` and out again.
//!
//! The forms are plain POST forms handled by the server (see
//! `server/src/sign_in.rs`), which answers a wrong sign-in by rendering this
//! page again with the problem and the email as typed, so everything works
//! without JavaScript.

use crate::html::PageTitle;
use crate::i18n::{href, t, title};
use crate::record::{AgencySlug, Role};
use leptos::prelude::*;

/// The account a request is signed in with, as pages need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedInAccount {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency: Option<AgencySlug>,
    /// Sent back with every form of the session, against cross-site requests.
    pub csrf_token: String,
}

impl SignedInAccount {
    /// The agency whose systems this account writes for: editors' and
    /// approvers' own agency; none for other roles.
    pub fn own_agency(&self) -> Option<AgencySlug> {
        self.agency
            .clone()
            .filter(|_| self.role.belongs_to_agency())
    }
}

/// A sign-in that did not work, shown again: what was typed and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInAttempt {
    pub email: String,
    /// The field at fault (`email` or `password`), or none for the form as a whole.
    pub field: Option<&'static str>,
    pub problem: String,
}

/// The account of the request being rendered, if it is signed in.
pub fn signed_in() -> Option<SignedInAccount> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|request| request.extensions.get::<SignedInAccount>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// `/login`: email and password.
#[component]
pub fn LoginPage() -> impl IntoView {
    let attempt = use_context::<SignInAttempt>();
    let email = attempt
        .as_ref()
        .map(|a| a.email.clone())
        .unwrap_or_default();
    let field_error = |field: &'static str| {
        attempt
            .as_ref()
            .filter(|a| a.field == Some(field))
            .map(|a| a.problem.clone())
    };
    let email_error = field_error("email");
    let password_error = field_error("password");
    let (email_wrong, password_wrong) = (email_error.is_some(), password_error.is_some());
    view! {
        <PageTitle text=title(&t("nav-sign-in"))/>
        {attempt.clone().map(|a| {
            let href = format!("#{}", a.field.unwrap_or("email"));
            view! {
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                    <h2 id="error-summary-title">{t("form-problem")}</h2>
                    <ul><li><a href=href>{a.problem}</a></li></ul>
                </div>
            }
        })}
        <h1>{t("nav-sign-in")}</h1>
        <p class="lede">{t("sign-in-lede")}</p>
        <form method="post" action=href("/login") class="sign-in">
            <div class="field" class:field-error=email_wrong>
                <label for="email">{t("sign-in-email")}</label>
                {email_error.map(|e| view! { <p class="error-message" id="email-error">{e}</p> })}
                <input type="email" id="email" name="email" autocomplete="username" spellcheck="false"
                    required value=email aria-describedby=email_wrong.then_some("email-error")
                    aria-invalid=email_wrong.then_some("true")/>
            </div>
            <div class="field" class:field-error=password_wrong>
                <label for="password">{t("sign-in-password")}</label>
                {password_error.map(|e| view! { <p class="error-message" id="password-error">{e}</p> })}
                <input type="password" id="password" name="password" autocomplete="current-password" required
                    aria-describedby=password_wrong.then_some("password-error")
                    aria-invalid=password_wrong.then_some("true")/>
            </div>
            <button type="submit">{t("nav-sign-in")}</button>
        </form>
    }
}
