//! `/manage/answers`: the published questions and error reports about an
//! agency's systems, for its editors and approvers to answer in public.
//! Unanswered items come first, the longest waiting at the top.

use super::{AgencyItem, AnswerStats, duration_words};
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with};
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
    let page_title = t_with(
        "manage-page-title",
        &[("page", t("answers-heading").into())],
    );
    view! {
        <PageTitle text=page_title/>
        <ProblemSummary/>
        <p class="breadcrumbs"><a href=href("/manage")>{t("manage-breadcrumb")}</a></p>
        <h1>{t("answers-heading")}</h1>
        <p>{t("answers-lede")}</p>
        <Suspense fallback=|| view! { <p>{t("feedback-loading")}</p> }>
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
    let stats = answers.stats.map(|s| match s.median_seconds {
        Some(median) => t_with(
            "answers-stats-median",
            &[
                ("answered", s.answered.into()),
                ("items", s.items.into()),
                ("median", duration_words(median).into()),
            ],
        ),
        None => t_with(
            "answers-stats",
            &[("answered", s.answered.into()), ("items", s.items.into())],
        ),
    });
    let values = fields::Values::from_context();
    view! {
        <p>{t_with("answers-waiting", &[("count", (open as i64).into())])}" "{stats}</p>
        {if answers.items.is_empty() {
            view! { <p>{t("answers-none")}</p> }.into_any()
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
        Some(answer) => t_with(
            "answers-answered-on",
            &[("date", date_words(&answer.answered_at).into())],
        ),
        None => t_with(
            "answers-waiting-for",
            &[("duration", duration_words(item.waiting_seconds).into())],
        ),
    };
    let (label, button) = if comment.answer.is_some() {
        (t("answers-your-answer"), t("answers-update"))
    } else {
        (t("answers-answer"), t("answers-publish"))
    };
    let who = comment
        .name
        .clone()
        .unwrap_or_else(|| t("feedback-anonymous").into_owned());
    view! {
        <li class="queue-item" id=format!("comment-{id}")>
            <h2 class="queue-heading">
                {t_with("moderation-kind-on", &[("kind", comment.kind.label().into())])}" "
                <a href=href(format!("/systems/{}#comment-{id}", item.system_id))>{item.system_name}</a>
            </h2>
            <p class="comment-meta">{t_with(
                "answers-meta",
                &[
                    ("name", who.into()),
                    ("date", date_words(&comment.published_at).into()),
                    ("status", status.into()),
                ],
            )}</p>
            <div class="comment-body">
                {comment.body.split("\n\n").map(|p| view! { <p class="plain-text">{p.to_string()}</p> }).collect_view()}
            </div>
            <form method="post" action=href(format!("/manage/answers/{id}"))>
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
