//! `/manage/systems/new` and `/manage/systems/{id}/edit`: every field of a
//! system's record, saved as a draft.
//!
//! When the server finds problems it renders this page again with what was
//! typed and an error summary at the top linking to each wrong field, in the
//! style of the GOV.UK Design System. Lists (data sets, assessments, withheld
//! fields) show their rows and one empty row; "Add another" asks for one more,
//! without JavaScript.

use super::fields::{Values, area, date, described, hint_and_error, line, row_field_label, select};
use super::form_advice::{Advice, FORM_ID, FormAdvice};
use super::markdown_field::MarkdownField;
use super::{CsrfField, FormAttempt, ProblemSummary, SignInFirst, require_sign_in};
use crate::html::PageTitle;
use crate::i18n::{href, t, t_with, title};
use crate::layout::{NotFound, Unavailable};
use crate::manage::NotForYou;
use crate::record::fields::{ClosedSet, FIELDS, Field, FormPart, Kind, Value, withholdable};
use crate::record::{AssessmentKind, PersonalData, SystemContent};
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
    for (name, value) in content.values() {
        match value {
            Value::Text(_) | Value::Texts(_) => add(name.into(), value.words()),
            Value::Chosen(chosen) if chosen.is_empty() => add(name.into(), String::new()),
            Value::Chosen(chosen) => {
                for (stable_name, _) in chosen {
                    add(name.into(), stable_name.into());
                }
            }
            Value::DataSets(sets) => {
                for (i, set) in sets.iter().enumerate() {
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
            }
            Value::Assessments(assessments) => {
                for (i, assessment) in assessments.iter().enumerate() {
                    add(
                        format!("assessments[{i}].kind"),
                        assessment.kind.as_str().into(),
                    );
                    add(format!("assessments[{i}].date"), text(&assessment.date));
                    add(format!("assessments[{i}].url"), text(&assessment.url));
                }
            }
            Value::Withheld(withheld) => {
                for (i, withheld) in withheld.iter().enumerate() {
                    add(format!("withheld[{i}].field"), withheld.field.clone());
                    add(format!("withheld[{i}].reason"), withheld.reason.clone());
                }
            }
        }
    }
    fields.extend(super::translation_fields::content_fields(content));
    fields.push(("change_summary".into(), change_summary.into()));
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
        return view! { <SignInFirst/> }.into_any();
    };
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let attempt = use_context::<FormAttempt>();
    let editable = Resource::new(move || id.clone(), get_editable);
    let settings = Resource::new(|| (), |_| super::settings::get_oversight_settings());
    view! {
        <Suspense fallback=|| view! { <p>{t("manage-form-loading")}</p> }>
            {
                let account = account.clone();
                let attempt = attempt.clone();
                move || {
                    let account = account.clone();
                    let attempt = attempt.clone();
                    Suspend::new(async move {
                        let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
                        let target = settings.await.unwrap_or_default().reading_ease;
                        match editable.await {
                            Ok(Editable::Found { fields, name }) => {
                                let values = match attempt {
                                    Some(attempt) => Values::from(attempt),
                                    None => Values { fields, ..Values::default() },
                                };
                                view! { <SystemForm account id name values target/> }.into_any()
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
    /// The reading ease the register's texts should reach.
    target: i64,
) -> impl IntoView {
    let (heading, action) = if id.is_empty() {
        (t("manage-add-system"), href("/manage/systems/new"))
    } else {
        (
            t_with("manage-form-edit", &[("name", name.into())]),
            href(format!("/manage/systems/{id}/edit")),
        )
    };
    let v = values;
    let default_language = use_context::<crate::i18n::Languages>()
        .unwrap_or_default()
        .default_language()
        .code()
        .to_string();
    let advice = Advice::of_form(&v.fields, &default_language);
    view! {
        <PageTitle text=title(&heading)/>
        <ProblemSummary/>
        <h1>{heading}</h1>
        <p class="lede">{t("manage-form-lede")}</p>
        <form method="post" action=action class="system-form" id=FORM_ID novalidate>
            // Enter in a field presses a form's first button: without this one
            // that was "Add another data set", which saves nothing.
            <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">{t("manage-form-save")}</button>
            <CsrfField account/>
            {form_part(&v, FormPart::WhatItIs)}
            {form_part(&v, FormPart::WhereItStands)}
            {form_part(&v, FormPart::HowItWorks)}
            {fields_of(&v, FormPart::OwnFieldset)}
            {super::translation_fields::language_fields(&v)}
            <fieldset>
                <legend>{t("manage-form-this-change")}</legend>
                {line(&v, "change_summary", &t("form-field-change_summary"), &t("manage-form-change-summary-hint"))}
            </fieldset>
            <FormAdvice initial=advice target default_language/>
            <button type="submit">{t("manage-form-save")}</button>
        </form>
    }
}

/// One part of the form: its fields in a fieldset under the part's legend.
fn form_part(v: &Values, part: FormPart) -> AnyView {
    view! {
        <fieldset>
            <legend>{part.legend()}</legend>
            {fields_of(v, part)}
        </fieldset>
    }
    .into_any()
}

/// The inputs of the fields in one part of the form: the required ones
/// first, then the others, each in table order.
fn fields_of(v: &Values, part: FormPart) -> AnyView {
    let mut fields: Vec<&'static Field> =
        FIELDS.iter().filter(|field| field.form == part).collect();
    fields.sort_by_key(|field| !field.required);
    fields
        .into_iter()
        .map(|field| field_input(v, field))
        .collect_view()
        .into_any()
}

/// The input for one field of the record, chosen by its kind.
fn field_input(v: &Values, field: &'static Field) -> AnyView {
    let (name, label, hint) = (field.name, &*field.label(), &*field.hint());
    match field.kind {
        Kind::Line | Kind::Contact | Kind::Texts => line(v, name, label, hint),
        Kind::Paragraph => area(v, name, label, hint, 4),
        Kind::Markdown => markdown(v, name, label, hint),
        Kind::Date => date(v, name, label),
        Kind::Choice(set) => select(v, name, label, hint, set.options(), field.can_be_unstated()),
        Kind::Choices(set) => checkboxes(v, field, set),
        Kind::DataSets => data_sets(v, field),
        Kind::Assessments => assessments(v, field),
        Kind::Withheld => withheld(v, field),
    }
}

/// A markdown field: a text area with a live preview (see [`MarkdownField`]).
pub(super) fn markdown(v: &Values, name: &str, label: &str, hint: &str) -> AnyView {
    let hint = format!("{hint} {}", t("manage-form-markdown-hint"));
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

/// Any number of values of a closed set, one box each.
fn checkboxes(v: &Values, field: &Field, set: ClosedSet) -> AnyView {
    let name = field.name;
    let chosen = v.all(name);
    let error = v
        .problems
        .iter()
        .find(|(k, _)| k.starts_with(name))
        .map(|(_, m)| m.join(". "));
    let wrong = error.is_some();
    view! {
        <fieldset class="field checkboxes" class:field-error=wrong id=name>
            <legend>{field.label()}</legend>
            {error.map(|e| view! { <p class="error-message">{e}</p> })}
            {set.options().into_iter().map(|(value, text)| {
                let id = format!("{name}-{value}");
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name=name value=value
                            checked=chosen.iter().any(|c| c == value)/>
                        <label for=id>{text}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// The button that asks for one more row of a list.
fn add_another(field: &Field) -> AnyView {
    view! {
        <button type="submit" name="add" value=field.name class="secondary">{t_with("manage-form-add-another", &[("entry", field.entry().into_owned().into())])}</button>
    }
    .into_any()
}

/// The legend of a list's row: `Data set 2`.
fn row_legend(field: &Field, i: usize) -> String {
    format!("{} {}", super::fields::capitalised(&field.entry()), i + 1)
}

fn data_sets(v: &Values, field: &Field) -> AnyView {
    let rows = v.rows(field.name);
    let personal = PersonalData::options();
    view! {
        <fieldset id=field.name>
            <legend>{field.label()}</legend>
            <p class="hint">{field.hint()}</p>
            {(0..rows).map(|i| {
                view! {
                    <fieldset class="row">
                        <legend>{row_legend(field, i)}</legend>
                        {line(v, &format!("data[{i}].name"), &row_field_label("name"), "")}
                        {area(v, &format!("data[{i}].description"), &row_field_label("description"), "", 2)}
                        {line(v, &format!("data[{i}].source"), &row_field_label("source"), "")}
                        {select(v, &format!("data[{i}].personal_data"), &row_field_label("personal_data"), "", personal.clone(), true)}
                        {line(v, &format!("data[{i}].sensitive_attributes"), &row_field_label("sensitive_attributes"), &t("form-row-sensitive_attributes-hint"))}
                    </fieldset>
                }
            }).collect_view()}
            {add_another(field)}
        </fieldset>
    }
    .into_any()
}

fn assessments(v: &Values, field: &Field) -> AnyView {
    let rows = v.rows(field.name);
    let kinds = AssessmentKind::options();
    view! {
        <fieldset id=field.name>
            <legend>{field.label()}</legend>
            {(0..rows).map(|i| {
                view! {
                    <fieldset class="row">
                        <legend>{row_legend(field, i)}</legend>
                        {select(v, &format!("assessments[{i}].kind"), &row_field_label("kind"), "", kinds.clone(), true)}
                        {date(v, &format!("assessments[{i}].date"), &row_field_label("date"))}
                        {line(v, &format!("assessments[{i}].url"), &row_field_label("url"), &t("form-row-url-hint"))}
                    </fieldset>
                }
            }).collect_view()}
            {add_another(field)}
        </fieldset>
    }
    .into_any()
}

fn withheld(v: &Values, field: &Field) -> AnyView {
    let rows = v.rows(field.name);
    let fields: Vec<_> = withholdable().map(|f| (f.name, f.label())).collect();
    view! {
        <fieldset id=field.name>
            <legend>{field.label()}</legend>
            <p class="hint">{field.hint()}</p>
            {(0..rows).map(|i| {
                view! {
                    <fieldset class="row">
                        <legend>{row_legend(field, i)}</legend>
                        {select(v, &format!("withheld[{i}].field"), &row_field_label("field"), "", fields.clone(), true)}
                        {area(v, &format!("withheld[{i}].reason"), &row_field_label("reason"), &t("form-row-reason-hint"), 2)}
                    </fieldset>
                }
            }).collect_view()}
            {add_another(field)}
        </fieldset>
    }
    .into_any()
}
