//! `/systems`: search and browse every published system.
//!
//! The search box, facet checkboxes and sort form one plain GET form, so the
//! page works without JavaScript. With JavaScript, the [`SystemSearch`] island
//! updates the results as you type or tick a box, and keeps the address bar
//! shareable: typing replaces the current history entry, every other change
//! adds one, so back and forward step through choices.

use super::query::{QueryProblem, Sort, SystemQuery};
use super::{AgencyNames, Facet, Hit, SearchResults, snippet_html};
use crate::browser;
use crate::html::PageTitle;
use crate::html::escaped;
use crate::layout::{Unavailable, set_status};
use crate::record::AgencySlug;
use crate::systems::list::KeyFacts;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::fmt::Write;
use std::sync::Arc;

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
        <PageTitle text="AI systems – Lantern"/>
        <h1>"AI systems"</h1>
        <p class="lede">"Search every AI and algorithmic system that agencies have published, or narrow the list with the filters."</p>
        <Suspense fallback=|| view! { <p>"Loading systems…"</p> }>
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
                            <SystemSearch query=query.clone()>
                                <SearchBody query problems results agencies/>
                            </SystemSearch>
                        }
                        .into_any(),
                        _ => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// How a new query enters the browser's history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    /// A new entry: a choice the back button should undo.
    Push,
    /// The current entry changes: typing, letter by letter.
    Replace,
    /// Already there: back or forward.
    Keep,
}

/// The search form, around the facets, results and page links.
///
/// The server renders everything: the facets and results come in as the
/// island's children, plain HTML that costs the page nothing to carry. In the
/// browser the island runs searches itself, so results follow the user's
/// typing and choices: after the first, its own rendering of the same
/// [`SearchBody`] takes the server's place.
#[island]
pub fn SystemSearch(query: SystemQuery, children: Children) -> impl IntoView {
    // The words in the box change only by typing, or by going back or forward:
    // never under the user's fingers while they type.
    let words_shown = RwSignal::new(query.q.clone());
    let initial_words = query.q.clone();
    let query = RwSignal::new(query);
    // The latest search run in the browser, once there is one.
    let fresh = RwSignal::new(None::<(SystemQuery, Arc<SearchResults>)>);
    // The agency facet's labels, fetched with the first search in the browser.
    let agencies = StoredValue::new(None::<AgencyNames>);
    let server_body = NodeRef::<leptos::html::Div>::new();
    let loading = RwSignal::new(false);
    // Whether the last choice was made in the filters: they stay unfolded.
    let chose_filter = StoredValue::new(false);
    let hydrated = RwSignal::new(false);
    // Effects run only in the browser, once the island is awake: tests wait for this.
    Effect::new(move |_| hydrated.set(true));
    // Answers can arrive out of order; only the latest request's answer is shown.
    let latest = StoredValue::new(0u64);
    let typing = StoredValue::new(None::<browser::Timer>);

    // The control to give the focus back to once the results are redrawn.
    let refocus = StoredValue::new(None::<String>);
    let load = move |next: SystemQuery, history: History| {
        query.set(next.clone());
        loading.set(true);
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            let answer = search_systems(next.to_params()).await;
            let names = match agencies.get_value() {
                Some(names) => Ok(names),
                None => agency_options().await,
            };
            if latest.get_value() != ticket {
                return;
            }
            match (answer, names) {
                (Ok(found), Ok(names)) => {
                    agencies.set_value(Some(names));
                    // The server's facets and results leave the page for good:
                    // the island's own rendering replaces them (same ids).
                    browser::remove(server_body);
                    fresh.set(Some((next.clone(), found)));
                    if let Some(id) = refocus.get_value() {
                        refocus.set_value(None);
                        browser::focus_soon(id);
                    }
                    match history {
                        History::Push => browser::push_url(&next.url()),
                        History::Replace => browser::replace_url(&next.url()),
                        History::Keep => {}
                    }
                }
                // Let the server render the page, errors and all.
                _ => browser::go_to(&next.url()),
            }
            loading.set(false);
        });
    };
    let on_type = move |words: String| {
        if let Some(timer) = typing.get_value() {
            timer.cancel();
        }
        typing.set_value(browser::after_pause(move || {
            let current = query.get_untracked();
            chose_filter.set_value(false);
            if current.q != super::query::clean_words(&words) {
                load(current.with_words(&words), History::Replace);
            }
        }));
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(timer) = typing.get_value() {
            timer.cancel();
        }
        let words = browser::input_value("search-q");
        load(query.get_untracked().with_words(&words), History::Push);
    };
    // A facet box ticked or the sort changed, in the server's part or the island's.
    let on_change = move |ev: leptos::ev::Event| {
        let Some((name, value)) = browser::control_of(&ev) else {
            return;
        };
        let current = query.get_untracked();
        chose_filter.set_value(true);
        // An agency chosen from the list comes back as a ticked box.
        refocus.set_value(Some(if name == "sort" {
            "search-sort".to_string()
        } else {
            format!("facet-{name}-{value}")
        }));
        if name == "sort" {
            let sort = Sort::ALL
                .into_iter()
                .find(|s| s.as_str() == value)
                .unwrap_or_default();
            load(current.with_sort(sort), History::Push);
        } else if let Some(facet) = Facet::parse(&name)
            && !value.is_empty()
        {
            load(current.toggled(facet, &value), History::Push);
        }
    };
    browser::on_back_forward(move |search| {
        let (next, _) = SystemQuery::from_query_string(&search);
        words_shown.set(next.q.clone());
        load(next, History::Keep);
    });

    view! {
        // `try_get`: a client that goes away while its page renders disposes
        // these signals under the renderer's feet; then there is nothing to show.
        <div class="system-search" data-hydrated=move || hydrated.try_get().unwrap_or_default().to_string() on:change=on_change>
            // The facets and sort sit outside this form but belong to it (their
            // `form` attribute), so one GET request carries words and filters.
            <form id="search-form" class="search-form" method="get" action="/systems" role="search" on:submit=on_submit>
                <label for="search-q">"Search systems"</label>
                <p class="hint" id="search-q-hint">"For example: benefits, facial recognition, a city or an agency"</p>
                <div class="search-row">
                    <input type="search" id="search-q" name="q" maxlength="500" autocomplete="off"
                        aria-describedby="search-q-hint"
                        value=initial_words
                        prop:value=move || words_shown.try_get().unwrap_or_default()
                        on:input=move |ev| on_type(event_target_value(&ev))/>
                    <button type="submit">"Search"</button>
                </div>
            </form>
            <div class="search-body" aria-busy=move || loading.try_get().unwrap_or_default().to_string()>
                <div node_ref=server_body>{children()}</div>
                {move || fresh.try_get().flatten().map(|(query, results)| {
                    let agencies = agencies.get_value().unwrap_or_default();
                    let filters_open = chose_filter.get_value();
                    view! { <SearchBody query problems=Vec::new() results agencies filters_open/> }
                })}
            </div>
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
                    <h2 id="facets-title">"Filter"</h2>
                    {(chosen_count > 0).then(|| view! { <span class="chosen-count">{format!(" ({chosen_count} chosen)")}</span> })}
                </summary>
                {facets}
                <div class="filter">
                    <label for="search-sort">"Sort by"</label>
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
                    <button type="submit" form="search-form">"Apply filters"</button>
                    <a href="/systems">"Clear all"</a>
                </div>
            </details>
            <div class="results">{chosen}{body}</div>
        </div>
    }
}

