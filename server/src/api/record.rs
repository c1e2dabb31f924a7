//! A system as the open data publishes it: the API, the exports and the
//! JSON Schema all use these types, so they cannot disagree.
//!
//! A field the agency withholds is left out (not `null`, not empty), and the
//! `withheld` list says why.

pub use app::record::PublicContent;
use app::record::{Audit, System, Timestamp};
use serde::Serialize;
use utoipa::ToSchema;

/// A published system: its current version, its agency and its latest audit.
/// One line of `export.ndjson`, one element of `export.json`'s `systems`, and
/// the answer of `GET /api/v1/systems/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct PublishedSystem {
    /// The stable public id: never reused, survives renames.
    pub id: String,
    /// The record's page on this register (a path).
    pub url: String,
    /// The owning agency's slug.
    pub agency: String,
    /// The owning agency's name.
    pub agency_name: String,
    /// The owning agency's public contact.
    pub agency_contact: Option<String>,
    /// The current version's number: 1, 2, 3…
    pub version: i64,
    /// When the current version was published: RFC 3339, UTC.
    pub published_at: Timestamp,
    /// When the agency last reviewed the record: RFC 3339, UTC.
    pub reviewed_at: Option<Timestamp>,
    #[serde(flatten)]
    pub content: PublicContent,
    /// The latest audit by date; `null` if never audited.
    pub audit: Option<Audit>,
    /// Whether the latest audit's next due date has passed.
    pub audit_overdue: bool,
    /// When the agency is due to review the record: its last version or
    /// review (`reviewed_at`) plus the register's review period (12 months,
    /// 6 for a high-risk system, unless its administrators changed them), or
    /// an earlier date the agency set (RFC 3339, UTC); `null` for a retired
    /// system, which is not reviewed.
    pub review_by: Option<Timestamp>,
    /// Whether that date has passed without a new version or a review.
    pub review_overdue: bool,
    /// The language whose translation the texts above are in, where the
    /// request asked for one (`lang`) and the agency gave it; absent where
    /// they are as the agency wrote them (in `language`). Exports leave it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_into: Option<String>,
}

impl PublishedSystem {
    pub fn new(system: System) -> PublishedSystem {
        PublishedSystem {
            url: format!("/systems/{}", system.id),
            id: system.id.0,
            agency: system.agency.0,
            agency_name: system.agency_name,
            agency_contact: system.agency_contact,
            version: system.version,
            published_at: system.published_at,
            reviewed_at: system.reviewed_at,
            content: PublicContent::new(system.content),
            audit: system.audit,
            audit_overdue: system.audit_overdue,
            review_by: system.review_by,
            review_overdue: system.review_overdue,
            translated_into: None,
        }
    }

    /// The system for a reader of `reader`: its texts in that language
    /// where its agency translated them (`default` is the register's language).
    pub fn for_reader(system: System, reader: &str, default: &str) -> PublishedSystem {
        let (content, shown) = system.content.for_reader(reader, default);
        let translated = !shown.translated.is_empty();
        PublishedSystem {
            translated_into: translated.then(|| reader.to_string()),
            ..PublishedSystem::new(System { content, ..system })
        }
    }
}

/// One published version in full, as it was published.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct PublishedVersion {
    /// The system's stable id.
    pub id: String,
    /// The owning agency's slug.
    pub agency: String,
    pub version: i64,
    pub published_at: Timestamp,
    /// The agency's note on what changed.
    pub change_summary: String,
    #[serde(flatten)]
    pub content: PublicContent,
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::record::{DataSet, Withheld};

    /// Besides the fields, one thing the register works out: `completeness`.
    #[test]
    fn every_field_of_the_table_is_published_and_nothing_else() {
        let mut content = app::record::fields::filled_content();
        content.withheld.clear();
        let json = serde_json::to_value(PublicContent::new(content)).unwrap();
        let mut published: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut table: Vec<&str> = app::record::fields::FIELDS
            .iter()
            .map(|field| field.name)
            .chain(["completeness"])
            .collect();
        published.sort_unstable();
        table.sort_unstable();
        assert_eq!(published, table);
    }

    #[test]
    fn a_withheld_field_is_left_out_and_its_reason_given() {
        let content = crate::seed::generate(1, 7).records.remove(0).content;
        let mut withholding = content.clone();
        withholding.supplier = Some("Acme".into());
        withholding.data = vec![DataSet {
            name: "Secret list".into(),
            ..DataSet::default()
        }];
        withholding.withheld = vec![
            Withheld {
                field: "data".into(),
                reason: "Law enforcement exemption".into(),
            },
            Withheld {
                field: "supplier".into(),
                reason: "Commercial confidence".into(),
            },
        ];
        let json = serde_json::to_value(PublicContent::new(withholding)).unwrap();
        assert!(json.get("data").is_none());
        assert!(json.get("supplier").is_none());
        assert!(!json.to_string().contains("Secret list"));
        assert!(!json.to_string().contains("Acme"));
        assert_eq!(json["withheld"][0]["reason"], "Law enforcement exemption");
        // Not withheld: present, `null` when empty.
        let mut open = content;
        open.unit = None;
        let json = serde_json::to_value(PublicContent::new(open)).unwrap();
        assert!(json.get("data").is_some());
        assert_eq!(json["unit"], serde_json::Value::Null);
    }
}
