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

#[cfg(any(test, feature = "ssr"))]
pub use example::filled_content;
pub use kinds::{ClosedSet, FormPart, Kind, OnPage};
pub use value::{Value, assessment_line};

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

#[cfg(test)]
mod tests;
