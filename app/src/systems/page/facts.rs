//! The end of a record's page: its facts, assessments and version, and its latest audit.

use crate::i18n::{href, record_lang, t, t_with};
use crate::layout::ContactLink;
use crate::record::fields::{FIELDS, Kind, OnPage, label};
use crate::record::{Audit, DateText, System};
use leptos::prelude::*;

/// The record's facts (the fields the table puts there), its assessments,
/// and the version of the record.
#[component]
pub(super) fn FactsSection(system: System) -> impl IntoView {
    let content = &system.content;
    let facts = FIELDS
        .iter()
        .zip(content.values())
        .filter_map(|(field, (_, value))| {
            let OnPage::Fact { when_empty } = field.page else {
                return None;
            };
            let shown = if let Some(reason) = content.withheld_reason(field.name) {
                t_with("page-withheld", &[("reason", reason.into())]).into_any()
            } else if value.is_empty() {
                t(when_empty?).into_any()
            } else if field.kind == Kind::Date {
                view! { <DateText date=value.words()/> }.into_any()
            } else {
                value.words().into_any()
            };
            Some(view! { <dt>{field.label()}</dt><dd>{shown}</dd> })
        })
        .collect_view();
    let assessments = if let Some(reason) = content.withheld_reason("assessments") {
        view! { <p class="withheld">{t_with("page-withheld", &[("reason", reason.into())])}</p> }
            .into_any()
    } else if content.assessments.is_empty() {
        view! { <p class="not-stated">{t("record-no-assessment")}</p> }.into_any()
    } else {
        view! {
            <ul>
                {content.assessments.iter().map(|a| {
                    let label = format!("{}{}", a.kind.label(), a.date.as_ref().map(|d| format!(", {d}")).unwrap_or_default());
                    match a.url.clone() {
                        Some(url) => view! { <li><a href=url>{label}</a></li> }.into_any(),
                        None => view! { <li>{label}</li> }.into_any(),
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="record-section" aria-labelledby="facts">
            <h2 id="facts">{t("record-facts")}</h2>
            <dl class="facts">
                {facts}
                {system.agency_contact.clone().map(|c| view! { <dt>{t("record-agency-contact")}</dt><dd><ContactLink contact=c/></dd> })}
                <dt>{t("record-record")}</dt>
                <dd>
                    {t_with("record-version", &[("version", system.version.into())])}" "<DateText date=system.published_at.clone()/>
                    {system.reviewed_at.clone().map(|r| view! { ", "{t("record-reviewed")}" " <DateText date=r/> })}
                    {system.review_by.clone().map(|by| view! { "; "{t("record-review-by")}" " <DateText date=by/> })}
                    ". " <a href=href(format!("/systems/{}/history", system.id))>{t("record-history-link")}</a>
                    " · " <a href=href(format!("/follow?system={}", system.id))>{t("follow-link")}</a>
                </dd>
                <dt>{t("record-permanent-id")}</dt><dd><code>{system.id.0.clone()}</code></dd>
                <dt>{t("nav-open-data")}</dt>
                <dd>
                    {t("record-as")}" "<a href=format!("/api/v1/systems/{}", system.id)>"JSON"</a>
                    " "{t("not-found-or")}" "<a href=format!("/api/v1/export.csv?id={}", system.id)>"CSV"</a>" "{t("search-for-spreadsheets")}
                </dd>
            </dl>
            <h3>{label("assessments")}</h3>
            {assessments}
        </section>
    }
}

#[component]
pub(super) fn AuditSection(
    audit: Option<Audit>,
    overdue: bool,
    findings_html: String,
) -> impl IntoView {
    let body = match audit {
        None => view! {
            <p>{t("record-no-audit")}</p>
        }
        .into_any(),
        Some(audit) => view! {
            <dl class="facts">
                <dt>{t("audit-outcome")}</dt><dd class=format!("audit-{}", audit.outcome)>{audit.outcome.label()}</dd>
                <dt>{t("audit-by")}</dt><dd>{audit.auditor.clone()}</dd>
                <dt>{t("audit-date")}</dt><dd><DateText date=audit.audited_on.clone()/></dd>
                {audit.next_due.clone().map(|d| view! {
                    <dt>{t("audit-next-due")}</dt>
                    <dd><DateText date=d/>{overdue.then(|| view! { " " <strong class="overdue">{t("audit-overdue")}</strong> })}</dd>
                })}
                {audit.report_url.clone().map(|url| view! { <dt>{t("audit-report")}</dt><dd><a href=url>{t("audit-read-report")}</a></dd> })}
            </dl>
            {(!findings_html.trim().is_empty()).then(|| view! {
                <h3>{t("audit-findings")}</h3>
                <div class="markdown" lang=record_lang() inner_html=findings_html.clone()></div>
            })}
        }
        .into_any(),
    };
    view! {
        <section class="record-section" aria-labelledby="audit">
            <h2 id="audit">{t("home-audit")}</h2>
            {body}
        </section>
    }
}
