//! Lantern's own JSON format: `{"systems": [ … ]}`, each system in the write
//! API's shape (see `docs/publishing.md`), plus its `id` when it updates a
//! system the register has. The fields the register adds on export
//! (`version`, `published_at`, `audit`…) may be present and are ignored.
//!
//! A system without an `id` needs an `agency_ref`: its id is derived from the
//! agency and that reference, so importing the same file twice changes nothing.

use super::{ImportRecord, ParsedFile, RejectedRow, stable_id};
use crate::publishing::check;
use app::record::{Agency, AgencySlug, SystemId, is_system_id};
use serde_json::Value;

/// The source name that namespaces ids derived from this format.
const SOURCE: &str = "lantern-json";

/// Fields the register writes itself: present in exports, ignored on import.
const READ_ONLY: &[&str] = &[
    "id",
    "version",
    "published_at",
    "reviewed_at",
    "agency_name",
    "agency_contact",
    "audit",
    "audit_overdue",
    "url",
];

/// Why a whole file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is not in Lantern's JSON format: it needs a \"systems\" list at the top")]
    NoSystems,
}

/// Reads a whole file; every system is a record or a rejected row (row 1 is
/// the first system). `agency_of` names each slug's agency, or `None` for a
/// slug the register does not know.
pub fn parse(
    bytes: &[u8],
    default_agency: &AgencySlug,
    agency_of: &dyn Fn(&AgencySlug) -> Option<Agency>,
) -> Result<ParsedFile, FileError> {
    Ok(records(&systems(bytes)?, default_agency, agency_of))
}

/// The systems of a file, refusing a file that is not this format at all.
pub fn systems(bytes: &[u8]) -> Result<Vec<Value>, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let document: Value =
        serde_json::from_slice(bytes).map_err(|e| FileError::NotJson(e.to_string()))?;
    match document {
        Value::Object(mut object) => match object.remove("systems") {
            Some(Value::Array(systems)) => Ok(systems),
            _ => Err(FileError::NoSystems),
        },
        _ => Err(FileError::NoSystems),
    }
}

/// Every system of a file as a record, or a rejected row with its reason.
pub fn records(
    systems: &[Value],
    default_agency: &AgencySlug,
    agency_of: &dyn Fn(&AgencySlug) -> Option<Agency>,
) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    for (i, system) in systems.iter().enumerate() {
        let row = i + 1;
        match record(row, system, default_agency, agency_of) {
            Ok(record) => parsed.records.push(record),
            Err(reason) => parsed.rejected.push(RejectedRow { row, reason }),
        }
    }
    parsed
}

fn record(
    row: usize,
    system: &Value,
    default_agency: &AgencySlug,
    agency_of: &dyn Fn(&AgencySlug) -> Option<Agency>,
) -> Result<ImportRecord, String> {
    let mut body = system
        .as_object()
        .cloned()
        .ok_or_else(|| "not a JSON object".to_string())?;
    let id = match body.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) if is_system_id(id) => Some(id.clone()),
        Some(_) => return Err(format!("id: {}", app::record::SYSTEM_ID_RULE)),
    };
    for field in READ_ONLY {
        body.remove(*field);
    }
    let input = check::system_input(
        &Value::Object(body),
        app::i18n::Language::SOURCE,
        &app::i18n::Languages::every_shipped(),
    )
    .map_err(super::problems_as_reason)?;
    let slug = input
        .agency
        .clone()
        .map_or_else(|| default_agency.clone(), AgencySlug);
    if slug.0.is_empty() {
        return Err("agency: give the slug of the agency the system belongs to".into());
    }
    let agency =
        agency_of(&slug).ok_or_else(|| format!("agency: no agency has the slug “{slug}”"))?;
    let id = match (id, &input.content.agency_ref) {
        (Some(id), _) => SystemId(id),
        (None, Some(reference)) => stable_id(SOURCE, &format!("{slug}/{reference}")),
        (None, None) => {
            return Err("a new system needs an \"agency_ref\" (or the \"id\" of a system the register has), so that importing again finds it".into());
        }
    };
    Ok(ImportRecord {
        row,
        id,
        agency,
        content: input.content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tax_office(slug: &AgencySlug) -> Option<Agency> {
        (slug.0 == "tax-office").then(|| Agency {
            slug: slug.clone(),
            name: "Northvale Tax Office".into(),
            jurisdiction: String::new(),
            website: None,
            contact: None,
            description: String::new(),
        })
    }

    fn parse_json(document: Value) -> Result<ParsedFile, FileError> {
        parse(
            document.to_string().as_bytes(),
            &AgencySlug("tax-office".into()),
            &tax_office,
        )
    }

    #[test]
    fn every_system_is_a_record_or_a_row_with_its_reason() {
        let parsed = parse_json(json!({"systems": [
            {"agency_ref": "T-1", "name": "Letter sorter", "summary": "Sorts letters.", "stage": "in_use", "topic": "tax", "version": 3},
            {"id": "abc123", "name": "Known system", "summary": "Has an id.", "stage": "pilot", "topic": "tax"},
            {"name": "No reference", "summary": "x", "stage": "pilot", "topic": "tax"},
            {"agency_ref": "T-2", "name": "", "summary": "x", "stage": "sometimes", "topic": "tax"},
            {"agency_ref": "P-1", "agency": "police", "name": "Elsewhere", "summary": "x", "stage": "pilot", "topic": "tax"},
            "not an object"
        ]}))
        .unwrap();
        assert_eq!(parsed.records.len(), 2);
        assert_eq!(parsed.records[1].id, SystemId("abc123".into()));
        assert_eq!(
            parsed.records[0].id,
            stable_id(SOURCE, "tax-office/T-1"),
            "stable across imports"
        );
        let reasons: Vec<(usize, &str)> = parsed
            .rejected
            .iter()
            .map(|r| (r.row, r.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 4);
        assert!(reasons[0].1.contains("agency_ref"), "{reasons:?}");
        assert!(
            reasons[1].1.contains("name") && reasons[1].1.contains("stage"),
            "{reasons:?}"
        );
        assert!(reasons[2].1.contains("police"), "{reasons:?}");
        assert_eq!(reasons[3], (6, "not a JSON object"));
    }

    #[test]
    fn a_file_that_is_not_the_format_is_refused_whole() {
        assert!(matches!(
            parse_json(json!([1, 2])),
            Err(FileError::NoSystems)
        ));
        assert!(matches!(
            parse(b"{oops", &AgencySlug("x".into()), &tax_office),
            Err(FileError::NotJson(_))
        ));
    }
}
