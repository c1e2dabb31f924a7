//! `/systems`: every published system, 25 a page, with filters that combine.
//!
//! The filter form is a plain GET form, so the page works without JavaScript.
//! With JavaScript, the [`SystemBrowser`] island updates the list in place when
//! a filter changes and keeps the URL shareable.

use super::query::{PER_PAGE, QueryProblem, Sort, SystemQuery};
use crate::layout::{Unavailable, set_status};
use crate::record::{AuditFilter, RiskLevel, Stage, SystemSummary, Technique, Topic, date_of};
use crate::register::SystemList;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// One page of systems for a query given as URL parameters (`stage=pilot&page=2`).
///
/// The query travels as its URL form, the same one the page address uses.
#[server]
pub async fn list_systems(params: String) -> Result<SystemList, ServerFnError> {
    let pairs: Vec<(String, String)> = params
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let (query, problems) = SystemQuery::from_params(|key| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    });
    if let Some(problem) = problems.first() {
        crate::layout::set_status(400);
        return Err(ServerFnError::Args(problem.message.clone()));
    }
    let register = crate::register::register()?;
    Ok(register.list_systems(&query).await?)
}

/// An agency as the agency filter offers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgencyOption {
    pub slug: String,
    pub name: String,
}

/// The agencies the agency filter offers.
#[server]
pub async fn agency_options() -> Result<Vec<AgencyOption>, ServerFnError> {
    let register = crate::register::register()?;
    Ok(register
        .agencies()
        .await?
        .into_iter()
        .filter(|a| a.systems > 0)
        .map(|a| AgencyOption {
            slug: a.agency.slug.0,
            name: a.agency.name,
        })
        .collect())
}

