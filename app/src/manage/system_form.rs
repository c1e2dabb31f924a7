//! `/manage/systems/new` and `/manage/systems/{id}/edit`: every field of a
//! system's record, saved as a draft.
//!
//! When the server finds problems it renders this page again with what was
//! typed and an error summary at the top linking to each wrong field, in the
//! style of the GOV.UK Design System. Lists (data sets, assessments, withheld
//! fields) show their rows and one empty row; "Add another" asks for one more,
//! without JavaScript.

use super::fields::{Values, area, date, described, hint_and_error, line, select};
use super::markdown_field::MarkdownField;
use super::{CsrfField, FormAttempt, ProblemSummary, require_sign_in};
use crate::html::PageTitle;
use crate::layout::{NotFound, Unavailable};
use crate::manage::NotForYou;
use crate::record::{
    AssessmentKind, DecisionRole, PersonalData, RiskLevel, Stage, SystemContent, Technique, Topic,
    WITHHOLDABLE,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

/// What the form starts from: the draft, else the published version, else nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Editable {
    Found {
        fields: Vec<(String, String)>,
        name: String,
    },
    NotFound,
    /// Another agency's system, or a role that does not write records.
    NotYours,
}

/// The form fields of a record (names as the server reads them).
pub fn content_fields(content: &SystemContent, change_summary: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut add = |name: String, value: String| fields.push((name, value));
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    add("name".into(), content.name.clone());
    add("summary".into(), content.summary.clone());
    add("agency_ref".into(), text(&content.agency_ref));
    add("unit".into(), text(&content.unit));
    add("contact".into(), text(&content.contact));
    add("purpose".into(), content.purpose.clone());
    add("how_it_works".into(), content.how_it_works.clone());
    add("stage".into(), content.stage.as_str().into());
    add("in_use_since".into(), text(&content.in_use_since));
    add("retired_on".into(), text(&content.retired_on));
    add("topic".into(), content.topic.as_str().into());
    add("tags".into(), content.tags.join(", "));
    for technique in &content.technique {
        add("technique".into(), technique.as_str().into());
    }
    add("risk_level".into(), content.risk_level.as_str().into());
    add(
        "decision_role".into(),
        content
            .decision_role
            .map(|d| d.as_str().to_string())
            .unwrap_or_default(),
    );
    add("human_oversight".into(), content.human_oversight.clone());
    add("contest".into(), content.contest.clone());
    for (i, set) in content.data.iter().enumerate() {
        add(format!("data[{i}].name"), set.name.clone());
        add(format!("data[{i}].description"), set.description.clone());
        add(format!("data[{i}].source"), set.source.clone());
        add(
            format!("data[{i}].personal_data"),
            set.personal_data
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
        );
        add(
            format!("data[{i}].sensitive_attributes"),
            set.sensitive_attributes.join(", "),
        );
    }
    add("explainability".into(), content.explainability.clone());
    add("fairness".into(), content.fairness.clone());
    add("risks".into(), content.risks.clone());
    for (i, assessment) in content.assessments.iter().enumerate() {
        add(
            format!("assessments[{i}].kind"),
            assessment.kind.as_str().into(),
        );
        add(format!("assessments[{i}].date"), text(&assessment.date));
        add(format!("assessments[{i}].url"), text(&assessment.url));
    }
    add("legal_basis".into(), content.legal_basis.clone());
    add("supplier".into(), text(&content.supplier));
    for (i, withheld) in content.withheld.iter().enumerate() {
        add(format!("withheld[{i}].field"), withheld.field.clone());
        add(format!("withheld[{i}].reason"), withheld.reason.clone());
    }
    add("change_summary".into(), change_summary.into());
    fields
}

/// The form's starting values for system `id` (empty: a new system).
#[server]
pub async fn get_editable(id: String) -> Result<Editable, ServerFnError> {
    use crate::record::SystemId;

    let account = super::account()?;
    let Some(agency) = account
        .agency
        .clone()
        .filter(|_| account.role.belongs_to_agency())
    else {
        return Ok(Editable::NotYours);
    };
    if id.is_empty() {
        return Ok(Editable::Found {
            fields: Vec::new(),
            name: String::new(),
        });
    }
    let manage = super::manage_register()?;
    let id = SystemId(id);
    if let Some(draft) = manage.draft_view(&id).await? {
        if draft.agency != agency {
            // Another agency's draft is invisible: as if it did not exist.
            return Ok(Editable::NotFound);
        }
        return Ok(Editable::Found {
            name: draft.content.name.clone(),
            fields: content_fields(&draft.content, &draft.change_summary),
        });
    }
    match manage.published(&id).await? {
        None => Ok(Editable::NotFound),
        Some((owner, _)) if owner != agency => Ok(Editable::NotYours),
        Some((_, content)) => Ok(Editable::Found {
            name: content.name.clone(),
            fields: content_fields(&content, ""),
        }),
    }
}

