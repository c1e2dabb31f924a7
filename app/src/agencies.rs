//! `/agencies` and `/agencies/{slug}`: who publishes systems, and what each publishes.

use crate::feedback::{AnswerStats, duration_words};
use crate::html::PageTitle;
use crate::layout::{ContactLink, NotFound, TableScroll, Unavailable};
use crate::record::AgencyWithCount;
use crate::register::AgencyWithSystems;
use crate::search::query::PER_PAGE;
use crate::search::{Facet, SystemQuery};
use crate::systems::list::SystemRows;
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_params_map;

/// Every agency with its number of published systems, and how each answers
/// the public.
#[server]
pub async fn get_agencies() -> Result<(Vec<AgencyWithCount>, Vec<AnswerStats>), ServerFnError> {
    let register = crate::register::register()?;
    let stats = crate::feedback::feedback_desk()?.answer_stats(None).await?;
    Ok((register.agencies().await?, stats))
}

/// One agency and the first page of its systems, or `None` for an unknown slug.
#[server]
pub async fn get_agency(slug: String) -> Result<Option<AgencyWithSystems>, ServerFnError> {
    use crate::record::AgencySlug;

    let register = crate::register::register()?;
    let Some(agency) = register.agency(&AgencySlug(slug.clone())).await? else {
        return Ok(None);
    };
    let systems = register
        .agency_systems(&AgencySlug(slug.clone()), PER_PAGE)
        .await?;
    let answers = crate::feedback::feedback_desk()?
        .answer_stats(Some(&AgencySlug(slug)))
        .await?
        .into_iter()
        .next();
    Ok(Some(AgencyWithSystems {
        agency,
        systems,
        answers,
    }))
}

/// The `/agencies` page.
#[component]
pub fn AgenciesPage() -> impl IntoView {
    let agencies = Resource::new(|| (), |_| get_agencies());
    view! {
        <PageTitle text="Agencies – Lantern"/>
        <h1>"Agencies"</h1>
        <p class="lede">"The government bodies that publish their AI systems in the register."</p>
        <Suspense fallback=|| view! { <p>"Loading agencies…"</p> }>
            {move || Suspend::new(async move {
                match agencies.await {
                    Ok((agencies, stats)) => view! { <AgencyTable agencies stats/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AgencyTable(agencies: Vec<AgencyWithCount>, stats: Vec<AnswerStats>) -> impl IntoView {
    view! {
        <p>{format!("{} agencies", agencies.len())}</p>
        <TableScroll label="Agencies">
            <table class="agencies">
                <thead>
                    <tr>
                        <th scope="col">"Agency"</th>
                        <th scope="col">"Jurisdiction"</th>
                        <th scope="col" class="number">"Systems"</th>
                        <th scope="col" class="number">"Questions answered"</th>
                        <th scope="col" class="number">"Median time to answer"</th>
                    </tr>
                </thead>
                <tbody>
                    {agencies
                        .into_iter()
                        .map(|a| {
                            let answers = stats.iter().find(|s| s.agency == a.agency.slug);
                            let (answered, median) = answer_cells(answers);
                            view! {
                                <tr>
                                    <th scope="row"><a href=format!("/agencies/{}", a.agency.slug)>{a.agency.name}</a></th>
                                    <td>{a.agency.jurisdiction}</td>
                                    <td class="number">{a.systems}</td>
                                    <td class="number">{answered}</td>
                                    <td class="number">{median}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}

/// "3 of 4" and "2 days": answered items and the median time to answer, or dashes.
fn answer_cells(stats: Option<&AnswerStats>) -> (String, String) {
    match stats {
        Some(s) if s.items > 0 => (
            format!("{} of {}", s.answered, s.items),
            s.median_seconds
                .map(duration_words)
                .unwrap_or_else(|| "–".into()),
        ),
        _ => ("–".into(), "–".into()),
    }
}

/// The `/agencies/{slug}` page.
#[component]
pub fn AgencyPage() -> impl IntoView {
    let params = use_params_map();
    let agency = Resource::new(
        move || params.with(|p| p.get("slug").unwrap_or_default()),
        get_agency,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the agency…"</p> }>
            {move || Suspend::new(async move {
                match agency.await {
                    Ok(Some(data)) => view! { <AgencyView data/> }.into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AgencyView(data: AgencyWithSystems) -> impl IntoView {
    let AgencyWithCount {
        agency,
        systems: total,
    } = data.agency;
    let (answered, median) = answer_cells(data.answers.as_ref());
    let all_url = SystemQuery::default()
        .toggled(Facet::Agency, &agency.slug.0)
        .url();
    view! {
        <PageTitle text=format!("{} – Lantern", agency.name)/>
        <Link rel="alternate" type_="application/atom+xml" title=format!("Changes to {}’s systems", agency.name) href=format!("/agencies/{}/feed.atom", agency.slug)/>
        <h1>{agency.name.clone()}</h1>
        <p class="lede">{agency.description.clone()}</p>
        <dl class="facts">
            <dt>"Jurisdiction"</dt><dd>{agency.jurisdiction.clone()}</dd>
            {agency.website.clone().map(|w| {
                let href = w.clone();
                view! { <dt>"Website"</dt><dd><a href=href>{w}</a></dd> }
            })}
            {agency.contact.clone().map(|c| view! { <dt>"Public contact"</dt><dd><ContactLink contact=c/></dd> })}
            <dt>"Published systems"</dt><dd>{total}</dd>
            <dt>"Questions and error reports answered"</dt><dd>{answered}</dd>
            <dt>"Median time to answer"</dt><dd>{median}</dd>
            <dt>"Follow its changes"</dt>
            <dd>
                <a href=format!("/agencies/{}/feed.atom", agency.slug)>"Atom feed"</a>" · "
                <a href=format!("/api/v1/changes?agency={}", agency.slug)>"as JSON"</a>
            </dd>
        </dl>
        <h2>"Systems"</h2>
        {(total > i64::from(PER_PAGE)).then(|| view! {
            <p>{format!("{PER_PAGE} of its {total} systems: those it describes first, the most recently updated first. ")}<a href=all_url.clone()>"See and filter all of them"</a></p>
        })}
        <SystemRows systems=data.systems/>
    }
}
