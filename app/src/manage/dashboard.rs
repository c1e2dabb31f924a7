//! `/manage`: what the signed-in account can do, by role.

use super::{CsrfField, DraftLine, ProblemSummary, SignInFirst, require_sign_in};
use crate::feedback::QueueCounts;
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with, title};
use crate::layout::{TableScroll, Unavailable};
use crate::record::{Role, SystemSummary, date_words};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An agency's desk: its drafts and its published systems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgencyDesk {
    pub agency_name: String,
    pub requires_approval: bool,
    pub drafts: Vec<DraftLine>,
    /// The agency's published systems, most recently updated first.
    pub systems: Vec<SystemSummary>,
    /// All of the agency's published systems (the list shows the first 100).
    pub total: i64,
    /// Published questions and error reports about its systems without an answer.
    pub unanswered: i64,
    /// Its records overdue for review, then those due within 30 days.
    #[serde(default)]
    pub reviews_due: Vec<super::ReviewDue>,
}

/// The desk of the signed-in editor's or approver's agency.
#[server]
pub async fn get_agency_desk() -> Result<AgencyDesk, ServerFnError> {
    use crate::error::AppError;
    use crate::record::AgencySlug;
    use crate::search::{Facet, Filters, Sort, SystemQuery};

    let account = super::account()?;
    let Some(agency) = account.own_agency() else {
        return Err(AppError::Forbidden.into());
    };
    let register = crate::register::register()?;
    let manage = super::manage_register()?;
    let agency_name = register
        .agency(&AgencySlug(agency.0.clone()))
        .await?
        .map(|a| a.agency.name)
        .unwrap_or_else(|| agency.0.clone());
    let query = SystemQuery {
        filters: Filters::from([(Facet::Agency, vec![agency.0.clone()])]),
        sort: Sort::Updated,
        per_page: 100,
        ..SystemQuery::default()
    };
    let list = register.list_systems(&query).await?;
    let unanswered = crate::feedback::feedback_desk()?
        .answer_stats(Some(&agency))
        .await?
        .first()
        .map_or(0, |stats| stats.items - stats.answered);
    Ok(AgencyDesk {
        agency_name,
        requires_approval: manage.agency_requires_approval(&agency).await?,
        drafts: manage.drafts_of(&agency).await?,
        systems: list.systems,
        total: list.total,
        unanswered,
        reviews_due: manage.reviews_due(&agency, super::REVIEW_SOON_DAYS).await?,
    })
}

/// How much of the moderation queue waits, for moderators and admins.
#[server]
pub async fn get_queue_counts() -> Result<QueueCounts, ServerFnError> {
    use crate::error::AppError;
    let account = super::account()?;
    if !matches!(account.role, Role::Moderator | Role::Admin) {
        return Err(AppError::Forbidden.into());
    }
    Ok(crate::feedback::feedback_desk()?.queue_counts().await?)
}

/// `/manage`: who is signed in, what they can do, and the way out.
#[component]
pub fn ManagePage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let role = account.role.label().to_lowercase();
    let who = match &account.agency {
        Some(agency) => t_with(
            "manage-account-of",
            &[
                ("email", account.email.clone().into()),
                ("role", role.into()),
                ("agency", agency.0.clone().into()),
            ],
        ),
        None => t_with(
            "manage-account",
            &[
                ("email", account.email.clone().into()),
                ("role", role.into()),
            ],
        ),
    };
    view! {
        <PageTitle text=title(&t("manage-breadcrumb"))/>
        <ProblemSummary/>
        <h1>{t("manage-heading")}</h1>
        <p>{t("manage-signed-in-as")}" "<strong>{account.name.clone()}</strong>" "{who}</p>
        {match account.role {
            Role::Editor | Role::Approver => view! { <AgencyDeskView/> }.into_any(),
            Role::Auditor => view! {
                <h2>{t("manage-auditor-heading")}</h2>
                <p>{t("manage-auditor-how")}" "<a href=href("/systems")>{t("manage-auditor-find")}</a></p>
                <p>{t("manage-auditor-only")}</p>
            }.into_any(),
            Role::Admin => view! {
                <h2>{t("manage-admin-heading")}</h2>
                <QueueWaiting/>
                <crate::mail::MailWaiting/>
                <ul>
                    <li><a href=href("/manage/agencies")>{t("manage-admin-agencies")}</a>" – "{t("manage-admin-agencies-what")}</li>
                    <li><a href=href("/manage/accounts")>{t("manage-admin-accounts")}</a>" – "{t("manage-admin-accounts-what")}</li>
                    <li><a href=href("/manage/log")>{t("manage-admin-log")}</a>" – "{t("manage-admin-log-what")}</li>
                    <li><a href=href("/manage/feedback")>{t("manage-admin-feedback")}</a>" – "{t("manage-admin-feedback-what")}</li>
                    <li><a href=href("/manage/settings")>{t("manage-admin-settings")}</a>" – "{t("manage-admin-settings-what")}</li>
                </ul>
            }.into_any(),
            Role::Moderator => view! {
                <h2>{t("manage-moderator-heading")}</h2>
                <QueueWaiting/>
                <p><a href=href("/manage/feedback")>{t("manage-moderator-queue")}</a>": "{t("manage-moderator-queue-what")}</p>
            }.into_any(),
        }}
        <p><a href=href("/manage/password")>{t("manage-change-password")}</a></p>
        {(!crate::mail::AccountMail::for_role(account.role).is_empty()).then(|| view! {
            <p><a href=href("/manage/email")>{t("email-heading")}</a>" – "{t("email-what")}</p>
        })}
        <form method="post" action=href("/logout")>
            <CsrfField account=account.clone()/>
            <button type="submit" class="secondary">{t("manage-sign-out")}</button>
        </form>
    }
    .into_any()
}

