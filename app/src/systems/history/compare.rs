//! Comparing two published versions of a system field by field, for the
//! history page: each field as readable text, diffed word by word (on the
//! server only).

use super::{Change, DiffPart, FieldChange};
use crate::record::{SystemContent, fields, normalised, translatable};
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeSet;

/// Every field of a version as text a person reads, with its name and
/// label: labels for closed values, one line per entry for lists.
pub fn field_texts(content: &SystemContent) -> Vec<(&'static str, crate::i18n::Text, String)> {
    content
        .values()
        .into_iter()
        .map(|(name, value)| {
            let label = fields::label(name).unwrap_or(name.into());
            (name, label, value.words())
        })
        .collect()
}

/// The fields that differ between two versions, each diffed word by word.
/// Texts are compared as they are stored today ([`normalised`]): a version
/// saved before line endings were normalised shows no change where only
/// its line endings or trailing spaces differ.
///
/// What either version withholds is compared as withheld (empty), never
/// by its value.
pub fn compare(older: &SystemContent, newer: &SystemContent) -> Vec<FieldChange> {
    let (older, newer) = (
        older.clone().without_withheld(),
        newer.clone().without_withheld(),
    );
    let texts = |content| {
        field_texts(content)
            .into_iter()
            .map(|(field, label, text)| (field, label, normalised(&text)))
    };
    let mut changes: Vec<FieldChange> = texts(&older)
        .zip(texts(&newer))
        .filter(|((_, _, before), (_, _, after))| before != after)
        .map(|((field, label, before), (_, _, after))| FieldChange {
            field: field.to_string(),
            label: label.to_string(),
            parts: diff_words(&before, &after),
        })
        .collect();
    changes.extend(language_changes(&older, &newer));
    changes
}

/// The record's language and its translations where they differ: each
/// translated text is diffed like its original (`Summary (Dutch)`).
fn language_changes(older: &SystemContent, newer: &SystemContent) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    if older.language != newer.language {
        let code = |content: &SystemContent| content.language.clone().unwrap_or_default();
        changes.push(FieldChange {
            field: "language".into(),
            label: crate::i18n::t("manage-form-language").into_owned(),
            parts: diff_words(&code(older), &code(newer)),
        });
    }
    let languages: BTreeSet<&String> = older
        .translations
        .keys()
        .chain(newer.translations.keys())
        .collect();
    let text = |content: &SystemContent, code: &str, field: &str| {
        content
            .translations
            .get(code)
            .and_then(|translation| translation.get(field))
            .map(|text| normalised(text))
            .unwrap_or_default()
    };
    for code in languages {
        let language = crate::i18n::language_name(code);
        for field in translatable() {
            let (before, after) = (text(older, code, field.name), text(newer, code, field.name));
            if before != after {
                changes.push(FieldChange {
                    field: format!("translations.{code}.{}", field.name),
                    label: format!("{} ({language})", field.label()),
                    parts: diff_words(&before, &after),
                });
            }
        }
    }
    changes
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
        // As stored: the write check normalises every text this way.
        let mut api = crate::record::fields::filled_content();
        api.purpose = "One.\n\nTwo.".into();
        api.how_it_works = "Rules".into();
        let mut browser = api.clone();
        browser.purpose = "One.  \r\n\r\nTwo.\r\n".into();
        assert!(compare(&api, &browser).is_empty());
        browser.how_it_works = "Rules and a model".into();
        let changes = compare(&api, &browser);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "how_it_works");
    }

    #[test]
    fn translations_are_compared_like_the_original() {
        let older = crate::record::fields::filled_content();
        let mut newer = older.clone();
        newer.translations.insert(
            "nl".into(),
            crate::record::Translation::from([(
                "summary".to_string(),
                "Samenvatting.".to_string(),
            )]),
        );
        let changes = compare(&older, &newer);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "translations.nl.summary");
        assert!(
            changes[0].label.starts_with("Summary ("),
            "{}",
            changes[0].label
        );
        newer.language = Some("nl".into());
        assert_eq!(compare(&older, &newer)[0].field, "language");
    }
}
