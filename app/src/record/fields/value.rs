//! Reading any field of a record by its name, the same way for every field.

use super::label;
use crate::record::{
    Assessment, DataSet, DecisionRole, RiskLevel, Stage, SystemContent, Technique, Topic, Withheld,
};

/// One field's value in a record, read the same way for every field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// A line, a paragraph, markdown, a contact or a date; empty when not stated.
    Text(&'a str),
    /// Short free texts (tags).
    Texts(&'a [String]),
    /// Values of a closed set as (stable name, label); empty when not stated.
    Chosen(Vec<(&'static str, crate::i18n::Text)>),
    DataSets(&'a [DataSet]),
    Assessments(&'a [Assessment]),
    Withheld(&'a [Withheld]),
}

impl Value<'_> {
    /// Whether the agency wrote nothing here.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(text) => text.trim().is_empty(),
            Value::Texts(items) => items.is_empty(),
            Value::Chosen(items) => items.is_empty(),
            Value::DataSets(items) => items.is_empty(),
            Value::Assessments(items) => items.is_empty(),
            Value::Withheld(items) => items.is_empty(),
        }
    }

    /// The value as a person reads it: labels for closed values, entries
    /// joined with `, ` on one line or one line each for lists of records.
    pub fn words(&self) -> String {
        match self {
            Value::Text(text) => text.to_string(),
            Value::Texts(items) => items.join(", "),
            Value::Chosen(items) => items
                .iter()
                .map(|(_, label)| label.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            Value::DataSets(sets) => lines(sets.iter().map(data_set_words)),
            Value::Assessments(assessments) => lines(
                assessments
                    .iter()
                    .map(|a| assessment_line(a, &a.kind.label(), ", ")),
            ),
            Value::Withheld(withheld) => lines(withheld.iter().map(|w| {
                format!(
                    "{}: {}",
                    label(&w.field).unwrap_or_else(|| w.field.clone().into()),
                    w.reason
                )
            })),
        }
    }
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// A data set on one line: `Claims: personal data identified; source …`.
fn data_set_words(set: &DataSet) -> String {
    let personal = set
        .personal_data
        .map_or(crate::i18n::t("value-personal-data-not-stated"), |p| {
            p.label()
        });
    let mut line = format!("{}: personal data {personal}", set.name);
    if !set.source.is_empty() {
        line.push_str(&format!("; source {}", set.source));
    }
    if !set.sensitive_attributes.is_empty() {
        line.push_str(&format!(
            "; sensitive attributes {}",
            set.sensitive_attributes.join(", ")
        ));
    }
    if !set.description.is_empty() {
        line.push_str(&format!(". {}", set.description));
    }
    line
}

/// An assessment on one line: its kind (as `kind` names it), date and
/// address, those it has, joined by `separator`.
pub fn assessment_line(assessment: &Assessment, kind: &str, separator: &str) -> String {
    [
        Some(kind),
        assessment.date.as_deref(),
        assessment.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(separator)
}

fn chosen<T: Copy>(
    values: &[T],
    name: fn(T) -> &'static str,
    label: fn(T) -> crate::i18n::Text,
) -> Value<'static> {
    Value::Chosen(values.iter().map(|v| (name(*v), label(*v))).collect())
}

/// An optional text as a value: empty when not stated.
fn optional(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or_default()
}

impl SystemContent {
    /// Every field's name and value, in [`FIELDS`] order.
    ///
    /// The content is taken apart without `..`, so a field added to
    /// [`SystemContent`] does not compile until it is listed here.
    pub fn values(&self) -> Vec<(&'static str, Value<'_>)> {
        let SystemContent {
            agency_ref,
            name,
            summary,
            unit,
            contact,
            purpose,
            how_it_works,
            stage,
            in_use_since,
            retired_on,
            topic,
            tags,
            technique,
            risk_level,
            decision_role,
            human_oversight,
            contest,
            data,
            explainability,
            fairness,
            risks,
            assessments,
            legal_basis,
            supplier,
            withheld,
            // Not fields of the table: what language the texts above are
            // in, and the same texts in other languages.
            language: _,
            translations: _,
        } = self;
        vec![
            ("agency_ref", Value::Text(optional(agency_ref))),
            ("name", Value::Text(name)),
            ("summary", Value::Text(summary)),
            ("unit", Value::Text(optional(unit))),
            ("contact", Value::Text(optional(contact))),
            ("stage", chosen(&[*stage], Stage::as_str, Stage::label)),
            ("in_use_since", Value::Text(optional(in_use_since))),
            ("retired_on", Value::Text(optional(retired_on))),
            ("topic", chosen(&[*topic], Topic::as_str, Topic::label)),
            ("tags", Value::Texts(tags)),
            (
                "technique",
                chosen(technique, Technique::as_str, Technique::label),
            ),
            (
                "risk_level",
                chosen(&[*risk_level], RiskLevel::as_str, RiskLevel::label),
            ),
            (
                "decision_role",
                chosen(
                    decision_role.as_slice(),
                    DecisionRole::as_str,
                    DecisionRole::label,
                ),
            ),
            ("purpose", Value::Text(purpose)),
            ("how_it_works", Value::Text(how_it_works)),
            ("human_oversight", Value::Text(human_oversight)),
            ("contest", Value::Text(contest)),
            ("explainability", Value::Text(explainability)),
            ("fairness", Value::Text(fairness)),
            ("risks", Value::Text(risks)),
            ("legal_basis", Value::Text(legal_basis)),
            ("supplier", Value::Text(optional(supplier))),
            ("data", Value::DataSets(data)),
            ("assessments", Value::Assessments(assessments)),
            ("withheld", Value::Withheld(withheld)),
        ]
    }

    /// The value of the field named `name`, if the record has one.
    pub fn value(&self, name: &str) -> Option<Value<'_>> {
        self.values()
            .into_iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value)
    }

    /// The reason a field is withheld, if it is.
    pub fn withheld_reason(&self, field: &str) -> Option<&str> {
        self.withheld
            .iter()
            .find(|w| w.field == field)
            .map(|w| w.reason.as_str())
    }

    /// The content as the public may read it: every withheld field emptied,
    /// so a page cannot show what the agency withholds by mistake.
    pub fn without_withheld(mut self) -> SystemContent {
        let withheld: Vec<String> = self.withheld.iter().map(|w| w.field.clone()).collect();
        for name in &withheld {
            self.clear(name);
        }
        for translation in self.translations.values_mut() {
            translation.retain(|field, _| !withheld.contains(field));
        }
        self
    }

    /// Empties the withholdable field `name`; other names change nothing.
    fn clear(&mut self, name: &str) {
        match name {
            "agency_ref" => self.agency_ref = None,
            "unit" => self.unit = None,
            "contact" => self.contact = None,
            "supplier" => self.supplier = None,
            "in_use_since" => self.in_use_since = None,
            "retired_on" => self.retired_on = None,
            "tags" => self.tags.clear(),
            "technique" => self.technique.clear(),
            "decision_role" => self.decision_role = None,
            "purpose" => self.purpose.clear(),
            "how_it_works" => self.how_it_works.clear(),
            "human_oversight" => self.human_oversight.clear(),
            "contest" => self.contest.clear(),
            "explainability" => self.explainability.clear(),
            "fairness" => self.fairness.clear(),
            "risks" => self.risks.clear(),
            "legal_basis" => self.legal_basis.clear(),
            "data" => self.data.clear(),
            "assessments" => self.assessments.clear(),
            _ => {}
        }
    }
}
