//! The system form as sent, turned into the write API's JSON, so one check
//! ([`crate::publishing::check::system_input`]) serves both.
//!
//! Names follow the JSON paths: `name`, `technique` (one per ticked box),
//! `tags` (comma-separated), `data[0].name`, `assessments[1].kind`,
//! `withheld[0].reason`. A list row left wholly empty is no entry.

use crate::forms::typed_fields;
use app::i18n::{Language, t_in, t_with_in};
use app::record::fields::{self, Kind};
use app::record::{AssessmentKind, PersonalData};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The lists whose rows are objects (data sets, assessments, withheld fields).
fn row_lists() -> impl Iterator<Item = &'static str> {
    fields::FIELDS
        .iter()
        .filter(|f| matches!(f.kind, Kind::DataSets | Kind::Assessments | Kind::Withheld))
        .map(|f| f.name)
}

/// Splits a comma-separated list, dropping empty entries.
fn comma_list(text: &str) -> Value {
    Value::Array(
        text.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| Value::String(t.to_string()))
            .collect(),
    )
}

/// `data[2].name` → (`data`, 2, `name`).
fn row_field(name: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = name.split_once('[')?;
    let (index, rest) = rest.split_once("].")?;
    Some((list, index.parse().ok()?, rest))
}

/// `translations.nl.summary` → (`nl`, `summary`).
fn translated_field(name: &str) -> Option<(&str, &str)> {
    name.strip_prefix("translations.")?.split_once('.')
}

/// The form's fields as a system's JSON object.
pub fn system_json(fields: &[(String, String)]) -> Value {
    let mut object = Map::new();
    let mut rows: BTreeMap<(String, usize), Map<String, Value>> = BTreeMap::new();
    let mut choices: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut translations: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for (name, value) in typed_fields(fields) {
        let kind = fields::field(&name).map(|f| f.kind);
        if let Some((language, field)) = translated_field(&name) {
            translations
                .entry(language.to_string())
                .or_default()
                .insert(field.to_string(), Value::String(value));
        } else if let Some(Kind::Choices(_)) = kind {
            choices.entry(name).or_default().push(Value::String(value));
        } else if kind == Some(Kind::Texts) {
            object.insert(name, comma_list(&value));
        } else if let Some((list, index, field)) = row_field(&name)
            && row_lists().any(|rows| rows == list)
        {
            let value = if field == "sensitive_attributes" {
                comma_list(&value)
            } else {
                Value::String(value)
            };
            rows.entry((list.to_string(), index))
                .or_default()
                .insert(field.to_string(), value);
        } else {
            object.insert(name, Value::String(value));
        }
    }
    // A box left unticked is not sent: every list of boxes is there, if empty.
    for field in fields::FIELDS {
        if let Kind::Choices(_) = field.kind {
            let ticked = choices.remove(field.name).unwrap_or_default();
            object.insert(field.name.to_string(), Value::Array(ticked));
        }
    }
    for list in row_lists() {
        let entries: Vec<Value> = rows
            .iter()
            .filter(|((name, _), _)| name == list)
            .map(|(_, row)| row)
            .filter(|row| !row.values().all(is_blank))
            .map(|row| Value::Object(row.clone()))
            .collect();
        object.insert(list.to_string(), Value::Array(entries));
    }
    let translations: Map<String, Value> = translations
        .into_iter()
        .map(|(language, texts)| (language, Value::Object(texts)))
        .collect();
    object.insert("translations".into(), Value::Object(translations));
    Value::Object(object)
}

/// The write API's problems as the form's people read them, in `language`:
/// a choice is named by the label the form shows, never by its stable name
/// (`In use`, not `in_use`), and the fields keep their problems.
pub fn in_form_words(
    problems: BTreeMap<String, Vec<String>>,
    language: Language,
) -> BTreeMap<String, Vec<String>> {
    problems
        .into_iter()
        .map(|(path, messages)| {
            let messages = messages
                .into_iter()
                .map(|message| message_in_form_words(&path, message, language))
                .collect();
            (path, messages)
        })
        .collect()
}

