//! The fields of a system's record, described once.
//!
//! Every part of Lantern that walks over the record's fields reads this
//! table: the form and its problem messages, the record page, the history
//! diff, the write API's check, the CSV export's columns, the JSON Schema's
//! descriptions and the data dictionary. Adding a field to [`SystemContent`]
//! is one entry here (and a line in [`SystemContent::values`], which does
//! not compile until it has one), plus its migration.

use super::{
    Assessment, DataSet, DecisionRole, RiskLevel, Stage, SystemContent, Technique, Topic, Withheld,
};

/// What a field holds, which decides how it is checked, edited and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of plain text.
    Line,
    /// A paragraph of plain text (the summary).
    Paragraph,
    /// An email address or a web address.
    Contact,
    /// Markdown, shown as a section of its own on the record page.
    Markdown,
    /// A `YYYY-MM-DD` date.
    Date,
    /// Short free texts (tags), written comma-separated in forms.
    Texts,
    /// One value of a closed set.
    Choice(ClosedSet),
    /// Any number of values of a closed set.
    Choices(ClosedSet),
    /// The data sets it uses.
    DataSets,
    /// The impact assessments done.
    Assessments,
    /// The fields not published, each with its reason.
    Withheld,
}

/// A closed set of the record, as a field table can name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosedSet {
    Stage,
    Topic,
    Technique,
    RiskLevel,
    DecisionRole,
}

impl ClosedSet {
    /// Every value as (stable name, label), in the order pages list them.
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        match self {
            ClosedSet::Stage => Stage::options(),
            ClosedSet::Topic => Topic::options(),
            ClosedSet::Technique => Technique::options(),
            ClosedSet::RiskLevel => RiskLevel::options(),
            ClosedSet::DecisionRole => DecisionRole::options(),
        }
    }

    /// The stable name `text` is, if it is one of the set's.
    pub fn find(self, text: &str) -> Option<&'static str> {
        self.options()
            .into_iter()
            .map(|(name, _)| name)
            .find(|name| *name == text)
    }

    /// The stable names, for the API's error messages: `a, b, c`.
    pub fn names(self) -> String {
        let names: Vec<&str> = self.options().into_iter().map(|(name, _)| name).collect();
        names.join(", ")
    }

    /// The labels, for the error messages of forms: `A, B, C`.
    pub fn labels(self) -> String {
        let labels: Vec<&str> = self.options().into_iter().map(|(_, label)| label).collect();
        labels.join(", ")
    }
}

/// Which part of the editor's form a field is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormPart {
    WhatItIs,
    WhereItStands,
    HowItWorks,
    /// A list with a fieldset of its own (data sets, assessments, withheld fields).
    OwnFieldset,
}

impl FormPart {
    /// The legend of the fieldset; the own-fieldset lists use their field's label.
    pub fn legend(self) -> &'static str {
        match self {
            FormPart::WhatItIs => "What it is",
            FormPart::WhereItStands => "Where it stands",
            FormPart::HowItWorks => "How it works and how it is governed",
            FormPart::OwnFieldset => "",
        }
    }
}

/// Where the record page shows a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnPage {
    /// At the top: the name, the summary, the unit beside the agency.
    Top,
    /// In "At a glance", answering "How do I question it?".
    AtAGlance,
    /// A section of its own, under its label (markdown fields).
    Section,
    /// The "Data used" section.
    DataSets,
    /// A line of the "Facts" list. `when_empty` is what it says when the
    /// agency wrote nothing; `None` leaves the line out.
    Fact { when_empty: Option<&'static str> },
    /// Under "Impact assessments" in the facts.
    Assessments,
    /// Not shown as a field (the withheld list shows in the fields it names).
    Nowhere,
}

/// One field of the record.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// The public JSON name, the form's field name and the CSV column (a
    /// list of data sets has three columns; see [`Field::csv_columns`]).
    pub name: &'static str,
    /// What people read: the form's label, the page's heading, the history.
    pub label: &'static str,
    /// The form's advice to the editor.
    pub hint: &'static str,
    /// What it holds, for readers of the open data (JSON Schema, data dictionary, CSV).
    pub description: &'static str,
    pub kind: Kind,
    /// Whether the record is refused without it.
    pub required: bool,
    /// The stable name a closed choice takes when it is left out; empty when
    /// it has none (and, if not required, may be left unstated).
    pub default: &'static str,
    /// The most characters of a text (of each entry, for lists); 0 where it has no text.
    pub max_chars: usize,
    /// Whether an agency may withhold it, giving a reason.
    pub withholdable: bool,
    pub form: FormPart,
    pub page: OnPage,
    /// What one entry of a list is called ("data set"); empty for other kinds.
    pub entry: &'static str,
}

