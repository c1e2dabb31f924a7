//! `/`: what the register is, what it holds, and what changed lately.

use crate::html::PageTitle;
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
        <PageTitle text="Lantern – the public register of government AI systems"/>
        <h1>"Which AI systems does your government use?"</h1>
        <p class="lede">
            "Lantern is a public register of the AI and algorithmic systems that government agencies use. "
            "For every system, the agency that runs it publishes what it does, what data it uses, who checks it and how you can question a decision. "
            "Independent oversight bodies record their audits here."
        </p>
        <p><a class="button" href="/systems">"Browse all AI systems"</a></p>
        <Suspense fallback=|| view! { <p>"Loading the register…"</p> }>
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
        .map(|(stage, n)| (stage.label(), format!("/systems?stage={stage}"), *n))
        .collect::<Vec<_>>();
    let risk_rows = overview
        .by_risk_level
        .iter()
        .map(|(risk, n)| (risk.label(), format!("/systems?risk_level={risk}"), *n))
        .collect::<Vec<_>>();
    let audit_rows = overview
        .by_audit
        .iter()
        .map(|(audit, n)| {
            (
                audit.label(),
                format!("/systems?audit={}", audit.as_str()),
                *n,
            )
        })
        .collect::<Vec<_>>();
    view! {
        <p class="register-totals">
            <strong>{overview.systems}</strong>" systems published by "
            <strong>{overview.agencies}</strong>" "<a href="/agencies">"agencies"</a>"."
        </p>
        <div class="count-tables">
            <CountTable caption="By stage" label="Stage" rows=stage_rows/>
            <CountTable caption="By risk level" label="Risk level" rows=risk_rows/>
            <CountTable caption="By latest audit" label="Latest audit" rows=audit_rows/>
        </div>
        <h2>"Recently updated"</h2>
        <SystemRows systems=overview.recently_updated/>
        <p><a href="/systems">"See all systems"</a></p>
    }
}

/// A small table of counts, each row linking to the matching list.
#[component]
fn CountTable(
    caption: &'static str,
    label: &'static str,
    rows: Vec<(&'static str, String, i64)>,
) -> impl IntoView {
    view! {
        <table class="counts">
            <caption>{caption}</caption>
            <thead>
                <tr><th scope="col">{label}</th><th scope="col" class="number">"Systems"</th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, href, n)| view! {
                        <tr>
                            <th scope="row"><a href=href>{label}</a></th>
                            <td class="number">{n}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