/// The chosen filters as links that remove each, above the results.
fn chosen_filters(query: &SystemQuery, agencies: &[(AgencySlug, String)]) -> Option<AnyView> {
    if query.filters.is_empty() {
        return None;
    }
    let links = query
        .filters
        .iter()
        .flat_map(|(facet, values)| values.iter().map(move |value| (*facet, value)))
        .map(|(facet, value)| {
            let label = value_label(facet, value, agencies).unwrap_or_else(|| value.clone());
            view! {
                <li>
                    <a class="chosen-filter" href=query.toggled(facet, value).url()>
                        <span class="visually-hidden">"Remove the filter "</span>
                        {format!("{}: {label}", facet.label())}
                        <span aria-hidden="true">" ×"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <nav class="chosen-filters" aria-label="Chosen filters">
                <ul>{links}</ul>
            </nav>
        }
        .into_any(),
    )
}

/// The label of a facet value: the agency's name, or the closed value's label.
fn value_label(facet: Facet, value: &str, agencies: &[(AgencySlug, String)]) -> Option<String> {
    match facet {
        Facet::Agency => agencies
            .iter()
            .find(|(slug, _)| slug.0 == value)
            .map(|(_, name)| name.clone()),
        _ => facet
            .known_values()
            .into_iter()
            .find(|(v, _)| *v == value)
            .map(|(_, label)| label.to_string()),
    }
}

/// How many agencies the agency facet shows as checkboxes (those with the
/// most systems, and any chosen); the others are in a list.
const AGENCIES_AS_BOXES: usize = 10;

/// One facet: a fieldset of checkboxes, each with the number of systems it
/// would show. Values without systems are left out unless chosen.
fn facet_choices(
    facet: Facet,
    query: &SystemQuery,
    results: &SearchResults,
    agencies: &[(AgencySlug, String)],
) -> impl IntoView + use<> {
    let no_counts = std::collections::BTreeMap::new();
    let counts = results.facets.get(&facet).unwrap_or(&no_counts);
    let chosen: &[String] = query.filters.get(&facet).map_or(&[], |v| v.as_slice());
    // (value, label, count), borrowed: this runs for every facet of every page.
    let mut values: Vec<(&str, &str, u64)> = Vec::new();
    if facet == Facet::Agency {
        // Agencies with the most systems first. A register has hundreds of
        // agencies: one pass over the names, each count looked up by slug.
        for (slug, name) in agencies.iter() {
            if let Some(count) = counts.get(&slug.0).filter(|c| **c > 0) {
                values.push((&slug.0, name, *count));
            }
        }
        if values.len() < counts.len() {
            // An agency too new for the names read a moment ago: its slug will do.
            for (slug, count) in counts {
                if !values.iter().any(|(v, _, _)| v == slug) {
                    values.push((slug, slug, *count));
                }
            }
        }
        values.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    } else {
        for (value, label) in facet.known_values() {
            let count = counts.get(value).copied().unwrap_or(0);
            if count > 0 || chosen.iter().any(|c| c == value) {
                values.push((value, label, count));
            }
        }
    }
    // Chosen values without systems still show, to be unticked.
    let labels: Vec<(&str, String)> = chosen
        .iter()
        .filter(|value| !values.iter().any(|(v, _, _)| v == value))
        .map(|value| {
            let label = value_label(facet, value, agencies).unwrap_or_else(|| value.clone());
            (value.as_str(), label)
        })
        .collect();
    for (value, label) in &labels {
        values.push((value, label, 0));
    }
    // Agencies beyond the first few go in a list to choose from: a register
    // has hundreds, too many to tick through (and to send with every page).
    let shown = if facet == Facet::Agency {
        let first = values.len().min(AGENCIES_AS_BOXES);
        let (boxes, rest): (Vec<_>, Vec<_>) = values
            .into_iter()
            .enumerate()
            .partition(|(at, (value, _, _))| *at < first || query.has(facet, value));
        values = boxes.into_iter().map(|(_, v)| v).collect();
        rest.into_iter().map(|(_, v)| v).collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    // One string of HTML per list rather than a view per box: every search
    // page shows dozens. Values and labels are escaped.
    let mut items = String::with_capacity(values.len() * 200);
    // Ids by value, not by place: after a choice the boxes may reorder, and
    // the island gives the focus back to the box of the same value.
    for (value, label, count) in &values {
        let checked = if query.has(facet, value) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            items,
            r#"<li><input type="checkbox" id="facet-{name}-{value}" name="{name}" value="{value}" form="search-form"{checked}><label for="facet-{name}-{value}">{label} <span class="count">({count})</span></label></li>"#,
            name = facet.name(),
            value = escaped(value),
            label = escaped(label),
        );
    }
    let more = (!shown.is_empty()).then(|| {
        let mut options = String::with_capacity(shown.len() * 80);
        options.push_str(r#"<option value="">Choose an agency</option>"#);
        for (value, label, count) in &shown {
            let _ = write!(
                options,
                r#"<option value="{}">{} ({count})</option>"#,
                escaped(value),
                escaped(label)
            );
        }
        view! {
            <div class="filter facet-more">
                <label for="facet-agency-more">"Another agency"</label>
                <select id="facet-agency-more" name=facet.name() form="search-form" inner_html=options></select>
            </div>
        }
    });
    view! {
        <fieldset class="facet">
            <legend>{facet.label()}</legend>
            <ul inner_html=items></ul>
            {more}
        </fieldset>
    }
}

/// The errors of a query that could not be understood, in the GOV.UK error summary style.
#[component]
fn ProblemSummary(problems: Vec<QueryProblem>) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">"There is a problem with this search"</h2>
            <ul>
                {problems
                    .into_iter()
                    .map(|p| {
                        let target = if p.field == "q" { "#search-q" } else { "#search-sort" };
                        view! { <li><a href=target>{p.message}</a></li> }
                    })
                    .collect_view()}
            </ul>
            <p><a href="/systems">"Show all systems"</a></p>
        </div>
    }
}

