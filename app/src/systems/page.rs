//! `/systems/{id}`: the public record of one system, its latest published version.
//!
//! The top of the page answers in plain words what a citizen asks first: what
//! does it do, who runs it, does it decide about me, has it been audited, how
//! do I question it. The full record follows, section by section.

use crate::feedback::section::FeedbackSection;
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with};
use crate::layout::{ContactLink, NotFound, Unavailable};
use crate::record::fields::label;
use crate::record::{DataSet, ShownIn, System, SystemContent, date_words};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

mod facts;
mod oversight;
use facts::{AuditSection, FactsSection};
use oversight::{CompletenessNote, ReviewNote};

/// A markdown section of the record, rendered and sanitised on the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The public JSON name of the field, e.g. `how_it_works`.
    pub field: String,
    /// Safe HTML; empty when the agency wrote nothing.
    pub html: String,
    /// Why the agency does not publish this section, if it does not.
    pub withheld: Option<String>,
}

/// Everything the record page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemRecord {
    pub system: System,
    pub sections: Vec<Section>,
    /// The latest audit's findings as safe HTML.
    pub audit_findings_html: String,
    /// How many published comments it has (none: no need to read them).
    pub published_comments: i64,
    /// Which of its texts the reader reads in their language, and which in the record's.
    pub shown: ShownIn,
}

/// The record of system `id` for a reader of `lang`, or `None` when no
/// published system has that id.
#[server]
pub async fn get_system(id: String, lang: String) -> Result<Option<SystemRecord>, ServerFnError> {
    use crate::record::SystemId;

    let register = crate::register::register()?;
    let Some((system, published_comments)) = register.system_page(&SystemId(id)).await? else {
        return Ok(None);
    };
    let (system, shown) = for_reader(system, &lang);
    let sections = crate::systems::markdown::rendered_once(
        (
            &system.id,
            system.version,
            system.published_at.as_str(),
            &shown.reader,
        ),
        || sections_of(&system.content),
    );
    Ok(Some(SystemRecord {
        published_comments,
        ..record_of(system, sections, shown)
    }))
}

/// A system as a reader of `lang` reads it: its texts in their language
/// where its agency translated them, else as the agency wrote them. A
/// language the register lacks reads the register's default.
#[cfg(feature = "ssr")]
pub fn for_reader(mut system: System, lang: &str) -> (System, ShownIn) {
    let languages = leptos::prelude::use_context::<crate::i18n::Languages>().unwrap_or_default();
    let default = languages.default_language();
    let reader = languages.get(lang).unwrap_or(default);
    let (content, shown) = system.content.for_reader(reader.code(), default.code());
    system.content = content;
    (system, shown)
}

/// The markdown sections of a record, rendered and sanitised.
#[cfg(feature = "ssr")]
pub fn sections_of(content: &SystemContent) -> Vec<Section> {
    use crate::record::fields::{FIELDS, OnPage};
    use crate::systems::markdown::to_safe_html;
    // One pass over the values (they come in table order).
    FIELDS
        .iter()
        .zip(content.values())
        .filter(|(field, _)| field.page == OnPage::Section)
        .map(|(field, (_, value))| {
            let withheld = content.withheld_reason(field.name);
            let text = match withheld {
                None => value.words(),
                Some(_) => String::new(),
            };
            Section {
                field: field.name.to_string(),
                html: to_safe_html(&text),
                withheld: withheld.map(str::to_string),
            }
        })
        .collect()
}

/// A system's record page, from the system and its rendered sections.
#[cfg(feature = "ssr")]
pub fn record_of(system: System, sections: Vec<Section>, shown: ShownIn) -> SystemRecord {
    let audit_findings_html = system
        .audit
        .as_ref()
        .map(|a| crate::systems::markdown::to_safe_html(&a.findings))
        .unwrap_or_default();
    SystemRecord {
        system,
        sections,
        audit_findings_html,
        published_comments: 0,
        shown,
    }
}

