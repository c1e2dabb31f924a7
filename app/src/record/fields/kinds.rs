//! What the field table says about a field: its kind, its closed set, its
//! part of the form and its place on the record page.

use crate::record::{DecisionRole, RiskLevel, Stage, Technique, Topic};

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
    pub fn options(self) -> Vec<(&'static str, crate::i18n::Text)> {
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

    /// The labels in `language`, for the error messages of forms: `A, B, C`.
    pub fn labels_in(self, language: crate::i18n::Language) -> String {
        match self {
            ClosedSet::Stage => Stage::labels_in(language),
            ClosedSet::Topic => Topic::labels_in(language),
            ClosedSet::Technique => Technique::labels_in(language),
            ClosedSet::RiskLevel => RiskLevel::labels_in(language),
            ClosedSet::DecisionRole => DecisionRole::labels_in(language),
        }
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
    pub fn legend(self) -> crate::i18n::Text {
        match self {
            FormPart::WhatItIs => crate::i18n::t("form-part-what"),
            FormPart::WhereItStands => crate::i18n::t("form-part-where"),
            FormPart::HowItWorks => crate::i18n::t("form-part-how"),
            FormPart::OwnFieldset => crate::i18n::Text::Borrowed(""),
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
    /// A line of the "Facts" list. `when_empty` is the message it shows
    /// when the agency wrote nothing; `None` leaves the line out.
    Fact { when_empty: Option<&'static str> },
    /// Under "Impact assessments" in the facts.
    Assessments,
    /// Not shown as a field (the withheld list shows in the fields it names).
    Nowhere,
}
