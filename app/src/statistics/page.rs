//! The `/statistics` page: key figures, then a chart and a table of the same
//! numbers per subject. Every count links to the search that lists its
//! systems.

use super::chart::{self, Bar};
use super::{AgencyStatistics, Count, Statistics, get_statistics};
use crate::feedback::duration_words;
use crate::html::{PageTitle, escape_into};
use crate::i18n::{Numbers, Text, date_words, href, number, t, t_with, title};
use crate::layout::{TableScroll, Unavailable};
use crate::search::Facet;
use leptos::prelude::*;

/// How many agencies the agency chart shows (the table lists them all).
const AGENCIES_CHARTED: usize = 15;

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let statistics = Resource::new(|| (), |_| get_statistics());
    view! {
        <PageTitle text=title(&t("nav-statistics"))/>
        <h1>{t("nav-statistics")}</h1>
        <p class="lede">{t("statistics-lede")}</p>
        <Suspense fallback=|| view! { <p>{t("loading-register")}</p> }>
            {move || Suspend::new(async move {
                match statistics.await {
                    Ok(statistics) => view! { <StatisticsView statistics/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The numbers, charts and tables of the register, or of one agency when
/// `agency` names it (its searches are then the agency's).
#[component]
pub(super) fn StatisticsView(
    mut statistics: Statistics,
    #[prop(optional)] agency: Option<String>,
) -> impl IntoView {
    let total = statistics.systems;
    // Every search a number links to, with the agency's filter first.
    let within = agency
        .as_ref()
        .map_or_else(String::new, |slug| format!("agency={slug}&"));
    let closed = |facet: Facet, counts: &[Count]| -> Vec<Row> {
        // The facet's labels once, not once per value: each is a lookup in
        // the language's catalogue.
        let labels = facet.known_values();
        counts
            .iter()
            .map(|count| Row {
                label: labels
                    .iter()
                    .find(|(known, _)| *known == count.value)
                    .map_or_else(|| count.value.clone(), |(_, label)| label.to_string()),
                systems: count.systems,
                search: Some(href(format!(
                    "/systems?{within}{}={}",
                    facet.name(),
                    count.value
                ))),
            })
            .collect()
    };
    let by_stage = closed(Facet::Stage, &statistics.by_stage);
    let by_risk = closed(Facet::RiskLevel, &statistics.by_risk_level);
    let by_technique = closed(Facet::Technique, &statistics.by_technique);
    let by_topic = closed(Facet::Topic, &statistics.by_topic);
    let by_audit = closed(Facet::Audit, &statistics.by_audit);
    let missing = closed(Facet::Missing, &statistics.completeness.missing);
    let months = std::mem::take(&mut statistics.published_by_month);
    let agencies = std::mem::take(&mut statistics.by_agency);
    let unpublished = agencies.iter().filter(|a| a.systems == 0).count();
    let counted = counted_at(&statistics.counted_at);
    let open_data = agency
        .as_ref()
        .map_or_else(String::new, |slug| format!("?agency={slug}"));
    let register_wide = agency.is_none();
    view! {
        <KeyFigures statistics unpublished within=within.clone() register_wide/>
        <Subject id="stage" heading=t("statistics-by-stage") rows=by_stage total/>
        <Subject id="risk" heading=t("statistics-by-risk") rows=by_risk total/>
        <Subject id="technique" heading=t("statistics-by-technique") rows=by_technique total/>
        <Subject id="topic" heading=t("statistics-by-topic") rows=by_topic total/>
        <PublishedOverTime months/>
        <Subject id="missing" heading=t("statistics-missing") rows=missing total/>
        <Subject id="audit" heading=t("statistics-by-audit") rows=by_audit total/>
        {register_wide.then(|| view! { <AgencyTable agencies/> })}
        <p class="counted-at">
            {t_with("statistics-counted-at", &[("time", counted.into())])}" "
            <a href=format!("/api/v1/statistics{open_data}")>"JSON"</a>" · "
            <a href=format!("/api/v1/statistics.csv{open_data}")>"CSV"</a>
        </p>
    }
}

/// When the numbers were counted, as people write it: `4 December 2026, 12:30 UTC`.
fn counted_at(timestamp: &str) -> String {
    match timestamp.get(11..16) {
        Some(time) => format!("{}, {time} UTC", date_words(timestamp)),
        None => timestamp.to_string(),
    }
}

/// The figures a reader looks for first, each linking to what it counts
/// (`within` is the agency's filter where they are one agency's).
#[component]
fn KeyFigures(
    statistics: Statistics,
    unpublished: usize,
    within: String,
    register_wide: bool,
) -> impl IntoView {
    let s = &statistics;
    let percent = |share: Option<f64>| share.map_or_else(|| "–".to_string(), |p| format!("{p}%"));
    let median = s
        .answers
        .median_seconds
        .map(duration_words)
        .unwrap_or_else(|| "–".into());
    view! {
        <ul class="key-figures">
            <li>
                <strong>{number(s.systems)}</strong>" "
                {if register_wide {
                    t_with("home-totals-systems", &[("count", s.systems.into())])
                } else {
                    t_with("statistics-agency-systems", &[("count", s.systems.into())])
                }}
                {register_wide.then(|| view! {
                    " "<a href=href("/agencies")>{t_with("statistics-from-agencies", &[("count", s.agencies.into())])}</a>
                    {(unpublished > 0).then(|| format!(" {}", t_with("statistics-agencies-unpublished", &[("count", unpublished.into())])))}
                })}
            </li>
            <li>
                <strong>{percent(s.audits.coverage)}</strong>" "
                {t_with("statistics-audit-coverage", &[("covered", s.audits.high_risk_covered.into()), ("count", s.audits.high_risk.into())])}
            </li>
            <li>
                <strong>{number(s.audits.overdue)}</strong>" "
                {t_with("statistics-audits-overdue", &[("count", s.audits.overdue.into())])}
            </li>
            <li>
                <strong><a href=href(format!("/systems?{within}review=overdue"))>{number(s.reviews.overdue)}</a></strong>" "
                {t_with("statistics-reviews-overdue", &[("count", s.reviews.overdue.into())])}
            </li>
            <li>
                <strong>{percent(s.completeness.average)}</strong>" "{t("statistics-average-completeness")}" "
                <a href=href(format!("/systems?{within}completeness=complete"))>
                    {t_with("statistics-complete", &[("count", s.completeness.complete.into())])}
                </a>
            </li>
            <li>
                <strong>{number(s.answers.answered)}</strong>" "
                {t_with("statistics-answered", &[("count", s.answers.asked.into()), ("median", median.into())])}
            </li>
        </ul>
    }
}

/// One counted value of a subject.
#[derive(Clone)]
struct Row {
    label: String,
    systems: i64,
    /// The search listing its systems, where there is one.
    search: Option<String>,
}

/// A subject: its heading, a bar chart, and a table of the same numbers.
#[component]
fn Subject(id: &'static str, heading: Text, rows: Vec<Row>, total: i64) -> impl IntoView {
    let description = describe(&rows, total);
    let svg = chart::bars(id, &heading, &description, &bars_of(&rows));
    view! {
        <section class="statistics-subject" aria-labelledby=id>
            <h2 id=id>{heading.clone()}</h2>
            <div class="chart-pair">
                <div class="chart-box" inner_html=svg></div>
                <CountTable caption=heading rows/>
            </div>
        </section>
    }
}

/// The bars of a chart of rows.
fn bars_of(rows: &[Row]) -> Vec<Bar> {
    rows.iter()
        .map(|row| Bar {
            label: row.label.clone(),
            value: row.systems,
        })
        .collect()
}

/// What a chart shows, in a sentence: its largest value.
fn describe(rows: &[Row], total: i64) -> String {
    match rows.iter().max_by_key(|row| row.systems) {
        Some(largest) if largest.systems > 0 => t_with(
            "statistics-chart-largest",
            &[
                ("label", largest.label.as_str().into()),
                ("count", largest.systems.into()),
                ("total", total.into()),
            ],
        )
        .into_owned(),
        _ => t("statistics-chart-empty").into_owned(),
    }
}

/// The numbers of a chart, each linking to its search.
#[component]
fn CountTable(caption: Text, rows: Vec<Row>) -> impl IntoView {
    // One string of HTML rather than a view per row: the page has hundreds.
    let numbers = Numbers::of_page();
    let mut body = String::with_capacity(rows.len() * 120);
    for row in &rows {
        body.push_str(r#"<tr><th scope="row">"#);
        escape_into(&mut body, &row.label);
        body.push_str(r#"</th><td class="number">"#);
        linked(
            &mut body,
            row.search.as_deref(),
            &numbers.format(row.systems),
        );
        body.push_str("</td></tr>");
    }
    view! {
        <table class="counts">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr><th scope="col">{t("statistics-value")}</th><th scope="col" class="number">{t("home-systems")}</th></tr>
            </thead>
            <tbody inner_html=body></tbody>
        </table>
    }
}

/// `text`, escaped, as a link to `href` where there is one.
fn linked(html: &mut String, href: Option<&str>, text: &str) {
    match href {
        Some(href) => {
            html.push_str(r#"<a href=""#);
            escape_into(html, href);
            html.push_str(r#"">"#);
            escape_into(html, text);
            html.push_str("</a>");
        }
        None => escape_into(html, text),
    }
}

/// New systems per month: a column chart, with the months' numbers in a
/// table that opens on demand (a register has many months).
#[component]
fn PublishedOverTime(months: Vec<Count>) -> impl IntoView {
    let heading = t("statistics-over-time");
    let bars: Vec<Bar> = months
        .iter()
        .map(|month| Bar {
            label: month.value.clone(),
            value: month.systems,
        })
        .collect();
    let description = match (months.first(), months.last()) {
        (Some(first), Some(last)) => t_with(
            "statistics-over-time-desc",
            &[
                ("first", first.value.as_str().into()),
                ("last", last.value.as_str().into()),
                (
                    "most",
                    months.iter().map(|m| m.systems).max().unwrap_or(0).into(),
                ),
            ],
        )
        .into_owned(),
        _ => t("statistics-chart-empty").into_owned(),
    };
    let svg = chart::columns("over-time", &heading, &description, &bars);
    let rows: Vec<Row> = months
        .into_iter()
        .rev()
        .map(|month| Row {
            label: month.value,
            systems: month.systems,
            search: None,
        })
        .collect();
    view! {
        <section class="statistics-subject" aria-labelledby="over-time">
            <h2 id="over-time">{heading.clone()}</h2>
            <div class="chart-box wide" inner_html=svg></div>
            <details>
                <summary>{t("statistics-months-table")}</summary>
                <CountTable caption=heading rows/>
            </details>
        </section>
    }
}

/// Every agency: its systems, how complete and current its records are,
/// when it last published, and how it answers. The largest are charted.
#[component]
fn AgencyTable(agencies: Vec<AgencyStatistics>) -> impl IntoView {
    let heading = t("statistics-by-agency");
    let charted: Vec<Row> = agencies
        .iter()
        .take(AGENCIES_CHARTED)
        .map(|agency| Row {
            label: agency.name.clone(),
            systems: agency.systems,
            search: None,
        })
        .collect();
    let total: i64 = agencies.iter().map(|a| a.systems).sum();
    let svg = chart::bars(
        "agency",
        &heading,
        &describe(&charted, total),
        &bars_of(&charted),
    );
    let more = agencies.len() > AGENCIES_CHARTED;
    let mut rows = String::with_capacity(agencies.len() * 400);
    let numbers = Numbers::of_page();
    for agency in &agencies {
        agency_row(&mut rows, numbers, agency);
    }
    view! {
        <section class="statistics-subject" aria-labelledby="agency">
            <h2 id="agency">{heading.clone()}</h2>
            {more.then(|| view! { <p>{t_with("statistics-agencies-charted", &[("count", AGENCIES_CHARTED.into())])}</p> })}
            <div class="chart-box" inner_html=svg></div>
            <TableScroll label=heading.clone()>
                <table class="agency-statistics">
                    <caption class="visually-hidden">{heading}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("facet-agency")}</th>
                            <th scope="col" class="number">{t("home-systems")}</th>
                            <th scope="col" class="number">{t("statistics-average-completeness-short")}</th>
                            <th scope="col" class="number">{t("facet-review-overdue")}</th>
                            <th scope="col">{t("statistics-last-published")}</th>
                            <th scope="col" class="number">{t("agencies-answered")}</th>
                            <th scope="col" class="number">{t("agency-median")}</th>
                        </tr>
                    </thead>
                    <tbody inner_html=rows></tbody>
                </table>
            </TableScroll>
        </section>
    }
}

/// An agency's row of the table, as HTML, every text escaped.
fn agency_row(html: &mut String, numbers: Numbers, agency: &AgencyStatistics) {
    let search = |filter: &str| href(format!("/systems?agency={}{filter}", agency.agency));
    let dash = || "–".to_string();
    html.push_str(r#"<tr><th scope="row">"#);
    linked(
        html,
        Some(&href(format!("/agencies/{}", agency.agency))),
        &agency.name,
    );
    html.push_str(r#"</th><td class="number">"#);
    let systems = (agency.systems > 0).then(|| search(""));
    linked(html, systems.as_deref(), &numbers.format(agency.systems));
    html.push_str(r#"</td><td class="number">"#);
    let average = agency
        .average_completeness
        .map_or_else(dash, |p| format!("{p}%"));
    escape_into(html, &average);
    html.push_str(r#"</td><td class="number">"#);
    let overdue = (agency.reviews_overdue > 0).then(|| search("&review=overdue"));
    linked(
        html,
        overdue.as_deref(),
        &numbers.format(agency.reviews_overdue),
    );
    html.push_str("</td><td>");
    let last = agency
        .last_published
        .as_deref()
        .map_or_else(|| t("statistics-never").into_owned(), date_words);
    escape_into(html, &last);
    html.push_str(r#"</td><td class="number">"#);
    let answers = &agency.answers;
    escape_into(
        html,
        &format!("{} / {}", number(answers.answered), number(answers.asked)),
    );
    html.push_str(r#"</td><td class="number">"#);
    escape_into(
        html,
        &answers.median_seconds.map_or_else(dash, duration_words),
    );
    html.push_str("</td></tr>");
}