/// The `/systems` page.
#[component]
pub fn SystemsPage() -> impl IntoView {
    let params = use_query_map();
    let parsed = move || params.with(|p| SystemQuery::from_params(|k| p.get_str(k)));
    let data = Resource::new(parsed, |(query, problems)| async move {
        let list = if problems.is_empty() {
            list_systems(query.to_params()).await?
        } else {
            SystemList::default()
        };
        let agencies = agency_options().await?;
        Ok::<_, ServerFnError>((query, problems, list, agencies))
    });
    view! {
        <Title text="AI systems – Lantern"/>
        <h1>"AI systems"</h1>
        <p class="lede">"Every AI and algorithmic system that agencies have published in the register. Choose filters to narrow the list; they combine."</p>
        <Suspense fallback=|| view! { <p>"Loading systems…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((query, problems, list, agencies)) => {
                        if !problems.is_empty() {
                            set_status(400);
                        }
                        view! { <SystemBrowser query problems list agencies/> }.into_any()
                    }
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The filter form, result count, list and page links of `/systems`.
///
/// Rendered on the server like the rest of the page; in the browser it takes
/// over filter changes so the list updates without a full page load.
#[island]
pub fn SystemBrowser(
    query: SystemQuery,
    problems: Vec<QueryProblem>,
    list: SystemList,
    agencies: Vec<AgencyOption>,
) -> impl IntoView {
    let query = RwSignal::new(query);
    let problems = RwSignal::new(problems);
    let list = RwSignal::new(list);
    let loading = RwSignal::new(false);
    let hydrated = RwSignal::new(false);
    // Effects run only in the browser, once the island is awake: tests wait for this.
    Effect::new(move |_| hydrated.set(true));

    let load = move |next: SystemQuery, push: bool| {
        query.set(next.clone());
        loading.set(true);
        leptos::task::spawn_local(async move {
            match list_systems(next.to_params()).await {
                Ok(fresh) => {
                    list.set(fresh);
                    problems.set(Vec::new());
                    if push {
                        browser::push_url(&next.url());
                    }
                }
                // Let the server render the page, errors and all.
                Err(_) => browser::go_to(&next.url()),
            }
            loading.set(false);
        });
    };
    let on_change = move |name: &'static str, value: String| {
        load(query.get_untracked().with_param(name, &value), true);
    };
    browser::on_back_forward(move |search| {
        let (next, _) = SystemQuery::from_query_string(&search);
        load(next, false);
    });

    let enum_options = |all: Vec<(&'static str, &'static str)>| {
        all.into_iter()
            .map(|(value, label)| (value.to_string(), label.to_string()))
            .collect::<Vec<_>>()
    };
    let agency_choices: Vec<(String, String)> =
        agencies.into_iter().map(|a| (a.slug, a.name)).collect();

    view! {
        <div class="system-browser" data-hydrated=move || hydrated.get().to_string()>
            <form class="filters" method="get" action="/systems" aria-label="Filter systems">
                <FilterSelect name="agency" label="Agency" options=agency_choices
                    selected=Signal::derive(move || query.with(|q| q.agency.as_ref().map(|a| a.0.clone())))
                    on_change/>
                <FilterSelect name="stage" label="Stage"
                    options=enum_options(Stage::ALL.iter().map(|v| (v.as_str(), v.label())).collect())
                    selected=Signal::derive(move || query.with(|q| q.stage.map(|v| v.as_str().to_string())))
                    on_change/>
                <FilterSelect name="risk_level" label="Risk level"
                    options=enum_options(RiskLevel::ALL.iter().map(|v| (v.as_str(), v.label())).collect())
                    selected=Signal::derive(move || query.with(|q| q.risk_level.map(|v| v.as_str().to_string())))
                    on_change/>
                <FilterSelect name="topic" label="Topic"
                    options=enum_options(Topic::ALL.iter().map(|v| (v.as_str(), v.label())).collect())
                    selected=Signal::derive(move || query.with(|q| q.topic.map(|v| v.as_str().to_string())))
                    on_change/>
                <FilterSelect name="technique" label="Technique"
                    options=enum_options(Technique::ALL.iter().map(|v| (v.as_str(), v.label())).collect())
                    selected=Signal::derive(move || query.with(|q| q.technique.map(|v| v.as_str().to_string())))
                    on_change/>
                <FilterSelect name="audit" label="Audit"
                    options=enum_options(AuditFilter::all().into_iter().map(|v| (v.as_str(), v.label())).collect())
                    selected=Signal::derive(move || query.with(|q| q.audit.map(|v| v.as_str().to_string())))
                    on_change/>
                <div class="filter">
                    <label for="filter-sort">"Sort by"</label>
                    <select id="filter-sort" name="sort"
                        on:change=move |ev| on_change("sort", event_target_value(&ev))>
                        <option value="updated" selected=move || query.with(|q| q.sort == Sort::Updated)>"Recently updated"</option>
                        <option value="name" selected=move || query.with(|q| q.sort == Sort::Name)>"Name"</option>
                    </select>
                </div>
                <div class="filter-actions">
                    <button type="submit">"Apply filters"</button>
                    <a href="/systems">"Clear filters"</a>
                </div>
            </form>
            <div class="results" aria-busy=move || loading.get().to_string()>
                {move || {
                    let problems = problems.get();
                    if problems.is_empty() {
                        view! { <Results query=query.get() list=list.get()/> }.into_any()
                    } else {
                        view! { <ProblemSummary problems/> }.into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// One filter of the form: a labelled select whose empty choice means "all".
#[component]
fn FilterSelect(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    selected: Signal<Option<String>>,
    on_change: impl Fn(&'static str, String) + Copy + 'static,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |ev| on_change(name, event_target_value(&ev))>
                <option value="" selected=move || selected.get().is_none()>"All"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = {
                            let value = value.clone();
                            move || selected.get().as_deref() == Some(value.as_str())
                        };
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The errors of a query that could not be understood, in the GOV.UK error summary style.
#[component]
fn ProblemSummary(problems: Vec<QueryProblem>) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">"There is a problem with this address"</h2>
            <ul>
                {problems
                    .into_iter()
                    .map(|p| view! { <li><a href=format!("#filter-{}", p.field)>{p.message}</a></li> })
                    .collect_view()}
            </ul>
            <p><a href="/systems">"Show all systems"</a></p>
        </div>
    }
}

/// The result count, the page of systems and the page links.
#[component]
fn Results(query: SystemQuery, list: SystemList) -> impl IntoView {
    let pages = page_count(list.total);
    let count = match list.total {
        0 => "No systems match these filters.".to_string(),
        1 => "1 system".to_string(),
        n => format!("{n} systems"),
    };
    let beyond_last = list.systems.is_empty() && list.total > 0;
    view! {
        <h2 class="result-count" id="result-count" role="status" aria-live="polite">{count}</h2>
        {beyond_last.then(|| view! {
            <p class="notice">
                {format!("There is no page {}: the matching systems fill {pages} page{}. ", query.page, if pages == 1 { "" } else { "s" })}
                <a href=query.with_page(1).url()>"Go to the first page"</a>
            </p>
        })}
        <SystemRows systems=list.systems/>
        <Pagination query pages/>
    }
}

/// How many pages `total` systems fill.
pub fn page_count(total: i64) -> u32 {
    let per_page = i64::from(PER_PAGE);
    u32::try_from((total + per_page - 1) / per_page).unwrap_or(u32::MAX)
}

/// Previous, next and numbered page links.
#[component]
fn Pagination(query: SystemQuery, pages: u32) -> impl IntoView {
    if pages <= 1 {
        return ().into_any();
    }
    let current = query.page;
    // The first, the last, and two either side of the current page.
    let shown: Vec<u32> = (1..=pages)
        .filter(|p| *p == 1 || *p == pages || p.abs_diff(current) <= 2)
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
                {(current > 1 && current <= pages).then(|| view! {
                    <li><a href=query.with_page(current - 1).url() rel="prev">"Previous"</a></li>
                })}
                {links}
                {(current < pages).then(|| view! {
                    <li><a href=query.with_page(current + 1).url() rel="next">"Next"</a></li>
                })}
            </ul>
        </nav>
    }
    .into_any()
}

/// A list of systems, each with its name, owner, stage, risk and audit status.
///
/// Names are third-level headings: every list sits under a second-level one.
#[component]
pub fn SystemRows(systems: Vec<SystemSummary>) -> impl IntoView {
    view! {
        <ol class="system-list">
            {systems
                .into_iter()
                .map(|system| {
                    let audit = system
                        .audit
                        .map_or("Never audited", |outcome| outcome.label());
                    view! {
                        <li class="system-item">
                            <h3 class="system-name">
                                <a href=format!("/systems/{}", system.id)>{system.name}</a>
                            </h3>
                            <p class="system-owner">
                                <a href=format!("/agencies/{}", system.agency)>{system.agency_name}</a>
                            </p>
                            <p class="system-summary">{system.summary}</p>
                            <ul class="tags" aria-label="Key facts">
                                <li class=format!("tag stage-{}", system.stage)>{system.stage.label()}</li>
                                <li class=format!("tag risk-{}", system.risk_level)>{system.risk_level.label()}</li>
                                <li class="tag">{system.topic.label()}</li>
                                <li class="tag">{audit}</li>
                                <li class="tag updated">"Updated "{date_of(&system.published_at).to_string()}</li>
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// The few browser calls the island needs; nothing here runs on the server.
mod browser {
    /// Puts `url` in the address bar as a new history entry, without loading it.
    pub fn push_url(url: &str) {
        #[cfg(feature = "hydrate")]
        if let Ok(history) = leptos::prelude::window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = url;
    }

    /// Loads `url` as a full page.
    pub fn go_to(url: &str) {
        #[cfg(feature = "hydrate")]
        let _ = leptos::prelude::window().location().set_href(url);
        #[cfg(not(feature = "hydrate"))]
        let _ = url;
    }

    /// Calls `reload` with the new query string when the user goes back or forward.
    pub fn on_back_forward(reload: impl Fn(String) + 'static) {
        #[cfg(feature = "hydrate")]
        {
            let handle = leptos::prelude::window_event_listener(leptos::ev::popstate, move |_| {
                reload(
                    leptos::prelude::window()
                        .location()
                        .search()
                        .unwrap_or_default(),
                )
            });
            leptos::prelude::on_cleanup(move || handle.remove());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = reload;
    }
}
