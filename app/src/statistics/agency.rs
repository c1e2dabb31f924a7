//! `/agencies/{slug}/statistics`: the statistics page of one agency's
//! systems, with every count linking to the agency's search.

use super::Statistics;
use super::page::StatisticsView;
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with, title};
use crate::layout::{NotFound, Unavailable};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One agency's statistics, counted now; `None` for an unknown agency.
#[server]
pub async fn get_agency_statistics(slug: String) -> Result<Option<Statistics>, ServerFnError> {
    let register = crate::register::register()?;
    let slug = crate::record::AgencySlug(slug);
    Ok(register.agency_statistics(&slug).await?)
}

#[component]
pub fn AgencyStatisticsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = params.with_untracked(|p| p.get("slug").unwrap_or_default());
    let statistics = Resource::new(move || slug.clone(), get_agency_statistics);
    view! {
        <Suspense fallback=|| view! { <p>{t("loading-register")}</p> }>
            {move || Suspend::new(async move {
                let slug = params.with_untracked(|p| p.get("slug").unwrap_or_default());
                match statistics.await {
                    Ok(Some(statistics)) => {
                        let name = statistics
                            .by_agency
                            .first()
                            .map(|agency| agency.name.clone())
                            .unwrap_or_default();
                        let heading = t_with("statistics-agency-heading", &[("agency", name.clone().into())])
                            .into_owned();
                        view! {
                            <PageTitle text=title(&heading)/>
                            <p class="breadcrumbs">
                                <a href=href(format!("/agencies/{slug}"))>{name}</a>" · "
                                <a href=href("/statistics")>{t("statistics-whole-register")}</a>
                            </p>
                            <h1>{heading}</h1>
                            <StatisticsView statistics agency=slug/>
                        }
                        .into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
