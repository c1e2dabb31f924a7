//! `/manage/feedback`: the moderation queue (moderators and admins), and
//! `/manage/settings`: the register's feedback settings (admins).
//!
//! Each decision on a comment has its own form, so pressing Enter in the
//! note can only hide: publish it (ticking first that a comment flagged for
//! personal data holds none), or hide it with a reason from the fixed list
//! and a note. A published comment is taken down the same way. Hidden
//! comments stay stored with their reason. After a decision the queue says
//! what was done.

use super::{
    FeedbackSettings, Moderation, ModerationItem, QueueCounts, QueueFilter, duration_words,
    hidden_reason_label,
};
use crate::html::PageTitle;
use crate::layout::Unavailable;
use crate::manage::accounts::DoneNotice;
use crate::manage::{CsrfField, NotForYou, ProblemSummary, fields, require_sign_in};
use crate::record::{CommentState, HideReason, Role, date_words};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// The comments under one filter, and how many each filter holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationQueue {
    pub items: Vec<ModerationItem>,
    pub counts: QueueCounts,
}

/// The queue under a filter (`pending`, `flagged`, `hidden`, `published`).
#[server]
pub async fn get_moderation_queue(show: String) -> Result<ModerationQueue, ServerFnError> {
    use crate::error::AppError;
    let account = crate::manage::account()?;
    if !matches!(account.role, Role::Moderator | Role::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let filter = QueueFilter::parse(&show).unwrap_or_default();
    let desk = super::feedback_desk()?;
    Ok(ModerationQueue {
        items: desk.moderation_queue(filter).await?,
        counts: desk.queue_counts().await?,
    })
}

/// The register's feedback settings, for admins.
#[server]
pub async fn get_feedback_settings() -> Result<FeedbackSettings, ServerFnError> {
    use crate::error::AppError;
    if crate::manage::account()?.role != Role::Admin {
        return Err(AppError::Forbidden.into());
    }
    Ok(super::feedback_desk()?.feedback_settings().await?)
}

/// `/manage/feedback`.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if !matches!(account.role, Role::Moderator | Role::Admin) {
        return view! { <NotForYou/> }.into_any();
    }
    let query = use_query_map();
    let filter = query.with_untracked(|q| {
        q.get("show")
            .and_then(|s| QueueFilter::parse(&s))
            .unwrap_or_default()
    });
    let queue = Resource::new(
        move || filter,
        |f| get_moderation_queue(f.as_str().to_string()),
    );
    view! {
        <PageTitle text="Moderation – Manage – Lantern"/>
        <ProblemSummary/>
        <DoneNotice/>
        <p class="breadcrumbs"><a href="/manage">"Manage"</a></p>
        <h1>"Citizen feedback"</h1>
        <Suspense fallback=|| view! { <p>"Loading the queue…"</p> }>
            {move || {
                let account = account.clone();
                let values = fields::Values::from_context();
                Suspend::new(async move {
                    match queue.await {
                        Ok(queue) => view! {
                            <QueueTabs counts=queue.counts filter/>
                            <QueueList items=queue.items total=queue.counts.of(filter) account filter values/>
                        }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// The queue's filters, each with how many comments it holds.
#[component]
fn QueueTabs(counts: QueueCounts, filter: QueueFilter) -> impl IntoView {
    view! {
        <nav aria-label="Which comments">
            <ul class="filter-links">
                {QueueFilter::ALL.into_iter().map(|f| {
                    let current = (f == filter).then_some("page");
                    view! { <li><a href=format!("/manage/feedback?show={}", f.as_str()) aria-current=current>{format!("{} ({})", f.label(), counts.of(f))}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn QueueList(
    items: Vec<ModerationItem>,
    /// All the comments under the filter (the list shows the newest 200).
    total: i64,
    account: crate::accounts::SignedInAccount,
    filter: QueueFilter,
    values: fields::Values,
) -> impl IntoView {
    if items.is_empty() {
        return view! {
            <p>{format!("Nothing here: no comment is {}.", filter.label().to_lowercase())}</p>
        }
        .into_any();
    }
    view! {
        <p>{if items.len() as i64 >= total {
            format!("{total} comments, newest first.")
        } else {
            format!("The newest {} of {total} comments.", items.len())
        }}</p>
        <ol class="moderation-queue">
            {items.into_iter().map(|item| view! {
                <QueueItem item account=account.clone() filter values=values.clone()/>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn QueueItem(
    item: ModerationItem,
    account: crate::accounts::SignedInAccount,
    filter: QueueFilter,
    /// The form sent back with a problem, if any.
    values: fields::Values,
) -> impl IntoView {
    let id = item.id;
    let who = item
        .name
        .clone()
        .unwrap_or_else(|| "No name given".to_string());
    let state_line = match (&item.state, &item.hidden_reason) {
        (CommentState::Hidden, Some(reason)) => format!(
            "Hidden: {}{}",
            hidden_reason_label(reason),
            item.moderator_note
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        ),
        (state, _) => state.label().to_string(),
    };
    let flags = (item.flags > 0 || !item.flag_reasons.is_empty()).then(|| {
        let reasons = item
            .flag_reasons
            .iter()
            .map(|r| hidden_reason_label(r))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <li class="warning">{format!("Reported by readers {} times: {reasons}", item.flag_reasons.len())}</li> }
    });
    let can_publish = item.state != CommentState::Published || item.flags > 0;
    let can_hide =
        item.state != CommentState::Hidden || item.hidden_reason.as_deref() == Some("flagged");
    view! {
        <li class="queue-item" id=format!("comment-{id}")>
            <h2 class="queue-heading">
                {item.kind.label()} " on " <a href=format!("/systems/{}", item.system_id)>{item.system_name.clone()}</a>
            </h2>
            <p class="comment-meta">{format!("{who} · sent {} · {}", date_words(&item.created_at), item.agency_name)}</p>
            <div class="comment-body">
                {item.body.split("\n\n").map(|p| view! { <p class="plain-text">{p.to_string()}</p> }).collect_view()}
            </div>
            <ul class="queue-facts">
                <li>{state_line}</li>
                {item.personal_data_found.then(|| view! {
                    <li class="warning">"It may contain personal data (an email address or a phone number)."</li>
                })}
                {flags}
                {item.wants_reply.then(|| view! { <li>"The sender left an email address for a reply."</li> })}
            </ul>
            <div class="moderation-forms">
                {can_publish.then(|| view! { <PublishForm item=item.clone() account=account.clone() filter values=values.clone()/> })}
                {can_hide.then(|| view! { <HideForm item=item.clone() account=account.clone() filter values=values.clone()/> })}
            </div>
        </li>
    }
}

/// Publishing a comment, or keeping a reported one published. Publishing
/// what seems to hold personal data takes a tick: pressing Enter, or the
/// wrong button, never publishes it.
#[component]
fn PublishForm(
    item: ModerationItem,
    account: crate::accounts::SignedInAccount,
    filter: QueueFilter,
    values: fields::Values,
) -> impl IntoView {
    let id = item.id;
    let needs_check = item.personal_data_found && item.state != CommentState::Published;
    let wrong_check = values.problem(&format!("confirm-{id}"));
    view! {
        <form method="post" action=format!("/manage/feedback/{id}") class="moderation-form">
            <CsrfField account/>
            <input type="hidden" name="show" value=filter.as_str()/>
            <input type="hidden" name="decision" value="publish"/>
            {needs_check.then(|| view! {
                <div class="field" class:field-error=wrong_check.is_some()>
                    {wrong_check.clone().map(|e| view! { <p class="error-message" id=format!("confirm-{id}-error")>{e}</p> })}
                    <div class="checkbox">
                        <input type="checkbox" id=format!("confirm-{id}") name="personal_data_checked" value="yes"
                            aria-describedby=wrong_check.as_ref().map(|_| format!("confirm-{id}-error"))/>
                        <label for=format!("confirm-{id}")>"I have read it: it holds no personal data, or only what its sender meant to make public"</label>
                    </div>
                </div>
            })}
            <button type="submit">
                {if item.state == CommentState::Published { "Keep it published" } else { "Publish" }}
            </button>
        </form>
    }
}

/// Hiding a comment, or taking a published one down, with a reason and a
/// note for other moderators.
#[component]
fn HideForm(
    item: ModerationItem,
    account: crate::accounts::SignedInAccount,
    filter: QueueFilter,
    values: fields::Values,
) -> impl IntoView {
    let id = item.id;
    let reason_id = format!("reason-{id}");
    let note_id = format!("note-{id}");
    let hide_words = if item.state == CommentState::Published {
        "Take it down"
    } else {
        "Hide it"
    };
    let default_reason = if item.personal_data_found {
        HideReason::PersonalData
    } else {
        HideReason::ALL[0]
    };
    let wrong_note = values.problem(&format!("note-{id}"));
    let typed_note = values.get(&format!("note-{id}"));
    view! {
        <form method="post" action=format!("/manage/feedback/{id}") class="moderation-form">
            <CsrfField account/>
            <input type="hidden" name="show" value=filter.as_str()/>
            <input type="hidden" name="decision" value="hide"/>
            <fieldset class="checkboxes hide-choice">
                <legend>{hide_words}</legend>
                <div class="field">
                    <label for=reason_id.clone()>"Reason"</label>
                    <select id=reason_id name="reason">
                        {HideReason::ALL.iter().map(|r| view! {
                            <option value=r.as_str() selected=*r == default_reason>{r.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field-error=wrong_note.is_some()>
                    <label for=note_id.clone()>"Note for other moderators (optional)"</label>
                    {wrong_note.clone().map(|e| view! { <p class="error-message" id=format!("note-{id}-error")>{e}</p> })}
                    <input type="text" id=note_id name="note" maxlength="500" value=typed_note.clone()
                        aria-describedby=wrong_note.as_ref().map(|_| format!("note-{id}-error"))/>
                </div>
                <button type="submit" class="secondary">{hide_words}</button>
            </fieldset>
        </form>
    }
}

/// `/manage/settings`: moderation, flags, email retention and the rate limit.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if account.role != Role::Admin {
        return view! { <NotForYou/> }.into_any();
    }
    let settings = Resource::new(|| (), |_| get_feedback_settings());
    view! {
        <PageTitle text="Feedback settings – Manage – Lantern"/>
        <ProblemSummary/>
        <p class="breadcrumbs"><a href="/manage">"Manage"</a></p>
        <h1>"Feedback settings"</h1>
        <Suspense fallback=|| view! { <p>"Loading the settings…"</p> }>
            {move || {
                let account = account.clone();
                Suspend::new(async move {
                    match settings.await {
                        Ok(settings) => view! { <SettingsForm settings account/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SettingsForm(
    settings: FeedbackSettings,
    account: crate::accounts::SignedInAccount,
) -> impl IntoView {
    let sent = fields::Values::from_context();
    let value = |name: &str, current: i64| {
        let typed = sent.get(name);
        if sent.fields.is_empty() {
            current.to_string()
        } else {
            typed
        }
    };
    let values = fields::Values {
        fields: vec![
            (
                "flags_to_hide".into(),
                value("flags_to_hide", settings.flags_to_hide),
            ),
            (
                "email_retention_days".into(),
                value("email_retention_days", settings.email_retention_days),
            ),
            (
                "submissions_per_hour".into(),
                value("submissions_per_hour", settings.submissions_per_hour),
            ),
        ],
        problems: sent.problems.clone(),
        add_row: None,
    };
    let pre = settings.moderation == Moderation::Pre;
    view! {
        <form method="post" action="/manage/settings">
            <CsrfField account/>
            <fieldset class="checkboxes">
                <legend>"When do comments appear?"</legend>
                <div class="radio">
                    <input type="radio" id="moderation-pre" name="moderation" value="pre" checked=pre/>
                    <label for="moderation-pre">"After a moderator approves them (pre-moderation)"</label>
                </div>
                <div class="radio">
                    <input type="radio" id="moderation-post" name="moderation" value="post" checked=!pre/>
                    <label for="moderation-post">"At once; moderators review them afterwards (post-moderation). A comment that seems to hold personal data still waits for a moderator."</label>
                </div>
            </fieldset>
            {fields::input(&values, "flags_to_hide", "Reports that hide a comment", "Reports from this many readers hide a published comment until a moderator looks at it.", "number")}
            {fields::input(&values, "email_retention_days", "Days to keep a reply email", "Email addresses left for a reply are deleted after this many days.", "number")}
            {fields::input(&values, "submissions_per_hour", "Messages per reader per hour", "Comments and reports one reader may send in an hour.", "number")}
            <button type="submit">"Save the settings"</button>
        </form>
        <p>{format!(
            "Now: comments appear {}; {} reports hide a comment; emails are kept {}; a reader may send {} messages an hour.",
            if pre { "after approval" } else { "at once" },
            settings.flags_to_hide,
            duration_words(settings.email_retention_days * 86_400),
            settings.submissions_per_hour,
        )}</p>
    }
}
