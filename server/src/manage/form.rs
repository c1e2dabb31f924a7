//! The system form as sent, turned into the write API's JSON, so one check
//! ([`crate::publishing::check::system_input`]) serves both.
//!
//! Names follow the JSON paths: `name`, `technique` (one per ticked box),
//! `tags` (comma-separated), `data[0].name`, `assessments[1].kind`,
//! `withheld[0].reason`. A list row left wholly empty is no entry.

use crate::forms::typed_fields;
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

/// The form's fields as a system's JSON object.
pub fn system_json(fields: &[(String, String)]) -> Value {
    let mut object = Map::new();
    let mut rows: BTreeMap<(String, usize), Map<String, Value>> = BTreeMap::new();
    let mut choices: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (name, value) in typed_fields(fields) {
        let kind = fields::field(&name).map(|f| f.kind);
        if let Some(Kind::Choices(_)) = kind {
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
    Value::Object(object)
}

/// The write API's problems as the form's people read them: a choice is
/// named by the label the form shows, never by its stable name (`In use`,
/// not `in_use`), and the fields keep their problems.
pub fn in_form_words(problems: BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    problems
        .into_iter()
        .map(|(path, messages)| {
            let messages = messages
                .into_iter()
                .map(|message| message_in_form_words(&path, message))
                .collect();
            (path, messages)
        })
        .collect()
}

fn message_in_form_words(path: &str, message: String) -> String {
    // `data[0].personal_data` → `personal_data`; `withheld[1].field` → `withheld.field`.
    let field = match path.split_once('[') {
        Some((list, rest)) => match rest.split_once("].") {
            Some((_, inner)) => format!("{list}.{inner}"),
            // `technique[1]`: an entry of a list of choices.
            None => list.to_string(),
        },
        None => path.to_string(),
    };
    let about_a_choice =
        message.starts_with("Choose one of") || message.contains(" is not one of: ");
    let choice = match (field.as_str(), fields::field(&field).map(|f| (f, f.kind))) {
        ("topic", _) => "Choose the topic closest to what the system is for".to_string(),
        (_, Some((f, Kind::Choice(_)))) if f.can_be_unstated() => {
            "Choose one from the list, or “Not stated”".to_string()
        }
        (_, Some((_, Kind::Choice(set)))) => format!("Choose one of: {}", set.labels()),
        (_, Some((_, Kind::Choices(_)))) => "Tick the ones it uses from the list".to_string(),
        ("data.personal_data", _) => format!("Choose one of: {}", PersonalData::labels()),
        ("assessments.kind", _) => format!("Choose one of: {}", AssessmentKind::labels()),
        ("withheld.field", _) if message.contains("cannot be withheld") => {
            return "Choose a field from the list".to_string();
        }
        ("withheld.field", _) => {
            // “how_it_works” is already withheld above → “How it works” …
            return fields::withholdable().fold(message, |text, field| {
                text.replace(
                    &format!("“{}”", field.name),
                    &format!("“{}”", field.label()),
                )
            });
        }
        _ => return message,
    };
    if about_a_choice { choice } else { message }
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
        let words = in_form_words(problems);
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
