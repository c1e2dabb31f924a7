//! `/`: what the register is, what it holds, and what changed lately.

use crate::html::PageTitle;
use crate::i18n::{href, number, t, t_with};
use crate::layout::Unavailable;
use crate::register::Overview;
use crate::systems::list::SystemRows;
use leptos::prelude::*;

/// Counts by stage, risk level and audit outcome, and the latest changes.
#[server]
pub async fn get_overview() -> Result<Overview, ServerFnError> {
    let register = crate::register::register()?;
    Ok(register.overview().await?)
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_overview());
    view! {
        <PageTitle text=t("home-title")/>
        <h1>{t("home-heading")}</h1>
        <p class="lede">{t("home-lede")}</p>
        <p><a class="button" href=href("/systems")>{t("home-browse")}</a></p>
        <Suspense fallback=|| view! { <p>{t("loading-register")}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <OverviewView overview/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OverviewView(overview: Overview) -> impl IntoView {
    let stage_rows = overview
        .by_stage
        .iter()
        .map(|(stage, n)| (stage.label(), href(format!("/systems?stage={stage}")), *n))
        .collect::<Vec<_>>();
    let risk_rows = overview
        .by_risk_level
        .iter()
        .map(|(risk, n)| {
            (
                risk.label(),
                href(format!("/systems?risk_level={risk}")),
                *n,
            )
        })
        .collect::<Vec<_>>();
    let audit_rows = overview
        .by_audit
        .iter()
        .map(|(audit, n)| {
            (
                audit.label(),
                href(format!("/systems?audit={}", audit.as_str())),
                *n,
            )
        })
        .collect::<Vec<_>>();
    view! {
        <p class="register-totals">
            <strong>{number(overview.systems)}</strong>" "
            {t_with("home-totals-systems", &[("count", overview.systems.into())])}" "
            <strong>{number(overview.agencies)}</strong>" "
            <a href=href("/agencies")>{t_with("home-totals-agencies", &[("count", overview.agencies.into())])}</a>"."
        </p>
        <div class="count-tables">
            <CountTable caption=t("home-by-stage") label=t("home-stage") rows=stage_rows/>
            <CountTable caption=t("home-by-risk") label=t("home-risk") rows=risk_rows/>
            <CountTable caption=t("home-by-audit") label=t("home-audit") rows=audit_rows/>
        </div>
        <h2>{t("home-recent")}</h2>
        <SystemRows systems=overview.recently_updated/>
        <p><a href=href("/systems")>{t("home-see-all")}</a></p>
    }
}

/// A small table of counts, each row linking to the matching list.
#[component]
fn CountTable(
    #[prop(into)] caption: String,
    #[prop(into)] label: String,
    rows: Vec<(crate::i18n::Text, String, i64)>,
) -> impl IntoView {
    view! {
        <table class="counts">
            <caption>{caption}</caption>
            <thead>
                <tr><th scope="col">{label}</th><th scope="col" class="number">{t("home-systems")}</th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, href, n)| view! {
                        <tr>
                            <th scope="row"><a href=href>{label}</a></th>
                            <td class="number">{number(n)}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
