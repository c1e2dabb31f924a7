//! `/manage`: what the signed-in account can do, by role.

use super::{CsrfField, DraftLine, ProblemSummary, require_sign_in};
use crate::feedback::QueueCounts;
use crate::html::PageTitle;
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
        return view! { <p>"Please " <a href="/login">"sign in"</a> "."</p> }.into_any();
    };
    let agency = account
        .agency
        .as_ref()
        .map(|a| format!(" of {a}"))
        .unwrap_or_default();
    let role = account.role;
    view! {
        <PageTitle text="Manage – Lantern"/>
        <ProblemSummary/>
        <h1>"Manage the register"</h1>
        <p>"Signed in as " <strong>{account.name.clone()}</strong> " (" {account.email.clone()} "), "
            {role.label().to_lowercase()} {agency} "."</p>
        {match role {
            Role::Editor | Role::Approver => view! { <AgencyDeskView/> }.into_any(),
            Role::Auditor => view! {
                <h2>"Record an audit"</h2>
                <p>"Open the record of the system you audited (" <a href="/systems">"find it"</a>
                    "): its page has a link to record an audit. Only auditors can record audits; agencies cannot mark their own systems as audited."</p>
            }.into_any(),
            Role::Admin => view! {
                <h2>"Run the register"</h2>
                <QueueWaiting/>
                <ul>
                    <li><a href="/manage/agencies">"Agencies"</a>" – create agencies and set who must approve their drafts"</li>
                    <li><a href="/manage/accounts">"Accounts"</a>" – create accounts, give them roles, disable them, sign them out, set a new password"</li>
                    <li><a href="/manage/log">"Audit log"</a>" – every write to the register: who, when, what"</li>
                    <li><a href="/manage/feedback">"Citizen feedback"</a>" – the moderation queue"</li>
                    <li><a href="/manage/settings">"Feedback settings"</a>" – moderation, reports, email retention and the rate limit"</li>
                </ul>
            }.into_any(),
            Role::Moderator => view! {
                <h2>"Moderate citizen feedback"</h2>
                <QueueWaiting/>
                <p><a href="/manage/feedback">"The moderation queue"</a>": comments waiting for you, and those readers reported."</p>
            }.into_any(),
        }}
        <p><a href="/manage/password">"Change your password"</a></p>
        <form method="post" action="/logout">
            <CsrfField account=account.clone()/>
            <button type="submit" class="secondary">"Sign out"</button>
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
                    <ul class="waiting" aria-label="Waiting for you">
                        <li><a href="/manage/feedback?show=pending">{waiting(counts.pending, "comment waits", "comments wait")}" for a moderator"</a></li>
                        <li><a href="/manage/feedback?show=flagged">{waiting(counts.flagged, "comment was", "comments were")}" reported by readers"</a></li>
                    </ul>
                })
            })}
        </Suspense>
    }
}

/// "No comment waits", "1 comment waits", "3 comments wait".
fn waiting(n: i64, one: &str, many: &str) -> String {
    match n {
        0 => format!("No {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[component]
fn AgencyDeskView() -> impl IntoView {
    let desk = Resource::new(|| (), |_| get_agency_desk());
    view! {
        <Suspense fallback=|| view! { <p>"Loading your agency’s records…"</p> }>
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
    } = desk;
    let submitted = drafts
        .iter()
        .filter(|d| d.state == crate::record::DraftState::Submitted)
        .count() as i64;
    let writing = drafts.len() as i64 - submitted;
    let rule = if requires_approval {
        "Drafts are published once an approver who did not write them approves them."
    } else {
        "Editors and approvers publish drafts themselves."
    };
    view! {
        <h2>{agency_name}</h2>
        <ul class="waiting" aria-label="Waiting for your agency">
            <li><a href="/manage/answers">{waiting(unanswered, "question from the public waits", "questions from the public wait")}" for an answer"</a></li>
            <li><a href="#drafts">{waiting(submitted, "draft waits", "drafts wait")}" for approval"</a></li>
            <li><a href="#drafts">{waiting(writing, "draft is", "drafts are")}" being written"</a></li>
        </ul>
        <p>{rule}" "<a href="/manage/tokens">"API tokens"</a>" for your agency’s own tools."</p>
        <p><a class="button" href="/manage/systems/new">"Add a system"</a>" "<a href="/manage/import">"Import your inventory"</a></p>
        <h3 id="drafts">"Drafts"</h3>
        {if drafts.is_empty() {
            view! { <p>"No drafts."</p> }.into_any()
        } else {
            view! {
                <TableScroll label="Drafts">
                    <table>
                        <thead><tr><th scope="col">"System"</th><th scope="col">"State"</th><th scope="col">"Last written by"</th><th scope="col">"Changed"</th></tr></thead>
                        <tbody>
                            {drafts.into_iter().map(|d| view! {
                                <tr>
                                    <td><a href=format!("/manage/systems/{}", d.id)>{d.name}</a></td>
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
        <h3>{format!("Published systems ({total})")}</h3>
        <ul class="plain-list">
            {systems.into_iter().map(|s| view! {
                <li>
                    <a href=format!("/manage/systems/{}", s.id)>{s.name}</a>
                    " · " {s.stage.label()} " · updated " {date_words(&s.published_at)}
                </li>
            }).collect_view()}
        </ul>
    }
}