/// `/manage/systems/new` (no id) and `/manage/systems/{id}/edit`.
#[component]
pub fn SystemFormPage() -> impl IntoView {
    let Some(account) = require_sign_in() else {
        return view! { <p>"Please " <a href="/login">"sign in"</a> "."</p> }.into_any();
    };
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let attempt = use_context::<FormAttempt>();
    let editable = Resource::new(move || id.clone(), get_editable);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the record…"</p> }>
            {
                let account = account.clone();
                let attempt = attempt.clone();
                move || {
                    let account = account.clone();
                    let attempt = attempt.clone();
                    Suspend::new(async move {
                        let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
                        match editable.await {
                            Ok(Editable::Found { fields, name }) => {
                                let values = match attempt {
                                    Some(attempt) => Values::from(attempt),
                                    None => Values { fields, ..Values::default() },
                                };
                                view! { <SystemForm account id name values/> }.into_any()
                            }
                            Ok(Editable::NotFound) => view! { <NotFound/> }.into_any(),
                            Ok(Editable::NotYours) => view! { <NotForYou/> }.into_any(),
                            Err(_) => view! { <Unavailable/> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
    .into_any()
}

#[component]
fn SystemForm(
    account: crate::accounts::SignedInAccount,
    id: String,
    name: String,
    values: Values,
) -> impl IntoView {
    let (title, action) = if id.is_empty() {
        (
            "Add a system".to_string(),
            "/manage/systems/new".to_string(),
        )
    } else {
        (format!("Edit {name}"), format!("/manage/systems/{id}/edit"))
    };
    let v = values;
    view! {
        <PageTitle text=format!("{title} – Lantern")/>
        <ProblemSummary/>
        <h1>{title}</h1>
        <p class="lede">"Saving keeps a draft: nothing is public until it is published."</p>
        <form method="post" action=action class="system-form" novalidate>
            // Enter in a field presses a form's first button: without this one
            // that was "Add another data set", which saves nothing.
            <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">"Save draft"</button>
            <CsrfField account/>
            <fieldset>
                <legend>"What it is"</legend>
                {line(&v, "name", "Name", "As the agency calls it; at most 200 characters.")}
                {area(&v, "summary", "Summary", "One paragraph in plain words for citizens: what it does and for whom. At most 500 characters.", 4)}
                {line(&v, "agency_ref", "Agency reference", "Your own reference, e.g. DHS-314. Optional.")}
                {line(&v, "unit", "Unit", "Bureau, team or department. Optional.")}
                {line(&v, "contact", "Contact", "An email address or web address for questions. Optional.")}
                {line(&v, "supplier", "Supplier", "The vendor, or “built in-house”. Optional.")}
            </fieldset>
            <fieldset>
                <legend>"Where it stands"</legend>
                {select(&v, "stage", "Stage", Stage::ALL.iter().map(|s| (s.as_str(), s.label())).collect(), false)}
                {date(&v, "in_use_since", "In use since")}
                {date(&v, "retired_on", "Retired on")}
                {select(&v, "topic", "Topic", Topic::ALL.iter().map(|t| (t.as_str(), t.label())).collect(), false)}
                {line(&v, "tags", "Tags", "Separated by commas, e.g. fraud, benefits.")}
                {techniques(&v)}
                {select(&v, "risk_level", "Risk level (EU AI Act)", RiskLevel::ALL.iter().map(|r| (r.as_str(), r.label())).collect(), false)}
                {select(&v, "decision_role", "Role in decisions", DecisionRole::ALL.iter().map(|d| (d.as_str(), d.label())).collect(), true)}
            </fieldset>
            <fieldset>
                <legend>"How it works and how it is governed"</legend>
                {markdown(&v, "purpose", "Purpose", "The problem it solves, why AI, the expected benefits.")}
                {markdown(&v, "how_it_works", "How it works", "Inputs, outputs, the model or rules, where it sits in the decision.")}
                {markdown(&v, "human_oversight", "Human oversight", "Who reviews its outputs, when, with what power.")}
                {markdown(&v, "contest", "How to question or appeal a decision", "How an affected person gets a human decision.")}
                {markdown(&v, "explainability", "Explainability", "How a decision is explained to the person it affects.")}
                {markdown(&v, "fairness", "Fairness", "Bias testing done, protected attributes, results.")}
                {markdown(&v, "risks", "Risks", "Risks and how they are managed.")}
                {markdown(&v, "legal_basis", "Legal basis", "The law that allows it, with links.")}
            </fieldset>
            {data_sets(&v)}
            {assessments(&v)}
            {withheld(&v)}
            <fieldset>
                <legend>"This change"</legend>
                {line(&v, "change_summary", "What changed", "One line for the public history, e.g. “Added the fairness test results”.")}
            </fieldset>
            <button type="submit">"Save draft"</button>
        </form>
    }
}

/// A markdown field: a text area with a live preview (see [`MarkdownField`]).
fn markdown(v: &Values, name: &str, label: &str, hint: &str) -> AnyView {
    let hint = format!("{hint} Markdown: **bold**, *italic*, lists, [links](https://…).");
    let (id, error, describedby, wrong) = described(v, name, &hint);
    let value = v.get(name);
    view! {
        <div class="field" class:field-error=wrong>
            <label for=id.clone()>{label.to_string()}</label>
            {hint_and_error(&id, &hint, error)}
            <MarkdownField id=id name=name.to_string() value=value rows=6 describedby=describedby invalid=wrong/>
        </div>
    }
    .into_any()
}

fn techniques(v: &Values) -> AnyView {
    let chosen = v.all("technique");
    let error = v
        .problems
        .iter()
        .find(|(k, _)| k.starts_with("technique"))
        .map(|(_, m)| m.join(". "));
    let wrong = error.is_some();
    view! {
        <fieldset class="field checkboxes" class:field-error=wrong id="technique">
            <legend>"Techniques"</legend>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            {Technique::ALL.iter().map(|t| {
                let id = format!("technique-{}", t.as_str());
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name="technique" value=t.as_str()
                            checked=chosen.iter().any(|c| c == t.as_str())/>
                        <label for=id>{t.label()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

fn add_another(list: &str, what: &str) -> AnyView {
    view! {
        <button type="submit" name="add" value=list.to_string() class="secondary">{format!("Add another {what}")}</button>
    }
    .into_any()
}

fn data_sets(v: &Values) -> AnyView {
    let rows = v.rows("data");
    let personal: Vec<(&str, &str)> = PersonalData::ALL
        .iter()
        .map(|p| (p.as_str(), p.label()))
        .collect();
    view! {
        <fieldset id="data">
            <legend>"Data"</legend>
            <p class="hint">"Every data set the system uses. Leave a row empty to leave it out."</p>
            {(0..rows).map(|i| {
                let n = i + 1;
                view! {
                    <fieldset class="row">
                        <legend>{format!("Data set {n}")}</legend>
                        {line(v, &format!("data[{i}].name"), "Name", "")}
                        {area(v, &format!("data[{i}].description"), "Description", "", 2)}
                        {line(v, &format!("data[{i}].source"), "Source", "")}
                        {select(v, &format!("data[{i}].personal_data"), "Personal data", personal.clone(), true)}
                        {line(v, &format!("data[{i}].sensitive_attributes"), "Sensitive attributes", "Separated by commas, e.g. age, ethnicity.")}
                    </fieldset>
                }
            }).collect_view()}
            {add_another("data", "data set")}
        </fieldset>
    }
    .into_any()
}

fn assessments(v: &Values) -> AnyView {
    let rows = v.rows("assessments");
    let kinds: Vec<(&str, &str)> = AssessmentKind::ALL
        .iter()
        .map(|k| (k.as_str(), k.label()))
        .collect();
    view! {
        <fieldset id="assessments">
            <legend>"Impact assessments"</legend>
            {(0..rows).map(|i| {
                let n = i + 1;
                view! {
                    <fieldset class="row">
                        <legend>{format!("Assessment {n}")}</legend>
                        {select(v, &format!("assessments[{i}].kind"), "Kind", kinds.clone(), true)}
                        {date(v, &format!("assessments[{i}].date"), "Date")}
                        {line(v, &format!("assessments[{i}].url"), "Web address", "Where the assessment can be read.")}
                    </fieldset>
                }
            }).collect_view()}
            {add_another("assessments", "assessment")}
        </fieldset>
    }
    .into_any()
}

fn withheld(v: &Values) -> AnyView {
    let rows = v.rows("withheld");
    let fields: Vec<(&str, &str)> = WITHHOLDABLE.to_vec();
    view! {
        <fieldset id="withheld">
            <legend>"Withheld fields"</legend>
            <p class="hint">"A field you do not publish must say why: the public sees the reason in its place."</p>
            {(0..rows).map(|i| {
                let n = i + 1;
                view! {
                    <fieldset class="row">
                        <legend>{format!("Withheld field {n}")}</legend>
                        {select(v, &format!("withheld[{i}].field"), "Field", fields.clone(), true)}
                        {area(v, &format!("withheld[{i}].reason"), "Reason", "The legal ground, e.g. “Law enforcement exemption, section 31”.", 2)}
                    </fieldset>
                }
            }).collect_view()}
            {add_another("withheld", "withheld field")}
        </fieldset>
    }
    .into_any()
}
