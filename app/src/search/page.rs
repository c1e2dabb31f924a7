//! `/systems`: search and browse every published system.
//!
//! The search box, facet checkboxes and sort form one plain GET form, so the
//! page works without JavaScript. With JavaScript, the [`SystemSearch`] island
//! updates the results as you type or tick a box, and keeps the address bar
//! shareable: typing replaces the current history entry, every other change
//! adds one, so back and forward step through choices.

mod facets;
mod island;
mod results;

use super::query::{QueryProblem, Sort, SystemQuery};
use super::{AgencyNames, Facet, SearchResults};
use crate::html::PageTitle;
use crate::i18n::{href, t, title};
use crate::layout::{Unavailable, set_status};
use facets::{chosen_filters, facet_choices};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use results::{ProblemSummary, results_view};
use std::sync::Arc;

pub use island::SystemSearch;

/// One page of results for a query given as a URL query string.
///
/// The query travels in its URL form, the same one the page address uses.
#[server]
pub async fn search_systems(params: String) -> Result<Arc<SearchResults>, ServerFnError> {
    let (query, problems) = SystemQuery::from_query_string(&params);
    if let Some(problem) = problems.first() {
        set_status(400);
        return Err(ServerFnError::Args(problem.message.clone()));
    }
    let search = super::search()?;
    Ok(super::search_or_closest(search.as_ref(), &query).await?)
}

/// The register's agencies, for the agency facet's labels.
#[server]
pub async fn agency_options() -> Result<AgencyNames, ServerFnError> {
    let register = crate::register::register()?;
    Ok(register.agency_names().await?)
}

/// The `/systems` page.
///
/// Its data is awaited straight in the [`Suspend`], not kept in a resource:
/// nothing on this page outside the island is needed in the browser, and the
/// results are shared, never copied, on their way to the page.
#[component]
pub fn SystemsPage() -> impl IntoView {
    let location = use_location();
    view! {
        <PageTitle text=title(&t("nav-systems"))/>
        <h1>{t("nav-systems")}</h1>
        <p class="lede">{t("search-lede")}</p>
        <Suspense fallback=|| view! { <p>{t("search-loading")}</p> }>
            {move || {
                let (query, problems) = SystemQuery::from_query_string(&location.search.get());
                Suspend::new(async move {
                    let results = if problems.is_empty() {
                        search_systems(query.to_params()).await
                    } else {
                        set_status(400);
                        Ok(Arc::default())
                    };
                    match (results, agency_options().await) {
                        (Ok(results), Ok(agencies)) => view! {
                            <SystemSearch query=query.clone() sends_mail=crate::mail::sends_mail()>
                                <SearchBody query problems results agencies/>
                            </SystemSearch>
                        }
                        .into_any(),
                        (Err(ServerFnError::ServerError(message)), _)
                            if message == super::SEARCH_UNAVAILABLE =>
                        {
                            view! { <SearchUnavailable/> }.into_any()
                        }
                        _ => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Shown instead of the results when the search engine does not answer
/// (Meilisearch is down): the rest of the register still works. Status 503.
#[component]
fn SearchUnavailable() -> impl IntoView {
    set_status(503);
    view! {
        <div class="notice" role="status">
            <h2>{t("search-unavailable")}</h2>
            <p>{t("search-unavailable-text")}</p>
            <ul>
                <li><a href=href("/agencies")>{t("search-by-agency")}</a></li>
                <li><a href=href("/open-data")>{t("search-open-data")}</a></li>
            </ul>
        </div>
    }
}

/// The facets beside the result count, results and page links (or the
/// problems of a query that could not be understood).
///
/// On a phone the filters fold behind a "Filter" button (a `<details>`, so
/// it works without JavaScript) and the results come first; the chosen
/// filters show above the results as links that remove them. On a wide
/// screen the filters stay open beside the results (see the style sheet).
#[component]
pub fn SearchBody(
    query: SystemQuery,
    problems: Vec<QueryProblem>,
    results: Arc<SearchResults>,
    agencies: AgencyNames,
    /// The filters are unfolded: the reader just chose one in them.
    #[prop(optional)]
    filters_open: bool,
) -> impl IntoView {
    let facets = Facet::ALL
        .into_iter()
        .map(|facet| facet_choices(facet, &query, &results, &agencies))
        .collect_view();
    let sort = query.sort;
    let chosen = chosen_filters(&query, &agencies);
    let chosen_count = query.filters.values().map(Vec::len).sum::<usize>();
    let body = if problems.is_empty() {
        results_view(query, &results, &agencies)
    } else {
        view! { <ProblemSummary problems/> }.into_any()
    };
    view! {
        <div class="search-layout">
            <details class="facets" open=filters_open>
                <summary>
                    <h2 id="facets-title">{t("search-filter")}</h2>
                    {(chosen_count > 0).then(|| view! { <span class="chosen-count">{format!(" ({chosen_count} chosen)")}</span> })}
                </summary>
                {facets}
                <div class="filter">
                    <label for="search-sort">{t("search-sort")}</label>
                    <select id="search-sort" name="sort" form="search-form">
                        {Sort::ALL
                            .into_iter()
                            .map(|option| view! {
                                <option value=option.as_str() selected=option == sort>{option.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="filter-actions">
                    <button type="submit" form="search-form">{t("search-apply")}</button>
                    <a href=href("/systems")>{t("search-clear")}</a>
                </div>
            </details>
            <div class="results">{chosen}{body}</div>
        </div>
    }
}
