//! Comparing two published versions of a system field by field, for the
//! public history page: each field as readable text, diffed word by word.

use crate::publishing::check::normalised;
use app::record::SystemContent;
use app::systems::history::{Change, DiffPart, FieldChange};
use similar::{ChangeTag, TextDiff};

/// Every field of a version as text a person reads: labels for closed
/// values, one line per entry for lists.
pub fn field_texts(content: &SystemContent) -> Vec<(&'static str, &'static str, String)> {
    let optional = |text: &Option<String>| text.clone().unwrap_or_default();
    let lines = |lines: Vec<String>| lines.join("\n");
    vec![
        ("name", "Name", content.name.clone()),
        ("summary", "Summary", content.summary.clone()),
        (
            "agency_ref",
            "Agency reference",
            optional(&content.agency_ref),
        ),
        ("unit", "Unit", optional(&content.unit)),
        ("contact", "Contact", optional(&content.contact)),
        ("stage", "Stage", content.stage.label().into()),
        (
            "in_use_since",
            "In use since",
            optional(&content.in_use_since),
        ),
        ("retired_on", "Retired on", optional(&content.retired_on)),
        ("topic", "Topic", content.topic.label().into()),
        ("tags", "Tags", content.tags.join(", ")),
        (
            "technique",
            "Techniques",
            content
                .technique
                .iter()
                .map(|t| t.label())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "risk_level",
            "Risk level",
            content.risk_level.label().into(),
        ),
        (
            "decision_role",
            "Role in decisions",
            content
                .decision_role
                .map(|d| d.label().to_string())
                .unwrap_or_default(),
        ),
        ("purpose", "Purpose", content.purpose.clone()),
        ("how_it_works", "How it works", content.how_it_works.clone()),
        (
            "human_oversight",
            "Human oversight",
            content.human_oversight.clone(),
        ),
        (
            "contest",
            "How to question or appeal a decision",
            content.contest.clone(),
        ),
        (
            "data",
            "Data",
            lines(
                content
                    .data
                    .iter()
                    .map(|set| {
                        let personal = set.personal_data.map_or("not stated", |p| p.label());
                        let mut line = format!("{}: personal data {personal}", set.name);
                        if !set.source.is_empty() {
                            line.push_str(&format!("; source {}", set.source));
                        }
                        if !set.sensitive_attributes.is_empty() {
                            line.push_str(&format!(
                                "; sensitive attributes {}",
                                set.sensitive_attributes.join(", ")
                            ));
                        }
                        if !set.description.is_empty() {
                            line.push_str(&format!(". {}", set.description));
                        }
                        line
                    })
                    .collect(),
            ),
        ),
        (
            "explainability",
            "How decisions are explained",
            content.explainability.clone(),
        ),
        (
            "fairness",
            "Fairness and bias testing",
            content.fairness.clone(),
        ),
        (
            "risks",
            "Risks and how they are managed",
            content.risks.clone(),
        ),
        (
            "assessments",
            "Impact assessments",
            lines(
                content
                    .assessments
                    .iter()
                    .map(|a| {
                        [
                            Some(a.kind.label().to_string()),
                            a.date.clone(),
                            a.url.clone(),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ")
                    })
                    .collect(),
            ),
        ),
        ("legal_basis", "Legal basis", content.legal_basis.clone()),
        ("supplier", "Supplier", optional(&content.supplier)),
        (
            "withheld",
            "Withheld",
            lines(
                content
                    .withheld
                    .iter()
                    .map(|w| format!("{}: {}", w.field, w.reason))
                    .collect(),
            ),
        ),
    ]
}

/// The fields that differ between two versions, each diffed word by word.
/// Texts are compared as they are stored today ([`normalised`]): a version
/// saved before line endings were normalised shows no change where only
/// its line endings or trailing spaces differ.
pub fn compare(older: &SystemContent, newer: &SystemContent) -> Vec<FieldChange> {
    let texts = |content| {
        field_texts(content)
            .into_iter()
            .map(|(field, label, text)| (field, label, normalised(&text)))
    };
    texts(older)
        .zip(texts(newer))
        .filter(|((_, _, before), (_, _, after))| before != after)
        .map(|((field, label, before), (_, _, after))| FieldChange {
            field: field.to_string(),
            label: label.to_string(),
            parts: diff_words(&before, &after),
        })
        .collect()
}

/// Word-by-word differences, with neighbouring words of one kind joined.
fn diff_words(before: &str, after: &str) -> Vec<DiffPart> {
    let diff = TextDiff::from_words(before, after);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => Change::Same,
            ChangeTag::Insert => Change::Added,
            ChangeTag::Delete => Change::Removed,
        };
        match parts.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(change.value()),
            _ => parts.push(DiffPart {
                change: kind,
                text: change.value().to_string(),
            }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_added_and_removed_are_marked_and_the_rest_kept() {
        let parts = diff_words("Scores claims for fraud", "Scores benefit claims for error");
        let text = |kind| {
            parts
                .iter()
                .filter(|p| p.change == kind)
                .map(|p| p.text.trim())
                .collect::<Vec<_>>()
        };
        assert_eq!(text(Change::Added), ["benefit", "error"]);
        assert_eq!(text(Change::Removed), ["fraud"]);
        let before: String = parts
            .iter()
            .filter(|p| p.change != Change::Added)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(before, "Scores claims for fraud");
    }

    #[test]
    fn line_endings_and_trailing_spaces_are_no_change() {
        let api = crate::publishing::check::system_input(&serde_json::json!({
            "name": "N", "summary": "S", "stage": "in_use", "topic": "tax",
            "purpose": "One.\n\nTwo.", "how_it_works": "Rules"
        }))
        .unwrap()
        .content;
        let mut browser = api.clone();
        browser.purpose = "One.  \r\n\r\nTwo.\r\n".into();
        assert!(compare(&api, &browser).is_empty());
        browser.how_it_works = "Rules and a model".into();
        let changes = compare(&api, &browser);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "how_it_works");
    }
}
