//! A record with every field filled, for tests.

use crate::record::{
    Assessment, AssessmentKind, DataSet, DecisionRole, RiskLevel, Stage, SystemContent, Technique,
    Topic, Withheld,
};

/// A record with every field filled, for the tests of this crate and the server's.
pub fn filled_content() -> SystemContent {
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
        language: None,
        translations: Default::default(),
    }
}
