//! A record in several languages: the language its agency wrote it in, and
//! the translations of its texts the agency gave. Nothing is translated by
//! machine: a reader reads what an agency wrote, in its language or in the
//! record's own, and the page says which.

use super::fields::{FIELDS, Field, Kind};
use super::{SystemContent, SystemSummary};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A record's texts in one other language: field name → text.
pub type Translation = BTreeMap<String, String>;

/// The fields an agency may translate: the texts it writes for people
/// (name, summary, unit and the sections). References, contacts, dates,
/// choices and lists stay as they are in every language.
pub fn translatable() -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(|field| field.translatable())
}

impl Field {
    /// Whether an agency may give this field's text in other languages.
    pub fn translatable(&self) -> bool {
        matches!(self.kind, Kind::Line | Kind::Paragraph | Kind::Markdown)
            && !matches!(self.name, "agency_ref" | "supplier")
    }
}

/// In which language a reader reads a record: what [`SystemContent::for_reader`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownIn {
    /// The language the agency wrote the record in.
    pub original: String,
    /// The reader's language.
    pub reader: String,
    /// The fields shown in the reader's language from the agency's translation.
    pub translated: Vec<String>,
}

impl ShownIn {
    /// The `lang` a field's text needs on a page in the reader's language:
    /// none where it is in that language, the original's where it is not.
    pub fn lang_of(&self, field: &str) -> Option<String> {
        let in_reader = self.original == self.reader || self.translated.iter().any(|f| f == field);
        (!in_reader).then(|| self.original.clone())
    }

    /// Whether the reader reads the record in another language than theirs
    /// because the agency gave no translation into it.
    pub fn untranslated(&self) -> bool {
        self.original != self.reader && self.translated.is_empty()
    }
}

impl SystemContent {
    /// The language the agency wrote the record in: its own, else the
    /// register's `default`.
    pub fn original_language(&self, default: &str) -> String {
        self.language.clone().unwrap_or_else(|| default.to_string())
    }

    /// The record for a reader of `reader`: where the agency gave a
    /// translation into that language, its texts replace the original ones
    /// (a withheld field stays withheld). `default` is the register's language.
    /// It takes the content, so a reader of its own language costs no copy.
    pub fn for_reader(mut self, reader: &str, default: &str) -> (SystemContent, ShownIn) {
        let original = self.original_language(default);
        let mut translated = Vec::new();
        if reader != original
            && let Some(translation) = self.translations.get(reader).cloned()
        {
            for field in translatable() {
                let text = translation.get(field.name).map(|t| t.trim());
                if let Some(text) = text.filter(|t| !t.is_empty())
                    && self.withheld_reason(field.name).is_none()
                {
                    self.set_text(field.name, text.to_string());
                    translated.push(field.name.to_string());
                }
            }
        }
        let shown_in = ShownIn {
            original,
            reader: reader.to_string(),
            translated,
        };
        (self, shown_in)
    }

    /// Sets the text of the translatable field `name`; other names change nothing.
    fn set_text(&mut self, name: &str, text: String) {
        match name {
            "name" => self.name = text,
            "summary" => self.summary = text,
            "unit" => self.unit = Some(text),
            "purpose" => self.purpose = text,
            "how_it_works" => self.how_it_works = text,
            "human_oversight" => self.human_oversight = text,
            "contest" => self.contest = text,
            "explainability" => self.explainability = text,
            "fairness" => self.fairness = text,
            "risks" => self.risks = text,
            "legal_basis" => self.legal_basis = text,
            _ => {}
        }
    }
}

impl SystemSummary {
    /// The summary for a reader of `reader`: its name and summary in their
    /// language where the agency translated them (`default` is the
    /// register's language), and which of the two are.
    pub fn for_reader(&self, reader: &str, default: &str) -> (SystemSummary, ShownIn) {
        let original = self.language.clone().unwrap_or_else(|| default.to_string());
        let mut shown = self.clone();
        let mut translated = Vec::new();
        if let Some(texts) = self.translated.get(reader).filter(|_| reader != original) {
            for (field, text) in texts {
                match field.as_str() {
                    "name" => shown.name = text.clone(),
                    "summary" => shown.summary = text.clone(),
                    _ => continue,
                }
                translated.push(field.clone());
            }
        }
        let shown_in = ShownIn {
            original,
            reader: reader.to_string(),
            translated,
        };
        (shown, shown_in)
    }

    /// The name and summary translations of a record's `translations`: what a list shows.
    pub fn list_texts(
        translations: &BTreeMap<String, Translation>,
    ) -> BTreeMap<String, Translation> {
        translations
            .iter()
            .map(|(language, texts)| {
                let listed: Translation = texts
                    .iter()
                    .filter(|(field, _)| matches!(field.as_str(), "name" | "summary"))
                    .map(|(field, text)| (field.clone(), text.clone()))
                    .collect();
                (language.clone(), listed)
            })
            .filter(|(_, listed)| !listed.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::fields::filled_content;

    #[test]
    fn every_translatable_field_can_be_shown_translated() {
        let mut content = filled_content();
        content.withheld.clear();
        content.language = Some("nl".into());
        let translation: Translation = translatable()
            .map(|f| (f.name.to_string(), format!("in English: {}", f.name)))
            .collect();
        content.translations.insert("en".into(), translation);
        let (shown, shown_in) = content.for_reader("en", "en");
        for field in translatable() {
            let words = shown.value(field.name).unwrap().words();
            assert_eq!(words, format!("in English: {}", field.name));
            assert_eq!(shown_in.lang_of(field.name), None);
        }
        assert_eq!(shown_in.lang_of("tags"), Some("nl".into()));
        assert!(!shown_in.untranslated());
    }

    #[test]
    fn without_a_translation_the_original_is_shown_and_says_its_language() {
        let mut content = filled_content();
        content.language = Some("nl".into());
        let (shown, shown_in) = content.clone().for_reader("en", "en");
        assert_eq!(shown.name, content.name);
        assert!(shown_in.untranslated());
        assert_eq!(shown_in.lang_of("name"), Some("nl".into()));
        // The record's own language needs no translation, and no lang.
        let (_, dutch) = content.for_reader("nl", "en");
        assert!(!dutch.untranslated());
        assert_eq!(dutch.lang_of("name"), None);
    }

    #[test]
    fn a_withheld_field_stays_withheld_in_every_language() {
        let mut content = filled_content();
        content.withheld = vec![crate::record::Withheld {
            field: "purpose".into(),
            reason: "Security".into(),
        }];
        content.translations.insert(
            "nl".into(),
            Translation::from([("purpose".to_string(), "Geheim doel".to_string())]),
        );
        let (shown, shown_in) = content.clone().for_reader("nl", "en");
        assert_ne!(shown.purpose, "Geheim doel");
        assert!(shown_in.translated.is_empty());
        let public = content.without_withheld();
        assert!(
            public
                .translations
                .values()
                .all(|t| !t.contains_key("purpose"))
        );
    }
}
