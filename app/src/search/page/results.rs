//! The results: their count, each hit, help when there are none, the
//! downloads and the page links.

use super::facets::value_label;
use crate::html::escaped;
use crate::i18n::{href, language, register_language, t, t_with};
use crate::record::AgencySlug;
use crate::search::query::{QueryProblem, SystemQuery};
use crate::search::{Hit, SearchResults, snippet_html};
use crate::systems::list::key_facts;
use leptos::prelude::*;

/// The errors of a query that could not be understood, in the GOV.UK error summary style.
#[component]
pub(super) fn ProblemSummary(problems: Vec<QueryProblem>) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{t("search-problem")}</h2>
            <ul>
                {problems
                    .into_iter()
                    .map(|p| {
                        let target = if p.field == "q" { "#search-q" } else { "#search-sort" };
                        view! { <li><a href=target>{p.message}</a></li> }
                    })
                    .collect_view()}
            </ul>
            <p><a href=href("/systems")>{t("search-show-all")}</a></p>
        </div>
    }
}

/// The result count, the results (or help when there are none) and the page links.
pub(super) fn results_view(
    query: SystemQuery,
    results: &SearchResults,
    agencies: &[(AgencySlug, String)],
) -> AnyView {
    let count = match results.total {
        0 => t("search-none-found"),
        n => t_with("count-systems", &[("count", n.into())]),
    };
    let last_page = query.last_page(results.total);
    // Hits in the reader's language where their agencies translated them.
    let languages = (language().code(), register_language().code());
    let beyond_last = results.hits.is_empty() && results.total > 0;
    let empty = results.total == 0;
    let no_results = empty.then(|| no_results(&query, results, agencies));
    // What the results are for: the closest words when all of them found nothing.
    let exported = match &results.instead_for {
        Some(words) => query.with_words(words),
        None => query.clone(),
    };
    let closest = results.instead_for.clone().map(|words| {
        let whole = query.q.clone();
        let instead = query.with_words(&words).url();
        view! {
            <p class="notice closest">
                {t_with("search-closest", &[("words", whole.into())])}" "
                <a href=instead>{t_with("search-quoted", &[("words", words.into())])}</a>"."
            </p>
        }
    });
    view! {
        {closest}
        <h2 class="result-count" id="result-count" role="status" aria-live="polite">{count}</h2>
        {beyond_last.then(|| view! {
            <p class="notice">
                {t_with("search-beyond-last", &[("page", query.page.into()), ("pages", last_page.into())])}" "
                <a href=query.with_page(1).url()>{t("search-first-page")}</a>
            </p>
        })}
        {no_results}
        <ol class="system-list">
            {results.hits.iter().map(|hit| hit_row(hit, languages)).collect_view()}
        </ol>
        {(!empty).then(|| view! {
            <p class="downloads">
                {t_with("search-download", &[("count", results.total.into())])}" "
                <a href=exported.export_url("csv")>"CSV"</a>" "{t("search-for-spreadsheets")}", "
                <a href=exported.export_url("json")>"JSON"</a>" · "
                <a href=href("/open-data")>{t("search-about-open-data")}</a>
            </p>
            <p class="downloads">
                {t("search-keep-up")}" "
                <a href=exported.feed_url() type="application/atom+xml">{t("search-feed")}</a>
                {(crate::mail::sends_mail() && !exported.searched().is_empty()).then(|| view! {
                    " · "<a href=exported.follow_url()>{t("search-follow")}</a>
                })}
            </p>
        })}
        <Pagination query last_page/>
    }
    .into_any()
}

/// What to try when nothing matches: which filters to drop, and how many
/// systems each would bring back.
fn no_results(
    query: &SystemQuery,
    results: &SearchResults,
    agencies: &[(AgencySlug, String)],
) -> AnyView {
    let mut tips = Vec::new();
    for suggestion in &results.fewer_words {
        let instead = query.with_words(&suggestion.q);
        tips.push(
            view! {
                <li>
                    <a href=instead.url()>{t_with("search-for", &[("words", suggestion.q.clone().into())])}</a>" "
                    {t_with("search-instead", &[("count", suggestion.total.into())])}
                </li>
            }
            .into_any(),
        );
    }
    if !query.q.is_empty() {
        tips.push(view! { <li>{t("search-check-spelling")}</li> }.into_any());
    }
    for (facet, values) in &query.filters {
        let unknown: Vec<&String> = values
            .iter()
            .filter(|v| value_label(*facet, v, agencies).is_none())
            .collect();
        for value in unknown {
            tips.push(view! {
                <li>{t_with("search-unknown-value", &[("value", value.as_str().into()), ("facet", facet.label().to_lowercase().into())])}</li>
            }.into_any());
        }
        // The counts of a facet ignore its own filter, so they add up to what
        // dropping it would show (for facets with one value per system).
        let without: u64 = results.facets.get(facet).map_or(0, |c| c.values().sum());
        let facet_name = facet.label().to_lowercase();
        let label = if facet.is_single_valued() && without > 0 {
            t_with(
                "search-remove-filter-counted",
                &[("facet", facet_name.into()), ("count", without.into())],
            )
        } else {
            t_with("search-remove-filter", &[("facet", facet_name.into())])
        };
        tips.push(view! { <li><a href=query.without(*facet).url()>{label}</a></li> }.into_any());
    }
    if !query.q.is_empty() && !query.filters.is_empty() {
        let everywhere = SystemQuery::default().with_words(&query.q);
        tips.push(view! {
            <li><a href=everywhere.url()>{t_with("search-everywhere", &[("words", query.q.clone().into())])}</a></li>
        }.into_any());
    }
    view! {
        <div class="no-results">
            <p>{if query.q.is_empty() {
                t("search-no-match-filters")
            } else if query.filters.is_empty() {
                t_with("search-no-match", &[("words", query.q.clone().into())])
            } else {
                t_with("search-no-match-with-filters", &[("words", query.q.clone().into())])
            }}</p>
            <ul>{tips}</ul>
        </div>
    }
    .into_any()
}

