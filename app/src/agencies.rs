//! `/agencies` and `/agencies/{slug}`: who publishes systems, and what each publishes.

use crate::feedback::{AnswerStats, duration_words};
use crate::html::PageTitle;
use crate::i18n::{date_words, href, number, t, t_with, title};
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
pub async fn get_agencies() -> Result<AgencyList, ServerFnError> {
    let register = crate::register::register()?;
    let answers = crate::feedback::feedback_desk()?.answer_stats(None).await?;
    let last_published = register
        .statistics()
        .await?
        .by_agency
        .into_iter()
        .map(|counted| (counted.agency, counted.last_published))
        .collect();
    Ok(AgencyList {
        agencies: register.agencies().await?,
        answers,
        last_published,
    })
}

/// What `/agencies` lists: every agency with its count, how it answers, and
/// when it last published (from the statistics, kept for a minute).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AgencyList {
    pub agencies: Vec<AgencyWithCount>,
    pub answers: Vec<AnswerStats>,
    /// Agency slug → when it last published a version, if ever.
    pub last_published: std::collections::BTreeMap<String, Option<String>>,
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
        .answer_stats(Some(&AgencySlug(slug.clone())))
        .await?
        .into_iter()
        .next();
    let oversight = register
        .statistics()
        .await?
        .by_agency
        .into_iter()
        .find(|counted| counted.agency == slug);
    Ok(Some(AgencyWithSystems {
        agency,
        systems,
        answers,
        oversight,
    }))
}

/// The `/agencies` page.
#[component]
pub fn AgenciesPage() -> impl IntoView {
    let agencies = Resource::new(|| (), |_| get_agencies());
    view! {
        <PageTitle text=title(&t("nav-agencies"))/>
        <h1>{t("nav-agencies")}</h1>
        <p class="lede">{t("agencies-lede")}</p>
        <Suspense fallback=|| view! { <p>{t("agencies-loading")}</p> }>
            {move || Suspend::new(async move {
                match agencies.await {
                    Ok(list) => view! { <AgencyTable list/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AgencyTable(list: AgencyList) -> impl IntoView {
    let AgencyList {
        agencies,
        answers: stats,
        last_published,
    } = list;
    let unpublished = agencies.iter().filter(|a| a.systems == 0).count();
    view! {
        <p>
            {t_with("agencies-count", &[("count", agencies.len().into())])}
            {(unpublished > 0).then(|| format!(" {}", t_with("statistics-agencies-unpublished", &[("count", unpublished.into())])))}
        </p>
        <TableScroll label=t("nav-agencies")>
            <table class="agencies">
                <thead>
                    <tr>
                        <th scope="col">{t("facet-agency")}</th>
                        <th scope="col">{t("agency-jurisdiction")}</th>
                        <th scope="col" class="number">{t("home-systems")}</th>
                        <th scope="col">{t("statistics-last-published")}</th>
                        <th scope="col" class="number">{t("agencies-answered")}</th>
                        <th scope="col" class="number">{t("agency-median")}</th>
                    </tr>
                </thead>
                <tbody>
                    {agencies
                        .into_iter()
                        .map(|a| {
                            let answers = stats.iter().find(|s| s.agency == a.agency.slug);
                            let (answered, median) = answer_cells(answers);
                            let last = last_published
                                .get(&a.agency.slug.0)
                                .cloned()
                                .flatten()
                                .map_or_else(|| t("statistics-never").into_owned(), |at| date_words(&at));
                            view! {
                                <tr>
                                    <th scope="row"><a href=href(format!("/agencies/{}", a.agency.slug))>{a.agency.name}</a></th>
                                    <td>{a.agency.jurisdiction}</td>
                                    <td class="number">{number(a.systems)}</td>
                                    <td>{last}</td>
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
            t_with(
                "agency-answered-of",
                &[("answered", s.answered.into()), ("items", s.items.into())],
            )
            .into_owned(),
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
        <Suspense fallback=|| view! { <p>{t("agency-loading")}</p> }>
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
        <PageTitle text=title(&agency.name)/>
        <Link rel="alternate" type_="application/atom+xml" title=t_with("agency-feed-title", &[("agency", agency.name.as_str().into())]).into_owned() href=format!("/agencies/{}/feed.atom", agency.slug)/>
        <h1>{agency.name.clone()}</h1>
        <p class="lede" lang=crate::i18n::record_lang()>{agency.description.clone()}</p>
        <dl class="facts">
            <dt>{t("agency-jurisdiction")}</dt><dd>{agency.jurisdiction.clone()}</dd>
            {agency.website.clone().map(|w| {
                let href = w.clone();
                view! { <dt>{t("agency-website")}</dt><dd><a href=href>{w}</a></dd> }
            })}
            {agency.contact.clone().map(|c| view! { <dt>{t("agency-contact")}</dt><dd><ContactLink contact=c/></dd> })}
            <dt>{t("agency-published")}</dt><dd>{number(total)}</dd>
            {data.oversight.map(|counted| {
                let overdue = counted.reviews_overdue;
                let overdue_url = SystemQuery::default()
                    .toggled(Facet::Agency, &agency.slug.0)
                    .toggled(Facet::Review, crate::search::REVIEW_OVERDUE)
                    .url();
                view! {
                    <dt>{t("statistics-average-completeness-short")}</dt>
                    <dd>
                        {counted.average_completeness.map_or_else(|| "–".to_string(), |p| format!("{p}%"))}" "
                        <a href=href("/open-data#completeness")>{t("record-completeness-why")}</a>
                    </dd>
                    <dt>{t("facet-review-overdue")}</dt>
                    <dd>
                        {if overdue > 0 {
                            view! { <a href=overdue_url>{number(overdue)}</a> }.into_any()
                        } else {
                            "0".into_any()
                        }}
                    </dd>
                }
            })}
            <dt>{t("agency-answered")}</dt><dd>{answered}</dd>
            <dt>{t("agency-median")}</dt><dd>{median}</dd>
            <dt>{t("nav-statistics")}</dt>
            <dd><a href=href(format!("/agencies/{}/statistics", agency.slug))>{t("agency-statistics")}</a></dd>
            <dt>{t("agency-follow")}</dt>
            <dd>
                <a href=href(format!("/follow?agency={}", agency.slug))>{t("follow-link")}</a>" · "
                <a href=format!("/agencies/{}/feed.atom", agency.slug)>{t("agency-atom")}</a>" · "
                <a href=format!("/api/v1/changes?agency={}", agency.slug)>{t("agency-as-json")}</a>
            </dd>
        </dl>
        <h2>{t("home-systems")}</h2>
        {(total > i64::from(PER_PAGE)).then(|| view! {
            <p>{t_with("agency-first-systems", &[("shown", PER_PAGE.into()), ("count", total.into())])}" "<a href=all_url.clone()>{t("agency-see-all")}</a></p>
        })}
        <SystemRows systems=data.systems/>
    }
}