/// The `/systems/{id}` page.
#[component]
pub fn SystemPage() -> impl IntoView {
    let params = use_params_map();
    let record = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        |id| get_system(id, crate::i18n::language().code().to_string()),
    );
    view! {
        <Suspense fallback=|| view! { <p>{t("record-loading")}</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(Some(record)) => {
                        let id = record.system.id.0.clone();
                        let agency_name = record.system.agency_name.clone();
                        let published = record.published_comments;
                        view! {
                            <StaffLinks id=id.clone() agency=record.system.agency.clone()/>
                            <RecordView record/>
                            <FeedbackSection system=id agency_name published/>
                        }.into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Where the reader reads the record in another language than theirs, for
/// want of a translation: "Not available in Dutch; shown in English."
#[component]
fn LanguageNote(shown: ShownIn) -> impl IntoView {
    use crate::i18n::Language;
    let reader = Language::parse(&shown.reader)?;
    let original = Language::parse(&shown.original)?;
    shown.untranslated().then(|| {
        let args = [
            ("reader", reader.name_in(reader).into_owned().into()),
            ("original", original.name_in(reader).into_owned().into()),
        ];
        view! { <p class="language-note">{t_with("record-not-translated", &args)}</p> }
    })
}

/// For signed-in staff: the way to this record's page in `/manage` (its
/// agency's editors and approvers, and auditors). Nothing for the public.
#[component]
fn StaffLinks(id: String, agency: crate::record::AgencySlug) -> impl IntoView {
    use crate::record::Role;
    let account = crate::accounts::signed_in()?;
    let text = match account.role {
        Role::Auditor => t("record-staff-audit"),
        Role::Editor | Role::Approver if account.agency.as_ref() == Some(&agency) => {
            t("record-staff-edit")
        }
        _ => return None,
    };
    Some(
        view! { <p class="staff-links"><a href=href(format!("/manage/systems/{id}"))>{text}</a></p> },
    )
}

/// A system's record as the public sees it; also a draft's preview in `/manage`.
#[component]
pub fn RecordView(record: SystemRecord) -> impl IntoView {
    let SystemRecord {
        mut system,
        sections,
        audit_findings_html,
        published_comments: _,
        shown,
    } = record;
    // What the agency withholds is never shown, even when it was written.
    system.content = system.content.without_withheld();
    let content = &system.content;
    // A feedback form sent back with problems says so first, as GOV.UK pages do.
    let form_problems = use_context::<crate::feedback::section::FeedbackAttempt>()
        .is_some_and(|attempt| !attempt.problems.is_empty());
    let title = t_with(
        if form_problems {
            "record-title-error"
        } else {
            "record-title"
        },
        &[
            ("name", content.name.as_str().into()),
            ("agency", system.agency_name.as_str().into()),
        ],
    )
    .into_owned();
    view! {
        <PageTitle text=title/>
        <Meta name="description" content=content.summary.clone()/>
        <article class="record">
            <p class="record-owner">
                <a href=href(format!("/agencies/{}", system.agency))>{system.agency_name.clone()}</a>
                {content.unit.clone().map(|unit| view! { <span class="unit">" · "<span lang=shown.lang_of("unit")>{unit}</span></span> })}
            </p>
            <h1 lang=shown.lang_of("name")>{content.name.clone()}</h1>
            <p class="lede" lang=shown.lang_of("summary")>{content.summary.clone()}</p>
            <LanguageNote shown=shown.clone()/>
            <ul class="tags" aria-label=t("list-key-facts")>
                <li class=format!("tag stage-{}", content.stage)>{content.stage.label()}</li>
                <li class=format!("tag risk-{}", content.risk_level)>{content.risk_level.label()}</li>
                <li class="tag">{content.topic.label()}</li>
            </ul>
            <CompletenessNote completeness=content.completeness()/>
            <ReviewNote review_by=system.review_by.clone() overdue=system.review_overdue/>

            <AtAGlance system=system.clone()/>

            {sections
                .into_iter()
                .map(|section| {
                    let lang = shown.lang_of(&section.field);
                    view! { <RecordSection section lang/> }
                })
                .collect_view()}

            <DataSection content=content.clone() lang=shown.lang_of("data")/>
            <FactsSection system=system.clone()/>
            <AuditSection audit=system.audit.clone() overdue=system.audit_overdue findings_html=audit_findings_html/>
        </article>
    }
}

/// "At a glance": who runs it, whether it decides about me, whether it was
/// audited, and how to question it, in a reader's words.
#[component]
fn AtAGlance(system: System) -> impl IntoView {
    let content = &system.content;
    let contact = content
        .contact
        .clone()
        .or_else(|| system.agency_contact.clone());
    let decides = match (
        content.withheld_reason("decision_role"),
        content.decision_role,
    ) {
        (Some(reason), _) => t_with("page-withheld", &[("reason", reason.into())]),
        (None, Some(role)) => role.label(),
        (None, None) => t("record-not-said"),
    };
    let audit_line = match &system.audit {
        Some(audit) => t_with(
            if system.audit_overdue {
                "record-audit-line-overdue"
            } else {
                "record-audit-line"
            },
            &[
                ("outcome", audit.outcome.label().into()),
                ("auditor", audit.auditor.as_str().into()),
                ("date", date_words(&audit.audited_on).into()),
            ],
        ),
        None => t("record-no-audit-short"),
    };
    let contest_withheld = content.withheld_reason("contest").is_some();
    let has_contest = !content.contest.trim().is_empty() || contest_withheld;

    view! {
    <section class="at-a-glance" aria-labelledby="at-a-glance">
        <h2 id="at-a-glance">{t("record-at-a-glance")}</h2>
        <dl>
            <dt>{t("record-who-runs-it")}</dt>
            <dd>
                {system.agency_name.clone()}
                {content.unit.clone().map(|unit| format!(" ({unit})"))}
                {content.supplier.clone().map(|s| t_with("record-supplier", &[("supplier", s.into())]))}
            </dd>
            <dt>{t("record-decides")}</dt>
            <dd>{decides}</dd>
            <dt>{t("record-audited")}</dt>
            <dd>{audit_line}</dd>
            <dt>{t("record-question-it")}</dt>
            <dd>
                {contact.clone().map(|c| view! { {t("record-contact")}" " <ContactLink contact=c/> ". " })}
                {has_contest.then(|| view! { <a href="#contest">{label("contest")}</a> })}
                {(contact.is_none() && !has_contest).then(|| view! { {t("record-no-contact")}" " })}
                {has_contest.then_some(" · ")}
                <a href="#feedback-form-title">{t("record-ask")}</a>
            </dd>
        </dl>
    </section>
    }
}

#[component]
fn RecordSection(section: Section, lang: Option<String>) -> impl IntoView {
    let body = match (&section.withheld, section.html.trim().is_empty()) {
        (Some(reason), _) => {
            view! { <p class="withheld">{t_with("page-withheld", &[("reason", reason.as_str().into())])}</p> }.into_any()
        }
        (None, true) => {
            view! { <p class="not-stated">{t("record-not-published")}</p> }.into_any()
        }
        (None, false) => {
            view! { <div class="markdown" lang=lang inner_html=section.html.clone()></div> }.into_any()
        }
    };
    view! {
        <section class="record-section" aria-labelledby=section.field.clone()>
            <h2 id=section.field.clone()>{label(&section.field)}</h2>
            {body}
        </section>
    }
}

#[component]
fn DataSection(content: SystemContent, lang: Option<String>) -> impl IntoView {
    let body = if let Some(reason) = content.withheld_reason("data") {
        view! { <p class="withheld">{t_with("page-withheld", &[("reason", reason.into())])}</p> }
            .into_any()
    } else if content.data.is_empty() {
        view! { <p class="not-stated">{t("record-not-published")}</p> }.into_any()
    } else {
        view! {
            <ul class="data-sets">
                {content.data.into_iter().map(|d| view! { <DataSetItem data=d lang=lang.clone()/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="record-section" aria-labelledby="data">
            <h2 id="data">{label("data")}</h2>
            {body}
        </section>
    }
}

#[component]
fn DataSetItem(data: DataSet, lang: Option<String>) -> impl IntoView {
    let personal = data
        .personal_data
        .map_or(t("page-personal-data-not-stated"), |p| p.label());
    view! {
        <li>
            <h3 lang=lang.clone()>{data.name}</h3>
            {(!data.description.is_empty()).then(|| view! { <p lang=lang>{data.description.clone()}</p> })}
            <dl class="facts">
                {(!data.source.is_empty()).then(|| view! { <dt>{t("record-data-source")}</dt><dd>{data.source.clone()}</dd> })}
                <dt>{t("facet-personal_data")}</dt>
                <dd>{personal}</dd>
                {(!data.sensitive_attributes.is_empty()).then(|| view! {
                    <dt>{t("record-data-sensitive")}</dt>
                    <dd>{data.sensitive_attributes.join(", ")}</dd>
                })}
            </dl>
        </li>
    }
}