/// One problem in the form's words. A problem of a choice can only be that
/// no right choice was made (the form sends nothing else), so it is said
/// by the field, whatever the write API's words were.
fn message_in_form_words(path: &str, message: String, language: Language) -> String {
    // `data[0].personal_data` → `data.personal_data`; `withheld[1].field` → `withheld.field`.
    let field = match path.split_once('[') {
        Some((list, rest)) => match rest.split_once("].") {
            Some((_, inner)) => format!("{list}.{inner}"),
            // `technique[1]`: an entry of a list of choices.
            None => list.to_string(),
        },
        None => path.to_string(),
    };
    let words = |key: &str| t_in(language, key).into_owned();
    let one_of = |labels: String| {
        t_with_in(language, "check-choose-one-of", &[("names", labels.into())]).into_owned()
    };
    match (field.as_str(), fields::field(&field).map(|f| (f, f.kind))) {
        ("topic", _) => words("check-form-topic"),
        (_, Some((f, Kind::Choice(_)))) if f.can_be_unstated() => words("check-form-or-unstated"),
        (_, Some((_, Kind::Choice(set)))) => one_of(set.labels_in(language)),
        (_, Some((_, Kind::Choices(_)))) => words("check-form-tick"),
        ("data.personal_data", _) => one_of(PersonalData::labels_in(language)),
        ("assessments.kind", _) => one_of(AssessmentKind::labels_in(language)),
        ("withheld.field", _) => withheld_field_words(message, language),
        _ => message,
    }
}

/// A withheld field's problem: “how_it_works” is already withheld above →
/// “How it works” …; a field that cannot be withheld (the form offers none)
/// → choose one from the list.
fn withheld_field_words(message: String, language: Language) -> String {
    let quoted = |name: &str| format!("“{name}”");
    let names_one = fields::withholdable().any(|field| message.contains(&quoted(field.name)));
    if names_one {
        fields::withholdable().fold(message, |text, field| {
            text.replace(&quoted(field.name), &quoted(&field.label_in(language)))
        })
    } else if message == t_in(language, "check-not-empty") {
        message
    } else {
        t_in(language, "check-form-field").into_owned()
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_form_becomes_the_api_shape() {
        let body = system_json(&fields(&[
            ("csrf_token", "x"),
            ("name", "Chatbot"),
            ("tags", "advice, , help "),
            ("technique", "nlp"),
            ("technique", "generative_ai"),
            ("data[0].name", "Questions"),
            ("data[0].personal_data", "none"),
            ("data[0].sensitive_attributes", "age, health"),
            ("data[1].name", ""),
            ("data[1].personal_data", ""),
            ("withheld[0].field", "supplier"),
            ("withheld[0].reason", "Commercial confidence"),
            ("language", "en"),
            ("translations.nl.name", "Chatbot"),
            ("translations.nl.summary", "Beantwoordt vragen"),
        ]));
        assert_eq!(body["name"], "Chatbot");
        assert_eq!(body["tags"], json!(["advice", "help"]));
        assert_eq!(body["technique"], json!(["nlp", "generative_ai"]));
        assert_eq!(
            body["data"],
            json!([{"name": "Questions", "personal_data": "none", "sensitive_attributes": ["age", "health"]}]),
            "the empty second row is no entry"
        );
        assert_eq!(body["withheld"][0]["reason"], "Commercial confidence");
        assert_eq!(body["assessments"], json!([]));
        assert!(body.get("csrf_token").is_none());
        assert_eq!(body["language"], "en");
        assert_eq!(
            body["translations"],
            json!({"nl": {"name": "Chatbot", "summary": "Beantwoordt vragen"}})
        );
    }

    #[test]
    fn problems_speak_the_forms_labels() {
        let problems = BTreeMap::from([
            (
                "stage".to_string(),
                vec!["Choose one of: planned, development, pilot, in_use, retired".to_string()],
            ),
            (
                "data[0].personal_data".to_string(),
                vec![
                    "“x” is not one of: none, pseudonymised, personal, special_category"
                        .to_string(),
                ],
            ),
            (
                "withheld[1].field".to_string(),
                vec!["“how_it_works” is already withheld above".to_string()],
            ),
            ("name".to_string(), vec!["Must not be empty".to_string()]),
        ]);
        let words = in_form_words(problems, Language::SOURCE);
        assert_eq!(
            words["stage"],
            ["Choose one of: Planned, In development, Pilot, In use, Retired"]
        );
        assert!(
            !words["data[0].personal_data"][0].contains('_'),
            "{:?}",
            words
        );
        assert_eq!(
            words["withheld[1].field"],
            ["“How it works” is already withheld above"]
        );
        assert_eq!(words["name"], ["Must not be empty"]);
    }
}
