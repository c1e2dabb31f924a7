//! `/manage/answers`: the published questions and error reports about an
//! agency's systems, for its editors and approvers to answer in public.
//! Unanswered items come first, the longest waiting at the top.

use super::{AgencyItem, AnswerStats, duration_words};
use crate::html::PageTitle;
use crate::layout::Unavailable;
use crate::manage::{CsrfField, NotForYou, ProblemSummary, fields, require_sign_in};
use crate::record::date_words;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An agency's items and its public answer statistics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyAnswers {
    pub items: Vec<AgencyItem>,
    pub stats: Option<AnswerStats>,
}

/// The signed-in editor's or approver's agency's items.
#[server]
pub async fn get_agency_answers() -> Result<AgencyAnswers, ServerFnError> {
    use crate::error::AppError;
    let account = crate::manage::account()?;
    let Some(agency) = account.own_agency() else {
        return Err(AppError::Forbidden.into());
    };
    let desk = super::feedback_desk()?;
    Ok(AgencyAnswers {
        items: desk.agency_items(&agency).await?,
        stats: desk.answer_stats(Some(&agency)).await?.into_iter().next(),
    })
}

/// `/manage/answers`.
#[component]
pub fn AnswersPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return ().into_any();
    };
    if !account.role.belongs_to_agency() {
        return view! { <NotForYou/> }.into_any();
    }
    let answers = Resource::new(|| (), |_| get_agency_answers());
    view! {
        <PageTitle text="Questions from the public – Manage – Lantern"/>
        <ProblemSummary/>
        <p class="breadcrumbs"><a href="/manage">"Manage"</a></p>
        <h1>"Questions from the public"</h1>
        <p>"Questions and error reports about your agency’s systems, once a moderator has published them. Your answer appears under the question as your agency’s official answer."</p>
        <Suspense fallback=|| view! { <p>"Loading questions…"</p> }>
            {move || {
                let account = account.clone();
                Suspend::new(async move {
                    match answers.await {
                        Ok(answers) => view! { <AnswersView answers account/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AnswersView(answers: AgencyAnswers, account: crate::accounts::SignedInAccount) -> impl IntoView {
    let open = answers
        .items
        .iter()
        .filter(|i| i.comment.answer.is_none())
        .count();
    let stats = answers.stats.map(|s| {
        let median = s
            .median_seconds
            .map(|m| format!(", answered in a median of {}", duration_words(m)))
            .unwrap_or_default();
        format!("{} of {} answered{median}.", s.answered, s.items)
    });
    let values = fields::Values::from_context();
    view! {
        <p>{format!("{open} waiting for an answer. ")}{stats}</p>
        {if answers.items.is_empty() {
            view! { <p>"Nobody has asked about your agency’s systems yet."</p> }.into_any()
        } else {
            view! {
                <ol class="moderation-queue">
                    {answers.items.into_iter().map(|item| {
                        view! { <AnswerItem item account=account.clone() values=values.clone()/> }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

#[component]
fn AnswerItem(
    item: AgencyItem,
    account: crate::accounts::SignedInAccount,
    values: fields::Values,
) -> impl IntoView {
    let comment = item.comment;
    let id = comment.id;
    let field = format!("answer-{id}");
    let (input_id, error, describedby, wrong) = fields::described(&values, &field, "");
    let typed = values.get(&field);
    let current = comment
        .answer
        .as_ref()
        .map(|a| a.body.clone())
        .unwrap_or_default();
    let text = if typed.is_empty() { current } else { typed };
    let status = match &comment.answer {
        Some(answer) => format!("Answered on {}", date_words(&answer.answered_at)),
        None => format!("Waiting {}", duration_words(item.waiting_seconds)),
    };
    let label = if comment.answer.is_some() {
        "Your agency’s answer"
    } else {
        "Answer"
    };
    let button = if comment.answer.is_some() {
        "Update the answer"
    } else {
        "Publish the answer"
    };
    view! {
        <li class="queue-item" id=format!("comment-{id}")>
            <h2 class="queue-heading">
                {comment.kind.label()} " on " <a href=format!("/systems/{}#comment-{id}", item.system_id)>{item.system_name}</a>
            </h2>
            <p class="comment-meta">{format!(
                "{} · published {} · {status}",
                comment.name.clone().unwrap_or_else(|| "A member of the public".into()),
                date_words(&comment.published_at),
            )}</p>
            <div class="comment-body">
                {comment.body.split("\n\n").map(|p| view! { <p class="plain-text">{p.to_string()}</p> }).collect_view()}
            </div>
            <form method="post" action=format!("/manage/answers/{id}")>
                <CsrfField account/>
                <div class="field" class:field-error=wrong>
                    <label for=input_id.clone()>{label}</label>
                    {error.map(|e| view! { <p class="error-message" id=format!("{input_id}-error")>{e}</p> })}
                    <textarea id=input_id name="answer" rows="4" maxlength="5000"
                        aria-describedby=(!describedby.is_empty()).then_some(describedby)
                        aria-invalid=wrong.then_some("true")
                        inner_html=crate::html::textarea_html(&text)></textarea>
                </div>
                <button type="submit">{button}</button>
            </form>
        </li>
    }
}
