//! `/systems/{id}/history`: every published version of a system with its date
//! and change summary, and any two versions compared field by field.
//!
//! The comparison is a plain GET form (`?from=1&to=2`), so it works without
//! JavaScript; by default the latest version is compared with the one before.

#[cfg(feature = "ssr")]
pub mod compare;

use crate::html::PageTitle;
use crate::i18n::{href, t, t_with, title};
use crate::layout::{NotFound, TableScroll, Unavailable, set_status};
use crate::record::{AgencySlug, DateText, SystemId, Timestamp};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// One line of a system's public history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionLine {
    pub version: i64,
    pub published_at: Timestamp,
    pub change_summary: String,
    /// When the agency last confirmed this version was still right without
    /// a new one ("reviewed, no change"); `None` if it never did.
    #[serde(default)]
    pub reviewed_at: Option<Timestamp>,
}

/// Whether a piece of text is in both versions, only the newer, or only the older.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Same,
    Added,
    Removed,
}

/// A run of text of one kind of change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    pub change: Change,
    pub text: String,
}

/// One field that differs between two versions, as a word-by-word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The public JSON name, e.g. `summary`.
    pub field: String,
    pub label: String,
    pub parts: Vec<DiffPart>,
}

/// Two versions compared: only the fields that differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub from: i64,
    pub to: i64,
    pub changes: Vec<FieldChange>,
}

/// Everything the history page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub id: SystemId,
    pub name: String,
    pub agency: AgencySlug,
    pub agency_name: String,
    /// Oldest first.
    pub versions: Vec<VersionLine>,
    /// `None` when the system has one version only.
    pub comparison: Option<Comparison>,
}

/// What the history page can answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryAnswer {
    Found(History),
    /// No published system has this id.
    NotFound,
    /// The versions asked for are not numbers, or do not exist.
    BadVersions(String),
}

/// The history of system `id`, comparing versions `from` and `to` (as typed
/// in the URL; both left out compares the latest with the one before).
#[server]
pub async fn get_history(
    id: String,
    from: Option<String>,
    to: Option<String>,
) -> Result<HistoryAnswer, ServerFnError> {
    let register = crate::register::register()?;
    let number = |text: Option<String>| -> Result<Option<i64>, String> {
        match text.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => text
                .parse::<i64>()
                .map(Some)
                .map_err(|_| format!("“{text}” is not a version number")),
        }
    };
    let (from, to) = match (number(from), number(to)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(problem), _) | (_, Err(problem)) => return Ok(HistoryAnswer::BadVersions(problem)),
    };
    Ok(history(register.as_ref(), &SystemId(id), from, to).await?)
}