/// The longest markdown field, in characters.
pub const MAX_MARKDOWN: usize = 20_000;
/// The longest one-line text (unit, supplier, a data set's name…).
pub const MAX_LINE: usize = 300;

const fn text(
    name: &'static str,
    label: &'static str,
    kind: Kind,
    max_chars: usize,
    hint: &'static str,
    description: &'static str,
) -> Field {
    Field {
        name,
        label,
        hint,
        description,
        kind,
        required: false,
        default: "",
        max_chars,
        withholdable: true,
        form: FormPart::WhatItIs,
        page: OnPage::Fact { when_empty: None },
        entry: "",
    }
}

const fn markdown(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    description: &'static str,
) -> Field {
    Field {
        form: FormPart::HowItWorks,
        page: OnPage::Section,
        ..text(name, label, Kind::Markdown, MAX_MARKDOWN, hint, description)
    }
}

const fn choice(
    name: &'static str,
    label: &'static str,
    kind: Kind,
    hint: &'static str,
    description: &'static str,
) -> Field {
    Field {
        form: FormPart::WhereItStands,
        ..text(name, label, kind, 0, hint, description)
    }
}

/// Every field, in the order of the CSV columns (stable: see docs/open-data.md),
/// the history and the record page's facts. The form shows each part's
/// required fields first.
pub const FIELDS: &[Field] = &[
    text(
        "agency_ref",
        "Agency reference",
        Kind::Line,
        100,
        "Your own reference, e.g. DHS-314. Optional.",
        "The agency's own reference, e.g. `DHS-314`.",
    ),
    Field {
        required: true,
        withholdable: false,
        page: OnPage::Top,
        ..text(
            "name",
            "Name",
            Kind::Line,
            200,
            "As the agency calls it; at most 200 characters.",
            "What the system is called (at most 200 characters).",
        )
    },
    Field {
        required: true,
        withholdable: false,
        page: OnPage::Top,
        ..text(
            "summary",
            "Summary",
            Kind::Paragraph,
            500,
            "One paragraph in plain words for citizens: what it does and for whom. At most 500 characters.",
            "One paragraph for citizens: what it does (plain text, at most 500 characters).",
        )
    },
    Field {
        page: OnPage::Top,
        ..text(
            "unit",
            "Unit",
            Kind::Line,
            MAX_LINE,
            "Bureau, team or department. Optional.",
            "The bureau, team or department that runs it.",
        )
    },
    Field {
        page: OnPage::AtAGlance,
        ..text(
            "contact",
            "Contact",
            Kind::Contact,
            MAX_LINE,
            "An email address or web address for questions. Optional.",
            "A public email address or URL for questions about this system.",
        )
    },
    Field {
        required: true,
        withholdable: false,
        ..choice(
            "stage",
            "Stage",
            Kind::Choice(ClosedSet::Stage),
            "",
            "Where the system is in its life.",
        )
    },
    Field {
        form: FormPart::WhereItStands,
        ..text(
            "in_use_since",
            "In use since",
            Kind::Date,
            0,
            "",
            "When it came into use: `YYYY-MM-DD`.",
        )
    },
    Field {
        form: FormPart::WhereItStands,
        ..text(
            "retired_on",
            "Retired on",
            Kind::Date,
            0,
            "",
            "When it was retired: `YYYY-MM-DD`.",
        )
    },
    Field {
        required: true,
        withholdable: false,
        ..choice(
            "topic",
            "Topic",
            Kind::Choice(ClosedSet::Topic),
            "",
            "The area of government it works in.",
        )
    },
    Field {
        form: FormPart::WhereItStands,
        entry: "tag",
        ..text(
            "tags",
            "Tags",
            Kind::Texts,
            60,
            "Separated by commas, e.g. fraud, benefits.",
            "Free tags the agency adds to the topic.",
        )
    },
    Field {
        page: OnPage::Fact {
            when_empty: Some("Not stated"),
        },
        ..choice(
            "technique",
            "Techniques",
            Kind::Choices(ClosedSet::Technique),
            "",
            "The kinds of technique it uses.",
        )
    },
    Field {
        withholdable: false,
        default: "unassessed",
        ..choice(
            "risk_level",
            "Risk level",
            Kind::Choice(ClosedSet::RiskLevel),
            "As the EU AI Act classes it.",
            "Risk class in the sense of the EU AI Act.",
        )
    },
    Field {
        page: OnPage::AtAGlance,
        ..choice(
            "decision_role",
            "Role in decisions",
            Kind::Choice(ClosedSet::DecisionRole),
            "",
            "How far its output goes in a decision about a person.",
        )
    },
    markdown(
        "purpose",
        "Purpose",
        "The problem it solves, why AI, the expected benefits.",
        "The problem it solves, why AI, the expected benefits (markdown).",
    ),
    markdown(
        "how_it_works",
        "How it works",
        "Inputs, outputs, the model or rules, where it sits in the decision.",
        "Inputs, outputs, the model or rules, where it sits in the decision (markdown).",
    ),
    markdown(
        "human_oversight",
        "Human oversight",
        "Who reviews its outputs, when, with what power.",
        "Who reviews its outputs, when, with what power (markdown).",
    ),
    markdown(
        "contest",
        "How to question or appeal a decision",
        "How an affected person gets a human decision.",
        "How an affected person can appeal or get a human decision (markdown).",
    ),
    markdown(
        "explainability",
        "How decisions are explained",
        "How a decision is explained to the person it affects.",
        "How a decision is explained to the person it affects (markdown).",
    ),
    markdown(
        "fairness",
        "Fairness and bias testing",
        "Bias testing done, protected attributes, results.",
        "Bias testing done, protected attributes, results (markdown).",
    ),
    markdown(
        "risks",
        "Risks and how they are managed",
        "What could go wrong, for whom, and what is done about it.",
        "Risks and their mitigations (markdown).",
    ),
    markdown(
        "legal_basis",
        "Legal basis",
        "The law that allows it, with links.",
        "The law that allows it (markdown).",
    ),
    Field {
        page: OnPage::Fact {
            when_empty: Some("Not stated"),
        },
        ..text(
            "supplier",
            "Supplier",
            Kind::Line,
            MAX_LINE,
            "The vendor, or “built in-house”. Optional.",
            "The vendor, or \"built in-house\".",
        )
    },
    Field {
        form: FormPart::OwnFieldset,
        page: OnPage::DataSets,
        entry: "data set",
        ..text(
            "data",
            "Data used",
            Kind::DataSets,
            MAX_LINE,
            "Every data set the system uses. Leave a row empty to leave it out.",
            "The data sets it uses.",
        )
    },
    Field {
        form: FormPart::OwnFieldset,
        page: OnPage::Assessments,
        entry: "assessment",
        ..text(
            "assessments",
            "Impact assessments",
            Kind::Assessments,
            0,
            "",
            "Impact assessments done.",
        )
    },
    Field {
        form: FormPart::OwnFieldset,
        page: OnPage::Nowhere,
        entry: "withheld field",
        withholdable: false,
        ..text(
            "withheld",
            "Withheld fields",
            Kind::Withheld,
            1_000,
            "A field you do not publish must say why: the public sees the reason in its place.",
            "The fields not published, each with the stated legal ground.",
        )
    },
];

