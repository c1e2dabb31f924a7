//! A system's content as the open data publishes it (the API, the exports,
//! the JSON Schema and the JSON stored for the export all use this type):
//! a field the agency withholds is left out (not `null`, not empty), and
//! the `withheld` list says why.

use super::{
    Assessment, DataSet, DecisionRole, RiskLevel, Stage, SystemContent, Technique, Topic, Withheld,
};
use super::{Completeness, Translation};
use serde::Serialize;
use std::collections::BTreeMap;

/// What an agency writes about a system, as published. Fields that may be
/// withheld are absent when they are; the others are always present. Each
/// field's description comes from the field table (`app::record::fields`).
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PublicContent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_ref: Option<Option<String>>,
    pub name: String,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how_it_works: Option<String>,
    pub stage: Stage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_use_since: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired_on: Option<Option<String>>,
    pub topic: Topic,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<Vec<Technique>>,
    pub risk_level: RiskLevel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_role: Option<Option<DecisionRole>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub human_oversight: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<DataSet>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explainability: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fairness: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risks: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessments: Option<Vec<Assessment>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Option<String>>,
    pub withheld: Vec<Withheld>,
    /// The language the agency wrote the record in (`nl`); absent: the
    /// register's default language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The record's texts in other languages, as its agency gave them:
    /// language code → field name → text (name, summary, unit and the
    /// sections). Absent when there are none. Nothing is machine-translated.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
    /// Of the fields this kind of system is expected to fill (by its risk
    /// level and its part in decisions about people), those it fills. A
    /// field withheld with a reason counts as answered.
    pub completeness: Completeness,
}

impl PublicContent {
    /// The content with every withheld field left out.
    pub fn new(content: SystemContent) -> PublicContent {
        let completeness = content.completeness();
        // A withheld field's translations are withheld with it.
        let content = content.without_withheld();
        let withheld = content.withheld;
        let open = |field: &str| !withheld.iter().any(|w| w.field == field);
        let keep = |field: &str, value| open(field).then_some(value);
        PublicContent {
            agency_ref: keep("agency_ref", content.agency_ref),
            name: content.name,
            summary: content.summary,
            unit: keep("unit", content.unit),
            contact: keep("contact", content.contact),
            purpose: open("purpose").then_some(content.purpose),
            how_it_works: open("how_it_works").then_some(content.how_it_works),
            stage: content.stage,
            in_use_since: keep("in_use_since", content.in_use_since),
            retired_on: keep("retired_on", content.retired_on),
            topic: content.topic,
            tags: open("tags").then_some(content.tags),
            technique: open("technique").then_some(content.technique),
            risk_level: content.risk_level,
            decision_role: open("decision_role").then_some(content.decision_role),
            human_oversight: open("human_oversight").then_some(content.human_oversight),
            contest: open("contest").then_some(content.contest),
            data: open("data").then_some(content.data),
            explainability: open("explainability").then_some(content.explainability),
            fairness: open("fairness").then_some(content.fairness),
            risks: open("risks").then_some(content.risks),
            assessments: open("assessments").then_some(content.assessments),
            legal_basis: open("legal_basis").then_some(content.legal_basis),
            supplier: keep("supplier", content.supplier),
            withheld,
            language: content.language,
            translations: content.translations,
            completeness,
        }
    }
}
