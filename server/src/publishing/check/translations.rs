//! A record's language and its translations: written in one of the
//! register's languages, translated into others, each translated text
//! checked like the original field's.

use super::{Check, Fields};
use app::i18n::Languages;
use app::record::translatable;
use serde_json::{Map, Value};

impl Check {
    /// The language the record is written in, when it names one: one of the
    /// register's. The register's default is kept as no language at all
    /// (that is what absent means), so naming it changes no version.
    pub(super) fn record_language(&mut self, f: &Fields, languages: &Languages) -> Option<String> {
        let code = self.line(f, "language", 20)?;
        match languages.get(&code) {
            None => {
                let message = self.not_a_language(&code, languages);
                self.problem("language", message);
                None
            }
            Some(language) if language == languages.default_language() => None,
            Some(_) => Some(code),
        }
    }

    /// The translations: an object of the register's other languages, each
    /// an object of translatable fields and their texts. Empty texts and
    /// empty translations are left out.
    pub(super) fn translations(
        &mut self,
        f: &Fields,
        languages: &Languages,
        written_in: Option<&str>,
    ) -> Map<String, Value> {
        let mut checked = Map::new();
        let Some(given) = f.get("translations") else {
            return checked;
        };
        let Some(given) = self.object(given, "translations") else {
            return checked;
        };
        let original = written_in.unwrap_or(languages.default_language().code());
        for (code, translation) in given {
            let path = format!("translations.{code}");
            if languages.get(code).is_none() {
                let message = self.not_a_language(code, languages);
                self.problem(&path, message);
            } else if code == original {
                let message = self.words(
                    "check-translation-original",
                    &[("language", code.as_str().into())],
                );
                self.problem(&path, message);
            } else if let Some(texts) = self.object(translation, &path) {
                let texts = self.translation(texts, &path);
                if !texts.is_empty() {
                    checked.insert(code.clone(), Value::Object(texts));
                }
            }
        }
        checked
    }

    /// One language's texts, each checked as the field it translates.
    fn translation(&mut self, texts: &Map<String, Value>, path: &str) -> Map<String, Value> {
        let mut checked = Map::new();
        for (name, value) in texts {
            let field_path = format!("{path}.{name}");
            let Some(field) = translatable().find(|field| field.name == name) else {
                let names: Vec<&str> = translatable().map(|field| field.name).collect();
                let args = [
                    ("key", name.as_str().into()),
                    ("names", names.join(", ").into()),
                ];
                let message = self.words("check-not-translatable", &args);
                self.problem(&field_path, message);
                continue;
            };
            let one_line = field.kind == app::record::fields::Kind::Line;
            if value.is_null() {
                continue;
            }
            if let Some(text) = self.text_value(value, &field_path, field.max_chars, one_line) {
                checked.insert(name.clone(), Value::from(text));
            }
        }
        checked
    }

    /// "“fr” is not a language of this register: en, nl".
    fn not_a_language(&self, code: &str, languages: &Languages) -> String {
        let known: Vec<&str> = languages.all().iter().map(|l| l.code()).collect();
        self.words(
            "check-not-a-language",
            &[("code", code.into()), ("names", known.join(", ").into())],
        )
    }
}
