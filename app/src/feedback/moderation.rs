//! `/manage/feedback`: the moderation queue (moderators and admins), and
//! `/manage/settings`: the register's feedback settings (admins).
//!
//! Each decision on a comment has its own form, so pressing Enter in the
//! note can only hide: publish it (ticking first that a comment flagged for
//! personal data holds none), or hide it with a reason from the fixed list
//! and a note. A published comment is taken down the same way. Hidden
//! comments stay stored with their reason. After a decision the queue says
//! what was done.

use super::{ModerationItem, QueueCounts, QueueFilter, hidden_reason_label};
use crate::html::PageTitle;
use crate::i18n::{href, number, t, t_with};
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
        <PageTitle text=manage_title("moderation-title")/>
        <ProblemSummary/>
        <DoneNotice/>
        <p class="breadcrumbs"><a href=href("/manage")>{t("manage-breadcrumb")}</a></p>
        <h1>{t("moderation-heading")}</h1>
        <Suspense fallback=|| view! { <p>{t("moderation-loading")}</p> }>
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

/// A page of `/manage` in the browser's tab: "Moderation – Manage – Lantern".
fn manage_title(page: &str) -> String {
    t_with("manage-page-title", &[("page", t(page).into())]).into_owned()
}

/// The queue's filters, each with how many comments it holds.
#[component]
fn QueueTabs(counts: QueueCounts, filter: QueueFilter) -> impl IntoView {
    view! {
        <nav aria-label=t("moderation-filters")>
            <ul class="filter-links">
                {QueueFilter::ALL.into_iter().map(|f| {
                    let current = (f == filter).then_some("page");
                    view! { <li><a href=href(format!("/manage/feedback?show={}", f.as_str())) aria-current=current>{format!("{} ({})", f.label(), number(counts.of(f)))}</a></li> }
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
        return view! { <p>{filter.empty_message()}</p> }.into_any();
    }
    view! {
        <p>{if items.len() as i64 >= total {
            t_with("moderation-count-all", &[("count", total.into())])
        } else {
            t_with(
                "moderation-count-newest",
                &[("shown", (items.len() as i64).into()), ("count", total.into())],
            )
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
        .unwrap_or_else(|| t("moderation-no-name").into_owned());
    let state_line = match (&item.state, &item.hidden_reason, &item.moderator_note) {
        (CommentState::Hidden, Some(reason), Some(note)) => t_with(
            "moderation-hidden-note",
            &[
                ("reason", hidden_reason_label(reason).into()),
                ("note", note.clone().into()),
            ],
        ),
        (CommentState::Hidden, Some(reason), None) => t_with(
            "moderation-hidden",
            &[("reason", hidden_reason_label(reason).into())],
        ),
        (state, _, _) => state.label(),
    };
    let flags = (item.flags > 0 || !item.flag_reasons.is_empty()).then(|| {
        let reasons = item
            .flag_reasons
            .iter()
            .map(|r| hidden_reason_label(r))
            .collect::<Vec<_>>()
            .join(", ");
        let count = item.flag_reasons.len() as i64;
        view! { <li class="warning">{t_with("moderation-reported", &[("count", count.into()), ("reasons", reasons.into())])}</li> }
    });
    let can_publish = item.state != CommentState::Published || item.flags > 0;
    let can_hide =
        item.state != CommentState::Hidden || item.hidden_reason.as_deref() == Some("flagged");
    view! {
        <li class="queue-item" id=format!("comment-{id}")>
            <h2 class="queue-heading">
                {t_with("moderation-kind-on", &[("kind", item.kind.label().into())])}" "
                <a href=href(format!("/systems/{}", item.system_id))>{item.system_name.clone()}</a>
            </h2>
            <p class="comment-meta">{t_with(
                "moderation-meta",
                &[
                    ("name", who.into()),
                    ("date", date_words(&item.created_at).into()),
                    ("agency", item.agency_name.clone().into()),
                ],
            )}</p>
            <div class="comment-body">
                {item.body.split("\n\n").map(|p| view! { <p class="plain-text">{p.to_string()}</p> }).collect_view()}
            </div>
            <ul class="queue-facts">
                <li>{state_line}</li>
                {item.personal_data_found.then(|| view! {
                    <li class="warning">{t("moderation-personal-data")}</li>
                })}
                {flags}
                {item.wants_reply.then(|| view! { <li>{t("moderation-wants-reply")}</li> })}
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
        <form method="post" action=href(format!("/manage/feedback/{id}")) class="moderation-form">
            <CsrfField account/>
            <input type="hidden" name="show" value=filter.as_str()/>
            <input type="hidden" name="decision" value="publish"/>
            {needs_check.then(|| view! {
                <div class="field" class:field-error=wrong_check.is_some()>
                    {wrong_check.clone().map(|e| view! { <p class="error-message" id=format!("confirm-{id}-error")>{e}</p> })}
                    <div class="checkbox">
                        <input type="checkbox" id=format!("confirm-{id}") name="personal_data_checked" value="yes"
                            aria-describedby=wrong_check.as_ref().map(|_| format!("confirm-{id}-error"))/>
                        <label for=format!("confirm-{id}")>{t("moderation-confirm-personal-data")}</label>
                    </div>
                </div>
            })}
            <button type="submit">
                {if item.state == CommentState::Published {
                    t("moderation-keep-published")
                } else {
                    t("moderation-publish")
                }}
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
        t("moderation-take-down")
    } else {
        t("moderation-hide")
    };
    let default_reason = if item.personal_data_found {
        HideReason::PersonalData
    } else {
        HideReason::ALL[0]
    };
    let wrong_note = values.problem(&format!("note-{id}"));
    let typed_note = values.get(&format!("note-{id}"));
    view! {
        <form method="post" action=href(format!("/manage/feedback/{id}")) class="moderation-form">
            <CsrfField account/>
            <input type="hidden" name="show" value=filter.as_str()/>
            <input type="hidden" name="decision" value="hide"/>
            <fieldset class="checkboxes hide-choice">
                <legend>{hide_words.clone()}</legend>
                <div class="field">
                    <label for=reason_id.clone()>{t("moderation-reason")}</label>
                    <select id=reason_id name="reason">
                        {HideReason::ALL.iter().map(|r| view! {
                            <option value=r.as_str() selected=*r == default_reason>{r.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field-error=wrong_note.is_some()>
                    <label for=note_id.clone()>{t("moderation-note")}</label>
                    {wrong_note.clone().map(|e| view! { <p class="error-message" id=format!("note-{id}-error")>{e}</p> })}
                    <input type="text" id=note_id name="note" maxlength="500" value=typed_note.clone()
                        aria-describedby=wrong_note.as_ref().map(|_| format!("note-{id}-error"))/>
                </div>
                <button type="submit" class="secondary">{hide_words}</button>
            </fieldset>
        </form>
    }
}