/// A system's published versions, with versions `from` and `to` compared
/// (both `None`: the latest with the one before, when there is one).
#[cfg(feature = "ssr")]
pub async fn history(
    register: &dyn crate::register::Register,
    id: &SystemId,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<HistoryAnswer, crate::error::AppError> {
    let Some(system) = register.system(id).await? else {
        return Ok(HistoryAnswer::NotFound);
    };
    let versions = register.versions(id).await?;
    let latest = system.version;
    let asked = from.is_some() || to.is_some();
    let to = to.unwrap_or(latest);
    let from = from.unwrap_or(to - 1);
    let (from, to) = (from.min(to), from.max(to));
    let exists = |n: i64| versions.iter().any(|v| v.version == n);
    let comparison = if !asked && versions.len() < 2 {
        None
    } else if let Some(missing) = [from, to].into_iter().find(|n| !exists(*n)) {
        return Ok(HistoryAnswer::BadVersions(
            crate::i18n::t_with(
                "history-no-version",
                &[("missing", missing.into()), ("latest", latest.into())],
            )
            .into_owned(),
        ));
    } else {
        let older = register.version(id, from).await?;
        let newer = register.version(id, to).await?;
        let (Some((_, older, _)), Some((_, newer, _))) = (older, newer) else {
            return Ok(HistoryAnswer::NotFound);
        };
        Some(Comparison {
            from,
            to,
            changes: compare::compare(&older, &newer),
        })
    };
    Ok(HistoryAnswer::Found(History {
        id: system.id,
        name: system.content.name,
        agency: system.agency,
        agency_name: system.agency_name,
        versions,
        comparison,
    }))
}

/// The `/systems/{id}/history` page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let history = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").unwrap_or_default()),
                query.with(|q| q.get("from")),
                query.with(|q| q.get("to")),
            )
        },
        |(id, from, to)| get_history(id, from, to),
    );
    view! {
        <Suspense fallback=|| view! { <p>{t("history-loading")}</p> }>
            {move || Suspend::new(async move {
                match history.await {
                    Ok(HistoryAnswer::Found(history)) => view! { <HistoryView history/> }.into_any(),
                    Ok(HistoryAnswer::BadVersions(problem)) => {
                        set_status(400);
                        view! {
                            <PageTitle text=title(&t("history-bad-title"))/>
                            <h1>{t("history-bad-heading")}</h1>
                            <p>{problem}". "{t("history-bad-text")}</p>
                        }.into_any()
                    }
                    Ok(HistoryAnswer::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HistoryView(history: History) -> impl IntoView {
    let History {
        id,
        name,
        agency,
        agency_name,
        versions,
        comparison,
    } = history;
    let page_title = title(&t_with("history-title", &[("name", name.as_str().into())]));
    let record = href(format!("/systems/{id}"));
    let action = href(format!("/systems/{id}/history"));
    let (from, to) = comparison.as_ref().map_or((0, 0), |c| (c.from, c.to));
    let numbers: Vec<i64> = versions.iter().map(|v| v.version).collect();
    let from_options = version_options(&numbers, from);
    let to_options = version_options(&numbers, to);
    let rows = versions
        .iter()
        .rev()
        .map(|v| {
            view! {
                <tr>
                    <th scope="row">{v.version}</th>
                    <td><DateText date=v.published_at.clone()/></td>
                    <td>
                        {v.change_summary.clone()}
                        {v.reviewed_at.clone().map(|at| view! {
                            <span class="reviewed">" "{t("history-reviewed")}" "<DateText date=at/>"."</span>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=page_title/>
        <p class="record-owner"><a href=href(format!("/agencies/{agency}"))>{agency_name}</a></p>
        <h1>{t("history-of")}" " <a href=record.clone()>{name}</a></h1>
        <p class="lede">{t("history-lede")}</p>
        <TableScroll label=t("history-versions")>
            <table class="history">
                <caption>{t("history-caption")}</caption>
                <thead>
                    <tr><th scope="col">{t("history-version")}</th><th scope="col">{t("history-published")}</th><th scope="col">{t("history-what-changed")}</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        {comparison.map(|comparison| view! {
            <section aria-labelledby="compare-heading">
                <h2 id="compare-heading">{t("history-compare-heading")}</h2>
                <form method="get" action=action class="compare">
                    <div class="field">
                        <label for="from">{t("history-older")}</label>
                        <select id="from" name="from">{from_options}</select>
                    </div>
                    <div class="field">
                        <label for="to">{t("history-newer")}</label>
                        <select id="to" name="to">{to_options}</select>
                    </div>
                    <button type="submit">{t("history-compare")}</button>
                </form>
                <ComparisonView comparison/>
            </section>
        })}
    }
}

/// The options of a version list, newest first, with `selected` chosen.
fn version_options(numbers: &[i64], selected: i64) -> impl IntoView + use<> {
    numbers
        .iter()
        .rev()
        .map(|n| {
            view! { <option value=n.to_string() selected=*n == selected>{t_with("history-version-n", &[("version", (*n).into())])}</option> }
        })
        .collect_view()
}

#[component]
fn ComparisonView(comparison: Comparison) -> impl IntoView {
    let Comparison { from, to, changes } = comparison;
    let heading = t_with(
        "history-from-to",
        &[("from", from.into()), ("to", to.into())],
    );
    if changes.is_empty() {
        return view! {
            <h3>{heading}</h3>
            <p>{t("history-same")}</p>
        }
        .into_any();
    }
    let count = changes.len();
    view! {
        <h3>{heading}</h3>
        <p>
            {t_with("history-changed", &[("count", count.into())])}" "
            <span class="diff-key">
                {t("history-removed")}" "<del>{t("history-struck")}</del>", "
                {t("history-added")}" "<ins>{t("history-underlined")}</ins>"."
            </span>
        </p>
        <dl class="diff">
            {changes.into_iter().map(|change| view! {
                <dt id=format!("changed-{}", change.field)>{change.label}</dt>
                <dd>
                    {change.parts.into_iter().map(|part| match part.change {
                        Change::Same => view! { <span>{part.text}</span> }.into_any(),
                        Change::Added => view! { <ins>{part.text}</ins> }.into_any(),
                        Change::Removed => view! { <del>{part.text}</del> }.into_any(),
                    }).collect_view()}
                </dd>
            }).collect_view()}
        </dl>
    }
    .into_any()
}
