//! Lantern's own JSON format: `{"systems": [ … ]}`, each system in the write
//! API's shape (see `docs/publishing.md`), plus its `id` when it updates a
//! system the register has. The fields the register adds on export
//! (`version`, `published_at`, `audit`…) may be present and are ignored.
//!
//! A system without an `id` needs an `agency_ref`: its id is derived from the
//! agency and that reference, so importing the same file twice changes nothing.

use super::{ImportRecord, ParsedFile, RejectedRow, stable_id};
use crate::publishing::check;
use app::i18n::{Language, Languages, t_in, t_with_in};
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
    "review_by",
    "review_overdue",
    "completeness",
    "url",
];

/// Why a whole file was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all, with what the JSON reader said.
    NotJson(String),
    /// JSON without a `systems` list at the top.
    NoSystems,
}

impl FileError {
    /// What is wrong, in `language`.
    pub fn words(&self, language: Language) -> String {
        match self {
            FileError::NotJson(problem) => t_with_in(
                language,
                "import-file-not-json",
                &[("problem", problem.as_str().into())],
            ),
            FileError::NoSystems => t_in(language, "import-file-no-systems"),
        }
        .into_owned()
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Language::SOURCE))
    }
}

impl std::error::Error for FileError {}

/// Reads a whole file; every system is a record or a rejected row (row 1 is
/// the first system), the reasons said in `language`. `agency_of` names
/// each slug's agency, or `None` for a slug the register does not know.
pub fn parse(
    bytes: &[u8],
    default_agency: &AgencySlug,
    agency_of: &dyn Fn(&AgencySlug) -> Option<Agency>,
    language: Language,
) -> Result<ParsedFile, FileError> {
    Ok(records(
        &systems(bytes)?,
        default_agency,
        agency_of,
        language,
    ))
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

/// Every system of a file as a record, or a rejected row with its reason
/// in `language`.
pub fn records(
    systems: &[Value],
    default_agency: &AgencySlug,
    agency_of: &dyn Fn(&AgencySlug) -> Option<Agency>,
    language: Language,
) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    for (i, system) in systems.iter().enumerate() {
        let row = i + 1;
        match record(row, system, default_agency, agency_of, language) {
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
    language: Language,
) -> Result<ImportRecord, String> {
    let words = |key| t_in(language, key).into_owned();
    let mut body = system
        .as_object()
        .cloned()
        .ok_or_else(|| words("import-row-not-object"))?;
    let id = match body.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) if is_system_id(id) => Some(id.clone()),
        Some(_) => return Err(words("import-row-id")),
    };
    for field in READ_ONLY {
        body.remove(*field);
    }
    let input = check::system_input(&Value::Object(body), language, &Languages::every_shipped())
        .map_err(|error| super::problems_as_reason(error, language))?;
    let slug = input
        .agency
        .clone()
        .map_or_else(|| default_agency.clone(), AgencySlug);
    if slug.0.is_empty() {
        return Err(words("import-row-agency-missing"));
    }
    let agency = agency_of(&slug).ok_or_else(|| {
        let args = [("slug", slug.0.as_str().into())];
        t_with_in(language, "import-row-agency-unknown", &args).into_owned()
    })?;
    let id = match (id, &input.content.agency_ref) {
        (Some(id), _) => SystemId(id),
        (None, Some(reference)) => stable_id(SOURCE, &format!("{slug}/{reference}")),
        (None, None) => return Err(words("import-row-no-reference")),
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
            Language::SOURCE,
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

    /// Everything an export line holds besides the record's fields (its id,
    /// version, completeness, review date, audit…) is the register's own
    /// and is ignored, so the register's own export imports as it is.
    #[test]
    fn an_exported_record_imports_whole() {
        let mut content = app::record::fields::filled_content();
        content.withheld.clear();
        content.translations.clear();
        let system = app::record::System {
            id: SystemId("abc123".into()),
            agency: AgencySlug("tax-office".into()),
            agency_name: "Northvale Tax Office".into(),
            agency_contact: None,
            content,
            version: 4,
            published_at: "2026-11-28T07:00:00Z".into(),
            reviewed_at: Some("2026-11-28T07:00:00Z".into()),
            audit: None,
            audit_overdue: false,
            review_by: Some("2027-05-28T07:00:00Z".into()),
            review_overdue: false,
        };
        let line = serde_json::to_value(crate::api::record::PublishedSystem::new(system)).unwrap();
        for key in [
            "completeness",
            "review_by",
            "review_overdue",
            "audit_overdue",
        ] {
            assert!(line.get(key).is_some(), "an export line has {key}");
        }
        let parsed = parse_json(json!({ "systems": [line] })).unwrap();
        assert_eq!(parsed.rejected, Vec::new());
        assert_eq!(parsed.records[0].id, SystemId("abc123".into()));
    }

    #[test]
    fn a_file_that_is_not_the_format_is_refused_whole() {
        assert!(matches!(
            parse_json(json!([1, 2])),
            Err(FileError::NoSystems)
        ));
        assert!(matches!(
            parse(
                b"{oops",
                &AgencySlug("x".into()),
                &tax_office,
                Language::SOURCE
            ),
            Err(FileError::NotJson(_))
        ));
    }

    #[test]
    fn reasons_are_said_in_the_language_of_the_person_importing() {
        let dutch = Language::parse("nl").unwrap();
        let file = json!({"systems": [
            {"name": "Geen referentie", "summary": "x", "stage": "pilot", "topic": "tax"},
            {"agency_ref": "T-2", "name": "", "summary": "x", "stage": "pilot", "topic": "tax"},
            "geen object"
        ]});
        let tax = AgencySlug("tax-office".into());
        let parsed = parse(file.to_string().as_bytes(), &tax, &tax_office, dutch).unwrap();
        let reasons: Vec<&str> = parsed.rejected.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "een nieuw systeem heeft een \"agency_ref\" nodig (of het \"id\" van een systeem dat al in het register staat), zodat een volgende import het terugvindt",
                "name: Mag niet leeg zijn",
                "geen JSON-object",
            ]
        );
        let refused = parse(b"{}", &tax, &tax_office, dutch).unwrap_err();
        assert!(
            refused.words(dutch).starts_with("het bestand is niet"),
            "{refused:?}"
        );
    }
}