/// The result count, the results (or help when there are none) and the page links.
fn results_view(
    query: SystemQuery,
    results: &SearchResults,
    agencies: &[(AgencySlug, String)],
) -> AnyView {
    let count = match results.total {
        0 => "No systems found".to_string(),
        1 => "1 system".to_string(),
        n => format!("{n} systems"),
    };
    let last_page = query.last_page(results.total);
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
                {format!("No system matches all of “{whole}”. These are the systems for ")}
                <a href=instead>{format!("“{words}”")}</a>"."
            </p>
        }
    });
    view! {
        {closest}
        <h2 class="result-count" id="result-count" role="status" aria-live="polite">{count}</h2>
        {beyond_last.then(|| view! {
            <p class="notice">
                {format!("There is no page {}: the results fill {last_page} page{}. ", query.page, if last_page == 1 { "" } else { "s" })}
                <a href=query.with_page(1).url()>"Go to the first page"</a>
            </p>
        })}
        {no_results}
        <ol class="system-list">
            {results.hits.iter().cloned().map(|hit| view! { <HitRow hit/> }).collect_view()}
        </ol>
        {(!empty).then(|| view! {
            <p class="downloads">
                {format!("Download {}: ", if results.total == 1 { "this result" } else { "these results, all pages" })}
                <a href=exported.export_url("csv")>"CSV"</a>" for spreadsheets, "
                <a href=exported.export_url("json")>"JSON"</a>" · "
                <a href="/open-data">"About the open data"</a>
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
        let systems = if suggestion.total == 1 {
            "system"
        } else {
            "systems"
        };
        tips.push(
            view! {
                <li>
                    <a href=instead.url()>{format!("Search for “{}”", suggestion.q)}</a>
                    {format!(" instead ({} {systems})", suggestion.total)}
                </li>
            }
            .into_any(),
        );
    }
    if !query.q.is_empty() {
        tips.push(
            view! { <li>"Check the spelling, or try fewer or more general words."</li> }.into_any(),
        );
    }
    for (facet, values) in &query.filters {
        let unknown: Vec<&String> = values
            .iter()
            .filter(|v| value_label(*facet, v, agencies).is_none())
            .collect();
        for value in unknown {
            tips.push(view! {
                <li>{format!("“{value}” is not a {} the register knows.", facet.label().to_lowercase())}</li>
            }.into_any());
        }
        // The counts of a facet ignore its own filter, so they add up to what
        // dropping it would show (for facets with one value per system).
        let without: u64 = results.facets.get(facet).map_or(0, |c| c.values().sum());
        let label = if facet.is_single_valued() && without > 0 {
            format!(
                "Remove the {} filter ({without} systems)",
                facet.label().to_lowercase()
            )
        } else {
            format!("Remove the {} filter", facet.label().to_lowercase())
        };
        tips.push(view! { <li><a href=query.without(*facet).url()>{label}</a></li> }.into_any());
    }
    if !query.q.is_empty() && !query.filters.is_empty() {
        let everywhere = SystemQuery::default().with_words(&query.q);
        tips.push(view! {
            <li><a href=everywhere.url()>{format!("Search all systems for “{}”", query.q)}</a></li>
        }.into_any());
    }
    view! {
        <div class="no-results">
            <p>{if query.q.is_empty() {
                "No system matches all of these filters.".to_string()
            } else {
                format!("No system matches “{}”{}.", query.q, if query.filters.is_empty() { "" } else { " with these filters" })
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
#[component]
fn HitRow(hit: Hit) -> impl IntoView {
    let name = hit
        .highlight("name")
        .map_or_else(|| escaped(&hit.system.name), snippet_html);
    let summary = hit
        .highlight("summary")
        .map_or_else(|| escaped(&hit.system.summary), snippet_html);
    let elsewhere = hit
        .highlights
        .iter()
        .find(|h| h.field != "name" && h.field != "summary")
        .map(|h| (field_label(&h.field), snippet_html(&h.snippet)));
    let system = hit.system;
    view! {
        <li class="system-item">
            <h3 class="system-name">
                <a href=format!("/systems/{}", system.id) inner_html=name></a>
            </h3>
            <p class="system-owner">
                <a href=format!("/agencies/{}", system.agency)>{system.agency_name.clone()}</a>
            </p>
            <p class="system-summary" inner_html=summary></p>
            {elsewhere.map(|(label, html)| view! {
                <p class="system-match">
                    <span class="match-field">{label}": "</span>
                    <span inner_html=html></span>
                </p>
            })}
            <KeyFacts system/>
        </li>
    }
}

/// How a result names the field its words were found in.
fn field_label(field: &str) -> &'static str {
    match field {
        "agency_name" => "Agency",
        field => crate::record::fields::label(field).unwrap_or("Found in"),
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
            view! { <li><a href=query.with_page(page).url() aria-label=format!("Page {page}")>{page}</a></li> }.into_any()
        };
        links.push(link);
    }
    view! {
        <nav class="pagination" aria-label="Pages">
            <ul>
                {(current > 1 && current <= last_page).then(|| view! {
                    <li><a href=query.with_page(current - 1).url() rel="prev">"Previous"</a></li>
                })}
                {links}
                {(current < last_page).then(|| view! {
                    <li><a href=query.with_page(current + 1).url() rel="next">"Next"</a></li>
                })}
            </ul>
        </nav>
    }
    .into_any()
}
