//! `/manage`: where agencies file their records, approvers approve, auditors
//! record audits and admins run the register.
//!
//! Every form is a plain POST handled on the server (`server/src/manage.rs`),
//! which goes on with a redirect, or renders the form's page again with what
//! was wrong (the types below reach the page through its context). So all of
//! it works without JavaScript.

pub mod accounts;
pub mod admin;
pub mod dashboard;
pub mod email;
pub mod fields;
pub mod form_advice;
pub mod import;
pub mod markdown_field;
pub mod plain_language;
pub mod settings;
pub mod system_desk;
pub mod system_form;
pub mod translation_fields;

use crate::accounts::{SignedInAccount, signed_in};
use crate::i18n::{href, t, title};
use crate::layout::set_status;
use crate::record::{
    AgencySlug, Author, DraftState, Role, SystemContent, SystemId, Timestamp, TokenScope,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A form that could not be done, shown at the top of the page it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionProblem {
    pub message: String,
}

/// A form sent back: what was typed (never a password), and every problem
/// by field path (`name`, `data[1].name`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormAttempt {
    pub fields: Vec<(String, String)>,
    pub problems: Vec<(String, Vec<String>)>,
    /// The system form's list ("data", "assessments", "withheld") to show one more empty row of.
    pub add_row: Option<String>,
}

/// What a form did, said at the top of the page it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionDone {
    pub message: String,
}

/// A token just created, shown once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTokenShown {
    pub id: i64,
    pub secret: String,
}

/// A draft as `/manage` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftLine {
    pub id: SystemId,
    pub name: String,
    pub state: DraftState,
    pub author_name: String,
    pub updated_at: Timestamp,
}

/// A draft in full, for its page and its preview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: SystemId,
    pub agency: AgencySlug,
    pub state: DraftState,
    pub author: Author,
    pub author_name: String,
    pub change_summary: String,
    pub content: SystemContent,
    pub updated_at: Timestamp,
}

/// An API token as `/manage/tokens` lists it (never the token itself).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenLine {
    pub id: i64,
    pub label: String,
    pub scope: TokenScope,
    pub created_by: String,
    pub created_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
    pub last_used_at: Option<Timestamp>,
    /// When it stops working, if it was given an expiry.
    pub expires_at: Option<Timestamp>,
    /// Whether that time has passed.
    pub expired: bool,
}

/// One write in the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub id: i64,
    pub at: Timestamp,
    pub actor: String,
    pub acting_as: String,
    pub agency: Option<String>,
    pub action: String,
    pub system_id: Option<String>,
    pub detail: String,
}

/// An account as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLine {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency: Option<String>,
    pub created_at: Timestamp,
    /// Since when it may not sign in, if it is disabled.
    pub disabled_at: Option<Timestamp>,
    /// Its live sessions.
    pub sessions: i64,
}

/// A record due for review: past its review-by date, or within
/// [`REVIEW_SOON_DAYS`] of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDue {
    pub id: SystemId,
    pub name: String,
    pub review_by: Timestamp,
    pub overdue: bool,
}

/// How far ahead an agency's desk lists records due for review.
pub const REVIEW_SOON_DAYS: i64 = 30;

/// An agency with its two-person rule, for the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyLine {
    pub slug: String,
    pub name: String,
    pub requires_approval: bool,
}

#[cfg(feature = "ssr")]
pub use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use crate::error::AppError;
    use std::sync::Arc;

    /// What the pages of `/manage` read. Who may read what is checked by
    /// each page's server function before it asks.
    #[async_trait::async_trait]
    pub trait ManageRegister: Send + Sync {
        async fn drafts_of(&self, agency: &AgencySlug) -> Result<Vec<DraftLine>, AppError>;
        async fn draft_view(&self, id: &SystemId) -> Result<Option<DraftView>, AppError>;
        /// The content of a system's current published version and its owner.
        async fn published(
            &self,
            id: &SystemId,
        ) -> Result<Option<(AgencySlug, SystemContent)>, AppError>;
        async fn agency_requires_approval(&self, agency: &AgencySlug) -> Result<bool, AppError>;
        async fn token_lines(&self, agency: &AgencySlug) -> Result<Vec<TokenLine>, AppError>;
        async fn log_lines(&self, before: Option<i64>) -> Result<Vec<LogLine>, AppError>;
        async fn account_lines(&self) -> Result<Vec<AccountLine>, AppError>;
        async fn agency_lines(&self) -> Result<Vec<AgencyLine>, AppError>;
        /// An agency's records overdue for review, or due within `days`
        /// days, soonest first.
        async fn reviews_due(
            &self,
            agency: &AgencySlug,
            days: i64,
        ) -> Result<Vec<ReviewDue>, AppError>;
        /// How the mail queue stands.
        async fn mail_queue(&self) -> Result<crate::mail::MailQueue, AppError>;
        /// The kinds of mail account `account` turned off.
        async fn mail_turned_off(
            &self,
            account: i64,
        ) -> Result<Vec<crate::mail::AccountMail>, AppError>;
    }

    /// The handle `/manage`'s server functions find in their context.
    pub type SharedManage = Arc<dyn ManageRegister>;

    /// The manage register of the current request.
    pub fn manage_register() -> Result<SharedManage, AppError> {
        leptos::prelude::use_context::<SharedManage>()
            .ok_or_else(|| AppError::Internal("no manage register in the request context".into()))
    }

    /// The signed-in account of the request, or `Unauthorized`.
    pub fn account() -> Result<SignedInAccount, AppError> {
        signed_in().ok_or(AppError::Unauthorized)
    }
}

/// Sends a signed-out visitor to `/login`; `true` when someone is signed in.
pub fn require_sign_in() -> Option<SignedInAccount> {
    let account = signed_in();
    if account.is_none() {
        #[cfg(feature = "ssr")]
        leptos_axum::redirect(&crate::i18n::href("/login"));
        set_status(303);
    }
    account
}

/// The hidden CSRF field every `/manage` form carries.
#[component]
pub fn CsrfField(account: SignedInAccount) -> impl IntoView {
    view! { <input type="hidden" name="csrf_token" value=account.csrf_token/> }
}

/// What was wrong with the form this page was rendered again for, if any:
/// a message, or every wrong field linked to its input.
#[component]
pub fn ProblemSummary() -> impl IntoView {
    let message = use_context::<ActionProblem>().map(|problem| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">{t("form-problem")}</h2>
                <p>{problem.message}</p>
            </div>
        }
    });
    let fields = use_context::<FormAttempt>()
        .map(|attempt| view! { <fields::ErrorSummary values=fields::Values::from(attempt)/> });
    (message, fields)
}

/// Shown instead of a page of `/manage` to someone signed out (who is also
/// sent to the sign-in page).
#[component]
pub fn SignInFirst() -> impl IntoView {
    view! { <p><a href=href("/login")>{t("manage-sign-in-first")}</a></p> }
}

/// Shown when the signed-in account may not see a page.
#[component]
pub fn NotForYou() -> impl IntoView {
    set_status(403);
    view! {
        <crate::html::PageTitle text=title(&t("manage-not-for-you"))/>
        <h1>{t("manage-not-for-you")}</h1>
        <p>{t("manage-not-for-you-why")}" "<a href=href("/manage")>{t("manage-back")}</a></p>
    }
}