/// The field with this public name, if the record has one.
pub fn field(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The label of a record field, or `None` when `name` is not one.
pub fn label(name: &str) -> Option<&'static str> {
    field(name).map(|f| f.label)
}

/// The fields an agency may withhold (with a reason). What a system is, who
/// runs it, its stage, topic and risk level are always public.
pub fn withholdable() -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(|f| f.withholdable)
}

impl Field {
    /// Whether the form offers "Not stated" for this choice.
    pub fn can_be_unstated(&self) -> bool {
        !self.required && self.default.is_empty()
    }

    /// The CSV columns this field fills, in order.
    pub fn csv_columns(&'static self) -> &'static [&'static str] {
        match self.kind {
            Kind::DataSets => &["data_sets", "personal_data", "sensitive_attributes"],
            _ => std::slice::from_ref(&self.name),
        }
    }
}

/// One field's value in a record, read the same way for every field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// A line, a paragraph, markdown, a contact or a date; empty when not stated.
    Text(&'a str),
    /// Short free texts (tags).
    Texts(&'a [String]),
    /// Values of a closed set as (stable name, label); empty when not stated.
    Chosen(Vec<(&'static str, &'static str)>),
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
                .map(|(_, label)| *label)
                .collect::<Vec<_>>()
                .join(", "),
            Value::DataSets(sets) => lines(sets.iter().map(data_set_words)),
            Value::Assessments(assessments) => lines(
                assessments
                    .iter()
                    .map(|a| assessment_line(a, a.kind.label(), ", ")),
            ),
            Value::Withheld(withheld) => lines(
                withheld
                    .iter()
                    .map(|w| format!("{}: {}", label(&w.field).unwrap_or(&w.field), w.reason)),
            ),
        }
    }
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// A data set on one line: `Claims: personal data identified; source …`.
fn data_set_words(set: &DataSet) -> String {
    let personal = set.personal_data.map_or("not stated", |p| p.label());
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
    label: fn(T) -> &'static str,
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
        for name in withheld {
            self.clear(&name);
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

/// A record with every field filled, for the tests of this crate and the server's.
#[cfg(any(test, feature = "ssr"))]
pub fn filled_content() -> SystemContent {
    use super::AssessmentKind;
    SystemContent {
        agency_ref: Some("REF-1".into()),
        name: "Name".into(),
        summary: "Summary.".into(),
        unit: Some("Unit".into()),
        contact: Some("ai@example.gov".into()),
        purpose: "Purpose.".into(),
        how_it_works: "How.".into(),
        stage: Stage::InUse,
        in_use_since: Some("2024-01-01".into()),
        retired_on: Some("2025-01-01".into()),
        topic: Topic::Tax,
        tags: vec!["tag".into()],
        technique: vec![Technique::Rules],
        risk_level: RiskLevel::High,
        decision_role: Some(DecisionRole::Recommends),
        human_oversight: "Oversight.".into(),
        contest: "Contest.".into(),
        data: vec![DataSet {
            name: "Data".into(),
            ..DataSet::default()
        }],
        explainability: "Explained.".into(),
        fairness: "Fair.".into(),
        risks: "Risks.".into(),
        assessments: vec![Assessment {
            kind: AssessmentKind::ALL[0],
            date: None,
            url: None,
        }],
        legal_basis: "Law.".into(),
        supplier: Some("Supplier".into()),
        withheld: vec![Withheld {
            field: "supplier".into(),
            reason: "Commercial.".into(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_content_is_in_the_table_once_and_in_order() {
        let json = serde_json::to_value(filled_content()).unwrap();
        let mut in_content: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut in_table: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        let content = filled_content();
        let in_values: Vec<&str> = content.values().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            in_values, in_table,
            "values() lists the fields in table order"
        );
        in_content.sort_unstable();
        in_table.sort_unstable();
        assert_eq!(
            in_content, in_table,
            "a field of SystemContent is missing from FIELDS"
        );
    }

    #[test]
    fn every_field_has_a_label_and_a_description_and_lists_name_their_entries() {
        for field in FIELDS {
            assert!(!field.label.is_empty(), "{}", field.name);
            assert!(!field.description.is_empty(), "{}", field.name);
            let is_list = matches!(
                field.kind,
                Kind::Texts | Kind::DataSets | Kind::Assessments | Kind::Withheld
            );
            assert_eq!(is_list, !field.entry.is_empty(), "{}", field.name);
        }
    }

    #[test]
    fn a_filled_record_has_every_field_filled() {
        let content = filled_content();
        for (name, value) in content.values() {
            assert!(!value.is_empty(), "{name}");
        }
    }

    #[test]
    fn every_withholdable_field_can_be_emptied_and_no_other() {
        for field in FIELDS {
            let mut content = filled_content();
            content.withheld = vec![Withheld {
                field: field.name.into(),
                reason: "Reason.".into(),
            }];
            let public = content.clone().without_withheld();
            let emptied = public.value(field.name).unwrap().is_empty();
            assert_eq!(emptied, field.withholdable, "{}", field.name);
        }
    }

    #[test]
    fn values_read_as_people_write_them() {
        let content = filled_content();
        assert_eq!(content.value("risk_level").unwrap().words(), "High risk");
        assert_eq!(
            content.value("withheld").unwrap().words(),
            "Supplier: Commercial."
        );
        assert_eq!(
            content.value("data").unwrap().words(),
            "Data: personal data not stated"
        );
    }
}
