//! The fields of a system's record, described once.
//!
//! Every part of Lantern that walks over the record's fields reads this
//! table: the form and its problem messages, the record page, the history
//! diff, the write API's check, the CSV export's columns, the JSON Schema's
//! descriptions and the data dictionary. Adding a field to [`super::SystemContent`]
//! is one entry here (and a line in [`super::SystemContent::values`], which does
//! not compile until it has one), plus its migration.

#[cfg(any(test, feature = "ssr"))]
mod example;
mod kinds;
mod value;

use super::completeness::Expected;
use crate::i18n::{self, Text};

#[cfg(any(test, feature = "ssr"))]
pub use example::filled_content;
pub use kinds::{ClosedSet, FormPart, Kind, OnPage};
pub use value::{Value, assessment_line};

/// One field of the record. What people read of it (its label, the form's
/// hint, the open data's description, what one entry of a list is called)
/// is in the catalogue, as the message `field-NAME` and its attributes.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// The public JSON name, the form's field name and the CSV column (a
    /// list of data sets has three columns; see [`Field::csv_columns`]).
    pub name: &'static str,
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
    /// Which records are expected to fill it: what their completeness counts.
    pub expected: Expected,
    pub form: FormPart,
    pub page: OnPage,
}

/// The longest markdown field, in characters.
pub const MAX_MARKDOWN: usize = 20_000;
/// The longest one-line text (unit, supplier, a data set's name…).
pub const MAX_LINE: usize = 300;

const fn text(name: &'static str, kind: Kind, max_chars: usize) -> Field {
    Field {
        name,
        kind,
        required: false,
        default: "",
        max_chars,
        withholdable: true,
        expected: Expected::No,
        form: FormPart::WhatItIs,
        page: OnPage::Fact { when_empty: None },
    }
}

const fn markdown(name: &'static str, expected: Expected) -> Field {
    Field {
        expected,
        form: FormPart::HowItWorks,
        page: OnPage::Section,
        ..text(name, Kind::Markdown, MAX_MARKDOWN)
    }
}

const fn choice(name: &'static str, kind: Kind) -> Field {
    Field {
        form: FormPart::WhereItStands,
        ..text(name, kind, 0)
    }
}

/// Every field, in the order of the CSV columns (stable: see docs/open-data.md),
/// the history and the record page's facts. The form shows each part's
/// required fields first.
pub const FIELDS: &[Field] = &[
    text("agency_ref", Kind::Line, 100),
    Field {
        required: true,
        withholdable: false,
        page: OnPage::Top,
        ..text("name", Kind::Line, 200)
    },
    Field {
        required: true,
        withholdable: false,
        page: OnPage::Top,
        ..text("summary", Kind::Paragraph, 500)
    },
    Field {
        page: OnPage::Top,
        ..text("unit", Kind::Line, MAX_LINE)
    },
    Field {
        page: OnPage::AtAGlance,
        expected: Expected::Always,
        ..text("contact", Kind::Contact, MAX_LINE)
    },
    Field {
        required: true,
        withholdable: false,
        ..choice("stage", Kind::Choice(ClosedSet::Stage))
    },
    Field {
        form: FormPart::WhereItStands,
        ..text("in_use_since", Kind::Date, 0)
    },
    Field {
        form: FormPart::WhereItStands,
        ..text("retired_on", Kind::Date, 0)
    },
    Field {
        required: true,
        withholdable: false,
        ..choice("topic", Kind::Choice(ClosedSet::Topic))
    },
    Field {
        form: FormPart::WhereItStands,
        ..text("tags", Kind::Texts, 60)
    },
    Field {
        page: OnPage::Fact {
            when_empty: Some("field-not-stated"),
        },
        expected: Expected::Always,
        ..choice("technique", Kind::Choices(ClosedSet::Technique))
    },
    Field {
        withholdable: false,
        default: "unassessed",
        ..choice("risk_level", Kind::Choice(ClosedSet::RiskLevel))
    },
    Field {
        page: OnPage::AtAGlance,
        expected: Expected::Always,
        ..choice("decision_role", Kind::Choice(ClosedSet::DecisionRole))
    },
    markdown("purpose", Expected::Always),
    markdown("how_it_works", Expected::Always),
    markdown("human_oversight", Expected::WhenItDecides),
    markdown("contest", Expected::WhenItDecides),
    markdown("explainability", Expected::WhenItDecides),
    markdown("fairness", Expected::WhenHighRisk),
    markdown("risks", Expected::WhenHighRisk),
    markdown("legal_basis", Expected::Always),
    Field {
        page: OnPage::Fact {
            when_empty: Some("field-not-stated"),
        },
        ..text("supplier", Kind::Line, MAX_LINE)
    },
    Field {
        form: FormPart::OwnFieldset,
        page: OnPage::DataSets,
        expected: Expected::WhenHighRisk,
        ..text("data", Kind::DataSets, MAX_LINE)
    },
    Field {
        form: FormPart::OwnFieldset,
        page: OnPage::Assessments,
        expected: Expected::WhenHighRisk,
        ..text("assessments", Kind::Assessments, 0)
    },
    Field {
        form: FormPart::OwnFieldset,
        page: OnPage::Nowhere,
        withholdable: false,
        ..text("withheld", Kind::Withheld, 1_000)
    },
];

/// The field with this public name, if the record has one.
pub fn field(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The label of a record field, or `None` when `name` is not one.
pub fn label(name: &str) -> Option<Text> {
    field(name).map(Field::label)
}

/// The fields an agency may withhold (with a reason). What a system is, who
/// runs it, its stage, topic and risk level are always public.
pub fn withholdable() -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(|f| f.withholdable)
}

impl Field {
    /// What people read: the form's label, the page's heading, the history.
    pub fn label(&self) -> Text {
        i18n::t(&format!("field-{}", self.name))
    }

    /// The label in `language`: for what the server writes outside a page.
    pub fn label_in(&self, language: i18n::Language) -> Text {
        i18n::t_in(language, &format!("field-{}", self.name))
    }

    /// The form's advice to the editor; empty where it needs none.
    pub fn hint(&self) -> Text {
        self.attribute("hint")
    }

    /// What it holds, for readers of the open data (data dictionary, CSV).
    pub fn description(&self) -> Text {
        self.attribute("description")
    }

    /// What it holds, in English: the JSON Schema's description.
    pub fn description_in_english(&self) -> Text {
        let key = format!("field-{}.description", self.name);
        i18n::message(i18n::Language::SOURCE, &key, None)
    }

    /// What one entry of a list is called ("data set"); empty for other kinds.
    pub fn entry(&self) -> Text {
        self.attribute("entry")
    }

    fn attribute(&self, attribute: &str) -> Text {
        let key = format!("field-{}.{attribute}", self.name);
        if i18n::has_message(&key) {
            i18n::t(&key)
        } else {
            Text::Borrowed("")
        }
    }

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

#[cfg(test)]
mod tests;
