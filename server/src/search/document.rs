//! What the search index holds for a system: derived from its current version.

use crate::storage::IndexedSystem;
use app::record::{SystemContent, SystemSummary, Technique};
use app::systems::markdown::searched_text;

/// One published system as the search engines index it.
///
/// Built from what the storage layer reads ([`IndexedSystem`]): the
/// database stays the source of truth; an index can always be rebuilt.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SystemDocument {
    /// What a result shows; stored in the index so results need no database.
    pub summary: SystemSummary,
    pub agency_ref: String,
    /// Plain text, without the headings ([`searched_text`]).
    pub purpose: String,
    pub how_it_works: String,
    pub unit: String,
    pub tags: Vec<String>,
    /// The names of the data sets the system uses.
    pub data: Vec<String>,
    pub supplier: String,
    pub techniques: Vec<Technique>,
    pub personal_data: bool,
    /// The agency's translations of the searched texts (name, summary, unit,
    /// purpose, how it works), every language together, as plain text.
    #[serde(default)]
    pub translations: String,
    /// The share of expected fields the record fills, 0 to 100.
    #[serde(default)]
    pub completeness: u8,
    /// The expected fields it leaves empty, by their JSON names.
    #[serde(default)]
    pub missing: Vec<String>,
}

impl From<IndexedSystem> for SystemDocument {
    /// What the agency withholds is not indexed: a search must not find a
    /// system by it, nor show it in a snippet or count it in a facet.
    fn from(system: IndexedSystem) -> SystemDocument {
        SystemDocument::new(system.summary, &system.content.without_withheld())
    }
}

/// The searched texts of every translation, as plain text (markdown as
/// [`searched_text`] reads it), joined by " · ". A withheld field has no
/// translation here: the content comes without what is withheld.
fn translated_text(content: &SystemContent) -> String {
    const SEARCHED: [&str; 5] = ["name", "summary", "unit", "purpose", "how_it_works"];
    content
        .translations
        .values()
        .flat_map(|translation| {
            SEARCHED
                .iter()
                .filter_map(|field| translation.get(*field))
                .map(|text| searched_text(text))
        })
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

impl SystemDocument {
    /// The document of a system whose summary and current content are known.
    pub fn new(summary: SystemSummary, content: &SystemContent) -> SystemDocument {
        // Withheld fields stay listed, with their reasons, so they still
        // count as answered.
        let completeness = content.completeness();
        SystemDocument {
            summary,
            agency_ref: content.agency_ref.clone().unwrap_or_default(),
            purpose: searched_text(&content.purpose),
            how_it_works: searched_text(&content.how_it_works),
            unit: content.unit.clone().unwrap_or_default(),
            tags: content.tags.clone(),
            data: content.data.iter().map(|set| set.name.clone()).collect(),
            supplier: content.supplier.clone().unwrap_or_default(),
            techniques: content.technique.clone(),
            personal_data: crate::storage::uses_personal_data(content),
            translations: translated_text(content),
            completeness: completeness.score,
            missing: completeness.missing.iter().map(|m| m.to_string()).collect(),
        }
    }

    /// When the current version was published, in seconds since 1970 (0 if
    /// the stored timestamp does not parse): what "most recent first" sorts by.
    pub fn updated(&self) -> i64 {
        time::OffsetDateTime::parse(
            self.summary.published_at.as_str(),
            &time::format_description::well_known::Rfc3339,
        )
        .map(|t| t.unix_timestamp())
        .unwrap_or(0)
    }

    /// The text of a searched field, by its public name (see
    /// [`app::search::SEARCHED_FIELDS`]); lists are joined by " · ".
    pub fn text(&self, field: &str) -> String {
        match field {
            "name" => self.summary.name.clone(),
            "summary" => self.summary.summary.clone(),
            "agency_ref" => self.agency_ref.clone(),
            "purpose" => self.purpose.clone(),
            "how_it_works" => self.how_it_works.clone(),
            "agency_name" => self.summary.agency_name.clone(),
            "unit" => self.unit.clone(),
            "topic" => self.summary.topic.label().to_string(),
            "tags" => self.tags.join(" · "),
            "data" => self.data.join(" · "),
            "supplier" => self.supplier.clone(),
            "translations" => self.translations.clone(),
            _ => String::new(),
        }
    }

    /// The values of a facet for this system, as filters and counts name them.
    pub fn facet_values(&self, facet: app::search::Facet) -> Vec<String> {
        use app::search::{
            COMPLETE, Facet, INCOMPLETE, PERSONAL_DATA_NO, PERSONAL_DATA_YES, REVIEW_CURRENT,
            REVIEW_OVERDUE,
        };
        let one = |value: &str| vec![value.to_string()];
        match facet {
            Facet::Agency => one(&self.summary.agency.0),
            Facet::Stage => one(self.summary.stage.as_str()),
            Facet::RiskLevel => one(self.summary.risk_level.as_str()),
            Facet::Topic => one(self.summary.topic.as_str()),
            Facet::Technique => {
                let mut values: Vec<String> = self
                    .techniques
                    .iter()
                    .map(|t| t.as_str().to_string())
                    .collect();
                values.sort();
                values.dedup();
                values
            }
            Facet::Audit => one(self
                .summary
                .audit
                .map_or("none", |outcome| outcome.as_str())),
            Facet::PersonalData => one(if self.personal_data {
                PERSONAL_DATA_YES
            } else {
                PERSONAL_DATA_NO
            }),
            Facet::Completeness => one(if self.missing.is_empty() {
                COMPLETE
            } else {
                INCOMPLETE
            }),
            Facet::Missing => self.missing.clone(),
            Facet::Review => one(if self.summary.review_overdue {
                REVIEW_OVERDUE
            } else {
                REVIEW_CURRENT
            }),
        }
    }
}
