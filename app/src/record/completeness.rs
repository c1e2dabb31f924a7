//! How complete a record is: of the fields its kind of system is expected
//! to fill, which it fills. What is expected depends on the system's risk
//! level and its part in decisions about people, and is written in the
//! field table (`Field::expected`). A field withheld with a reason counts as
//! answered: the agency said why it is not public. A withheld role in
//! decisions is taken as deciding, so that what is expected never reveals
//! what was withheld.

use super::fields::FIELDS;
use super::{DecisionRole, RiskLevel, SystemContent};
use serde::Serialize;

/// When a record is expected to fill a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Never counted.
    No,
    /// By every record.
    Always,
    /// Where the system recommends or takes decisions about people.
    WhenItDecides,
    /// Where the system is high-risk (or prohibited).
    WhenHighRisk,
}

/// The fields expected of a record, and those it leaves empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Completeness {
    /// The share of expected fields filled, 0 to 100, rounded down; 100
    /// where nothing is expected.
    pub score: u8,
    /// The fields expected of this kind of system, by their JSON names.
    pub expected: Vec<&'static str>,
    /// The expected fields left empty (and not withheld with a reason).
    pub missing: Vec<&'static str>,
}

impl Completeness {
    /// How many expected fields are filled.
    pub fn filled(&self) -> usize {
        self.expected.len() - self.missing.len()
    }
}

impl SystemContent {
    /// How complete the record is: see the module's documentation.
    pub fn completeness(&self) -> Completeness {
        Completeness::of(
            self.risk_level,
            self.decision_role,
            |name| self.value(name).is_some_and(|value| !value.is_empty()),
            |name| self.withheld_reason(name).is_some(),
        )
    }
}

impl Completeness {
    /// What a record of `risk_level` and `decision_role` is expected to
    /// fill, and which of those it leaves empty: `filled` and `withheld`
    /// say whether it filled a field or withheld it with a reason.
    fn of(
        risk_level: RiskLevel,
        decision_role: Option<DecisionRole>,
        filled: impl Fn(&str) -> bool,
        withheld: impl Fn(&str) -> bool,
    ) -> Completeness {
        let decides = withheld("decision_role")
            || matches!(
                decision_role,
                Some(
                    DecisionRole::Recommends
                        | DecisionRole::DecidesWithReview
                        | DecisionRole::DecidesAlone
                )
            );
        let high_risk = matches!(risk_level, RiskLevel::High | RiskLevel::Prohibited);
        let expected: Vec<&'static str> = FIELDS
            .iter()
            .filter(|field| match field.expected {
                Expected::No => false,
                Expected::Always => true,
                Expected::WhenItDecides => decides,
                Expected::WhenHighRisk => high_risk,
            })
            .map(|field| field.name)
            .collect();
        let missing: Vec<&'static str> = expected
            .iter()
            .copied()
            .filter(|name| !filled(name) && !withheld(name))
            .collect();
        let score = if expected.is_empty() {
            100
        } else {
            ((expected.len() - missing.len()) * 100 / expected.len()) as u8
        };
        Completeness {
            score,
            expected,
            missing,
        }
    }

    /// The same for the system form as it stands, before it is checked:
    /// `fields` are the form's names and values (`risk_level`,
    /// `data[0].name`, `withheld[1].reason`). A field is filled when any of
    /// its inputs holds more than spaces; a risk level or role the form
    /// does not know counts as none.
    pub fn of_form(fields: &[(String, String)]) -> Completeness {
        let value = |name: &str| {
            fields
                .iter()
                .find(|(key, _)| key == name)
                .map_or("", |(_, value)| value.trim())
        };
        let filled = |name: &str| {
            fields.iter().any(|(key, value)| {
                let own = key == name
                    || key
                        .strip_prefix(name)
                        .is_some_and(|rest| rest.starts_with('['));
                own && !value.trim().is_empty()
            })
        };
        // `withheld[2].field` names the field; `withheld[2].reason` says why.
        let withheld = |name: &str| {
            fields.iter().any(|(key, value)| {
                key.strip_prefix("withheld[")
                    .and_then(|rest| rest.strip_suffix("].field"))
                    .is_some_and(|row| {
                        value == name && !value_of_row(fields, row, "reason").is_empty()
                    })
            })
        };
        Completeness::of(
            RiskLevel::parse(value("risk_level")).unwrap_or(RiskLevel::Unassessed),
            DecisionRole::parse(value("decision_role")),
            filled,
            withheld,
        )
    }
}