/// "3 comments wait for a moderator": what the moderation queue holds that needs someone.
#[component]
fn QueueWaiting() -> impl IntoView {
    let counts = Resource::new(|| (), |_| get_queue_counts());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                counts.await.ok().map(|counts| view! {
                    <ul class="waiting" aria-label=t("manage-waiting-for-you")>
                        <li><a href=href("/manage/feedback?show=pending")>{waiting("manage-waiting-pending", counts.pending)}</a></li>
                        <li><a href=href("/manage/feedback?show=flagged")>{waiting("manage-waiting-flagged", counts.flagged)}</a></li>
                    </ul>
                })
            })}
        </Suspense>
    }
}

/// "No comment waits", "1 comment waits", "3 comments wait": message `key` for `count`.
fn waiting(key: &str, count: i64) -> crate::i18n::Text {
    t_with(key, &[("count", count.into())])
}

#[component]
fn AgencyDeskView() -> impl IntoView {
    let desk = Resource::new(|| (), |_| get_agency_desk());
    view! {
        <Suspense fallback=|| view! { <p>{t("manage-desk-loading")}</p> }>
            {move || Suspend::new(async move {
                match desk.await {
                    Ok(desk) => view! { <DeskView desk/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DeskView(desk: AgencyDesk) -> impl IntoView {
    let AgencyDesk {
        agency_name,
        requires_approval,
        drafts,
        systems,
        total,
        unanswered,
        reviews_due,
    } = desk;
    let overdue = reviews_due.iter().filter(|r| r.overdue).count() as i64;
    let soon = reviews_due.len() as i64 - overdue;
    let submitted = drafts
        .iter()
        .filter(|d| d.state == crate::record::DraftState::Submitted)
        .count() as i64;
    let writing = drafts.len() as i64 - submitted;
    let rule = if requires_approval {
        t("manage-rule-approval")
    } else {
        t("manage-rule-no-approval")
    };
    view! {
        <h2 lang=crate::i18n::record_lang()>{agency_name}</h2>
        <ul class="waiting" aria-label=t("manage-waiting-for-agency")>
            <li><a href=href("/manage/answers")>{waiting("manage-waiting-questions", unanswered)}</a></li>
            <li><a href="#drafts">{waiting("manage-waiting-approval", submitted)}</a></li>
            <li><a href="#drafts">{waiting("manage-waiting-writing", writing)}</a></li>
            <li><a href="#reviews">{waiting("manage-waiting-reviews-overdue", overdue)}</a></li>
            <li><a href="#reviews">{waiting("manage-waiting-reviews-soon", soon)}</a></li>
        </ul>
        <p>{rule}" "<a href=href("/manage/tokens")>{t("manage-tokens-link")}</a>" "{t("manage-tokens-what")}</p>
        <p><a class="button" href=href("/manage/systems/new")>{t("manage-add-system")}</a>" "<a href=href("/manage/import")>{t("manage-import-link")}</a></p>
        <h3 id="drafts">{t("manage-drafts")}</h3>
        {if drafts.is_empty() {
            view! { <p>{t("manage-no-drafts")}</p> }.into_any()
        } else {
            view! {
                <TableScroll label=t("manage-drafts")>
                    <table>
                        <thead><tr>
                            <th scope="col">{t("manage-drafts-system")}</th>
                            <th scope="col">{t("manage-drafts-state")}</th>
                            <th scope="col">{t("manage-drafts-author")}</th>
                            <th scope="col">{t("manage-drafts-changed")}</th>
                        </tr></thead>
                        <tbody>
                            {drafts.into_iter().map(|d| view! {
                                <tr>
                                    <td lang=crate::i18n::record_lang()><a href=href(format!("/manage/systems/{}", d.id))>{d.name}</a></td>
                                    <td>{d.state.label()}</td>
                                    <td>{d.author_name}</td>
                                    <td>{date_words(&d.updated_at)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableScroll>
            }.into_any()
        }}
        <ReviewsDue reviews=reviews_due/>
        <h3>{t_with("manage-published", &[("count", total.into())])}</h3>
        <ul class="plain-list">
            {systems.into_iter().map(|s| view! {
                <li>
                    <a href=href(format!("/manage/systems/{}", s.id)) lang=crate::i18n::record_lang()>{s.name}</a>
                    " · " {s.stage.label()} " · " {t_with("manage-published-updated", &[("date", date_words(&s.published_at).into())])}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The agency's records overdue for review, then those due within 30 days:
/// publishing a new version (through "Edit") starts the period again.
#[component]
fn ReviewsDue(reviews: Vec<super::ReviewDue>) -> impl IntoView {
    view! {
        <h3 id="reviews">{t("manage-reviews")}</h3>
        {if reviews.is_empty() {
            view! { <p>{t("manage-no-reviews")}</p> }.into_any()
        } else {
            view! {
                <p>{t("manage-reviews-how")}</p>
                <ul class="plain-list">
                    {reviews.into_iter().map(|r| {
                        let key = if r.overdue { "manage-review-overdue" } else { "manage-review-due" };
                        view! {
                            <li>
                                <a href=href(format!("/manage/systems/{}", r.id)) lang=crate::i18n::record_lang()>{r.name}</a>
                                " · " {t_with(key, &[("date", date_words(&r.review_by).into())])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