/// One result: name and summary with the searched words marked, where else
/// they were found, and the key facts.
///
/// Names, summaries and snippets go in as HTML made by [`snippet_html`] and
/// [`escaped`], which escape every character of the text: a search page shows
/// 25 of these, and one string each renders far faster than a view per word.
/// It borrows the hit: results are shared with the cache of recent searches.
fn hit_row(hit: &Hit, (reader, default): (&str, &str)) -> impl IntoView + use<> {
    let (system, shown) = hit.system.for_reader(reader, default);
    // The engine marks the words it found in the original; a translated
    // text is shown as it is.
    let text = |field: &str, text: &str| match hit.highlight(field) {
        Some(snippet) if !shown.translated.iter().any(|f| f == field) => snippet_html(snippet),
        _ => escaped(text),
    };
    let name = text("name", &system.name);
    let summary = text("summary", &system.summary);
    let elsewhere = hit
        .highlights
        .iter()
        .find(|h| h.field != "name" && h.field != "summary")
        .map(|h| (field_label(&h.field), snippet_html(&h.snippet)));
    let system = &system;
    view! {
        <li class="system-item">
            <h3 class="system-name" lang=shown.lang_of("name")>
                <a href=href(format!("/systems/{}", system.id)) inner_html=name></a>
            </h3>
            <p class="system-owner">
                <a href=href(format!("/agencies/{}", system.agency))>{system.agency_name.clone()}</a>
            </p>
            <p class="system-summary" lang=shown.lang_of("summary") inner_html=summary></p>
            {elsewhere.map(|(label, html)| view! {
                <p class="system-match">
                    <span class="match-field">{label}": "</span>
                    <span inner_html=html></span>
                </p>
            })}
            {key_facts(system)}
        </li>
    }
}

/// How a result names the field its words were found in.
fn field_label(field: &str) -> crate::i18n::Text {
    match field {
        "agency_name" => crate::i18n::t("results-found-in-agency"),
        "translations" => crate::i18n::t("results-found-in-translation"),
        field => crate::record::fields::label(field)
            .unwrap_or_else(|| crate::i18n::t("results-found-in")),
    }
}

/// Previous, next and numbered page links.
#[component]
fn Pagination(query: SystemQuery, last_page: u32) -> impl IntoView {
    if last_page <= 1 {
        return ().into_any();
    }
    let current = query.page;
    // The first, the last, and two either side of the current page.
    let shown: Vec<u32> = (1..=last_page)
        .filter(|p| *p == 1 || *p == last_page || p.abs_diff(current) <= 2)
        .collect();
    let mut links = Vec::new();
    let mut previous_shown = 0;
    for page in shown {
        if page > previous_shown + 1 {
            links.push(view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any());
        }
        previous_shown = page;
        let link = if page == current {
            view! { <li><a href=query.with_page(page).url() aria-current="page">{page}</a></li> }
                .into_any()
        } else {
            view! { <li><a href=query.with_page(page).url() aria-label=t_with("search-page", &[("page", page.into())])>{page}</a></li> }.into_any()
        };
        links.push(link);
    }
    view! {
        <nav class="pagination" aria-label=t("search-pages")>
            <ul>
                {(current > 1 && current <= last_page).then(|| view! {
                    <li><a href=query.with_page(current - 1).url() rel="prev">{t("search-previous")}</a></li>
                })}
                {links}
                {(current < last_page).then(|| view! {
                    <li><a href=query.with_page(current + 1).url() rel="next">{t("search-next")}</a></li>
                })}
            </ul>
        </nav>
    }
    .into_any()
}