/// The trimmed value of `withheld[row].part` in the form's fields.
fn value_of_row<'a>(fields: &'a [(String, String)], row: &str, part: &str) -> &'a str {
    let key = format!("withheld[{row}].{part}");
    fields
        .iter()
        .find(|(name, _)| *name == key)
        .map_or("", |(_, value)| value.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Withheld;

    /// A record that says only what it must, of this risk level and role.
    fn record(risk_level: RiskLevel, decision_role: Option<DecisionRole>) -> SystemContent {
        SystemContent {
            agency_ref: None,
            name: "Parcel scanner".into(),
            summary: "Flags parcels to open.".into(),
            unit: None,
            contact: None,
            purpose: String::new(),
            how_it_works: String::new(),
            stage: crate::record::Stage::Pilot,
            in_use_since: None,
            retired_on: None,
            topic: crate::record::Topic::Tax,
            tags: Vec::new(),
            technique: Vec::new(),
            risk_level,
            decision_role,
            human_oversight: String::new(),
            contest: String::new(),
            data: Vec::new(),
            explainability: String::new(),
            fairness: String::new(),
            risks: String::new(),
            assessments: Vec::new(),
            legal_basis: String::new(),
            supplier: None,
            withheld: Vec::new(),
            language: None,
            translations: Default::default(),
        }
    }

    #[test]
    fn every_record_is_expected_to_say_what_it_does_and_who_to_ask() {
        let minimal = record(RiskLevel::Minimal, Some(DecisionRole::InformsHuman));
        let completeness = minimal.completeness();
        assert_eq!(
            completeness.expected,
            [
                "contact",
                "technique",
                "decision_role",
                "purpose",
                "how_it_works",
                "legal_basis"
            ]
        );
        assert_eq!(
            completeness.missing,
            [
                "contact",
                "technique",
                "purpose",
                "how_it_works",
                "legal_basis"
            ]
        );
        assert_eq!((completeness.filled(), completeness.score), (1, 16));
    }

    #[test]
    fn a_high_risk_system_that_decides_about_people_owes_more() {
        let mut high = record(RiskLevel::High, Some(DecisionRole::DecidesWithReview));
        high.purpose = "To find fraud.".into();
        high.contest = "Write to us.".into();
        high.fairness = "  ".into();
        let completeness = high.completeness();
        for owed in [
            "human_oversight",
            "contest",
            "explainability",
            "fairness",
            "risks",
            "data",
            "assessments",
        ] {
            assert!(
                completeness.expected.contains(&owed),
                "{owed}: {completeness:?}"
            );
        }
        assert_eq!(completeness.expected.len(), 13);
        assert!(!completeness.missing.contains(&"contest"));
        assert!(completeness.missing.contains(&"fairness"), "blank is empty");
        assert_eq!((completeness.filled(), completeness.score), (3, 23));
    }

    #[test]
    fn a_withheld_field_is_answered_and_a_withheld_role_is_taken_as_deciding() {
        let mut withholding = record(RiskLevel::Limited, None);
        withholding.withheld = vec![
            Withheld {
                field: "decision_role".into(),
                reason: "Security.".into(),
            },
            Withheld {
                field: "contest".into(),
                reason: "Security.".into(),
            },
        ];
        let completeness = withholding.completeness();
        assert!(completeness.expected.contains(&"contest"));
        assert!(completeness.expected.contains(&"human_oversight"));
        assert!(!completeness.missing.contains(&"contest"));
        assert!(!completeness.missing.contains(&"decision_role"));
    }

    #[test]
    fn the_form_as_it_stands_is_counted_as_its_record_would_be() {
        let mut records = vec![
            crate::record::fields::filled_content(),
            record(RiskLevel::Minimal, Some(DecisionRole::InformsHuman)),
            record(RiskLevel::High, None),
        ];
        let mut withholding = record(RiskLevel::Limited, None);
        withholding.withheld = vec![Withheld {
            field: "decision_role".into(),
            reason: "Security.".into(),
        }];
        records.push(withholding);
        for content in records {
            let fields = crate::manage::system_form::content_fields(&content, "");
            assert_eq!(
                Completeness::of_form(&fields),
                content.completeness(),
                "{}",
                content.name
            );
        }
        // A reason left empty does not withhold; spaces fill nothing.
        let fields: Vec<(String, String)> = [
            ("risk_level", "high"),
            ("decision_role", "decides_alone"),
            ("contest", "   "),
            ("withheld[0].field", "fairness"),
            ("withheld[0].reason", ""),
            ("data[0].name", "Tax returns"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let completeness = Completeness::of_form(&fields);
        assert!(completeness.missing.contains(&"contest"));
        assert!(completeness.missing.contains(&"fairness"));
        assert!(!completeness.missing.contains(&"data"));
        assert!(!completeness.missing.contains(&"decision_role"));
    }

    #[test]
    fn a_complete_record_scores_100() {
        let full = crate::record::fields::filled_content();
        let completeness = full.completeness();
        assert_eq!(completeness.missing, Vec::<&str>::new(), "{completeness:?}");
        assert_eq!(completeness.score, 100);
    }
}
